import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { PROJECT_ROLES, PROJECT_STATUSES, type ProjectRole, type ProjectStatus } from '../src/core/roles.ts';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect, type TestEnv } from './helpers/env.ts';
import { datasetFixture, ontologyFixture } from './helpers/project-fixtures.ts';

const unique = (prefix = 'Project') => `${prefix} ${randomBytes(4).toString('hex')}`;
const put = (agent: Agent, url: string, body: unknown) => agent.request('PUT', url, body);

type Who = ProjectRole | 'workspace_admin';
const EVERYONE: Who[] = ['workspace_admin', ...PROJECT_ROLES];
const MANAGING: Who[] = ['workspace_admin', 'admin', 'team_manager'];

async function setStatus(
  env: TestEnv,
  by: Agent,
  projectId: string,
  status: ProjectStatus,
  reason = `to ${status}`,
) {
  const revision = (await env.admin.get(`/api/v1/projects/${projectId}`)).body.revision;
  return put(by, `/api/v1/projects/${projectId}/status`, { status, reason, revision });
}

async function tableCounts(env: TestEnv) {
  const counts: Record<string, unknown> = {};
  for (const t of ['projects', 'project_members', 'project_tags', 'project_datasets', 'tasks', 'audit_log']) {
    counts[t] = (await sql<{ n: unknown }>`select count(*) as n from ${sql.table(t)}`.execute(env.deps.db))
      .rows[0]!.n;
  }
  counts.projects_rows = await env.deps.db.selectFrom('projects').selectAll().orderBy('id').execute();
  return counts;
}

describeEachDialect('project status', (env) => {
  const as = {} as Record<Who, Agent>;
  /** One project in each status, each with one task, every project role held by someone. */
  const taskIn = {} as Record<ProjectStatus, string>;
  /** A second task of each project, in its review stage: the one a Reviewer may open. */
  const reviewTaskIn = {} as Record<ProjectStatus, string>;
  const projectIn = {} as Record<ProjectStatus, string>;

  beforeAll(async () => {
    as.workspace_admin = env.admin;
    for (const role of PROJECT_ROLES) as[role] = await env.user(role === 'admin' ? 'member' : 'tasker');
    for (const status of PROJECT_STATUSES) {
      const dataset = await datasetFixture(env, { units: 2 });
      const project = await env.admin.post('/api/v1/projects', {
        name: unique(status),
        datasetIds: [dataset.id],
        members: PROJECT_ROLES.map((role) => ({
          principalType: 'user',
          principalId: as[role].user!.id,
          role,
        })),
      });
      expect(project.status, JSON.stringify(project.body)).toBe(201);
      projectIn[status] = project.body.id;
      if (status !== 'not_started')
        expect((await setStatus(env, env.admin, project.body.id, status)).status).toBe(200);
      const tasks = await env.deps.db
        .selectFrom('tasks')
        .select('id')
        .where('project_id', '=', project.body.id)
        .orderBy('id')
        .execute();
      taskIn[status] = tasks[0]!.id;
      reviewTaskIn[status] = tasks[1]!.id;
      await env.deps.db
        .updateTable('tasks')
        .set({ stage_id: 'review' })
        .where('id', '=', tasks[1]!.id)
        .execute();
    }
  });

  for (const status of PROJECT_STATUSES) {
    for (const who of EVERYONE) {
      const expected =
        status === 'archived'
          ? 'project_archived'
          : status === 'in_progress' || MANAGING.includes(who)
            ? 'open'
            : 'project_not_active';
      it(`${expected === 'open' ? 'lets' : 'refuses'} ${who} open a task while ${status}${expected === 'open' ? '' : ` (${expected})`}`, async () => {
        const task = who === 'reviewer' ? reviewTaskIn[status] : taskIn[status];
        const res = await as[who].get(`/api/v1/tasks/${task}`);
        if (expected === 'open') {
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body).toMatchObject({ id: task, projectStatus: status });
        } else {
          expect(res.status, JSON.stringify(res.body)).toBe(403);
          expect(res.body.error.code).toBe(expected);
          expect(res.body.error.details).toMatchObject({ status });
        }
      });
    }
  }

  it('refuses to open a task for someone holding no role on the project', async () => {
    const outsider = await env.user('member');
    const res = await outsider.get(`/api/v1/tasks/${taskIn.in_progress}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('lets Admins and Team Managers change the status with a reason, audited; nobody else', async () => {
    const project = projectIn.not_started;
    const before = await tableCounts(env);
    for (const who of ['annotator', 'reviewer', 'annotator_reviewer'] as const) {
      const res = await setStatus(env, as[who], project, 'in_progress');
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect(await tableCounts(env)).toEqual(before);

    env.clock.advance(1000);
    const started = await setStatus(env, as.team_manager, project, 'in_progress', 'Kick-off done');
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body).toMatchObject({ status: 'in_progress', statusReason: 'Kick-off done' });
    env.clock.advance(1000);
    const paused = await setStatus(env, as.admin, project, 'paused', 'Waiting for the new ontology');
    expect(paused.body.status).toBe('paused');
    const stale = await put(as.admin, `/api/v1/projects/${project}/status`, {
      status: 'in_progress',
      reason: 'stale',
      revision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('revision_conflict');

    const audit = await env.admin.get(`/api/v1/audit?targetId=${project}&action=project.set_status&limit=10`);
    const entries = audit.body.items.map((e: any) => [e.before, e.after, e.actor.id]);
    expect(entries).toEqual([
      [
        { status: 'in_progress', reason: 'Kick-off done' },
        { status: 'paused', reason: 'Waiting for the new ontology' },
        as.admin.user!.id,
      ],
      [
        { status: 'not_started', reason: null },
        { status: 'in_progress', reason: 'Kick-off done' },
        as.team_manager.user!.id,
      ],
    ]);
  });

  it('requires a reason of 1..500 characters', async () => {
    const project = projectIn.paused;
    const revision = (await env.admin.get(`/api/v1/projects/${project}`)).body.revision;
    for (const reason of ['', '   ', 'x'.repeat(501)]) {
      const res = await put(env.admin, `/api/v1/projects/${project}/status`, {
        status: 'completed',
        reason,
        revision,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe('reason');
    }
  });

  it('makes an Archived project read-only for everyone until it is unarchived', async () => {
    const dataset = await datasetFixture(env, { units: 2 });
    const ontology = await ontologyFixture(env, { versions: 2 });
    const created = await env.admin.post('/api/v1/projects', {
      name: unique('Archive me'),
      ontologyId: ontology.id,
      ontologyVersion: 1,
      members: [{ principalType: 'user', principalId: as.team_manager.user!.id, role: 'team_manager' }],
    });
    const id = created.body.id;
    expect((await setStatus(env, as.team_manager, id, 'archived', 'Done and delivered')).status).toBe(200);
    const revision = (await env.admin.get(`/api/v1/projects/${id}`)).body.revision;
    const before = await tableCounts(env);

    const attempts = [
      env.admin.patch(`/api/v1/projects/${id}`, { name: 'Nope', revision }),
      env.admin.post(`/api/v1/projects/${id}/datasets`, { datasetId: dataset.id }),
      put(env.admin, `/api/v1/projects/${id}/ontology`, { ontologyId: ontology.id, version: 2, revision }),
      put(env.admin, `/api/v1/projects/${id}/members`, {
        principalType: 'user',
        principalId: as.annotator.user!.id,
        role: 'annotator',
      }),
      env.admin.delete(`/api/v1/projects/${id}/members/user/${as.team_manager.user!.id}`),
      as.team_manager.patch(`/api/v1/projects/${id}`, { name: 'Nope', revision }),
      env.admin.delete(`/api/v1/projects/${id}`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.error.code).toBe('project_archived');
    }
    expect(await tableCounts(env)).toEqual(before);

    // Reading still works.
    expect((await as.team_manager.get(`/api/v1/projects/${id}`)).status).toBe(200);
    expect((await as.team_manager.get(`/api/v1/projects/${id}/members`)).status).toBe(200);
    expect((await env.admin.get(`/api/v1/projects/${id}/tasks`)).status).toBe(200);

    const back = await setStatus(env, as.team_manager, id, 'paused', 'Client asked for more');
    expect(back.status).toBe(200);
    expect(
      (await env.admin.patch(`/api/v1/projects/${id}`, { name: 'Yes', revision: back.body.revision })).status,
    ).toBe(200);
  });
});
