import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect } from './helpers/env.ts';
import { datasetFixture } from './helpers/project-fixtures.ts';

const token = () => randomBytes(4).toString('hex');
const put = (agent: Agent, url: string, body: unknown) => agent.request('PUT', url, body);

describeEachDialect('project visibility', (env) => {
  /** A project nobody but Admins may see, with a tag, a dataset and a searchable word of its own. */
  const secret = { id: '', name: '', tag: '', word: '', datasetId: '', taskId: '', insiderId: '' };

  beforeAll(async () => {
    secret.word = `hush${token()}`;
    secret.tag = `secret-${token()}`;
    secret.name = `Secret ${secret.word}`;
    const dataset = await datasetFixture(env, { units: 2 });
    secret.datasetId = dataset.id;
    const insider = await env.user('tasker');
    secret.insiderId = insider.user!.id;
    const res = await env.admin.post('/api/v1/projects', {
      name: secret.name,
      description: `about ${secret.word}`,
      tags: [secret.tag],
      datasetIds: [dataset.id],
      members: [{ principalType: 'user', principalId: insider.user!.id, role: 'annotator' }],
    });
    expect(res.status).toBe(201);
    secret.id = res.body.id;
    secret.taskId = (await env.admin.get(`/api/v1/projects/${secret.id}/tasks`)).body.items[0].id;
  });

  async function everythingVisibleTo(agent: Agent) {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await agent.get(`/api/v1/projects?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      ids.push(...res.body.items.map((p: any) => p.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    return ids;
  }

  /** Nothing about the secret project reaches the caller: not in lists, searches, filters, tags or by id. */
  async function expectNoTraceOfSecret(agent: Agent) {
    expect(await everythingVisibleTo(agent)).not.toContain(secret.id);
    for (const query of [
      `q=${secret.word}`,
      `tag=${secret.tag}`,
      `datasetId=${secret.datasetId}`,
      'status=not_started',
      'sort=name',
    ]) {
      const res = await agent.get(`/api/v1/projects?${query}&limit=200`);
      expect(res.status, query).toBe(200);
      expect(
        res.body.items.map((p: any) => p.id),
        query,
      ).not.toContain(secret.id);
    }
    const tags = await agent.get('/api/v1/project-tags');
    expect(tags.status).toBe(200);
    expect(tags.body.items).not.toContain(secret.tag);
    for (const url of [
      `/api/v1/projects/${secret.id}`,
      `/api/v1/projects/${secret.id}/members`,
      `/api/v1/projects/${secret.id}/tasks`,
      `/api/v1/tasks/${secret.taskId}`,
    ]) {
      const res = await agent.get(url);
      expect(res.status, url).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(JSON.stringify(res.body)).not.toContain(secret.word);
    }
  }

  it('shows workspace Admins every project, as its Admin', async () => {
    const otherAdmin = await env.user('admin');
    expect(await everythingVisibleTo(otherAdmin)).toContain(secret.id);
    const res = await otherAdmin.get(`/api/v1/projects/${secret.id}`);
    expect(res.body).toMatchObject({ myRole: 'admin', taskCount: 2, tags: [secret.tag] });
    expect((await otherAdmin.get('/api/v1/project-tags')).body.items).toContain(secret.tag);
    expect(
      (await otherAdmin.get(`/api/v1/projects?q=${secret.word}`)).body.items.map((p: any) => p.id),
    ).toEqual([secret.id]);
  });

  it('hides other projects from Workforce Managers, Members and Taskers without a role', async () => {
    for (const role of ['workforce_manager', 'member', 'tasker'] as const) {
      const agent = await env.user(role);
      await expectNoTraceOfSecret(agent);
      expect(await everythingVisibleTo(agent)).toEqual([]);
    }
  });

  it('shows creators their own projects and nothing else', async () => {
    for (const role of ['workforce_manager', 'member'] as const) {
      const agent = await env.user(role);
      const mine = await agent.post('/api/v1/projects', {
        name: `Mine ${token()}`,
        tags: [`own-${token()}`],
      });
      expect(mine.status).toBe(201);
      expect(await everythingVisibleTo(agent)).toEqual([mine.body.id]);
      expect((await agent.get('/api/v1/project-tags')).body.items).toEqual(mine.body.tags);
      await expectNoTraceOfSecret(agent);
    }
  });

  it('does not reveal hidden projects through the member filter', async () => {
    const member = await env.user('member');
    // Members may see every user, including the insider, but not the insider's projects.
    const res = await member.get(`/api/v1/projects?memberId=${secret.insiderId}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('shows a Tasker exactly the projects they hold a role on, directly', async () => {
    const tasker = await env.user('tasker');
    await expectNoTraceOfSecret(tasker);
    const grant = await put(env.admin, `/api/v1/projects/${secret.id}/members`, {
      principalType: 'user',
      principalId: tasker.user!.id,
      role: 'reviewer',
    });
    expect(grant.status, JSON.stringify(grant.body)).toBe(200);
    expect(await everythingVisibleTo(tasker)).toEqual([secret.id]);
    expect((await tasker.get(`/api/v1/projects/${secret.id}`)).body.myRole).toBe('reviewer');
    expect((await tasker.get('/api/v1/project-tags')).body.items).toEqual([secret.tag]);
    // Visible, yet the queue shows a Reviewer only what they hold or could claim: nothing here,
    // where every task waits in the annotate stage.
    const queue = await tasker.get(`/api/v1/projects/${secret.id}/tasks`);
    expect(queue.status, JSON.stringify(queue.body)).toBe(200);
    expect(queue.body.items).toEqual([]);
    await env.admin.delete(`/api/v1/projects/${secret.id}/members/user/${tasker.user!.id}`);
    await expectNoTraceOfSecret(tasker);
  });

  it('follows group membership live: joining grants the group’s role, leaving takes it away', async () => {
    const tasker = await env.user('tasker');
    const wm = await env.user('workforce_manager');
    const group = await wm.post('/api/v1/groups', { name: `Crew ${token()}` });
    const grant = await put(env.admin, `/api/v1/projects/${secret.id}/members`, {
      principalType: 'group',
      principalId: group.body.id,
      role: 'annotator_reviewer',
    });
    expect(grant.status, JSON.stringify(grant.body)).toBe(200);
    await expectNoTraceOfSecret(tasker);

    const joined = await env.admin.post(`/api/v1/groups/${group.body.id}/members`, {
      userIds: [tasker.user!.id],
    });
    expect(joined.status).toBe(200);
    expect(await everythingVisibleTo(tasker)).toEqual([secret.id]);
    expect((await tasker.get(`/api/v1/projects/${secret.id}`)).body.myRole).toBe('annotator_reviewer');
    expect(
      (await tasker.get(`/api/v1/projects?memberId=${tasker.user!.id}`)).body.items.map((p: any) => p.id),
    ).toEqual([secret.id]);
    // The group's manager is not a member of it, so holds nothing on the project.
    await expectNoTraceOfSecret(wm);

    expect((await wm.delete(`/api/v1/groups/${group.body.id}/members/${tasker.user!.id}`)).status).toBe(200);
    await expectNoTraceOfSecret(tasker);
  });

  it('acts with the strongest of a direct role and group roles', async () => {
    const member = await env.user('member');
    const group = await env.admin.post('/api/v1/groups', { name: `Leads ${token()}` });
    await env.admin.post(`/api/v1/groups/${group.body.id}/members`, { userIds: [member.user!.id] });
    const url = `/api/v1/projects/${secret.id}/members`;
    await put(env.admin, url, { principalType: 'user', principalId: member.user!.id, role: 'annotator' });
    await put(env.admin, url, { principalType: 'group', principalId: group.body.id, role: 'team_manager' });
    expect((await member.get(`/api/v1/projects/${secret.id}`)).body.myRole).toBe('team_manager');
    expect((await member.get(`/api/v1/projects/${secret.id}/tasks`)).status).toBe(200);
    await env.admin.delete(`${url}/group/${group.body.id}`);
    expect((await member.get(`/api/v1/projects/${secret.id}`)).body.myRole).toBe('annotator');
    await env.admin.delete(`${url}/user/${member.user!.id}`);
  });
});
