import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect } from './helpers/env.ts';

const uniqueName = (prefix = 'Dataset') => `${prefix} ${randomBytes(4).toString('hex')}`;

describeEachDialect('datasets', (env) => {
  async function createDataset(by: Agent, name = uniqueName(), description?: string) {
    const res = await by.post('/api/v1/datasets', {
      name,
      ...(description === undefined ? {} : { description }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  async function share(
    by: Agent,
    datasetId: string,
    principalType: 'user' | 'group',
    principalId: string,
    role: 'admin' | 'user',
  ) {
    const res = await by.request('PUT', `/api/v1/datasets/${datasetId}/access`, {
      principalType,
      principalId,
      role,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  async function visibleIds(by: Agent, q?: string): Promise<string[]> {
    const res = await by.get(`/api/v1/datasets?limit=200${q ? `&q=${encodeURIComponent(q)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items.map((d: { id: string }) => d.id);
  }

  async function auditActions(targetId: string): Promise<string[]> {
    const res = await env.admin.get(`/api/v1/audit?targetId=${targetId}&limit=200`);
    expect(res.status).toBe(200);
    return res.body.items.map((e: { action: string }) => e.action).sort();
  }

  let member: Agent;
  let otherMember: Agent;
  let tasker: Agent;
  let grouped: Agent;
  let manager: Agent;
  let groupId: string;

  beforeAll(async () => {
    member = await env.user('member');
    otherMember = await env.user('member');
    tasker = await env.user('tasker');
    grouped = await env.user('member');
    manager = await env.user('workforce_manager');
    const group = await env.admin.post('/api/v1/groups', { name: uniqueName('Crew') });
    groupId = group.body.id;
    await env.admin.post(`/api/v1/groups/${groupId}/members`, { userIds: [grouped.user!.id] });
  });

  it('lets a Member create, rename and delete a dataset, auditing each step', async () => {
    const name = uniqueName('Street scenes');
    const created = await createDataset(member, `  ${name}  `, 'Dashcam frames');
    expect(created).toMatchObject({
      name,
      description: 'Dashcam frames',
      unitCount: 0,
      revision: 1,
      myRole: 'admin',
    });
    const access = await member.get(`/api/v1/datasets/${created.id}/access`);
    expect(access.body.items).toEqual([
      expect.objectContaining({ principalType: 'user', principalId: member.user!.id, role: 'admin' }),
    ]);

    const renamed = await member.patch(`/api/v1/datasets/${created.id}`, { name: `${name} B`, revision: 1 });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ name: `${name} B`, revision: 2 });

    const stale = await member.patch(`/api/v1/datasets/${created.id}`, { name: 'Lost', revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'revision_conflict', details: { currentRevision: 2 } });

    expect((await member.delete(`/api/v1/datasets/${created.id}`)).body).toEqual({ ok: true });
    expect((await member.get(`/api/v1/datasets/${created.id}`)).status).toBe(404);
    expect(await auditActions(created.id)).toEqual(['dataset.create', 'dataset.delete', 'dataset.update']);
  });

  it('refuses Taskers creating datasets', async () => {
    const res = await tasker.post('/api/v1/datasets', { name: uniqueName() });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('shows workspace Admins every dataset and everyone else only those shared with them', async () => {
    const own = await createDataset(member);
    const direct = await createDataset(otherMember);
    const viaGroup = await createDataset(otherMember);
    const hidden = await createDataset(otherMember);
    await share(otherMember, direct.id, 'user', member.user!.id, 'user');
    await share(otherMember, direct.id, 'user', tasker.user!.id, 'user');
    await share(env.admin, viaGroup.id, 'group', groupId, 'user');

    const all = [own.id, direct.id, viaGroup.id, hidden.id];
    expect(await visibleIds(env.admin)).toEqual(expect.arrayContaining(all));
    expect((await visibleIds(member)).filter((id) => all.includes(id)).sort()).toEqual(
      [own.id, direct.id].sort(),
    );
    expect((await visibleIds(tasker)).filter((id) => all.includes(id))).toEqual([direct.id]);
    expect((await visibleIds(grouped)).filter((id) => all.includes(id))).toEqual([viaGroup.id]);
    expect((await visibleIds(manager)).filter((id) => all.includes(id))).toEqual([]);

    // Opening one outside one's sight is refused, and search never finds it.
    const peek = await member.get(`/api/v1/datasets/${hidden.id}`);
    expect(peek.status).toBe(403);
    expect(await visibleIds(member, hidden.name)).toEqual([]);
    expect((await member.get(`/api/v1/datasets/${hidden.id}/units`)).status).toBe(403);
    expect((await member.get(`/api/v1/datasets/${hidden.id}/access`)).status).toBe(403);

    // Roles are reported per caller; group membership is live.
    const asMember = (await member.get(`/api/v1/datasets/${direct.id}`)).body;
    expect(asMember.myRole).toBe('user');
    expect((await env.admin.get(`/api/v1/datasets/${hidden.id}`)).body.myRole).toBe('admin');
    await env.admin.delete(`/api/v1/groups/${groupId}/members/${grouped.user!.id}`);
    expect((await visibleIds(grouped)).filter((id) => all.includes(id))).toEqual([]);
    await env.admin.post(`/api/v1/groups/${groupId}/members`, { userIds: [grouped.user!.id] });
    expect((await visibleIds(grouped)).filter((id) => all.includes(id))).toEqual([viaGroup.id]);
  });

  it('lets dataset Users read but not change, share or delete', async () => {
    const dataset = await createDataset(otherMember);
    await share(otherMember, dataset.id, 'user', member.user!.id, 'user');
    expect((await member.get(`/api/v1/datasets/${dataset.id}`)).status).toBe(200);
    expect((await member.patch(`/api/v1/datasets/${dataset.id}`, { name: 'x', revision: 1 })).status).toBe(
      403,
    );
    expect((await member.delete(`/api/v1/datasets/${dataset.id}`)).status).toBe(403);
    const reshare = await member.request('PUT', `/api/v1/datasets/${dataset.id}/access`, {
      principalType: 'user',
      principalId: tasker.user!.id,
      role: 'user',
    });
    expect(reshare.status).toBe(403);
    expect(
      (
        await member.post(`/api/v1/datasets/${dataset.id}/manifest`, {
          items: [{ url: 'https://x.test/a.jpg' }],
        })
      ).status,
    ).toBe(403);
  });

  it('lets a dataset Admin given through a group manage it', async () => {
    const dataset = await createDataset(otherMember);
    await share(env.admin, dataset.id, 'group', groupId, 'admin');
    const res = await grouped.patch(`/api/v1/datasets/${dataset.id}`, {
      description: 'by the crew',
      revision: 1,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.myRole).toBe('admin');
  });

  it('changes and removes access, audited, and keeps at least one Admin', async () => {
    const dataset = await createDataset(member);
    await share(member, dataset.id, 'user', otherMember.user!.id, 'user');
    const promoted = await share(member, dataset.id, 'user', otherMember.user!.id, 'admin');
    expect(promoted.items).toHaveLength(2);
    expect(
      promoted.items.find((a: { principalId: string }) => a.principalId === otherMember.user!.id).role,
    ).toBe('admin');

    const removed = await otherMember.delete(`/api/v1/datasets/${dataset.id}/access/user/${member.user!.id}`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    const last = await otherMember.delete(
      `/api/v1/datasets/${dataset.id}/access/user/${otherMember.user!.id}`,
    );
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('last_admin');
    const demote = await otherMember.request('PUT', `/api/v1/datasets/${dataset.id}/access`, {
      principalType: 'user',
      principalId: otherMember.user!.id,
      role: 'user',
    });
    expect(demote.status).toBe(409);
    expect((await member.get(`/api/v1/datasets/${dataset.id}`)).status).toBe(403);
    expect(await auditActions(dataset.id)).toEqual([
      'dataset.create',
      'dataset.share',
      'dataset.share',
      'dataset.unshare',
    ]);
  });

  it('refuses to delete a dataset while a project uses it, then deletes it once detached', async () => {
    const dataset = await createDataset(member);
    const project = await member.post('/api/v1/projects', {
      name: uniqueName('Project'),
      datasetIds: [dataset.id],
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const refused = await member.delete(`/api/v1/datasets/${dataset.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'dataset_in_use',
      details: { projectIds: [project.body.id] },
    });
    expect((await member.get(`/api/v1/datasets/${dataset.id}`)).status).toBe(200);

    const detached = await member.delete(`/api/v1/projects/${project.body.id}/datasets/${dataset.id}`);
    expect(detached.status, JSON.stringify(detached.body)).toBe(200);
    expect((await member.delete(`/api/v1/datasets/${dataset.id}`)).status).toBe(200);
  });

  it('pages through datasets by name and searches name and description', async () => {
    const tag = randomBytes(3).toString('hex');
    for (const n of ['c', 'a', 'b'])
      await createDataset(member, `Paged ${tag} ${n}`, n === 'b' ? `needle ${tag}` : '');
    const first = await member.get(`/api/v1/datasets?limit=2&q=${encodeURIComponent(`Paged ${tag}`)}`);
    expect(first.body.items.map((d: { name: string }) => d.name)).toEqual([
      `Paged ${tag} a`,
      `Paged ${tag} b`,
    ]);
    const second = await member.get(
      `/api/v1/datasets?limit=2&q=${encodeURIComponent(`Paged ${tag}`)}&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((d: { name: string }) => d.name)).toEqual([`Paged ${tag} c`]);
    expect(second.body.nextCursor).toBeNull();
    expect((await visibleIds(member, `needle ${tag}`)).length).toBe(1);
  });
});
