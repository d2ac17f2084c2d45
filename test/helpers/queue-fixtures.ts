import { randomBytes } from 'node:crypto';
import type { ProjectRole } from '../../src/core/roles.ts';
import type { Workflow } from '../../src/core/workflow/index.ts';
import { addWorkflowVersion } from '../../src/server/modules/queue/workflow-store.ts';
import type { Agent } from './agent.ts';
import type { TestEnv } from './env.ts';
import { datasetFixture, unitsFixture } from './project-fixtures.ts';

// A project ready for queue tests: a given workflow, collaborators in given roles, `units` tasks
// in the start stage (ids in creation order, which is queue order at equal priority), In progress.

export interface QueueProject {
  projectId: string;
  datasetId: string;
  taskIds: string[];
}

export async function queueProject(
  env: TestEnv,
  opts: { workflow?: Workflow; members?: [Agent, ProjectRole][]; units?: number; status?: string },
): Promise<QueueProject> {
  const created = await env.admin.post('/api/v1/projects', {
    name: `Queue ${randomBytes(4).toString('hex')}`,
    members: (opts.members ?? []).map(([agent, role]) => ({
      principalType: 'user',
      principalId: agent.user!.id,
      role,
    })),
  });
  if (created.status !== 201) throw new Error(`project: ${JSON.stringify(created.body)}`);
  const projectId = created.body.id as string;
  if (opts.workflow) {
    await env.deps.db
      .transaction()
      .execute((trx) =>
        addWorkflowVersion(trx, { projectId, workflow: opts.workflow!, createdBy: null }, env.clock.now),
      );
  }
  const dataset = await datasetFixture(env);
  const attached = await env.admin.post(`/api/v1/projects/${projectId}/datasets`, { datasetId: dataset.id });
  if (attached.status !== 200 && attached.status !== 201)
    throw new Error(`attach: ${JSON.stringify(attached.body)}`);
  await unitsFixture(env, dataset.id, opts.units ?? 0);
  const tasks = await env.deps.db
    .selectFrom('tasks')
    .select('id')
    .where('project_id', '=', projectId)
    .orderBy('id')
    .execute();
  const status = opts.status ?? 'in_progress';
  if (status !== 'not_started') {
    const revision = (await env.admin.get(`/api/v1/projects/${projectId}`)).body.revision;
    const res = await env.admin.request('PUT', `/api/v1/projects/${projectId}/status`, {
      status,
      reason: 'queue test',
      revision,
    });
    if (res.status !== 200) throw new Error(`status: ${JSON.stringify(res.body)}`);
  }
  return { projectId, datasetId: dataset.id, taskIds: tasks.map((t) => t.id) };
}

/** Sets priorities straight in the table (the priority API is tested on its own). */
export async function setPriorities(env: TestEnv, priorities: Record<string, number>) {
  for (const [id, priority] of Object.entries(priorities)) {
    await env.deps.db.updateTable('tasks').set({ priority }).where('id', '=', id).execute();
  }
}

/** Consensus (N annotators) → Consensus review → Complete, rejection back to consensus. */
export const consensusWorkflow = (annotatorCount = 2): Workflow => ({
  formatVersion: 1,
  stages: [
    { id: 'label', name: 'Label', type: 'consensus', start: true, settings: { annotatorCount } },
    { id: 'settle', name: 'Settle', type: 'consensus_review', settings: {} },
    { id: 'done', name: 'Done', type: 'complete', settings: {} },
  ],
  edges: [
    { from: 'label', to: 'settle', kind: 'done' },
    { from: 'settle', to: 'done', kind: 'approved' },
    { from: 'settle', to: 'label', kind: 'rejected' },
  ],
});
