import { randomBytes, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect } from './helpers/env.ts';

const uniqueName = (prefix = 'Group') => `${prefix} ${randomBytes(4).toString('hex')}`;

describeEachDialect('user groups', (env) => {
  async function createGroup(by: Agent, name = uniqueName(), description?: string) {
    const res = await by.post('/api/v1/groups', {
      name,
      ...(description === undefined ? {} : { description }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  async function addMembers(by: Agent, groupId: string, users: Agent[]) {
    return by.post(`/api/v1/groups/${groupId}/members`, { userIds: users.map((u) => u.user!.id) });
  }

  async function auditActions(targetId: string): Promise<string[]> {
    const res = await env.admin.get(`/api/v1/audit?targetId=${targetId}&limit=200`);
    expect(res.status).toBe(200);
    return res.body.items.map((e: { action: string }) => e.action).sort();
  }

  async function listNames(by: Agent, q?: string): Promise<string[]> {
    const res = await by.get(`/api/v1/groups?limit=200${q ? `&q=${encodeURIComponent(q)}` : ''}`);
    expect(res.status).toBe(200);
    return res.body.items.map((g: { name: string }) => g.name);
  }

  it('lets an Admin create, rename and delete a group, auditing each step', async () => {
    const name = uniqueName('Labelers');
    const created = await createGroup(env.admin, `  ${name}  `, 'Night shift');
    expect(created).toMatchObject({
      name,
      description: 'Night shift',
      memberCount: 0,
      revision: 1,
      managers: [{ id: env.admin.user!.id, email: env.admin.user!.email }],
    });

    const renamed = await env.admin.patch(`/api/v1/groups/${created.id}`, {
      name: `${name} B`,
      revision: 1,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: `${name} B`, description: 'Night shift', revision: 2 });
    expect((await env.admin.get(`/api/v1/groups/${created.id}`)).body.name).toBe(`${name} B`);

    expect((await env.admin.delete(`/api/v1/groups/${created.id}`)).body).toEqual({ ok: true });
    const gone = await env.admin.get(`/api/v1/groups/${created.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');
    expect(await auditActions(created.id)).toEqual(['group.create', 'group.delete', 'group.update']);
  });

  it('records the group before and after a rename in the audit log', async () => {
    const group = await createGroup(env.admin);
    await env.admin.patch(`/api/v1/groups/${group.id}`, { description: 'new', revision: 1 });
    const res = await env.admin.get(`/api/v1/audit?targetId=${group.id}&action=group.update`);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].before).toMatchObject({ description: '', revision: 1 });
    expect(res.body.items[0].after).toMatchObject({ description: 'new', revision: 2 });
    expect(res.body.items[0].actor.id).toBe(env.admin.user!.id);
  });

  it('refuses a second group whose name differs only in case or spaces', async () => {
    const name = uniqueName('Reviewers');
    await createGroup(env.admin, name);
    const dup = await env.admin.post('/api/v1/groups', { name: ` ${name.toUpperCase()} ` });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'group_name_taken', field: 'name' });
  });

  it('creates exactly one group when the same name is submitted concurrently', async () => {
    const name = uniqueName('Race');
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        env.admin.post('/api/v1/groups', { name: i % 2 ? name : name.toLowerCase() }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) {
      expect(r.body.error.code).toBe('group_name_taken');
    }
    expect(await listNames(env.admin, name)).toHaveLength(1);
  });

  it('refuses to rename a group to another group’s name but allows changing its own name’s case', async () => {
    const first = await createGroup(env.admin);
    const second = await createGroup(env.admin);
    const clash = await env.admin.patch(`/api/v1/groups/${second.id}`, {
      name: first.name.toLowerCase(),
      revision: 1,
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: 'group_name_taken', field: 'name' });

    const recased = await env.admin.patch(`/api/v1/groups/${second.id}`, {
      name: second.name.toUpperCase(),
      revision: 1,
    });
    expect(recased.status).toBe(200);
    expect(recased.body.name).toBe(second.name.toUpperCase());
  });

  it('refuses a stale revision with 409 and changes nothing', async () => {
    const group = await createGroup(env.admin);
    await env.admin.patch(`/api/v1/groups/${group.id}`, { description: 'first edit', revision: 1 });
    const stale = await env.admin.patch(`/api/v1/groups/${group.id}`, { name: 'Lost edit', revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'revision_conflict', field: 'revision' });
    expect(stale.body.error.details).toEqual({ currentRevision: 2 });
    const now = await env.admin.get(`/api/v1/groups/${group.id}`);
    expect(now.body).toMatchObject({ name: group.name, description: 'first edit', revision: 2 });
    expect(await auditActions(group.id)).toEqual(['group.create', 'group.update']);
  });

  it('rejects unknown fields and invalid names', async () => {
    const extra = await env.admin.post('/api/v1/groups', { name: uniqueName(), colour: 'red' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.field).toBe('colour');
    const blank = await env.admin.post('/api/v1/groups', { name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.field).toBe('name');
    const long = await env.admin.post('/api/v1/groups', { name: 'x'.repeat(81) });
    expect(long.status).toBe(400);
    const group = await createGroup(env.admin);
    const noRevision = await env.admin.patch(`/api/v1/groups/${group.id}`, { name: uniqueName() });
    expect(noRevision.status).toBe(400);
    expect(noRevision.body.error.field).toBe('revision');
    const twice = await env.admin.post(`/api/v1/groups/${group.id}/members`, {
      userIds: [env.admin.user!.id, env.admin.user!.id],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.field).toBe('userIds');
  });

  it('lets a Workforce Manager create a group, manage it, and add a Tasker they invited', async () => {
    const wm = await env.user('workforce_manager');
    const tasker = await env.user('tasker', { by: wm });
    const group = await createGroup(wm);
    expect(group.managers).toEqual([{ id: wm.user!.id, name: expect.any(String), email: wm.user!.email }]);

    const added = await addMembers(wm, group.id, [tasker]);
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ added: 1 });
    expect((await addMembers(wm, group.id, [tasker])).body).toEqual({ added: 0 });

    const members = await wm.get(`/api/v1/groups/${group.id}/members`);
    expect(members.body.items).toEqual([
      expect.objectContaining({ id: tasker.user!.id, role: 'tasker', status: 'active' }),
    ]);
    const renamed = await wm.patch(`/api/v1/groups/${group.id}`, { name: uniqueName(), revision: 1 });
    expect(renamed.status).toBe(200);
    expect((await wm.get(`/api/v1/groups/${group.id}`)).body.memberCount).toBe(1);
    expect(await auditActions(group.id)).toEqual(['group.add_members', 'group.create', 'group.update']);
  });

  it('keeps a Workforce Manager out of groups they do not manage', async () => {
    const wm = await env.user('workforce_manager');
    const belongs = await createGroup(env.admin);
    const foreign = await createGroup(env.admin);
    await addMembers(env.admin, belongs.id, [wm]);

    const seen = await wm.get(`/api/v1/groups/${belongs.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.managers).toBeNull();
    const rename = await wm.patch(`/api/v1/groups/${belongs.id}`, { name: uniqueName(), revision: 1 });
    expect(rename.status).toBe(403);
    expect(rename.body.error.code).toBe('forbidden');

    expect((await wm.get(`/api/v1/groups/${foreign.id}`)).status).toBe(403);
    expect((await wm.patch(`/api/v1/groups/${foreign.id}`, { name: 'x', revision: 1 })).status).toBe(403);
    expect((await wm.delete(`/api/v1/groups/${foreign.id}`)).status).toBe(403);
    const names = await listNames(wm);
    expect(names).toContain(belongs.name);
    expect(names).not.toContain(foreign.name);
  });

  it('shows a Member or Tasker only the groups they belong to, without their managers', async () => {
    const member = await env.user('member');
    const tasker = await env.user('tasker');
    const theirs = await createGroup(env.admin);
    const other = await createGroup(env.admin);
    await addMembers(env.admin, theirs.id, [member, tasker]);

    for (const agent of [member, tasker]) {
      expect(await listNames(agent)).toEqual([theirs.name]);
      const one = await agent.get(`/api/v1/groups/${theirs.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: theirs.id, memberCount: 2, managers: null });
      expect((await agent.get(`/api/v1/groups/${other.id}`)).status).toBe(403);
      expect((await agent.get(`/api/v1/groups/${theirs.id}/managers`)).status).toBe(403);
      expect((await agent.get(`/api/v1/groups/${other.id}/members`)).status).toBe(403);
    }
  });

  it('lists to a Tasker only themselves among a group’s members, as they may see no one else', async () => {
    const tasker = await env.user('tasker');
    const peer = await env.user('tasker');
    const member = await env.user('member');
    const group = await createGroup(env.admin);
    await addMembers(env.admin, group.id, [tasker, peer, member]);

    const asTasker = await tasker.get(`/api/v1/groups/${group.id}/members`);
    expect(asTasker.body.items.map((m: { id: string }) => m.id)).toEqual([tasker.user!.id]);
    const asMember = await member.get(`/api/v1/groups/${group.id}/members`);
    expect(asMember.body.items).toHaveLength(3);
  });

  it('does not let a Tasker or a Member create a group', async () => {
    for (const role of ['tasker', 'member'] as const) {
      const agent = await env.user(role);
      const name = uniqueName();
      const res = await agent.post('/api/v1/groups', { name });
      expect(res.status).toBe(403);
      expect(await listNames(env.admin, name)).toEqual([]);
    }
  });

  it('writes no audit row and changes nothing when a change is forbidden', async () => {
    const wm = await env.user('workforce_manager');
    const tasker = await env.user('tasker', { by: wm });
    const group = await createGroup(env.admin);
    await addMembers(env.admin, group.id, [wm]);
    const before = await env.admin.get(`/api/v1/groups/${group.id}`);
    const auditBefore = await auditActions(group.id);

    const attempts = [
      await wm.patch(`/api/v1/groups/${group.id}`, { name: uniqueName(), revision: 1 }),
      await wm.delete(`/api/v1/groups/${group.id}`),
      await addMembers(wm, group.id, [tasker]),
      await wm.delete(`/api/v1/groups/${group.id}/members/${wm.user!.id}`),
      await wm.post(`/api/v1/groups/${group.id}/managers`, { userIds: [wm.user!.id] }),
      await wm.delete(`/api/v1/groups/${group.id}/managers/${env.admin.user!.id}`),
      await wm.get(`/api/v1/groups/${group.id}/managers`),
    ];
    expect(attempts.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect((await env.admin.get(`/api/v1/groups/${group.id}`)).body).toEqual(before.body);
    expect(await auditActions(group.id)).toEqual(auditBefore);
  });

  it('makes only active Admins and Workforce Managers group managers', async () => {
    const wm = await env.user('workforce_manager');
    const member = await env.user('member');
    const tasker = await env.user('tasker');
    const group = await createGroup(env.admin);

    const wrong = await env.admin.post(`/api/v1/groups/${group.id}/managers`, {
      userIds: [wm.user!.id, member.user!.id, tasker.user!.id],
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error).toMatchObject({ code: 'not_a_manager_role', field: 'userIds' });
    expect(wrong.body.error.details.userIds.sort()).toEqual([member.user!.id, tasker.user!.id].sort());
    expect((await env.admin.get(`/api/v1/groups/${group.id}/managers`)).body).toHaveLength(1);

    const ok = await env.admin.post(`/api/v1/groups/${group.id}/managers`, { userIds: [wm.user!.id] });
    expect(ok.body).toEqual({ added: 1 });
    const asWm = await wm.get(`/api/v1/groups/${group.id}`);
    expect(asWm.body.managers.map((m: { id: string }) => m.id).sort()).toEqual(
      [env.admin.user!.id, wm.user!.id].sort(),
    );
    const managers = await wm.get(`/api/v1/groups/${group.id}/managers`);
    expect(managers.body).toContainEqual(
      expect.objectContaining({ id: wm.user!.id, role: 'workforce_manager' }),
    );

    expect((await env.admin.delete(`/api/v1/groups/${group.id}/managers/${wm.user!.id}`)).body).toEqual({
      ok: true,
    });
    expect((await wm.get(`/api/v1/groups/${group.id}`)).status).toBe(403);
    expect((await env.admin.delete(`/api/v1/groups/${group.id}/managers/${wm.user!.id}`)).status).toBe(404);
    expect(await auditActions(group.id)).toEqual([
      'group.add_managers',
      'group.create',
      'group.remove_manager',
    ]);
  });

  it('refuses to add a deactivated user and adds none of the others', async () => {
    const active = await env.user('tasker');
    const gone = await env.user('tasker');
    const off = await env.admin.post(`/api/v1/users/${gone.user!.id}/deactivate`, {});
    expect(off.status).toBe(200);
    const group = await createGroup(env.admin);

    const res = await addMembers(env.admin, group.id, [active, gone]);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'user_deactivated', field: 'userIds' });
    expect((await env.admin.get(`/api/v1/groups/${group.id}`)).body.memberCount).toBe(0);
    expect(await auditActions(group.id)).toEqual(['group.create']);
  });

  it('refuses users the caller may not see (403) and reports ones that do not exist (404)', async () => {
    const wm = await env.user('workforce_manager');
    const stranger = await env.user('tasker');
    const group = await createGroup(wm);
    const hidden = await wm.post(`/api/v1/groups/${group.id}/members`, { userIds: [stranger.user!.id] });
    expect(hidden.status).toBe(403);
    expect(hidden.body.error).toMatchObject({ code: 'forbidden', field: 'userIds' });
    const missing = await wm.post(`/api/v1/groups/${group.id}/members`, { userIds: [randomUUID()] });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not_found', field: 'userIds' });
    expect((await wm.get(`/api/v1/groups/${group.id}`)).body.memberCount).toBe(0);
  });

  it('removes a member, and answers 404 for someone not in the group', async () => {
    const tasker = await env.user('tasker');
    const group = await createGroup(env.admin);
    await addMembers(env.admin, group.id, [tasker]);
    expect(await listNames(tasker)).toContain(group.name);

    const removed = await env.admin.delete(`/api/v1/groups/${group.id}/members/${tasker.user!.id}`);
    expect(removed.body).toEqual({ ok: true });
    expect(await listNames(tasker)).not.toContain(group.name);
    const again = await env.admin.delete(`/api/v1/groups/${group.id}/members/${tasker.user!.id}`);
    expect(again.status).toBe(404);
    expect(await auditActions(group.id)).toEqual([
      'group.add_members',
      'group.create',
      'group.remove_member',
    ]);
  });

  it('deletes a group’s memberships and manager rows with it', async () => {
    const wm = await env.user('workforce_manager');
    const tasker = await env.user('tasker', { by: wm });
    const group = await createGroup(wm);
    await addMembers(wm, group.id, [tasker]);
    expect((await wm.delete(`/api/v1/groups/${group.id}`)).status).toBe(200);

    for (const table of ['group_members', 'group_managers'] as const) {
      const rows = await env.deps.db.selectFrom(table).selectAll().where('group_id', '=', group.id).execute();
      expect(rows).toEqual([]);
    }
    expect(await listNames(tasker)).not.toContain(group.name);
  });

  it('walks every page of the list with limit=1, in case-insensitive name order', async () => {
    const tag = randomBytes(4).toString('hex');
    for (const name of [`b ${tag}`, `A ${tag}`, `C ${tag}`, `a2 ${tag}`]) await createGroup(env.admin, name);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/groups?limit=1&q=${tag}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await env.admin.get(url);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...res.body.items.map((g: { name: string }) => g.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([`A ${tag}`, `a2 ${tag}`, `b ${tag}`, `C ${tag}`]);
  });

  it('refuses a cursor it did not issue', async () => {
    const res = await env.admin.get('/api/v1/groups?cursor=bogus');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('cursor');
  });
});
