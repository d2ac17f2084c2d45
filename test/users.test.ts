import { expect, it } from 'vitest';
import { describeEachDialect, PASSWORD, uniqueEmail } from './helpers/env.ts';

describeEachDialect('inviting users', (env) => {
  it('gives a one-time link that creates the account with the invited role', async () => {
    const email = uniqueEmail('new');
    const invite = await env.admin.post('/api/v1/invites', { email: email.toUpperCase(), role: 'member' });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ email, role: 'member', emailed: false });
    expect(invite.body.inviteUrl).toBe(`http://gloss.test/invite/${invite.body.token}`);

    const lookup = await env.agent().post('/api/v1/invites/lookup', { token: invite.body.token });
    expect(lookup.body).toMatchObject({ email, role: 'member', workspaceName: 'Test workspace' });

    const newcomer = env.agent();
    const accepted = await newcomer.post('/api/v1/invites/accept', {
      token: invite.body.token,
      name: 'Newcomer',
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ email, role: 'member', status: 'active' });
    expect((await newcomer.get('/api/v1/auth/session')).body.user.email).toBe(email);

    const again = await env.agent().post('/api/v1/invites/accept', {
      token: invite.body.token,
      name: 'Twice',
      password: PASSWORD,
    });
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({ code: 'invite_invalid', field: 'token' });
  });

  it('refuses to invite an email that already has an account', async () => {
    const member = await env.user('member');
    const res = await env.admin.post('/api/v1/invites', { email: member.user!.email, role: 'tasker' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'email_taken', field: 'email' });
  });

  it('replaces a pending invite when the same email is invited again', async () => {
    const email = uniqueEmail();
    const first = await env.admin.post('/api/v1/invites', { email, role: 'tasker' });
    const second = await env.admin.post('/api/v1/invites', { email, role: 'member' });
    expect((await env.agent().post('/api/v1/invites/lookup', { token: first.body.token })).status).toBe(404);
    expect((await env.agent().post('/api/v1/invites/lookup', { token: second.body.token })).body.role).toBe(
      'member',
    );
    const pending = await env.admin.get('/api/v1/invites?limit=200');
    expect(pending.body.items.filter((i: any) => i.email === email)).toHaveLength(1);
  });

  it('expires invite links', async () => {
    const invite = await env.admin.post('/api/v1/invites', { email: uniqueEmail(), role: 'tasker' });
    env.clock.advance(env.deps.config.inviteTtlMs + 1);
    const res = await env.agent().post('/api/v1/invites/accept', {
      token: invite.body.token,
      name: 'Late',
      password: PASSWORD,
    });
    expect(res.status).toBe(404);
  });

  it('revokes a pending invite so its link stops working', async () => {
    const invite = await env.admin.post('/api/v1/invites', { email: uniqueEmail(), role: 'tasker' });
    expect((await env.admin.delete(`/api/v1/invites/${invite.body.id}`)).status).toBe(200);
    expect((await env.agent().post('/api/v1/invites/lookup', { token: invite.body.token })).status).toBe(404);
    expect((await env.admin.delete(`/api/v1/invites/${invite.body.id}`)).body.error.code).toBe(
      'invite_not_pending',
    );
  });

  it('lets a Workforce Manager invite Taskers only, and see only Tasker invites', async () => {
    const wm = await env.user('workforce_manager');
    const before = (await env.admin.get('/api/v1/audit?action=user.invite&limit=200')).body.items.length;
    const member = await wm.post('/api/v1/invites', { email: uniqueEmail(), role: 'member' });
    expect(member.status).toBe(403);
    expect((await env.admin.get('/api/v1/audit?action=user.invite&limit=200')).body.items.length).toBe(
      before,
    );
    expect((await wm.post('/api/v1/invites', { email: uniqueEmail(), role: 'tasker' })).status).toBe(201);
    await env.admin.post('/api/v1/invites', { email: uniqueEmail(), role: 'member' });
    const visible = await wm.get('/api/v1/invites?limit=200');
    expect(visible.body.items.length).toBeGreaterThan(0);
    expect(visible.body.items.every((i: any) => i.role === 'tasker')).toBe(true);
  });

  it('refuses invites to Members and Taskers', async () => {
    for (const role of ['member', 'tasker'] as const) {
      const agent = await env.user(role);
      expect((await agent.post('/api/v1/invites', { email: uniqueEmail(), role: 'tasker' })).status).toBe(
        403,
      );
      expect((await agent.get('/api/v1/invites')).status).toBe(403);
    }
  });
});

describeEachDialect('listing and finding users', (env) => {
  it('searches by name or email, filters by role, and pages through everyone', async () => {
    const alice = await env.user('member', { name: 'Alice Zephyr_%' });
    const found = await env.admin.get('/api/v1/users?q=zephyr');
    expect(found.body.items.map((u: any) => u.id)).toEqual([alice.user!.id]);
    // LIKE wildcards in the search text are taken literally.
    expect((await env.admin.get(`/api/v1/users?q=${encodeURIComponent('_%')}`)).body.items).toHaveLength(1);
    expect((await env.admin.get(`/api/v1/users?q=${encodeURIComponent('%')}`)).body.items).toHaveLength(1);

    await env.user('tasker');
    const taskers = await env.admin.get('/api/v1/users?role=tasker');
    expect(taskers.body.items.length).toBeGreaterThan(0);
    expect(taskers.body.items.every((u: any) => u.role === 'tasker')).toBe(true);

    const all = (await env.admin.get('/api/v1/users?limit=200')).body.items.map((u: any) => u.email);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await env.admin.get(`/api/v1/users?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...res.body.items.map((u: any) => u.email));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect([...all].sort()).toEqual(all);
  });

  it('rejects a forged cursor with 400 naming the cursor', async () => {
    const res = await env.admin.get('/api/v1/users?cursor=not-a-cursor');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('cursor');
  });

  it('never returns password hashes', async () => {
    const res = await env.admin.get('/api/v1/users?limit=200');
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/i);
  });

  it('shows a Member everyone, a Tasker no one but themselves', async () => {
    const member = await env.user('member');
    const tasker = await env.user('tasker');
    expect((await member.get('/api/v1/users?limit=200')).body.items.length).toBeGreaterThan(2);
    expect((await tasker.get('/api/v1/users')).status).toBe(403);
    expect((await tasker.get(`/api/v1/users/${tasker.user!.id}`)).status).toBe(200);
    expect((await tasker.get(`/api/v1/users/${member.user!.id}`)).status).toBe(403);
  });

  it('shows a Workforce Manager Admins, their groups’ members and people they invited, not other Members', async () => {
    const wm = await env.user('workforce_manager');
    const invited = await env.user('tasker', { by: wm });
    const otherTasker = await env.user('tasker');
    const member = await env.user('member');
    const seen = new Set((await wm.get('/api/v1/users?limit=200')).body.items.map((u: any) => u.id));
    expect(seen.has(env.admin.user!.id)).toBe(true);
    expect(seen.has(invited.user!.id)).toBe(true);
    expect(seen.has(wm.user!.id)).toBe(true);
    expect(seen.has(otherTasker.user!.id)).toBe(false);
    expect(seen.has(member.user!.id)).toBe(false);
    expect((await wm.get(`/api/v1/users/${member.user!.id}`)).status).toBe(403);
  });
});

describeEachDialect('changing roles', (env) => {
  it('lets an Admin change a role with the current revision, and refuses a stale one', async () => {
    const member = await env.user('member');
    const current = (await env.admin.get(`/api/v1/users/${member.user!.id}`)).body;
    const res = await env.admin.patch(`/api/v1/users/${member.user!.id}/role`, {
      role: 'workforce_manager',
      revision: current.revision,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'workforce_manager', revision: current.revision + 1 });
    const stale = await env.admin.patch(`/api/v1/users/${member.user!.id}/role`, {
      role: 'tasker',
      revision: current.revision,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('revision_conflict');
    expect((await env.admin.get(`/api/v1/users/${member.user!.id}`)).body.role).toBe('workforce_manager');
    const audit = await env.admin.get(`/api/v1/audit?targetId=${member.user!.id}&action=user.change_role`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      actor: { id: env.admin.user!.id },
      before: { role: 'member' },
      after: { role: 'workforce_manager' },
    });
  });

  it('refuses role changes by a Workforce Manager, even for a Tasker they invited', async () => {
    const wm = await env.user('workforce_manager');
    const tasker = await env.user('tasker', { by: wm });
    const res = await wm.patch(`/api/v1/users/${tasker.user!.id}/role`, { role: 'member', revision: 1 });
    expect(res.status).toBe(403);
    expect((await env.admin.get(`/api/v1/users/${tasker.user!.id}`)).body.role).toBe('tasker');
  });

  it('stops a demoted Workforce Manager from managing groups they managed', async () => {
    const wm = await env.user('workforce_manager');
    const group = await wm.post('/api/v1/groups', { name: `Crew ${uniqueEmail()}` });
    expect(group.status).toBe(201);
    const rev = (await env.admin.get(`/api/v1/users/${wm.user!.id}`)).body.revision;
    await env.admin.patch(`/api/v1/users/${wm.user!.id}/role`, { role: 'member', revision: rev });
    const rename = await wm.patch(`/api/v1/groups/${group.body.id}`, { name: 'Mine still?', revision: 1 });
    // They no longer see the group at all (404) or may not change it (403); either way nothing changes.
    expect([403, 404]).toContain(rename.status);
    expect((await env.admin.get(`/api/v1/groups/${group.body.id}`)).body.name).toBe(group.body.name);
  });
});

describeEachDialect('the last Admin', (env) => {
  it('cannot be demoted, and of two Admins demoting each other at once exactly one succeeds', async () => {
    const self = (await env.admin.get(`/api/v1/users/${env.admin.user!.id}`)).body;
    const alone = await env.admin.patch(`/api/v1/users/${self.id}/role`, {
      role: 'member',
      revision: self.revision,
    });
    expect(alone.status).toBe(409);
    expect(alone.body.error).toMatchObject({ code: 'last_admin', field: 'role' });

    const second = await env.user('admin');
    const a = (await env.admin.get(`/api/v1/users/${env.admin.user!.id}`)).body;
    const b = (await env.admin.get(`/api/v1/users/${second.user!.id}`)).body;
    const results = await Promise.all([
      second.patch(`/api/v1/users/${a.id}/role`, { role: 'member', revision: a.revision }),
      env.admin.patch(`/api/v1/users/${b.id}/role`, { role: 'member', revision: b.revision }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    // The loser is refused either because it is no longer an Admin (403) or because it would
    // remove the last Admin (409); never do both succeed.
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const admins = await env.admin.get('/api/v1/users?role=admin&status=active');
    const secondAdmins = await second.get('/api/v1/users?role=admin&status=active');
    const list = admins.status === 200 ? admins.body.items : secondAdmins.body.items;
    expect(list).toHaveLength(1);
  });
});

describeEachDialect('deactivating and reactivating', (env) => {
  it('signs a deactivated user out, blocks their sign-in, keeps their record, and lets them back on reactivation', async () => {
    const tasker = await env.user('tasker');
    const id = tasker.user!.id;
    const res = await env.admin.post(`/api/v1/users/${id}/deactivate`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('deactivated');
    expect((await tasker.get('/api/v1/auth/session')).status).toBe(401);
    const login = await env
      .agent()
      .post('/api/v1/auth/login', { email: tasker.user!.email, password: PASSWORD });
    expect(login.status).toBe(401);
    expect((await env.admin.get(`/api/v1/users/${id}`)).body.status).toBe('deactivated');
    expect((await env.admin.post(`/api/v1/users/${id}/deactivate`)).body.error.code).toBe(
      'already_deactivated',
    );

    expect((await env.admin.post(`/api/v1/users/${id}/reactivate`)).status).toBe(200);
    const back = await env
      .agent()
      .post('/api/v1/auth/login', { email: tasker.user!.email, password: PASSWORD });
    expect(back.status).toBe(200);
  });

  it('refuses to deactivate an Admin until they are demoted', async () => {
    const other = await env.user('admin');
    const res = await env.admin.post(`/api/v1/users/${other.user!.id}/deactivate`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('user_is_admin');
  });

  it('lets a Workforce Manager deactivate Taskers they manage, but not Members', async () => {
    const wm = await env.user('workforce_manager');
    const tasker = await env.user('tasker', { by: wm });
    expect((await wm.post(`/api/v1/users/${tasker.user!.id}/deactivate`)).status).toBe(200);
    expect((await wm.post(`/api/v1/users/${tasker.user!.id}/reactivate`)).status).toBe(200);
    const member = await env.user('member');
    const res = await wm.post(`/api/v1/users/${member.user!.id}/deactivate`);
    expect(res.status).toBe(403);
    expect((await env.admin.get(`/api/v1/users/${member.user!.id}`)).body.status).toBe('active');
  });

  it('refuses deactivation by Members and Taskers', async () => {
    const target = await env.user('tasker');
    for (const role of ['member', 'tasker'] as const) {
      const agent = await env.user(role);
      expect((await agent.post(`/api/v1/users/${target.user!.id}/deactivate`)).status).toBe(403);
    }
  });
});
