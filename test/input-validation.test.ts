import { expect, it } from 'vitest';
import { describeEachDialect } from './helpers/env.ts';

describeEachDialect('input refused before it reaches the database', (env) => {
  it('refuses a NUL character in a body, query or cursor, naming the field', async () => {
    const body = await env.admin.post('/api/v1/api-keys', { name: 'a\u0000b' });
    expect(body.status).toBe(400);
    expect(body.body.error).toMatchObject({ code: 'invalid_request', field: 'name' });
    const query = await env.admin.get(`/api/v1/users?q=${encodeURIComponent('x\u0000')}`);
    expect(query.body.error.field).toBe('q');
    const cursor = Buffer.from(JSON.stringify(['a\u0000'])).toString('base64url');
    const page = await env.admin.get(`/api/v1/users?cursor=${cursor}`);
    expect(page.status).toBe(400);
    expect(page.body.error.field).toBe('cursor');
  });

  it('answers a malformed path escape with 400 naming the path', async () => {
    const res = await env.admin.get('/api/v1/users/%zz');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field: 'path' });
  });

  it('answers an over-long path segment with a 4xx in the usual error shape', async () => {
    for (const method of ['GET', 'PATCH'] as const) {
      const res = await env.admin.request(
        method,
        `/api/v1/groups/${'x'.repeat(200)}`,
        method === 'GET' ? undefined : {},
      );
      expect(res.status, method).toBeGreaterThanOrEqual(400);
      expect(res.status, method).toBeLessThan(500);
      expect(typeof res.body.error.code).toBe('string');
    }
  });

  it('survives a deeply nested body', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { authorization: `Bearer ${env.admin.bearer}`, 'content-type': 'application/json' },
      payload: deep,
    });
    expect(res.statusCode).toBe(400);
  });
});
