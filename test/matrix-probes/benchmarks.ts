import { newId, nowIso } from '../../src/server/db/ids.ts';
import {
  fixture,
  matrixProject,
  type Probe,
  type Role,
  sharedUnit,
  type World,
  withOntology,
} from '../helpers/matrix-world.ts';

// Probes of the benchmark routes (see test/permission-matrix.test.ts). In the matrix project the
// Member is Team Manager, the Tasker an Annotator (through the group), the Workforce Manager holds
// no role. Gold sets and benchmark settings are project.manage_benchmark (project Admin, Team
// Manager: A and M). Scores, screening status and reports are benchmark.view_scores: managers see
// everyone's, every other project role their own (so a worker asking for no one in particular gets
// their own, and asking for someone else is refused). Rows are written straight into the tables.

const EMPTY_DOCUMENT = { formatVersion: 1, objects: [], classifications: [] };
const EMPTY_SCORE = {
  score: 1,
  counts: {
    gold: 0,
    submitted: 0,
    matched: 0,
    missed: 0,
    extra: 0,
    wrongClass: 0,
    wrongAttribute: 0,
    questions: 0,
    questionsCorrect: 0,
  },
  objects: [],
  questions: [],
};

const SCREENING = { taskCount: 1, passThreshold: 0.8, maxAttempts: 3, feedback: true };

/**
 * An In progress matrix project with one task and an (empty) ontology, and a data unit for gold
 * outside it (gold must not be one of the project's own tasks): in a dataset shared, as User, with
 * the group, so the Admin and the Member may read it.
 */
async function benchmarkProject(w: World) {
  const p = await matrixProject(w, { withTask: true, status: 'in_progress' });
  await withOntology(w, p.taskId!);
  return { ...p, dataUnitId: (await sharedUnit(w)).id };
}

/** A gold set of the project holding one gold task (the data unit, empty labels), or none. */
async function goldSet(w: World, projectId: string, dataUnitId: string | null) {
  const at = nowIso(w.env.clock.now);
  const id = newId(w.env.clock.now);
  const goldTaskId = newId(w.env.clock.now);
  const { db } = w.env.deps;
  await db
    .insertInto('gold_sets')
    .values({
      id,
      project_id: projectId,
      name: `Gold ${id}`,
      description: '',
      created_by: w.env.admin.user!.id,
      created_at: at,
      updated_at: at,
      revision: 1,
    })
    .execute();
  if (dataUnitId === null) return { id, goldTaskId: null };
  await db
    .insertInto('gold_tasks')
    .values({
      id: goldTaskId,
      gold_set_id: id,
      data_unit_id: dataUnitId,
      source_task_id: null,
      source_revision: null,
      document: JSON.stringify(EMPTY_DOCUMENT),
      created_by: w.env.admin.user!.id,
      created_at: at,
    })
    .execute();
  return { id, goldTaskId };
}

/** The project screens its annotators with `goldSetId` (settings written straight into the table). */
async function screeningOn(w: World, projectId: string, goldSetId: string) {
  await w.env.deps.db
    .insertInto('benchmark_settings')
    .values({
      project_id: projectId,
      scoring: JSON.stringify({}),
      screening: JSON.stringify({ goldSetId, ...SCREENING }),
      monitoring: null,
      revision: 1,
      updated_by: w.env.admin.user!.id,
      updated_at: nowIso(w.env.clock.now),
    })
    .execute();
}

/** A finished screening attempt of `userId`. */
async function attempt(
  w: World,
  projectId: string,
  goldSetId: string,
  userId: string,
  state: 'passed' | 'failed',
) {
  const at = nowIso(w.env.clock.now);
  const id = newId(w.env.clock.now);
  await w.env.deps.db
    .insertInto('screening_attempts')
    .values({
      id,
      project_id: projectId,
      user_id: userId,
      number: 1,
      gold_set_id: goldSetId,
      task_count: SCREENING.taskCount,
      pass_threshold: SCREENING.passThreshold,
      state,
      mean_score: state === 'passed' ? 1 : 0.5,
      started_at: at,
      finished_at: at,
    })
    .execute();
  return id;
}

/**
 * A project with screening on, and `userId`'s scored screening task in training mode: the
 * project's task, served to them as a gold task (gold_servings) and scored (benchmark_scores).
 */
async function scoredProject(w: World, userId: string) {
  const p = await benchmarkProject(w);
  const set = await goldSet(w, p.id, p.dataUnitId);
  await screeningOn(w, p.id, set.id);
  const attemptId = await attempt(w, p.id, set.id, userId, 'passed');
  const at = nowIso(w.env.clock.now);
  const { db } = w.env.deps;
  await db.updateTable('tasks').set({ gold_task_id: set.goldTaskId }).where('id', '=', p.taskId!).execute();
  await db
    .insertInto('gold_servings')
    .values({
      task_id: p.taskId!,
      project_id: p.id,
      user_id: userId,
      gold_task_id: set.goldTaskId,
      purpose: 'screening',
      attempt_id: attemptId,
      stage_id: 'annotate',
      feedback: 1,
      served_at: at,
    })
    .execute();
  await db
    .insertInto('benchmark_scores')
    .values({
      id: newId(w.env.clock.now),
      project_id: p.id,
      user_id: userId,
      task_id: p.taskId!,
      gold_task_id: set.goldTaskId,
      gold_set_id: set.id,
      purpose: 'screening',
      attempt_id: attemptId,
      stage_id: 'annotate',
      score: 1,
      result: JSON.stringify(EMPTY_SCORE),
      gold: JSON.stringify(EMPTY_DOCUMENT),
      submitted: JSON.stringify(EMPTY_DOCUMENT),
      scored_at: at,
    })
    .execute();
  return { projectId: p.id, taskId: p.taskId! };
}

/**
 * A project with screening on where the caller is an Annotator (only annotators are screened: the
 * Admin, a workspace Admin, is granted the role directly; the Member and Tasker hold it through
 * the group; the Workforce Manager holds no role) and their first attempt failed.
 */
async function failedScreening(w: World, role: Role) {
  const projectId = (await benchmarkProject(w)).id;
  const set = await goldSet(w, projectId, null);
  await screeningOn(w, projectId, set.id);
  await attempt(w, projectId, set.id, w.as[role].user!.id, 'failed');
  return projectId;
}

export const benchmarksProbes: Probe[] = [
  {
    route: 'GET /api/v1/projects/:id/gold-sets',
    allowed: 'AM',
    call: async (w) => {
      const p = await benchmarkProject(w);
      await goldSet(w, p.id, p.dataUnitId);
      return { method: 'GET', url: `/api/v1/projects/${p.id}/gold-sets` };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/gold-sets',
    allowed: 'AM',
    call: async (w) => ({
      method: 'POST',
      url: `/api/v1/projects/${(await benchmarkProject(w)).id}/gold-sets`,
      body: { name: 'Matrix gold', description: 'reference labels' },
    }),
  },
  {
    route: 'GET /api/v1/gold-sets/:id',
    allowed: 'AM',
    call: async (w) => {
      const p = await benchmarkProject(w);
      return { method: 'GET', url: `/api/v1/gold-sets/${(await goldSet(w, p.id, p.dataUnitId)).id}` };
    },
  },
  {
    route: 'PATCH /api/v1/gold-sets/:id',
    allowed: 'AM',
    call: async (w) => {
      const p = await benchmarkProject(w);
      return {
        method: 'PATCH',
        url: `/api/v1/gold-sets/${(await goldSet(w, p.id, p.dataUnitId)).id}`,
        body: { revision: 1, name: 'Renamed gold', description: 'edited' },
      };
    },
  },
  {
    route: 'DELETE /api/v1/gold-sets/:id',
    allowed: 'AM',
    call: async (w) => {
      const p = await benchmarkProject(w);
      return { method: 'DELETE', url: `/api/v1/gold-sets/${(await goldSet(w, p.id, p.dataUnitId)).id}` };
    },
  },
  {
    route: 'POST /api/v1/gold-sets/:id/tasks',
    allowed: 'AM',
    call: async (w) => {
      const p = await benchmarkProject(w);
      const set = await fixture(w).post(`/api/v1/projects/${p.id}/gold-sets`, { name: 'Empty gold' });
      if (set.status !== 201) throw new Error(`gold set: ${JSON.stringify(set.body)}`);
      return {
        method: 'POST',
        url: `/api/v1/gold-sets/${set.body.id}/tasks`,
        body: { items: [{ dataUnitId: p.dataUnitId, document: EMPTY_DOCUMENT }] },
      };
    },
  },
  {
    route: 'DELETE /api/v1/gold-sets/:id/tasks/:goldTaskId',
    allowed: 'AM',
    call: async (w) => {
      const p = await benchmarkProject(w);
      const set = await goldSet(w, p.id, p.dataUnitId);
      return { method: 'DELETE', url: `/api/v1/gold-sets/${set.id}/tasks/${set.goldTaskId}` };
    },
  },
  {
    route: 'GET /api/v1/projects/:id/benchmark-settings',
    allowed: 'AM',
    call: async (w) => {
      const p = await benchmarkProject(w);
      await screeningOn(w, p.id, (await goldSet(w, p.id, p.dataUnitId)).id);
      return { method: 'GET', url: `/api/v1/projects/${p.id}/benchmark-settings` };
    },
  },
  {
    route: 'PUT /api/v1/projects/:id/benchmark-settings',
    allowed: 'AM',
    call: async (w) => {
      const p = await benchmarkProject(w);
      const set = await goldSet(w, p.id, p.dataUnitId);
      return {
        method: 'PUT',
        url: `/api/v1/projects/${p.id}/benchmark-settings`,
        body: {
          revision: 0,
          scoring: { thresholds: { bounding_box: 0.6 } },
          screening: { goldSetId: set.id, ...SCREENING },
          monitoring: { goldSetId: set.id, everyN: 10, stageIds: [] },
        },
      };
    },
  },
  {
    // No userId: managers get everyone's attempts, any other project member their own.
    route: 'GET /api/v1/projects/:id/screening',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/projects/${(await scoredProject(w, w.as.tasker.user!.id)).projectId}/screening`,
    }),
  },
  {
    // Screening is for annotators: Admins and Team Managers are never screened.
    route: 'POST /api/v1/projects/:id/screening/retry',
    allowed: 'T',
    call: async (w, role) => {
      const projectId = await failedScreening(w, role);
      return { method: 'POST', url: `/api/v1/projects/${projectId}/screening/retry`, body: {} };
    },
  },
  {
    // Someone else's scores (the fixture Admin's): managers only.
    route: 'GET /api/v1/projects/:id/benchmark/report',
    allowed: 'AM',
    call: async (w) => {
      const someoneElse = w.env.admin.user!.id;
      const p = await scoredProject(w, someoneElse);
      return { method: 'GET', url: `/api/v1/projects/${p.projectId}/benchmark/report?userId=${someoneElse}` };
    },
  },
  {
    // No userId: managers get everyone's table, any other project member their own row.
    route: 'GET /api/v1/projects/:id/benchmark/report.csv',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/projects/${(await scoredProject(w, w.as.tasker.user!.id)).projectId}/benchmark/report.csv?table=annotators`,
    }),
  },
  {
    // The Tasker's scored screening task in training mode: theirs to see, and any manager's.
    route: 'GET /api/v1/tasks/:id/gold-feedback',
    allowed: 'AMT',
    call: async (w) => ({
      method: 'GET',
      url: `/api/v1/tasks/${(await scoredProject(w, w.as.tasker.user!.id)).taskId}/gold-feedback`,
    }),
  },
];
