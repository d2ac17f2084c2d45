import { expect, it } from 'vitest';
import { describeEachDialect } from './helpers/env.ts';

describeEachDialect('smoke', (env) => {
  it('serves health and the signed-in admin', async () => {
    const health = await env.agent().get('/api/health');
    expect(health.body).toEqual({ status: 'ok', database: env.dialect });
    const me = await env.admin.get('/api/v1/auth/session');
    expect(me.status).toBe(200);
    expect(me.body.user.role).toBe('admin');
  });

  it('invites a tasker who then signs in', async () => {
    const tasker = await env.user('tasker');
    const me = await tasker.get('/api/v1/auth/session');
    expect(me.body.user.role).toBe('tasker');
  });
});
