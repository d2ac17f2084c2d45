import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { sweepExpiredAuthState } from '../src/server/modules/auth/housekeeping.ts';
import { Agent } from './helpers/agent.ts';
import { describeEachDialect, PASSWORD, uniqueEmail } from './helpers/env.ts';

const auditCount = async (env: { admin: Agent }, query: string) => {
  const res = await env.admin.get(`/api/v1/audit?${query}&limit=200`);
  return res.body.items.length as number;
};

describeEachDialect('first-run setup', (env) => {
  it('reports that setup is done once the first admin exists', async () => {
    const res = await env.agent().get('/api/v1/setup');
    expect(res.body).toEqual({ needsSetup: false });
  });

  it('refuses a second setup and creates nobody', async () => {
    const email = uniqueEmail('intruder');
    const res = await env.agent().post('/api/v1/setup', {
      workspaceName: 'Mine now',
      email,
      name: 'Intruder',
      password: PASSWORD,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('already_set_up');
    const users = await env.admin.get(`/api/v1/users?q=${encodeURIComponent(email)}`);
    expect(users.body.items).toEqual([]);
    const ws = await env.admin.get('/api/v1/workspace');
    expect(ws.body.name).toBe('Test workspace');
  });
});

describeEachDialect('signing in and out', (env) => {
  it('sets an HTTP-only, SameSite session cookie and returns a CSRF token', async () => {
    const tasker = await env.user('tasker');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: tasker.user!.email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^gloss_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(res.json().csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const tasker = await env.user('tasker');
    const wrong = await env
      .agent()
      .post('/api/v1/auth/login', { email: tasker.user!.email, password: 'not the one!' });
    const unknown = await env
      .agent()
      .post('/api/v1/auth/login', { email: uniqueEmail(), password: 'not the one!' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('ends the session on logout', async () => {
    const tasker = await env.user('tasker');
    expect((await tasker.post('/api/v1/auth/logout')).status).toBe(200);
    expect(tasker.cookie).toBeNull();
    const again = await env.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(again.statusCode).toBe(401);
  });

  it('expires a session after its lifetime without use', async () => {
    const tasker = await env.user('tasker');
    env.clock.advance(env.deps.config.sessionTtlMs + 1000);
    const res = await tasker.get('/api/v1/auth/session');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('keeps a session alive while it is used', async () => {
    const tasker = await env.user('tasker');
    for (let i = 0; i < 3; i++) {
      env.clock.advance(env.deps.config.sessionTtlMs * 0.6);
      expect((await tasker.get('/api/v1/auth/session')).status).toBe(200);
    }
  });

  it('writes the login to the audit log', async () => {
    const tasker = await env.user('tasker');
    await new Agent(env.app).login(tasker.user!.email, PASSWORD);
    expect(await auditCount(env, `actorId=${tasker.user!.id}&action=auth.login`)).toBe(1);
  });
});

describeEachDialect('CSRF protection on cookie sessions', (env) => {
  it('refuses a cookie-authenticated write without the token and changes nothing', async () => {
    const member = await env.user('member');
    const res = await member.request('POST', '/api/v1/api-keys', { name: 'sneaky' }, { 'x-csrf-token': '' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
    const wrong = await member.request(
      'POST',
      '/api/v1/api-keys',
      { name: 'sneaky' },
      { 'x-csrf-token': 'x'.repeat(43) },
    );
    expect(wrong.status).toBe(403);
    expect((await member.get('/api/v1/api-keys')).body.items).toEqual([]);
  });

  it('accepts the write with the token and reads without one', async () => {
    const member = await env.user('member');
    expect((await member.post('/api/v1/api-keys', { name: 'fine' })).status).toBe(201);
    expect((await member.get('/api/v1/api-keys')).body.items).toHaveLength(1);
  });
});

describeEachDialect(
  'login rate limiting',
  (env) => {
    it('locks an account after repeated failures, even for the right password, until the window passes', async () => {
      const tasker = await env.user('tasker');
      const email = tasker.user!.email;
      for (let i = 0; i < 3; i++) {
        expect(
          (await env.agent().post('/api/v1/auth/login', { email, password: 'wrong password' })).status,
        ).toBe(401);
      }
      const locked = await env.agent().post('/api/v1/auth/login', { email, password: PASSWORD });
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('rate_limited');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      env.clock.advance(15 * 60_000);
      expect((await env.agent().post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(200);
    });

    it('limits one address across many accounts, and not other addresses', async () => {
      env.clock.advance(15 * 60_000);
      const attempt = (remoteAddress: string, email: string, password: string) =>
        env.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email, password },
          remoteAddress,
        });
      for (let i = 0; i < 5; i++) {
        expect((await attempt('203.0.113.9', uniqueEmail(), 'guessing')).statusCode).toBe(401);
      }
      const member = await env.user('member');
      expect((await attempt('203.0.113.9', member.user!.email, PASSWORD)).statusCode).toBe(429);
      expect((await attempt('198.51.100.7', member.user!.email, PASSWORD)).statusCode).toBe(200);
    });
  },
  { GLOSS_LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', GLOSS_LOGIN_MAX_FAILURES_PER_IP: '5' },
);

describeEachDialect('changing your own account', (env) => {
  it('renames with the current revision and refuses a stale one', async () => {
    const member = await env.user('member');
    const me = (await member.get('/api/v1/auth/session')).body.user;
    const renamed = await member.patch('/api/v1/account', { revision: me.revision, name: 'New Name' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('New Name');
    const stale = await member.patch('/api/v1/account', { revision: me.revision, name: 'Lost Update' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('revision_conflict');
    expect((await member.get('/api/v1/auth/session')).body.user.name).toBe('New Name');
  });

  it('needs the current password to set a new one, then signs out other sessions', async () => {
    const member = await env.user('member');
    const email = member.user!.email;
    const other = await new Agent(env.app).login(email, PASSWORD);
    const rev = (await member.get('/api/v1/auth/session')).body.user.revision;
    const missing = await member.patch('/api/v1/account', {
      revision: rev,
      newPassword: 'a whole new secret',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('currentPassword');
    const wrong = await member.patch('/api/v1/account', {
      revision: rev,
      currentPassword: 'not my password',
      newPassword: 'a whole new secret',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('currentPassword');
    const ok = await member.patch('/api/v1/account', {
      revision: rev,
      currentPassword: PASSWORD,
      newPassword: 'a whole new secret',
    });
    expect(ok.status).toBe(200);
    expect((await member.get('/api/v1/auth/session')).status).toBe(200);
    expect((await other.get('/api/v1/auth/session')).status).toBe(401);
    await new Agent(env.app).login(email, 'a whole new secret');
    const audit = await env.admin.get(
      `/api/v1/audit?targetId=${member.user!.id}&action=account.change_password`,
    );
    expect(audit.body.items).toHaveLength(1);
    expect(JSON.stringify(audit.body.items[0])).not.toMatch(/scrypt|password_hash/);
  });
});

describeEachDialect('API keys', (env) => {
  it('shows the token once, authenticates as Bearer without CSRF, and stops working when revoked', async () => {
    const member = await env.user('member');
    const created = await member.post('/api/v1/api-keys', { name: 'ci script' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^gls\./);
    const listed = await member.get('/api/v1/api-keys');
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token.split('.')[2]);

    const bot = env.agent();
    bot.bearer = created.body.token;
    const me = await bot.get('/api/v1/auth/session');
    expect(me.body).toMatchObject({ via: 'api_key', csrfToken: null, user: { id: member.user!.id } });
    expect((await bot.post('/api/v1/api-keys', { name: 'made by the bot' })).status).toBe(201);

    const revoked = await member.delete(`/api/v1/api-keys/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await bot.get('/api/v1/auth/session')).status).toBe(401);
    expect((await member.delete(`/api/v1/api-keys/${created.body.id}`)).body.error.code).toBe(
      'already_revoked',
    );
  });

  it('refuses to revoke someone else’s key, even for an Admin', async () => {
    const member = await env.user('member');
    const key = await member.post('/api/v1/api-keys', { name: 'mine' });
    const res = await env.admin.delete(`/api/v1/api-keys/${key.body.id}`);
    expect(res.status).toBe(403);
    expect((await member.get('/api/v1/api-keys')).body.items[0].revokedAt).toBeNull();
  });

  it('rejects malformed and unknown bearer tokens', async () => {
    for (const header of [
      'Bearer nonsense',
      'Basic abc',
      `Bearer gls.${crypto.randomUUID()}.${'a'.repeat(43)}`,
    ]) {
      const res = await env.app.inject({
        method: 'GET',
        url: '/api/v1/auth/session',
        headers: { authorization: header },
      });
      expect(res.statusCode).toBe(401);
    }
  });

  it('stops a deactivated user’s keys from working', async () => {
    const tasker = await env.user('tasker');
    const key = await tasker.post('/api/v1/api-keys', { name: 'soon dead' });
    const bot = env.agent();
    bot.bearer = key.body.token;
    expect((await bot.get('/api/v1/auth/session')).status).toBe(200);
    expect((await env.admin.post(`/api/v1/users/${tasker.user!.id}/deactivate`)).status).toBe(200);
    expect((await bot.get('/api/v1/auth/session')).status).toBe(401);
  });
});

describeEachDialect('request ids and health', (env) => {
  it('answers every request with a request id and echoes a well-formed incoming one', async () => {
    const mine = await env.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(mine.headers['x-request-id']).toBe('trace-12345678');
    const bad = await env.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'x y' },
    });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI 3.1 document and its docs page', async () => {
    const doc = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.json().openapi).toBe('3.1.0');
    expect(Object.keys(doc.json().paths)).toContain('/api/v1/invites');
    const page = await env.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await env.agent().get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describeEachDialect('housekeeping', (env) => {
  it('sweeps expired sessions and past sign-in counters, and nothing live', async () => {
    const live = await env.user('member');
    const stale = await env.user('member');
    await env.agent().post('/api/v1/auth/login', { email: stale.user!.email, password: 'wrong password' });
    env.clock.advance(env.deps.config.sessionTtlMs - 60_000);
    expect((await live.get('/api/v1/auth/session')).status).toBe(200);
    env.clock.advance(120_000);
    const swept = await sweepExpiredAuthState(env.deps);
    expect(swept.sessions).toBeGreaterThan(0);
    expect(swept.rateLimits).toBeGreaterThan(0);
    expect((await live.get('/api/v1/auth/session')).status).toBe(200);
    expect((await stale.get('/api/v1/auth/session')).status).toBe(401);
    const left = await env.deps.db.selectFrom('rate_limits').selectAll().execute();
    expect(left).toEqual([]);
  });
});

describeEachDialect('serving the web app', (env) => {
  it('serves index.html at the root and at client-side routes, never cached, and JSON 404s under /api', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'gloss-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Gloss</title>');
    writeFileSync(join(webRoot, 'assets', 'app-abc123.js'), 'console.log(1)');
    const app = await buildApp({ ...env.deps, config: { ...env.deps.config, webRoot } }, { logger: false });
    for (const url of ['/', '/login', '/settings/users?x=1']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>Gloss</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    const api = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
    await app.close();
    rmSync(webRoot, { recursive: true });
  });
});
