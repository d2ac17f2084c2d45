import { can, type ProjectResource } from '../../../core/policy/index.ts';
import { projectGate } from '../../../core/projects/status-gate.ts';
import { managesQueue, mayWorkIn, type TaskStatus, type Worker } from '../../../core/queue/index.ts';
import type { ProjectStatus } from '../../../core/roles.ts';
import {
  type Outcome,
  REVIEW_STAGE_TYPES,
  type ResolvedStageSettings,
  resolveSettings,
  type Stage,
  stageById,
  WORK_STAGE_TYPES,
  type Workflow,
} from '../../../core/workflow/index.ts';
import type { DialectName, Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { projectGateFor } from '../access/service.ts';
import { screeningOfTask } from '../benchmarks/screening.ts';
import { serveGoldIfDue } from '../benchmarks/serve.ts';
import { scoreGoldSubmission, withdrawGoldTask } from '../benchmarks/submission.ts';
import { closeConsensusRound, pastDeadline } from '../consensus/close.ts';
import { settleAsItStands } from '../consensus/resolution.ts';
import { presentUnit } from '../datasets/present.ts';
import { branchFor, requireSubmittable } from '../labels/heads.ts';
import { findDataUnit } from '../projects/queries.ts';
import { type Rejection, resolveRejections, settleApproval, settleRejection } from '../reviews/rounds.ts';
import type { Round } from '../reviews/sheet.ts';
import { type ClaimQuery, claimNext, claimOne, eligibleTasks } from './claim.ts';
import { recordTaskEvent } from './events.ts';
import { isOwnWorkIn, requireNotOwnWork, reviewedWork } from './own-work.ts';
import { advance, type NextHolder, type QueueEnv } from './placement.ts';
import { presentTask, type TaskRow } from './present.ts';
import { findTaskRow, holdsOf } from './queries.ts';
import { holderRowLock, lockTaskActions, lockTaskRow, type RowLock } from './task-locks.ts';
import { workerOn } from './worker.ts';
import { workflowAt } from './workflow-store.ts';

// A worker's actions on tasks: take the next one, open one, keep it, give it back, skip it, and
// finish it (submit, approve, reject). Each is one transaction that also writes its task events.
// Finishing also moves the task's label reviews (reviews/rounds.ts): approve and reject settle
// the labels still pending, a resubmission resolves the rejected ones. In review stages that bar
// self review, whoever submitted the task may not take or decide it (own-work.ts).

/** What a person may do with a task they are looking at. */
export type TaskAction = 'claim' | 'submit' | 'skip' | 'release' | 'approve' | 'reject';

export interface Scene {
  workflow: Workflow;
  worker: Worker;
  projectStatus: ProjectStatus;
  /** The project as the policy sees the caller on it (for checks that depend on the stage). */
  resource: ProjectResource;
}

export type WorkAction = 'project.view_queue' | 'project.annotate' | 'project.review';
const ACTION_WORDS: Record<WorkAction, string> = {
  'project.view_queue': 'see this project’s queue',
  'project.annotate': 'annotate in this project',
  'project.review': 'review in this project',
};

/** The project as the caller sees it: 404 unknown, 403 when they hold no role on it or may not do `action`. */
async function sceneOf(
  db: Executor,
  dialect: DialectName,
  ctx: RequestContext,
  projectId: string,
  action: WorkAction = 'project.view_queue',
): Promise<Scene> {
  const project = await projectGateFor(db, dialect, ctx.actor, projectId);
  if (!project) throw notFound('Project');
  const { resource, workflowVersion } = project;
  if (!can(ctx.actor, action, resource)) throw forbidden(ACTION_WORDS[action]);
  const workflow = await workflowAt(db, projectId, workflowVersion);
  if (!workflow) throw new Error(`project ${projectId} has no workflow version ${workflowVersion}`);
  return { workflow, worker: workerOn(ctx.actor, resource), projectStatus: project.status, resource };
}

/** Refuses work the caller may not do in the stage, or while the project's status forbids it. */
function requireWorkIn(scene: Scene, stage: Stage) {
  if (!WORK_STAGE_TYPES.includes(stage.type)) {
    throw conflict('not_a_work_stage', `Nobody works in stage “${stage.name}” (${stage.type}).`);
  }
  if (!mayWorkIn(stage, scene.worker)) {
    throw new AppError(403, 'not_a_stage_worker', `You are not one of the workers of stage “${stage.name}”.`);
  }
  const refusal = projectGate(scene.projectStatus, scene.worker.role!, 'work');
  if (refusal)
    throw new AppError(403, refusal.code, refusal.message, undefined, { status: scene.projectStatus });
}

const claimQuery = (scene: Scene, projectId: string, stage: Stage, now: number): ClaimQuery => ({
  projectId,
  stage,
  settings: resolveSettings(stage),
  userId: scene.worker.userId,
  now,
});

async function present(db: Executor, id: string, workflow: Workflow, now: number) {
  const row = await findTaskRow(db, id);
  if (!row) throw notFound('Task');
  // Only consensus stages have holds; elsewhere the task row says who holds it.
  const consensus = stageById(workflow, row.stage_id ?? '')?.type === 'consensus';
  const holds = consensus ? ((await holdsOf(db, [id])).get(id) ?? []) : [];
  const task = presentTask(row, workflow, holds, now);
  if (row.gold_task_id === null) return task;
  const screening = await screeningOfTask(db, id);
  return screening ? { ...task, screening } : task;
}

/** The caller's next task in a stage, claimed for them; null when there is none. */
export async function nextTask(deps: AppDeps, ctx: RequestContext, projectId: string, stageId: string) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const scene = await sceneOf(trx, deps.dialect, ctx, projectId);
    const stage = stageById(scene.workflow, stageId);
    if (!stage) throw notFound('Stage');
    requireWorkIn(scene, stage);
    const query = claimQuery(scene, projectId, stage, now);
    await serveGoldIfDue(trx, {
      projectId,
      stage,
      userId: scene.worker.userId,
      screened: can(ctx.actor, 'project.take_screening', scene.resource),
      leaseMinutes: query.settings.leaseMinutes,
      now,
      random: deps.random,
    });
    const claimed = await claimNext(trx, deps.dialect, query);
    if (!claimed) return null;
    // A claim returns the task as it left it, held by the caller: nothing to read again — but a
    // served gold task, whose presentation says where it stands in a screening attempt.
    if (claimed.row && claimed.row.gold_task_id === null)
      return presentTask({ ...claimed.row, assignee_name: ctx.user.name }, scene.workflow, [], now);
    return present(trx, claimed.taskId, scene.workflow, now);
  });
}

export interface TaskScene extends Scene {
  row: TaskRow;
  stage: Stage;
  settings: ResolvedStageSettings;
}

async function taskSceneOf(
  db: Executor,
  dialect: DialectName,
  ctx: RequestContext,
  taskId: string,
  action: WorkAction = 'project.view_queue',
): Promise<TaskScene> {
  const row = await findTaskRow(db, taskId);
  if (!row) throw notFound('Task');
  const scene = await sceneOf(db, dialect, ctx, row.project_id, action);
  const stage = stageById(scene.workflow, row.stage_id ?? '');
  if (!stage) throw new Error(`task ${taskId} sits in stage ${row.stage_id}, which its workflow lacks`);
  return { ...scene, row, stage, settings: resolveSettings(stage) };
}

/** Whether the caller holds the task now: their live claim, or a named assignment. */
async function holds(db: Executor, ts: TaskScene, now: number): Promise<boolean> {
  const at = nowIso(now);
  const me = ts.worker.userId;
  if (ts.stage.type === 'consensus') {
    const hold = await db
      .selectFrom('task_holds')
      .select(['pinned', 'lease_expires_at'])
      .where('task_id', '=', ts.row.id)
      .where('user_id', '=', me)
      .where('state', '=', 'active')
      .executeTakeFirst();
    return !!hold && (hold.pinned === 1 || (hold.lease_expires_at ?? '') >= at);
  }
  return ts.row.assignee_id === me && (ts.row.pinned === 1 || (ts.row.lease_expires_at ?? '') >= at);
}

async function claimable(db: Executor, ts: TaskScene, now: number): Promise<boolean> {
  if (!WORK_STAGE_TYPES.includes(ts.stage.type) || !mayWorkIn(ts.stage, ts.worker)) return false;
  if (projectGate(ts.projectStatus, ts.worker.role!, 'work') || ts.settings.hideUnassignedTasks) return false;
  const q = claimQuery(ts, ts.row.project_id, ts.stage, now);
  for (const skipped of [false, true]) {
    const hit = await eligibleTasks(db, q, skipped)
      .select('tasks.id')
      .where('tasks.id', '=', ts.row.id)
      .executeTakeFirst();
    if (hit) return true;
  }
  return false;
}

const workedOn = async (db: Executor, taskId: string, userId: string) =>
  !!(await db
    .selectFrom('task_workers')
    .select('task_id')
    .where('task_id', '=', taskId)
    .where('user_id', '=', userId)
    .executeTakeFirst());

/**
 * The task, if the caller may see it (see getTask), with whether they hold it and could claim it.
 * 404 unknown, 403 otherwise.
 */
export async function visibleTask(deps: AppDeps, ctx: RequestContext, taskId: string, now: number) {
  const ts = await taskSceneOf(deps.db, deps.dialect, ctx, taskId);
  const refusal = projectGate(ts.projectStatus, ts.worker.role!, 'work');
  if (refusal)
    throw new AppError(403, refusal.code, refusal.message, undefined, { status: ts.projectStatus });
  const mine = await holds(deps.db, ts, now);
  const canClaim = !mine && (await claimable(deps.db, ts, now));
  if (
    !mine &&
    !canClaim &&
    !managesQueue(ts.worker.role) &&
    !(await workedOn(deps.db, taskId, ts.worker.userId))
  ) {
    throw forbidden('see this task');
  }
  return { ts, mine, canClaim };
}

/**
 * One task with what the caller may do with it now. Managers see any task of their projects;
 * others the tasks they hold, could claim, or worked on. Opening a task is work, so Annotators
 * and Reviewers are refused while the project is not In progress (the status gate).
 */
export async function getTask(deps: AppDeps, ctx: RequestContext, taskId: string) {
  const now = deps.clock();
  const { ts, mine, canClaim } = await visibleTask(deps, ctx, taskId, now);
  const unit = await findDataUnit(deps.db, ts.row.data_unit_id);
  if (!unit) throw notFound('Task');
  const actions: TaskAction[] = [];
  if (canClaim) actions.push('claim');
  if (mine) {
    if (!REVIEW_STAGE_TYPES.includes(ts.stage.type)) actions.push('submit', 'skip', 'release');
    else if (await isOwnWorkIn(deps.db, ts.stage, taskId, ts.worker.userId)) actions.push('release');
    else actions.push('approve', 'reject', 'release');
  }
  return {
    ...(await present(deps.db, taskId, ts.workflow, now)),
    projectStatus: ts.projectStatus,
    dataUnit: presentUnit(unit),
    mine,
    actions,
  };
}

/** Opens a task from the queue for the caller: it is theirs already, or it is theirs now. */
export async function claimTask(deps: AppDeps, ctx: RequestContext, taskId: string) {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const ts = await taskSceneOf(trx, deps.dialect, ctx, taskId);
    requireWorkIn(ts, ts.stage);
    // Said plainly rather than as "not available": the stage will never let them review it.
    await requireNotOwnWork(trx, ts.stage, taskId, ts.worker.userId);
    const ok = await claimOne(trx, deps.dialect, claimQuery(ts, ts.row.project_id, ts.stage, now), taskId);
    if (!ok) {
      throw conflict(
        'task_not_available',
        'This task is not available to you: someone else holds it, it is assigned to someone else, or the stage’s rules keep it from you.',
      );
    }
  });
  return getTask(deps, ctx, taskId);
}

/**
 * Loads a task the caller must hold for the action, in the transaction, after taking the locks
 * task-locks.ts describes: holders' actions on one task run one after the other, and a consensus
 * holder's lock does not turn claimers away from the task's free slots.
 */
export async function heldTask(
  trx: Executor,
  deps: AppDeps,
  ctx: RequestContext,
  taskId: string,
  now: number,
  action: WorkAction = 'project.view_queue',
) {
  let rowLock: RowLock = 'exclusive';
  if (deps.dialect === 'postgres') {
    await lockTaskActions(trx, deps.dialect, taskId);
    rowLock = await holderRowLock(trx, taskId, ctx.user.id);
    await lockTaskRow(trx, deps.dialect, taskId, rowLock);
  }
  let ts = await taskSceneOf(trx, deps.dialect, ctx, taskId, action);
  if (rowLock === 'shared' && ts.stage.type !== 'consensus') {
    // A slot left over from a stage the task has just left: hold the row as single-holder stages need.
    await lockTaskRow(trx, deps.dialect, taskId, 'exclusive');
    ts = await taskSceneOf(trx, deps.dialect, ctx, taskId, action);
  }
  await requireHeld(trx, ts, now);
  return ts;
}

/** A task the caller holds, read without locking it (for what changes nothing of the task). */
export async function taskHeldBy(
  trx: Executor,
  deps: AppDeps,
  ctx: RequestContext,
  taskId: string,
  now: number,
) {
  const ts = await taskSceneOf(trx, deps.dialect, ctx, taskId);
  await requireHeld(trx, ts, now);
  return ts;
}

async function requireHeld(trx: Executor, ts: TaskScene, now: number) {
  requireWorkIn(ts, ts.stage);
  if (!(await holds(trx, ts, now))) {
    throw conflict(
      'task_not_held',
      'You do not hold this task (it was released, reassigned, or your claim lapsed); open it again.',
    );
  }
}

/** Extends the caller's lease on a task they hold (their hold, in consensus stages) from `now`. */
export async function renewHold(trx: Executor, ts: TaskScene, now: number) {
  const lease = nowIso(now + ts.settings.leaseMinutes * 60_000);
  if (ts.stage.type === 'consensus') {
    await trx
      .updateTable('task_holds')
      .set({ lease_expires_at: lease, updated_at: nowIso(now) })
      .where('task_id', '=', ts.row.id)
      .where('user_id', '=', ts.worker.userId)
      .execute();
  } else {
    await trx.updateTable('tasks').set({ lease_expires_at: lease }).where('id', '=', ts.row.id).execute();
  }
  return lease;
}

export async function heartbeat(deps: AppDeps, ctx: RequestContext, taskId: string) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const ts = await heldTask(trx, deps, ctx, taskId, now);
    return { leaseExpiresAt: await renewHold(trx, ts, now) };
  });
}

/** Gives the caller's hold back: `released` (back to the pool) or `skipped` (the back of their queue). */
async function letGo(
  deps: AppDeps,
  ctx: RequestContext,
  taskId: string,
  how: { kind: 'released' } | { kind: 'skipped'; reason: string },
) {
  const now = deps.clock();
  const at = nowIso(now);
  return deps.db.transaction().execute(async (trx) => {
    const ts = await heldTask(
      trx,
      deps,
      ctx,
      taskId,
      now,
      how.kind === 'skipped' ? 'project.annotate' : 'project.view_queue',
    );
    const me = ts.worker.userId;
    if (how.kind === 'skipped') {
      if (REVIEW_STAGE_TYPES.includes(ts.stage.type)) {
        throw conflict(
          'cannot_skip_review',
          'Review tasks cannot be skipped; approve, reject or release it.',
        );
      }
      await trx
        .insertInto('task_skips')
        .values({ task_id: taskId, user_id: me, stage_id: ts.stage.id, reason: how.reason, skipped_at: at })
        .onConflict((oc) =>
          oc.columns(['task_id', 'user_id', 'stage_id']).doUpdateSet({ reason: how.reason, skipped_at: at }),
        )
        .execute();
    }
    if (ts.row.gold_task_id !== null) return giveBackGold(trx, ts, how.kind, now);
    if (ts.stage.type === 'consensus') {
      await trx.deleteFrom('task_holds').where('task_id', '=', taskId).where('user_id', '=', me).execute();
      await trx
        .updateTable('tasks')
        .set((eb) => ({ status: how.kind, updated_at: at, revision: eb('revision', '+', 1) }))
        .where('id', '=', taskId)
        .execute();
    } else {
      await trx
        .updateTable('tasks')
        .set((eb) => ({
          assignee_id: null,
          pinned: 0,
          lease_expires_at: null,
          status: how.kind,
          updated_at: at,
          revision: eb('revision', '+', 1),
        }))
        .where('id', '=', taskId)
        .execute();
    }
    await recordTaskEvent(
      trx,
      {
        projectId: ts.row.project_id,
        taskId,
        kind: how.kind,
        stageId: ts.stage.id,
        actorId: me,
        subjectId: me,
        data: how.kind === 'skipped' ? { reason: how.reason } : {},
      },
      now,
    );
    return present(trx, taskId, ts.workflow, now);
  });
}

export const releaseTask = (deps: AppDeps, ctx: RequestContext, taskId: string) =>
  letGo(deps, ctx, taskId, { kind: 'released' });

export const skipTask = (deps: AppDeps, ctx: RequestContext, taskId: string, reason: string) =>
  letGo(deps, ctx, taskId, { kind: 'skipped', reason });

export interface FinishInput extends Rejection {
  nextHolderId?: string | undefined;
  keepHolder?: boolean | undefined;
}

/** The caller's stay in the task's (review) stage, as the label reviews see it. */
export const roundOf = (ts: TaskScene): Round => ({
  projectId: ts.row.project_id,
  taskId: ts.row.id,
  stage: ts.stage,
  enteredAt: ts.row.stage_entered_at,
  actorId: ts.worker.userId,
});

/**
 * What finishing does to the label reviews before the task moves on: a review decision settles
 * the labels still pending (a rejection without a reason is refused); a resubmission resolves
 * the rejected ones.
 */
async function settleLabelReviews(
  trx: Executor,
  ts: TaskScene,
  outcome: Outcome,
  input: FinishInput,
  now: number,
) {
  if (outcome === 'approved') return settleApproval(trx, roundOf(ts), now);
  if (outcome === 'rejected') return settleRejection(trx, roundOf(ts), input, now);
  const { row, stage, worker } = ts;
  const ref = { projectId: row.project_id, taskId: row.id, stageId: stage.id, actorId: worker.userId };
  return resolveRejections(trx, ref, now);
}

function nextHolderOf(input: FinishInput, me: string, outcome: Outcome): NextHolder {
  if (input.nextHolderId !== undefined && input.keepHolder) {
    throw invalid('keepHolder', 'give either nextHolderId or keepHolder, not both');
  }
  if (input.nextHolderId !== undefined)
    return { kind: 'user', userId: input.nextHolderId, field: 'nextHolderId' };
  if (input.keepHolder) return { kind: 'user', userId: me, field: 'keepHolder' };
  return outcome === 'rejected' ? { kind: 'last_submitter' } : { kind: 'none' };
}

/**
 * Ends the caller's work on a task with `outcome`: submit in annotate and consensus stages,
 * approve or reject in review stages. The task follows the workflow; in consensus it waits until
 * every annotator's branch is in.
 */
export async function finishTask(
  deps: AppDeps,
  ctx: RequestContext,
  taskId: string,
  outcome: Outcome,
  input: FinishInput,
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const ts = await heldTask(
      trx,
      deps,
      ctx,
      taskId,
      now,
      outcome === 'done' ? 'project.annotate' : 'project.review',
    );
    return finishHeld(trx, deps, ts, outcome, input, now);
  });
}

/** A served gold task submitted: scored, then gone (never to review, the queue or an export). */
async function submitGold(trx: Executor, ts: TaskScene, now: number) {
  await scoreGoldSubmission(trx, ts.row, now);
  return goneGold(ts, 'completed', now);
}

/** A served gold task released or skipped: withdrawn, as if it went back to the pool. */
async function giveBackGold(trx: Executor, ts: TaskScene, status: 'released' | 'skipped', now: number) {
  await withdrawGoldTask(trx, ts.row.id);
  return goneGold(ts, status, now);
}

/** A served gold task as it left its holder (the row itself is gone: see benchmarks/submission.ts). */
const goneGold = (ts: TaskScene, status: TaskStatus, now: number) =>
  presentTask(
    {
      ...ts.row,
      stage_id: null,
      status,
      assignee_id: null,
      assignee_name: null,
      pinned: 0,
      lease_expires_at: null,
      updated_at: nowIso(now),
      revision: ts.row.revision + 1,
    },
    ts.workflow,
    [],
    now,
  );

/** finishTask inside the caller's transaction, on a task `heldTask` has loaded (and locked). */
export async function finishHeld(
  trx: Executor,
  deps: AppDeps,
  ts: TaskScene,
  outcome: Outcome,
  input: FinishInput,
  now: number,
) {
  const at = nowIso(now);
  const taskId = ts.row.id;
  const review = REVIEW_STAGE_TYPES.includes(ts.stage.type);
  if (review === (outcome === 'done')) {
    const wanted = review ? 'approve or reject' : 'submit';
    throw conflict('wrong_action_for_stage', `In stage “${ts.stage.name}” you ${wanted} tasks.`);
  }
  const me = ts.worker.userId;
  if (review) await requireNotOwnWork(trx, ts.stage, taskId, me);
  const holder = nextHolderOf(input, me, outcome);
  if (outcome === 'done')
    await requireSubmittable(trx, ts.row.project_id, taskId, branchFor(ts.stage.type, me));
  if (ts.row.gold_task_id !== null) return submitGold(trx, ts, now);
  await trx
    .insertInto('task_workers')
    .values({
      task_id: taskId,
      user_id: me,
      stage_id: ts.stage.id,
      stage_type: ts.stage.type,
      worked_at: at,
    })
    .onConflict((oc) => oc.columns(['task_id', 'user_id', 'stage_id']).doUpdateSet({ worked_at: at }))
    .execute();
  const cause = {
    projectId: ts.row.project_id,
    taskId,
    kind: outcome === 'done' ? ('submitted' as const) : outcome,
    stageId: ts.stage.id,
    actorId: me,
    subjectId: me,
    data: {
      ...(input.note ? { note: input.note } : {}),
      ...(input.tags && input.tags.length > 0 ? { tags: input.tags } : {}),
      ...(review ? await reviewedWork(trx, taskId) : {}),
    },
  };
  const env: QueueEnv = { now, random: deps.random, actorId: me };
  if (ts.stage.type === 'consensus') {
    await trx
      .updateTable('task_holds')
      .set({ state: 'submitted', lease_expires_at: null, updated_at: at })
      .where('task_id', '=', taskId)
      .where('user_id', '=', me)
      .execute();
    const submitted = await trx
      .selectFrom('task_holds')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('task_id', '=', taskId)
      .where('state', '=', 'submitted')
      .executeTakeFirstOrThrow();
    const n = Number(submitted.n);
    const overdue = pastDeadline(ts.stage, ts.row.stage_entered_at, now);
    if (n < ts.settings.annotatorCount && !(overdue && n >= ts.settings.minimumToProceed)) {
      await recordTaskEvent(trx, { ...cause, data: { ...cause.data, branchesIn: n } }, now);
      return present(trx, taskId, ts.workflow, now);
    }
    await lockTaskRow(trx, deps.dialect, taskId, 'exclusive');
    const closedBy = n < ts.settings.annotatorCount ? 'deadline' : 'all_in';
    const round = await closeConsensusRound(trx, ts.row, ts.stage, closedBy, me, now);
    await settleLabelReviews(trx, ts, outcome, input, now);
    await advance(trx, env, ts.workflow, ts.row, outcome, holder, ts.worker, cause, {
      also: [round.event],
      consensusAccepted: round.accepted,
    });
    return present(trx, taskId, ts.workflow, now);
  }
  await settleLabelReviews(trx, ts, outcome, input, now);
  if (outcome === 'approved' && ts.stage.type === 'consensus_review') {
    const ref = { projectId: ts.row.project_id, taskId, stageId: ts.stage.id, reviewerId: me };
    await settleAsItStands(trx, { ...ref, note: input.note ?? null }, now);
  }
  await advance(trx, env, ts.workflow, ts.row, outcome, holder, ts.worker, cause);
  return present(trx, taskId, ts.workflow, now);
}

export async function taskEvents(deps: AppDeps, ctx: RequestContext, taskId: string) {
  await getTask(deps, ctx, taskId);
  const rows = await deps.db
    .selectFrom('task_events as e')
    .leftJoin('users as a', 'a.id', 'e.actor_id')
    .leftJoin('users as s', 's.id', 'e.subject_id')
    .select([
      'e.id',
      'e.kind',
      'e.stage_id',
      'e.to_stage_id',
      'e.actor_id',
      'a.name as actor_name',
      'e.subject_id',
      's.name as subject_name',
      'e.data',
      'e.created_at',
    ])
    .where('e.task_id', '=', taskId)
    .orderBy('e.id')
    .limit(1000)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      stageId: r.stage_id,
      toStageId: r.to_stage_id,
      actorId: r.actor_id,
      actorName: r.actor_name,
      subjectId: r.subject_id,
      subjectName: r.subject_name,
      data: JSON.parse(r.data) as Record<string, unknown>,
      createdAt: r.created_at,
    })),
  };
}
