import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect, type TestEnv } from './helpers/env.ts';
import { datasetFixture, ontologyFixture, unitsFixture } from './helpers/project-fixtures.ts';

const unique = (prefix = 'Project') => `${prefix} ${randomBytes(4).toString('hex')}`;

const put = (agent: Agent, url: string, body: unknown) => agent.request('PUT', url, body);

async function createProject(by: Agent, body: Record<string, unknown> = {}) {
  const res = await by.post('/api/v1/projects', { name: unique(), ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function auditOf(env: TestEnv, targetId: string, action?: string) {
  const res = await env.admin.get(
    `/api/v1/audit?targetId=${targetId}&limit=200${action ? `&action=${action}` : ''}`,
  );
  expect(res.status).toBe(200);
  return res.body.items as { action: string; before: any; after: any }[];
}

/** Every row a project owns, to show a refused request changed nothing. */
async function snapshot(env: TestEnv, projectId: string) {
  const db = env.deps.db;
  return {
    project: await db.selectFrom('projects').selectAll().where('id', '=', projectId).execute(),
    members: await db
      .selectFrom('project_members')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('principal_id')
      .execute(),
    tags: await db
      .selectFrom('project_tags')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('tag')
      .execute(),
    datasets: await db
      .selectFrom('project_datasets')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('dataset_id')
      .execute(),
    tasks: await db
      .selectFrom('tasks')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('id')
      .execute(),
    audit: (await sql<{ n: unknown }>`select count(*) as n from audit_log`.execute(db)).rows[0]!.n,
  };
}

describeEachDialect('projects', (env) => {
  it('creates a project with tags, datasets, an ontology and members; the creator becomes its Admin', async () => {
    const member = await env.user('member');
    const tasker = await env.user('tasker');
    const dataset = await datasetFixture(env, {
      sharedWith: [{ type: 'user', id: member.user!.id }],
      units: 3,
    });
    const ontology = await ontologyFixture(env, {
      sharedWith: [{ type: 'user', id: member.user!.id }],
      versions: 2,
    });
    const created = await createProject(member, {
      description: 'Street scenes',
      tags: [' Cars ', 'cars', 'Night'],
      datasetIds: [dataset.id],
      ontologyId: ontology.id,
      members: [{ principalType: 'user', principalId: tasker.user!.id, role: 'annotator' }],
    });
    expect(created).toMatchObject({
      description: 'Street scenes',
      status: 'not_started',
      statusReason: null,
      tags: ['Cars', 'Night'],
      datasets: [{ id: dataset.id }],
      ontology: { id: ontology.id, version: 2 },
      taskCount: 3,
      myRole: 'admin',
      revision: 1,
    });
    const members = await member.get(`/api/v1/projects/${created.id}/members`);
    expect(members.status).toBe(200);
    expect(members.body.items.map((m: any) => [m.principalType, m.principalId, m.role]).sort()).toEqual(
      [
        ['user', member.user!.id, 'admin'],
        ['user', tasker.user!.id, 'annotator'],
      ].sort(),
    );
    // The Tasker sees their project and its collaborators, but not the emails of people they cannot see.
    const asTasker = await tasker.get(`/api/v1/projects/${created.id}/members`);
    expect(asTasker.status).toBe(200);
    const memberEntry = asTasker.body.items.find((m: any) => m.principalId === member.user!.id);
    expect(memberEntry.email).toBeNull();
    expect((await tasker.get(`/api/v1/projects/${created.id}`)).body.myRole).toBe('annotator');

    const actions = (await auditOf(env, created.id)).map((a) => a.action).sort();
    expect(actions).toEqual(['project.create', 'project.share', 'project.share']);
    const [create] = await auditOf(env, created.id, 'project.create');
    expect(create!.after).toMatchObject({ name: created.name, tags: ['Cars', 'Night'], tasksCreated: 3 });
  });

  it('pins a chosen ontology version and refuses one that does not exist', async () => {
    const ontology = await ontologyFixture(env, { versions: 2 });
    expect(
      (await createProject(env.admin, { ontologyId: ontology.id, ontologyVersion: 1 })).ontology.version,
    ).toBe(1);
    const res = await env.admin.post('/api/v1/projects', {
      name: unique(),
      ontologyId: ontology.id,
      ontologyVersion: 7,
    });
    expect(res.status).toBe(404);
    expect(res.body.error.field).toBe('ontologyVersion');
  });

  it('refuses datasets and ontologies the creator may not use, creating nothing', async () => {
    const member = await env.user('member');
    const dataset = await datasetFixture(env, { units: 1 });
    const ontology = await ontologyFixture(env);
    const before = (await env.deps.db.selectFrom('projects').select('id').execute()).length;
    const d = await member.post('/api/v1/projects', { name: unique(), datasetIds: [dataset.id] });
    expect(d.status).toBe(403);
    expect(d.body.error.field).toBe('datasetIds.0');
    const o = await member.post('/api/v1/projects', { name: unique(), ontologyId: ontology.id });
    expect(o.status).toBe(403);
    expect(o.body.error.field).toBe('ontologyId');
    expect((await env.deps.db.selectFrom('projects').select('id').execute()).length).toBe(before);
  });

  it('validates tags: at most 20, each 1..40 characters', async () => {
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect((await env.admin.post('/api/v1/projects', { name: unique(), tags: many })).status).toBe(400);
    expect(
      (await env.admin.post('/api/v1/projects', { name: unique(), tags: ['x'.repeat(41)] })).status,
    ).toBe(400);
    expect((await env.admin.post('/api/v1/projects', { name: unique(), tags: ['  '] })).status).toBe(400);
  });

  it('updates name, description and tags with a revision, auditing before and after', async () => {
    const project = await createProject(env.admin, { tags: ['a'] });
    const res = await env.admin.patch(`/api/v1/projects/${project.id}`, {
      name: 'Renamed',
      tags: ['b', 'B', 'c'],
      revision: 1,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ name: 'Renamed', tags: ['b', 'c'], revision: 2 });
    const stale = await env.admin.patch(`/api/v1/projects/${project.id}`, { name: 'Again', revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('revision_conflict');
    const [entry] = await auditOf(env, project.id, 'project.update');
    expect(entry!.before).toMatchObject({ name: project.name, tags: ['a'], revision: 1 });
    expect(entry!.after).toMatchObject({ name: 'Renamed', tags: ['b', 'c'], revision: 2 });
  });

  it('deletes a project with its tasks, collaborators, tags and dataset links (project Admins only)', async () => {
    const tm = await env.user('member');
    const dataset = await datasetFixture(env, { units: 2 });
    const project = await createProject(env.admin, {
      tags: ['gone'],
      datasetIds: [dataset.id],
      members: [{ principalType: 'user', principalId: tm.user!.id, role: 'team_manager' }],
    });
    const before = await snapshot(env, project.id);
    const refused = await tm.delete(`/api/v1/projects/${project.id}`);
    expect(refused.status).toBe(403);
    expect(await snapshot(env, project.id)).toEqual(before);

    expect((await env.admin.delete(`/api/v1/projects/${project.id}`)).body).toEqual({ ok: true });
    expect((await env.admin.get(`/api/v1/projects/${project.id}`)).status).toBe(404);
    const after = await snapshot(env, project.id);
    expect([after.project, after.members, after.tags, after.datasets, after.tasks]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
    // The dataset and its units stay.
    expect(
      await env.deps.db.selectFrom('data_units').select('id').where('dataset_id', '=', dataset.id).execute(),
    ).toHaveLength(2);
    const [entry] = await auditOf(env, project.id, 'project.delete');
    expect(entry!.before).toMatchObject({ name: project.name, taskCount: 2, datasetIds: [dataset.id] });
  });

  it('creates one task per unit on attach, and tasks for units added to an attached dataset later', async () => {
    const dataset = await datasetFixture(env, { units: 4 });
    const project = await createProject(env.admin);
    const attached = await env.admin.post(`/api/v1/projects/${project.id}/datasets`, {
      datasetId: dataset.id,
    });
    expect(attached.status, JSON.stringify(attached.body)).toBe(200);
    expect(attached.body).toMatchObject({ taskCount: 4, datasets: [{ id: dataset.id }], revision: 2 });
    const again = await env.admin.post(`/api/v1/projects/${project.id}/datasets`, { datasetId: dataset.id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('dataset_already_attached');

    await unitsFixture(env, dataset.id, 3);
    expect((await env.admin.get(`/api/v1/projects/${project.id}`)).body.taskCount).toBe(7);

    const tasks = await env.admin.get(`/api/v1/projects/${project.id}/tasks?limit=5`);
    expect(tasks.body.items).toHaveLength(5);
    expect(tasks.body.items[0]).toMatchObject({ kind: 'text', title: expect.stringContaining('unit') });
    const rest = await env.admin.get(
      `/api/v1/projects/${project.id}/tasks?limit=5&cursor=${tasks.body.nextCursor}`,
    );
    expect(rest.body.items).toHaveLength(2);
    expect(rest.body.nextCursor).toBeNull();
    const ids = [...tasks.body.items, ...rest.body.items].map((t: any) => t.id);
    expect(new Set(ids).size).toBe(7);

    const [entry] = await auditOf(env, project.id, 'project.attach_dataset');
    expect(entry!.after).toMatchObject({ datasetId: dataset.id, tasksCreated: 4, datasetIds: [dataset.id] });
    expect(entry!.before.datasetIds).toEqual([]);
  });

  it('turns units added through the datasets API into tasks of the attached project', async () => {
    const member = await env.user('member');
    const dataset = await member.post('/api/v1/datasets', { name: unique('Dataset') });
    expect(dataset.status, JSON.stringify(dataset.body)).toBe(201);
    const first = await member.post(`/api/v1/datasets/${dataset.body.id}/manifest`, {
      items: [{ url: 'https://cdn.example.test/a.jpg' }],
    });
    expect(first.body.created).toHaveLength(1);
    const project = await createProject(member, { datasetIds: [dataset.body.id] });
    expect(project.taskCount).toBe(1);
    const more = await member.post(`/api/v1/datasets/${dataset.body.id}/manifest`, {
      items: [{ url: 'https://cdn.example.test/b.jpg' }, { url: 'https://cdn.example.test/c.jpg' }],
    });
    expect(more.body.created).toHaveLength(2);
    expect((await member.get(`/api/v1/projects/${project.id}`)).body.taskCount).toBe(3);
    const tasks = await member.get(`/api/v1/projects/${project.id}/tasks`);
    const opened = await member.get(`/api/v1/tasks/${tasks.body.items[0].id}`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const units = await member.get(`/api/v1/datasets/${dataset.body.id}/units`);
    expect(units.body.items).toContainEqual(opened.body.dataUnit);
  });

  it('detaches a dataset and removes that dataset’s tasks only', async () => {
    const a = await datasetFixture(env, { units: 2 });
    const b = await datasetFixture(env, { units: 3 });
    const project = await createProject(env.admin, { datasetIds: [a.id, b.id] });
    expect(project.taskCount).toBe(5);
    const res = await env.admin.delete(`/api/v1/projects/${project.id}/datasets/${a.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ taskCount: 3, datasets: [{ id: b.id }] });
    expect((await env.admin.delete(`/api/v1/projects/${project.id}/datasets/${a.id}`)).status).toBe(404);
    const [entry] = await auditOf(env, project.id, 'project.detach_dataset');
    expect(entry!.after).toMatchObject({ datasetId: a.id, tasksRemoved: 2 });
  });

  it('refuses to detach a dataset once its tasks have been worked on, and changes nothing', async () => {
    const a = await datasetFixture(env, { units: 2 });
    const b = await datasetFixture(env, { units: 1 });
    const project = await createProject(env.admin, { datasetIds: [a.id, b.id] });
    const tasks = await env.deps.db
      .selectFrom('tasks')
      .innerJoin('data_units', 'data_units.id', 'tasks.data_unit_id')
      .select(['tasks.id', 'data_units.dataset_id'])
      .where('tasks.project_id', '=', project.id)
      .execute();
    const ofA = tasks.find((t) => t.dataset_id === a.id)!;
    // A manager's reprioritising is history too; the dataset's other task is untouched.
    expect((await put(env.admin, `/api/v1/tasks/${ofA.id}/priority`, { priority: 80 })).status).toBe(200);
    const before = await snapshot(env, project.id);
    const taskRows = () =>
      env.deps.db.selectFrom('tasks').select('id').where('project_id', '=', project.id).execute();
    const tasksBefore = await taskRows();
    const refused = await env.admin.delete(`/api/v1/projects/${project.id}/datasets/${a.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'dataset_has_work' } });
    expect(refused.body.error.message).toMatch(/^1 task has already been worked on/);
    expect(await snapshot(env, project.id)).toEqual(before);
    expect(await taskRows()).toEqual(tasksBefore);
    // A dataset whose tasks nobody touched still detaches.
    expect((await env.admin.delete(`/api/v1/projects/${project.id}/datasets/${b.id}`)).status).toBe(200);
  });

  it('lets only project Admins attach datasets, and only datasets they may attach', async () => {
    const owner = await env.user('member');
    const tm = await env.user('member');
    const project = await createProject(owner, {
      members: [{ principalType: 'user', principalId: tm.user!.id, role: 'team_manager' }],
    });
    const shared = await datasetFixture(env, {
      units: 1,
      sharedWith: [
        { type: 'user', id: tm.user!.id },
        { type: 'user', id: owner.user!.id },
      ],
    });
    const unshared = await datasetFixture(env, { units: 1 });
    const before = await snapshot(env, project.id);
    const byTm = await tm.post(`/api/v1/projects/${project.id}/datasets`, { datasetId: shared.id });
    expect(byTm.status).toBe(403);
    const notMine = await owner.post(`/api/v1/projects/${project.id}/datasets`, { datasetId: unshared.id });
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.field).toBe('datasetId');
    expect(await snapshot(env, project.id)).toEqual(before);
    expect(
      (await owner.post(`/api/v1/projects/${project.id}/datasets`, { datasetId: shared.id })).status,
    ).toBe(200);
  });

  it('switches the ontology version (project Admins, with ontology.use), auditing it', async () => {
    const ontology = await ontologyFixture(env, { versions: 3 });
    const project = await createProject(env.admin, { ontologyId: ontology.id, ontologyVersion: 1 });
    const res = await put(env.admin, `/api/v1/projects/${project.id}/ontology`, {
      ontologyId: ontology.id,
      version: 3,
      revision: 1,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ontology).toMatchObject({ id: ontology.id, version: 3 });
    const missing = await put(env.admin, `/api/v1/projects/${project.id}/ontology`, {
      ontologyId: ontology.id,
      version: 9,
      revision: 2,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.field).toBe('version');
    const [entry] = await auditOf(env, project.id, 'project.switch_ontology');
    expect(entry!.before.ontology).toEqual({ id: ontology.id, version: 1 });
    expect(entry!.after.ontology).toEqual({ id: ontology.id, version: 3 });

    const tm = await env.user('member');
    await put(env.admin, `/api/v1/projects/${project.id}/members`, {
      principalType: 'user',
      principalId: tm.user!.id,
      role: 'team_manager',
    });
    const refused = await put(tm, `/api/v1/projects/${project.id}/ontology`, {
      ontologyId: ontology.id,
      version: 2,
      revision: 2,
    });
    expect(refused.status).toBe(403);
  });

  it('lets a Team Manager manage non-Admin collaborators but never grant, change or remove Admin', async () => {
    const tm = await env.user('member');
    const other = await env.user('member');
    const third = await env.user('member');
    const project = await createProject(env.admin, {
      members: [
        { principalType: 'user', principalId: tm.user!.id, role: 'team_manager' },
        { principalType: 'user', principalId: third.user!.id, role: 'admin' },
      ],
    });
    const url = `/api/v1/projects/${project.id}/members`;
    const added = await put(tm, url, {
      principalType: 'user',
      principalId: other.user!.id,
      role: 'reviewer',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body).toMatchObject({ principalId: other.user!.id, role: 'reviewer' });
    expect(
      (await put(tm, url, { principalType: 'user', principalId: other.user!.id, role: 'annotator_reviewer' }))
        .status,
    ).toBe(200);

    const before = await snapshot(env, project.id);
    const grant = await put(tm, url, { principalType: 'user', principalId: other.user!.id, role: 'admin' });
    expect(grant.status).toBe(403);
    const demote = await put(tm, url, {
      principalType: 'user',
      principalId: third.user!.id,
      role: 'annotator',
    });
    expect(demote.status).toBe(403);
    const remove = await tm.delete(`${url}/user/${third.user!.id}`);
    expect(remove.status).toBe(403);
    const self = await put(tm, url, { principalType: 'user', principalId: tm.user!.id, role: 'admin' });
    expect(self.status).toBe(403);
    expect(await snapshot(env, project.id)).toEqual(before);

    expect((await tm.delete(`${url}/user/${other.user!.id}`)).status).toBe(200);
    const again = await tm.delete(`${url}/user/${other.user!.id}`);
    expect(again.status).toBe(404);
    const shares = (await auditOf(env, project.id)).filter((a) => a.action.startsWith('project.'));
    expect(shares.map((a) => a.action)).toContain('project.unshare');
    const principal = { type: 'user', id: other.user!.id };
    expect(
      shares
        .filter(
          (a) => a.before?.principal?.id === other.user!.id || a.after?.principal?.id === other.user!.id,
        )
        .map((a) => [a.action, a.before, a.after]),
    ).toEqual(
      expect.arrayContaining([
        ['project.share', null, { principal, role: 'reviewer' }],
        ['project.share', { principal, role: 'reviewer' }, { principal, role: 'annotator_reviewer' }],
        ['project.unshare', { principal, role: 'annotator_reviewer' }, null],
      ]),
    );
  });

  it('refuses to remove or demote the last Admin grant, and says so', async () => {
    const owner = await env.user('member');
    const project = await createProject(owner);
    const url = `/api/v1/projects/${project.id}/members`;
    const demote = await put(owner, url, {
      principalType: 'user',
      principalId: owner.user!.id,
      role: 'annotator',
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_project_admin');
    const remove = await env.admin.delete(`${url}/user/${owner.user!.id}`);
    expect(remove.status).toBe(409);
    expect(remove.body.error.code).toBe('last_project_admin');
    // With a second Admin (here a group), the first may go.
    const group = await env.admin.post('/api/v1/groups', { name: unique('Admins') });
    await env.admin.post(`/api/v1/groups/${group.body.id}/members`, { userIds: [owner.user!.id] });
    expect(
      (await put(owner, url, { principalType: 'group', principalId: group.body.id, role: 'admin' })).status,
    ).toBe(200);
    expect((await owner.delete(`${url}/user/${owner.user!.id}`)).status).toBe(200);
  });

  it('keeps one Admin grant when both Admins are removed at once', async () => {
    const a = await env.user('member');
    const b = await env.user('member');
    const project = await createProject(a, {
      members: [{ principalType: 'user', principalId: b.user!.id, role: 'admin' }],
    });
    const url = `/api/v1/projects/${project.id}/members/user`;
    const results = await Promise.all([
      env.admin.delete(`${url}/${a.user!.id}`),
      env.admin.delete(`${url}/${b.user!.id}`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const admins = await env.deps.db
      .selectFrom('project_members')
      .select('principal_id')
      .where('project_id', '=', project.id)
      .where('role', '=', 'admin')
      .execute();
    expect(admins).toHaveLength(1);
  });

  it('attaches a dataset once when the same attach arrives twice at once', async () => {
    const dataset = await datasetFixture(env, { units: 3 });
    const project = await createProject(env.admin);
    const results = await Promise.all([
      env.admin.post(`/api/v1/projects/${project.id}/datasets`, { datasetId: dataset.id }),
      env.admin.post(`/api/v1/projects/${project.id}/datasets`, { datasetId: dataset.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await env.admin.get(`/api/v1/projects/${project.id}`)).body.taskCount).toBe(3);
  });

  it('refuses people the caller cannot see and deactivated users as collaborators', async () => {
    const wm = await env.user('workforce_manager');
    const stranger = await env.user('member');
    const project = await createProject(wm);
    const res = await put(wm, `/api/v1/projects/${project.id}/members`, {
      principalType: 'user',
      principalId: stranger.user!.id,
      role: 'annotator',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.field).toBe('principalId');
    const gone = await env.user('tasker');
    await env.admin.post(`/api/v1/users/${gone.user!.id}/deactivate`);
    const deactivated = await put(env.admin, `/api/v1/projects/${project.id}/members`, {
      principalType: 'user',
      principalId: gone.user!.id,
      role: 'annotator',
    });
    expect(deactivated.status).toBe(409);
  });

  it('lists with filters, search and every sort, paginating without gaps or repeats', async () => {
    const tag = unique('walk').replace(' ', '-');
    const dataset = await datasetFixture(env, { units: 1 });
    const annotator = await env.user('tasker');
    const names = ['delta', 'Alpha', 'charlie', 'bravo', 'echo', 'Foxtrot', 'golf'];
    const created: any[] = [];
    for (const [i, name] of names.entries()) {
      env.clock.advance(1000);
      created.push(
        await createProject(env.admin, {
          name: `${tag} ${name}`,
          description: i === 2 ? 'needle in the haystack' : '',
          tags: [tag, ...(i % 2 === 0 ? ['even'] : [])],
          datasetIds: i < 3 ? [dataset.id] : [],
          members:
            i === 4 ? [{ principalType: 'user', principalId: annotator.user!.id, role: 'annotator' }] : [],
        }),
      );
    }
    env.clock.advance(1000);
    await env.admin.patch(`/api/v1/projects/${created[0].id}`, { description: 'touched', revision: 1 });

    const walk = async (query: string, limit: number) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: any = await env.admin.get(
          `/api/v1/projects?tag=${encodeURIComponent(tag)}&limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        seen.push(...res.body.items.map((p: any) => p.name.slice(tag.length + 1)));
        cursor = res.body.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await walk('&sort=name', 2)).toEqual([
      'Alpha',
      'bravo',
      'charlie',
      'delta',
      'echo',
      'Foxtrot',
      'golf',
    ]);
    expect(await walk('&sort=name&order=desc', 3)).toEqual([
      'golf',
      'Foxtrot',
      'echo',
      'delta',
      'charlie',
      'bravo',
      'Alpha',
    ]);
    expect(await walk('&sort=created&order=asc', 2)).toEqual(names);
    expect(await walk('&sort=created', 4)).toEqual([...names].reverse());
    expect(await walk('&sort=updated', 3)).toEqual([
      'delta',
      'golf',
      'Foxtrot',
      'echo',
      'bravo',
      'charlie',
      'Alpha',
    ]);

    expect(await walk('&sort=name&status=not_started', 50)).toHaveLength(7);
    expect(await walk('&sort=name&status=paused', 50)).toEqual([]);
    expect(await walk(`&sort=name&datasetId=${dataset.id}`, 2)).toEqual(['Alpha', 'charlie', 'delta']);
    expect(await walk('&sort=name&q=NEEDLE', 2)).toEqual(['charlie']);
    expect(await walk(`&sort=name&memberId=${annotator.user!.id}`, 2)).toEqual(['echo']);
    const even = await env.admin.get(`/api/v1/projects?tag=EVEN&q=${encodeURIComponent(tag)}&sort=name`);
    expect(even.body.items.map((p: any) => p.name.slice(tag.length + 1))).toEqual([
      'charlie',
      'delta',
      'echo',
      'golf',
    ]);

    const tags = await env.admin.get('/api/v1/project-tags');
    expect(tags.body.items).toEqual(expect.arrayContaining([tag, 'even']));
  });

  it('refuses a malformed cursor and a member filter on someone the caller cannot see', async () => {
    expect((await env.admin.get('/api/v1/projects?cursor=nonsense')).status).toBe(400);
    const tasker = await env.user('tasker');
    const other = await env.user('member');
    const res = await tasker.get(`/api/v1/projects?memberId=${other.user!.id}`);
    expect(res.status).toBe(403);
    expect(res.body.error.field).toBe('memberId');
    expect((await tasker.get(`/api/v1/projects?memberId=${tasker.user!.id}`)).status).toBe(200);
  });

  it('opens a task with its data unit', async () => {
    const dataset = await datasetFixture(env, { units: 1 });
    const project = await createProject(env.admin, { datasetIds: [dataset.id] });
    const [task] = (await env.admin.get(`/api/v1/projects/${project.id}/tasks`)).body.items;
    const res = await env.admin.get(`/api/v1/tasks/${task.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      id: task.id,
      projectId: project.id,
      projectStatus: 'not_started',
      dataUnit: {
        id: dataset.unitIds[0],
        datasetId: dataset.id,
        kind: 'text',
        metadata: { fixture: true },
        itemCount: 1,
        fileUrl: `/api/v1/data-units/${dataset.unitIds[0]}/file`,
        thumbnailUrl: null,
      },
    });
    expect((await env.admin.get('/api/v1/tasks/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
