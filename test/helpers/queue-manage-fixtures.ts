import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Agent } from './agent.ts';
import type { TestEnv } from './env.ts';
import { datasetFixture } from './project-fixtures.ts';

// A project with people in every queue role, for the manager-action and queue-list tests:
// the Admin's project, a Team Manager, two Annotators, a Reviewer, and `units` tasks.

export interface QueueWorld {
  projectId: string;
  datasetId: string;
  taskIds: string[];
  manager: Agent;
  annotator: Agent;
  annotator2: Agent;
  reviewer: Agent;
}

export async function queueWorld(
  env: TestEnv,
  opts: { units?: number; template?: string; status?: string } = {},
): Promise<QueueWorld> {
  const [manager, annotator, annotator2, reviewer] = [
    await env.user('member'),
    await env.user('tasker'),
    await env.user('tasker'),
    await env.user('tasker'),
  ];
  const dataset = await datasetFixture(env, { units: opts.units ?? 3 });
  const p = await env.admin.post('/api/v1/projects', {
    name: `Queue ${randomBytes(4).toString('hex')}`,
    datasetIds: [dataset.id],
    ...(opts.template ? { workflowTemplateId: opts.template } : {}),
    members: [
      { principalType: 'user', principalId: manager.user!.id, role: 'team_manager' },
      { principalType: 'user', principalId: annotator.user!.id, role: 'annotator' },
      { principalType: 'user', principalId: annotator2.user!.id, role: 'annotator' },
      { principalType: 'user', principalId: reviewer.user!.id, role: 'reviewer' },
    ],
  });
  if (p.status !== 201) throw new Error(`project: ${JSON.stringify(p.body)}`);
  if (opts.status) {
    const s = await env.admin.request('PUT', `/api/v1/projects/${p.body.id}/status`, {
      status: opts.status,
      reason: 'test',
      revision: p.body.revision,
    });
    if (s.status !== 200) throw new Error(`status: ${JSON.stringify(s.body)}`);
  }
  const tasks = await env.deps.db
    .selectFrom('tasks')
    .select('id')
    .where('project_id', '=', p.body.id)
    .orderBy('id')
    .execute();
  return {
    projectId: p.body.id,
    datasetId: dataset.id,
    taskIds: tasks.map((t) => t.id),
    manager,
    annotator,
    annotator2,
    reviewer,
  };
}

/** Every queue row of a project, to show that a refused request changed nothing. */
export async function queueSnapshot(env: TestEnv, projectId: string) {
  const db = env.deps.db;
  const ids = db.selectFrom('tasks').select('id').where('project_id', '=', projectId);
  return {
    tasks: await db
      .selectFrom('tasks')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('id')
      .execute(),
    holds: await db
      .selectFrom('task_holds')
      .selectAll()
      .where('task_id', 'in', ids)
      .orderBy('task_id')
      .orderBy('user_id')
      .execute(),
    events: await db
      .selectFrom('task_events')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('id')
      .execute(),
    audit: (await sql<{ n: unknown }>`select count(*) as n from audit_log`.execute(db)).rows[0]!.n,
  };
}

export async function eventsOf(env: TestEnv, taskId: string) {
  const rows = await env.deps.db
    .selectFrom('task_events')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
}

export const taskRow = (env: TestEnv, id: string) =>
  env.deps.db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
