import { nowIso } from '../../src/server/db/ids.ts';
import { addWorkflowVersion } from '../../src/server/modules/queue/workflow-store.ts';
import { matrixProject, type Probe, type Role, type World, withOntology } from '../helpers/matrix-world.ts';
import { consensusWorkflow } from '../helpers/queue-fixtures.ts';

// Probes of the consensus routes (see test/permission-matrix.test.ts). The round is written
// straight into the table, on a task moved into the consensus review stage of a consensus
// workflow: comparing branches is for managers and the stage's reviewers (the Admin and the
// Member, its Team Manager); the Tasker is an Annotator there and never sees the others' work.

const EMPTY_AGREEMENT = {
  annotatorIds: [],
  score: 1,
  objects: [],
  classes: [],
  questions: [],
  annotators: [],
};

/** A task in the consensus review stage with a closed round whose one branch is the Admin's (empty). */
async function taskWithRound(w: World, claimAs?: Role) {
  const p = await matrixProject(w, { withTask: true, status: 'in_progress' });
  const { db } = w.env.deps;
  const now = w.env.clock.now;
  await db
    .transaction()
    .execute((trx) =>
      addWorkflowVersion(trx, { projectId: p.id, workflow: consensusWorkflow(2), createdBy: null }, now),
    );
  await db
    .updateTable('tasks')
    .set({ stage_id: 'settle', status: 'new' })
    .where('id', '=', p.taskId!)
    .execute();
  await withOntology(w, p.taskId!);
  const roundId = `round-${p.taskId}`;
  await db
    .insertInto('consensus_rounds')
    .values({
      id: roundId,
      project_id: p.id,
      task_id: p.taskId!,
      stage_id: 'label',
      closed_at: nowIso(now),
      closed_by: 'all_in',
      branches: JSON.stringify([{ annotatorId: w.env.admin.user!.id, branch: 'annotator:x', revision: 0 }]),
      score: 1,
      agreement: JSON.stringify(EMPTY_AGREEMENT),
      state: 'review',
      latest: 1,
      consensus_revision: 0,
      resolved_at: null,
      resolved_by: null,
      resolution: null,
    })
    .execute();
  if (claimAs) await w.as[claimAs].post(`/api/v1/projects/${p.id}/stages/settle/next`);
  return { taskId: p.taskId!, roundId, projectId: p.id };
}

export const consensusProbes: Probe[] = [
  {
    route: 'GET /api/v1/tasks/:id/consensus',
    allowed: 'AM',
    call: async (w) => ({ method: 'GET', url: `/api/v1/tasks/${(await taskWithRound(w)).taskId}/consensus` }),
  },
  {
    route: 'POST /api/v1/tasks/:id/consensus/resolve',
    allowed: 'AM',
    call: async (w, role) => {
      const t = await taskWithRound(w, role);
      return {
        method: 'POST',
        url: `/api/v1/tasks/${t.taskId}/consensus/resolve`,
        body: {
          roundId: t.roundId,
          baseRevision: 0,
          document: { formatVersion: 1, objects: [], classifications: [] },
          base: w.env.admin.user!.id,
        },
      };
    },
  },
  {
    route: 'GET /api/v1/projects/:id/agreement',
    allowed: 'AM',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/projects/${(await taskWithRound(w)).projectId}/agreement`,
    }),
  },
  {
    route: 'GET /api/v1/projects/:id/agreement.csv',
    allowed: 'AM',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/projects/${(await taskWithRound(w)).projectId}/agreement.csv?table=tasks`,
    }),
  },
];
