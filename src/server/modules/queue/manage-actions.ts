import { sql } from 'kysely';
import { mayWorkIn, type Worker } from '../../../core/queue/index.ts';
import {
  resolveSettings,
  type Stage,
  stageById,
  TERMINAL_STAGE_TYPES,
  type Workflow,
} from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import { AppError, conflict, invalid } from '../../http/errors.ts';
import { recordTaskEvents, type TaskEvent } from './events.ts';
import type { QueueTask } from './manage-load.ts';
import { enterStage, type QueueEnv } from './placement.ts';
import type { HoldRow } from './present.ts';
import { workerById } from './worker.ts';

// The manager actions, each over a list of tasks so that one task and a bulk request of a
// thousand go through the same checks and the same statements. `check*` throws the refusal
// (an AppError naming the input at fault) before anything is written; `apply*` writes with a
// few set-based statements per list, plus the task events. Callers own the transaction, the
// audit row, and how a refusal names the task (bulk: `taskIds.<i>`).

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const lapsed = (pinned: number, lease: string | null, at: string) =>
  pinned === 0 && lease !== null && lease < at;

/** The single-holder stage holder who still holds the task (a lapsed lease holds nothing). */
export const liveHolder = (t: QueueTask, at: string) =>
  t.assignee_id !== null && !lapsed(t.pinned, t.lease_expires_at, at) ? t.assignee_id : null;

/** Consensus holds that count against N: submitted, named, or under a live lease. */
const liveHolds = (holds: readonly HoldRow[], at: string) =>
  holds.filter((h) => h.state === 'submitted' || !lapsed(h.pinned, h.lease_expires_at, at));

/** The stage the task sits in; a terminal one refuses holder changes. */
function workStageOf(workflow: Workflow, t: QueueTask): Stage {
  const stage = stageById(workflow, t.stage_id ?? '');
  if (!stage)
    throw new AppError(409, 'unknown_stage', 'The task sits in a stage the workflow no longer has.');
  if (TERMINAL_STAGE_TYPES.includes(stage.type)) {
    throw conflict('task_completed', `The task is completed (in “${stage.name}”); reopen it first.`);
  }
  return stage;
}

/** Workers looked up once per request. */
export class Workers {
  private readonly cache = new Map<string, Promise<Worker | undefined>>();
  constructor(
    private readonly db: Executor,
    private readonly projectId: string,
  ) {}
  get(userId: string) {
    let w = this.cache.get(userId);
    if (!w) {
      w = workerById(this.db, userId, this.projectId);
      this.cache.set(userId, w);
    }
    return w;
  }
  async mayWork(userId: string, stage: Stage) {
    const w = await this.get(userId);
    return w !== undefined && mayWorkIn(stage, w);
  }
}

export interface ActionContext {
  trx: Executor;
  env: QueueEnv & { actorId: string };
  workflow: Workflow;
  workers: Workers;
}

// ---------------------------------------------------------------------------------------------
// Assign

export interface AssignItem {
  task: QueueTask;
  userId: string;
}

interface AssignPlan extends AssignItem {
  stage: Stage;
  previous: string | null;
  lapsedHolder: string | null;
}

/** Checks one assignment; `holds` are the task's consensus holds. */
export async function checkAssign(
  a: ActionContext,
  item: AssignItem,
  holds: readonly HoldRow[],
  userField: string,
): Promise<AssignPlan> {
  const at = nowIso(a.env.now);
  const stage = workStageOf(a.workflow, item.task);
  if (!(await a.workers.mayWork(item.userId, stage))) {
    throw invalid(userField, `that user may not work in stage “${stage.name}”`);
  }
  if (stage.type === 'consensus') {
    const live = liveHolds(holds, at);
    if (live.some((h) => h.user_id === item.userId)) {
      throw conflict('already_holds', 'That user already holds this task.', userField);
    }
    const n = resolveSettings(stage).annotatorCount;
    if (live.length >= n) {
      throw conflict('consensus_full', `All ${n} places on this task are taken; unassign someone first.`);
    }
    return { ...item, stage, previous: null, lapsedHolder: null };
  }
  const previous = liveHolder(item.task, at);
  if (previous === item.userId && item.task.pinned === 1) {
    throw conflict('already_holds', 'That user already holds this task.', userField);
  }
  const lapsedHolder = previous === null ? item.task.assignee_id : null;
  return { ...item, stage, previous, lapsedHolder };
}

const keepReopened = sql<string>`case when status = 'reopened' then 'reopened' else 'assigned' end`;

export async function applyAssign(a: ActionContext, plans: readonly AssignPlan[]) {
  const at = nowIso(a.env.now);
  const { trx } = a;
  const single = plans.filter((p) => p.stage.type !== 'consensus');
  const consensus = plans.filter((p) => p.stage.type === 'consensus');
  const byUser = new Map<string, string[]>();
  for (const p of single) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p.task.id]);
  for (const [userId, ids] of byUser) {
    for (const chunk of chunks(ids)) {
      await trx
        .updateTable('tasks')
        .set((eb) => ({
          assignee_id: userId,
          pinned: 1,
          lease_expires_at: null,
          status: keepReopened,
          updated_at: at,
          revision: eb('revision', '+', 1),
        }))
        .where('id', 'in', chunk)
        .execute();
    }
  }
  for (const chunk of chunks(consensus)) {
    await trx
      .insertInto('task_holds')
      .values(
        chunk.map((p) => ({
          task_id: p.task.id,
          user_id: p.userId,
          stage_id: p.stage.id,
          state: 'active' as const,
          pinned: 1,
          lease_expires_at: null,
          created_at: at,
          updated_at: at,
        })),
      )
      // A lapsed hold of the same person is the only row that can be in the way.
      .onConflict((oc) =>
        oc.columns(['task_id', 'user_id']).doUpdateSet({
          state: 'active',
          pinned: 1,
          lease_expires_at: null,
          stage_id: (eb) => eb.ref('excluded.stage_id'),
          updated_at: at,
        }),
      )
      .execute();
    await trx
      .updateTable('tasks')
      .set((eb) => ({ status: keepReopened, updated_at: at, revision: eb('revision', '+', 1) }))
      .where(
        'id',
        'in',
        chunk.map((p) => p.task.id),
      )
      .execute();
  }
  const events: TaskEvent[] = [];
  for (const p of plans) {
    const base = { projectId: p.task.project_id, taskId: p.task.id, stageId: p.stage.id };
    if (p.previous && p.previous !== p.userId) {
      events.push({
        ...base,
        kind: 'unassigned',
        actorId: a.env.actorId,
        subjectId: p.previous,
        data: { by: 'manager' },
      });
    }
    if (p.lapsedHolder && p.lapsedHolder !== p.userId) {
      events.push({ ...base, kind: 'lease_expired', actorId: null, subjectId: p.lapsedHolder });
    }
    events.push({
      ...base,
      kind: 'assigned',
      actorId: a.env.actorId,
      subjectId: p.userId,
      data: { by: 'manager' },
    });
  }
  await recordTaskEvents(trx, events, a.env.now);
}

// ---------------------------------------------------------------------------------------------
// Unassign

export interface UnassignPlan {
  task: QueueTask;
  stage: Stage;
  /** Who loses the task (single holder, or the consensus holds dropped). */
  holders: string[];
  /** Whether nobody is left working on it (consensus: other holders may remain). */
  release: boolean;
}

/**
 * Checks an unassignment. `userId` names the consensus hold to drop (required there when
 * `strict`); without it (bulk) every active hold goes. Not `strict` (bulk): a task nobody holds
 * is left as it is rather than refused.
 */
export function checkUnassign(
  a: ActionContext,
  task: QueueTask,
  holds: readonly HoldRow[],
  userId: string | undefined,
  strict: boolean,
): UnassignPlan | null {
  const at = nowIso(a.env.now);
  const stage = workStageOf(a.workflow, task);
  let holders: string[];
  let release = true;
  if (stage.type === 'consensus') {
    if (strict && userId === undefined)
      throw invalid('userId', 'name whose hold to drop (a consensus stage)');
    const active = holds.filter((h) => h.state === 'active' && !lapsed(h.pinned, h.lease_expires_at, at));
    holders = active.map((h) => h.user_id).filter((u) => userId === undefined || u === userId);
    release = active.length === holders.length;
  } else {
    const holder = liveHolder(task, at);
    if (holder && userId !== undefined && holder !== userId)
      throw invalid('userId', 'that user does not hold this task');
    holders = holder ? [holder] : [];
  }
  if (holders.length > 0) return { task, stage, holders, release };
  if (strict) {
    throw conflict(
      'task_not_assigned',
      userId ? 'That user does not hold this task.' : 'Nobody holds this task.',
      userId ? 'userId' : undefined,
    );
  }
  return null;
}

export async function applyUnassign(a: ActionContext, plans: readonly UnassignPlan[]) {
  const at = nowIso(a.env.now);
  const { trx } = a;
  const consensus = plans.filter((p) => p.stage.type === 'consensus');
  for (const p of consensus) {
    await trx
      .deleteFrom('task_holds')
      .where('task_id', '=', p.task.id)
      .where('user_id', 'in', p.holders)
      .where('state', '=', 'active')
      .execute();
  }
  for (const p of plans.filter((q) => !q.release)) {
    await trx
      .updateTable('tasks')
      .set((eb) => ({ updated_at: at, revision: eb('revision', '+', 1) }))
      .where('id', '=', p.task.id)
      .execute();
  }
  for (const chunk of chunks(plans.filter((p) => p.release).map((p) => p.task.id))) {
    // Consensus tasks keep assignee_id null; the same statement serves both kinds of stage.
    await trx
      .updateTable('tasks')
      .set((eb) => ({
        assignee_id: null,
        pinned: 0,
        lease_expires_at: null,
        status: 'released',
        updated_at: at,
        revision: eb('revision', '+', 1),
      }))
      .where('id', 'in', chunk)
      .execute();
  }
  const events: TaskEvent[] = plans.flatMap((p) =>
    p.holders.map((subjectId) => ({
      projectId: p.task.project_id,
      taskId: p.task.id,
      kind: 'unassigned' as const,
      stageId: p.stage.id,
      actorId: a.env.actorId,
      subjectId,
      data: { by: 'manager' },
    })),
  );
  await recordTaskEvents(trx, events, a.env.now);
}

// ---------------------------------------------------------------------------------------------
// Priority

/** Sets the priority of the tasks whose priority differs; returns how many changed. */
export async function applyPriority(a: ActionContext, tasks: readonly QueueTask[], priority: number) {
  const at = nowIso(a.env.now);
  const changed = tasks.filter((t) => t.priority !== priority);
  for (const chunk of chunks(changed.map((t) => t.id))) {
    await a.trx
      .updateTable('tasks')
      .set((eb) => ({ priority, updated_at: at, revision: eb('revision', '+', 1) }))
      .where('id', 'in', chunk)
      .execute();
  }
  await recordTaskEvents(
    a.trx,
    changed.map((t) => ({
      projectId: t.project_id,
      taskId: t.id,
      kind: 'priority_changed' as const,
      stageId: t.stage_id,
      actorId: a.env.actorId,
      data: { from: t.priority, to: priority },
    })),
    a.env.now,
  );
  return changed.length;
}

// ---------------------------------------------------------------------------------------------
// Move and reopen

/** The stage a manager sends tasks to: one of the workflow's, not a router. */
export function targetStage(workflow: Workflow, stageId: string, field = 'stageId'): Stage {
  const stage = stageById(workflow, stageId);
  if (!stage) throw invalid(field, 'no such stage in the project’s workflow');
  if (stage.type === 'router') throw invalid(field, 'tasks cannot rest in a router stage');
  return stage;
}

export function checkMove(task: QueueTask, target: Stage) {
  if (task.stage_id === target.id) throw invalid('stageId', `the task is already in “${target.name}”`);
}

/** Moves one task (through the engine: holds and skips go, the stage's entry rules apply). */
export async function applyMove(a: ActionContext, task: QueueTask, target: Stage, reason: string) {
  // The event goes first and names the stage the task finally rests in (sampling may pass it on).
  return enterStage(a.trx, a.env, a.workflow, task, {
    stageId: target.id,
    status: 'new',
    holder: { kind: 'none' },
    cause: {
      projectId: task.project_id,
      taskId: task.id,
      kind: 'moved',
      stageId: task.stage_id,
      actorId: a.env.actorId,
      data: { reason },
    },
  });
}

/**
 * Where a reopened task goes by default: the stage it completed from (the latest event that
 * brought it into its terminal stage), when that is still a work stage; else the start stage.
 */
export async function reopenTarget(a: ActionContext, task: QueueTask): Promise<Stage> {
  const came = await a.trx
    .selectFrom('task_events')
    .select('stage_id')
    .where('task_id', '=', task.id)
    .where('to_stage_id', '=', task.stage_id)
    .where('stage_id', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const from = came?.stage_id ? stageById(a.workflow, came.stage_id) : undefined;
  if (from && !TERMINAL_STAGE_TYPES.includes(from.type) && from.type !== 'router') return from;
  const start = a.workflow.stages.find((s) => s.start);
  if (!start) throw new AppError(409, 'workflow_dead_end', 'The workflow has no start stage.');
  return start;
}

export async function applyReopen(a: ActionContext, task: QueueTask, target: Stage, reason: string) {
  // The event goes first and names the stage the task finally rests in (sampling may pass it on).
  return enterStage(a.trx, a.env, a.workflow, task, {
    stageId: target.id,
    status: 'reopened',
    holder: { kind: 'none' },
    cause: {
      projectId: task.project_id,
      taskId: task.id,
      kind: 'reopened',
      stageId: task.stage_id,
      actorId: a.env.actorId,
      data: { reason },
    },
  });
}
