import { nowIso } from '../../src/server/db/ids.ts';
import { heldTask, matrixProject, type Probe, type World } from '../helpers/matrix-world.ts';

// Probes of the reviews routes (see test/permission-matrix.test.ts). Reading a task's reviews is
// open to whoever may see the task; deciding on labels takes project.review and a task held in a
// review stage (the Admin and the Member, its Team Manager; the Tasker is an Annotator there).

const LABEL_ID = 'obj_matrix';

/** Writes a main-branch revision with one object straight into the task's labels. */
async function withOneLabel(w: World, taskId: string) {
  const at = nowIso(w.env.clock.now);
  const object = {
    id: LABEL_ID,
    featureId: 'feat_matrix',
    geometry: { type: 'point', x: 1, y: 1 },
    attributes: [],
    createdBy: 'model:matrix',
    createdAt: at,
    updatedBy: 'model:matrix',
    updatedAt: at,
  };
  await w.env.deps.db
    .insertInto('label_revisions')
    .values({
      task_id: taskId,
      branch: 'main',
      revision: 1,
      base_revision: null,
      format_version: 1,
      document: JSON.stringify({ formatVersion: 1, objects: [object], classifications: [] }),
      author_id: null,
      model_name: 'matrix',
      changes: JSON.stringify({ added: 1, changed: 0, removed: 0 }),
      created_at: at,
    })
    .execute();
  return taskId;
}

export const reviewsProbes: Probe[] = [
  {
    route: 'GET /api/v1/tasks/:id/reviews',
    allowed: 'AMT',
    call: async (w) => {
      const p = await matrixProject(w, { withTask: true, status: 'in_progress' });
      return { method: 'GET', url: `/api/v1/tasks/${await withOneLabel(w, p.taskId!)}/reviews` };
    },
  },
  {
    route: 'POST /api/v1/tasks/:id/reviews',
    allowed: 'AM',
    call: async (w, role) => {
      const taskId = await withOneLabel(w, await heldTask(w, role, 'review'));
      return {
        method: 'POST',
        url: `/api/v1/tasks/${taskId}/reviews`,
        body: { labelRevision: 1, decisions: [{ labelId: LABEL_ID, decision: 'approve' }] },
      };
    },
  },
];
