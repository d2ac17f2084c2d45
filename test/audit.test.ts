import { expect, it } from 'vitest';
import { describeEachDialect, uniqueEmail } from './helpers/env.ts';

describeEachDialect('the audit log', (env) => {
  it('records who did what to which target, from where, with before and after', async () => {
    const member = await env.user('member');
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/users/${member.user!.id}/deactivate`,
      headers: { authorization: `Bearer ${env.admin.bearer}`, 'x-request-id': 'audit-trace-0001' },
      remoteAddress: '192.0.2.44',
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    const log = await env.admin.get(`/api/v1/audit?targetId=${member.user!.id}&action=user.deactivate`);
    expect(log.body.items).toHaveLength(1);
    const entry = log.body.items[0];
    expect(entry).toMatchObject({
      actor: { id: env.admin.user!.id, email: env.admin.user!.email },
      actorKind: 'user',
      action: 'user.deactivate',
      targetType: 'user',
      targetId: member.user!.id,
      ip: '192.0.2.44',
      requestId: 'audit-trace-0001',
      before: { status: 'active' },
      after: { status: 'deactivated' },
    });
    expect(entry.apiKeyId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(entry.at)).toBe(env.clock.now);
  });

  it('filters by actor, action prefix and time, newest first, with cursor pagination', async () => {
    const start = new Date(env.clock.now).toISOString();
    const wm = await env.user('workforce_manager');
    for (let i = 0; i < 3; i++) {
      env.clock.advance(1000);
      await wm.post('/api/v1/invites', { email: uniqueEmail(), role: 'tasker' });
    }
    const mine = await env.admin.get(`/api/v1/audit?actorId=${wm.user!.id}&action=user.`);
    expect(mine.body.items.map((e: any) => e.action)).toEqual(['user.invite', 'user.invite', 'user.invite']);
    const times = mine.body.items.map((e: any) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await env.admin.get(
        `/api/v1/audit?actorId=${wm.user!.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      pages.push(...res.body.items.map((e: any) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const all = (await env.admin.get(`/api/v1/audit?actorId=${wm.user!.id}&limit=200`)).body.items.map(
      (e: any) => e.id,
    );
    expect(pages).toEqual(all);

    const late = await env.admin.get(
      `/api/v1/audit?actorId=${wm.user!.id}&from=${encodeURIComponent(new Date(env.clock.now - 1500).toISOString())}`,
    );
    expect(late.body.items).toHaveLength(2);
    const early = await env.admin.get(
      `/api/v1/audit?actorId=${wm.user!.id}&from=${encodeURIComponent(start)}&to=${encodeURIComponent(start)}`,
    );
    expect(early.body.items).toHaveLength(0);
  });

  it('accepts times with offsets and compares them in UTC', async () => {
    const res = await env.admin.get(`/api/v1/audit?from=${encodeURIComponent('2000-01-01T02:00:00+02:00')}`);
    expect(res.status).toBe(200);
    const bad = await env.admin.get('/api/v1/audit?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('from');
  });

  it('is for Admins only', async () => {
    for (const role of ['workforce_manager', 'member', 'tasker'] as const) {
      const agent = await env.user(role);
      const res = await agent.get('/api/v1/audit');
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });
});
