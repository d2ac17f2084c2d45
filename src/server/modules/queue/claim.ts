import { sql } from 'kysely';
import type { ResolvedStageSettings, Stage } from '../../../core/workflow/index.ts';
import type { DialectName, Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import {
  type EligibleShape,
  type EligibleValues,
  eligibleScan,
  FIRST,
  type TaskSelect,
} from './claim-scans.ts';
import {
  type ClaimedRow,
  type ClaimShape,
  type ClaimValues,
  claimOnPostgres,
  ownTask,
  pickOnSqlite,
  renewTaskLease,
  takeOnSqlite,
} from './claim-statements.ts';
import { recordTaskEvents, type TaskEvent } from './events.ts';

// Claiming: handing a task to one person, atomically. The caller's own task comes first, then a
// stage's eligible tasks in queue order (priority high first, then id — the order the queue tab
// shows), skipped ones last. What is read is in claim-scans.ts, the single-holder statements in
// claim-statements.ts; consensus stages, where several people hold one task, are handled here.

export interface ClaimQuery {
  projectId: string;
  stage: Stage;
  settings: ResolvedStageSettings;
  userId: string;
  now: number;
}

const claimValues = (q: ClaimQuery): EligibleValues => ({
  projectId: q.projectId,
  stageId: q.stage.id,
  userId: q.userId,
  at: nowIso(q.now),
});

const claimShape = (q: ClaimQuery, skipped: boolean): EligibleShape => ({
  stageType: q.stage.type,
  annotatorCount: q.stage.type === 'consensus' ? q.settings.annotatorCount : 0,
  allowReassessment: q.settings.allowReassessment,
  reviewOwnWork: q.settings.reviewOwnWork,
  skipped,
});

/** Tasks of the stage the caller could be given now, in queue order. */
export const eligibleTasks = (db: Executor, q: ClaimQuery, skipped: boolean): TaskSelect =>
  eligibleScan(db, claimValues(q), claimShape(q, skipped));

export interface Claimed {
  taskId: string;
  /** Whoever held it before under a lease that had lapsed. */
  previousHolderId: string | null;
  /** The task as the claim left it, with its unit and dataset (single-holder stages only). */
  row?: ClaimedRow;
  /** The caller held or was assigned it already; `lapsed`: with no live lease (opening it is a claim). */
  own?: { lapsed: boolean };
}

/**
 * Takes a task in a single-holder stage as `shape` says (see ClaimShape): the caller's own task
 * gets its lease renewed; anything else is claimed. Null when there is none.
 */
async function take(
  trx: Executor,
  dialect: DialectName,
  q: ClaimQuery,
  shape: ClaimShape,
  taskId?: string,
): Promise<Claimed | null> {
  const values: ClaimValues = { ...claimValues(q), ...(taskId !== undefined ? { taskId } : {}) };
  const lease = nowIso(q.now + q.settings.leaseMinutes * 60_000);
  const lapsed = (leaseEnd: string | null) => ({ lapsed: leaseEnd === null || leaseEnd < values.at });
  if (dialect === 'postgres') {
    const [found] = await claimOnPostgres(trx, dialect, { ...values, lease }, shape);
    if (!found) return null;
    const { own, previous, previous_lease, ...row } = found;
    return own === 1
      ? { taskId: row.id, previousHolderId: null, row, own: lapsed(previous_lease) }
      : { taskId: row.id, previousHolderId: previous, row };
  }
  const [picked] = await pickOnSqlite(trx, dialect, values, shape);
  if (!picked) return null;
  if (picked.own === 1) {
    await renewTaskLease(trx, dialect, { taskId: picked.id, lease, at: values.at });
    return { taskId: picked.id, previousHolderId: null, own: lapsed(picked.lease_expires_at) };
  }
  const [updated] = await takeOnSqlite(trx, dialect, {
    taskId: picked.id,
    userId: q.userId,
    lease,
    at: values.at,
  });
  const { title, kind, dataset_id, dataset_name } = picked;
  return {
    taskId: picked.id,
    previousHolderId: picked.assignee_id,
    row: { ...updated!, title, kind, dataset_id, dataset_name },
  };
}

/** The first eligible task (or the named one) taken for the caller; null when there is none. */
async function takeFirst(
  trx: Executor,
  dialect: DialectName,
  q: ClaimQuery,
  skipped: boolean,
  taskId?: string,
): Promise<Claimed | null> {
  const shape = claimShape(q, skipped);
  if (q.stage.type !== 'consensus') {
    return take(trx, dialect, q, { ...shape, one: taskId !== undefined, own: false, fresh: true }, taskId);
  }
  const scan = eligibleScan(trx, claimValues(q), shape);
  return takeFirstConsensus(
    trx,
    dialect,
    q,
    taskId === undefined ? scan : scan.where('tasks.id', '=', taskId),
  );
}

/**
 * The scan's hold count comes from the statement's snapshot: on PostgreSQL a hold committed by a
 * concurrent claimer after it began is not in it. Once the task row is locked, a fresh statement
 * sees every committed hold, so the slot is checked again there; a task that filled up meanwhile
 * is passed over for the next candidate.
 */
async function takeFirstConsensus(
  trx: Executor,
  dialect: DialectName,
  q: ClaimQuery,
  candidates: TaskSelect,
): Promise<Claimed | null> {
  const passedOver: string[] = [];
  for (;;) {
    const picked = await candidates
      .select('tasks.id')
      .$if(passedOver.length > 0, (qb) => qb.where('tasks.id', 'not in', passedOver))
      .limit(FIRST)
      .$if(dialect === 'postgres', (qb) => qb.forNoKeyUpdate().skipLocked())
      .executeTakeFirst();
    if (!picked) return null;
    if (await consensusSlotFree(trx, q, picked.id)) {
      await takeConsensusSlot(trx, q, picked.id);
      return { taskId: picked.id, previousHolderId: null };
    }
    passedOver.push(picked.id);
  }
}

/** Whether the (locked) task still has room for the caller: fewer than N live holds, none theirs. */
async function consensusSlotFree(trx: Executor, q: ClaimQuery, taskId: string): Promise<boolean> {
  const at = nowIso(q.now);
  const live = await trx
    .selectFrom('task_holds')
    .select('user_id')
    .where('task_id', '=', taskId)
    .where((eb) =>
      eb.or([eb('state', '=', 'submitted'), eb('pinned', '=', 1), eb('lease_expires_at', '>', at)]),
    )
    .execute();
  return live.length < q.settings.annotatorCount && !live.some((h) => h.user_id === q.userId);
}

/** A consensus slot: the caller's hold on the (locked) task; lapsed holds of others give way. */
async function takeConsensusSlot(trx: Executor, q: ClaimQuery, taskId: string) {
  const at = nowIso(q.now);
  await trx
    .deleteFrom('task_holds')
    .where('task_id', '=', taskId)
    .where('state', '=', 'active')
    .where('pinned', '=', 0)
    .where('lease_expires_at', '<', at)
    .execute();
  const lease = nowIso(q.now + q.settings.leaseMinutes * 60_000);
  await trx
    .insertInto('task_holds')
    .values({
      task_id: taskId,
      user_id: q.userId,
      stage_id: q.stage.id,
      state: 'active',
      pinned: 0,
      lease_expires_at: lease,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(['task_id', 'user_id'])
        .doUpdateSet({ state: 'active', lease_expires_at: lease, updated_at: at }),
    )
    .execute();
  await trx
    .updateTable('tasks')
    .set((eb) => ({
      status: sql<string>`case when status = 'reopened' then 'reopened' else 'assigned' end`,
      updated_at: at,
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', taskId)
    .execute();
}

/**
 * The task the caller already holds or was assigned in the stage (they come first), with its
 * lease renewed; null when they hold none. Opening an assignment (no live lease yet) is a claim.
 */
async function renewOwn(trx: Executor, dialect: DialectName, q: ClaimQuery): Promise<string | null> {
  const own = await findOwn(trx, dialect, q);
  if (!own) return null;
  await renewLease(trx, dialect, q, own.id);
  if (own.lease_expires_at === null || own.lease_expires_at < nowIso(q.now)) {
    await recordTaskEvents(
      trx,
      claimEvents(q, { taskId: own.id, previousHolderId: null }, 'assigned'),
      q.now,
      dialect,
    );
  }
  return own.id;
}

async function renewLease(trx: Executor, dialect: DialectName, q: ClaimQuery, taskId: string) {
  const lease = nowIso(q.now + q.settings.leaseMinutes * 60_000);
  const at = nowIso(q.now);
  if (q.stage.type === 'consensus') {
    await trx
      .updateTable('task_holds')
      .set({ lease_expires_at: lease, updated_at: at })
      .where('task_id', '=', taskId)
      .where('user_id', '=', q.userId)
      .execute();
  } else {
    await renewTaskLease(trx, dialect, { taskId, lease, at });
  }
}

/** The caller's live hold or assignment in the stage (or on one task of it), first in queue order. */
async function findOwn(trx: Executor, dialect: DialectName, q: ClaimQuery, taskId?: string) {
  const at = nowIso(q.now);
  if (q.stage.type === 'consensus') {
    // CROSS JOIN, which SQLite takes as "this join order": from the caller's few holds to their
    // tasks. Joined the other way its planner walks the whole stage in queue order for them.
    return trx
      .selectFrom('task_holds')
      .crossJoin('tasks')
      .whereRef('tasks.id', '=', 'task_holds.task_id')
      .select(['tasks.id', 'task_holds.lease_expires_at'])
      .where('task_holds.user_id', '=', q.userId)
      .where('task_holds.state', '=', 'active')
      .where('tasks.project_id', '=', q.projectId)
      .where('tasks.stage_id', '=', q.stage.id)
      .$if(taskId !== undefined, (qb) => qb.where('tasks.id', '=', taskId!))
      .where((eb) => eb.or([eb('task_holds.pinned', '=', 1), eb('task_holds.lease_expires_at', '>=', at)]))
      .orderBy('tasks.priority', 'desc')
      .orderBy('tasks.id', 'asc')
      .limit(FIRST)
      .executeTakeFirst();
  }
  const values = { userId: q.userId, projectId: q.projectId, stageId: q.stage.id, at };
  const [own] = await ownTask(trx, dialect, taskId === undefined ? values : { ...values, taskId });
  return own;
}

function claimEvents(q: ClaimQuery, claimed: Claimed, how: 'next' | 'open' | 'assigned'): TaskEvent[] {
  const events: TaskEvent[] = [];
  if (claimed.previousHolderId && claimed.previousHolderId !== q.userId) {
    events.push({
      projectId: q.projectId,
      taskId: claimed.taskId,
      kind: 'lease_expired',
      stageId: q.stage.id,
      actorId: null,
      subjectId: claimed.previousHolderId,
    });
  }
  events.push({
    projectId: q.projectId,
    taskId: claimed.taskId,
    kind: 'claimed',
    stageId: q.stage.id,
    actorId: q.userId,
    subjectId: q.userId,
    data: { via: how },
  });
  return events;
}

/**
 * The caller's next task in the stage: one they hold or were assigned; else the first eligible
 * task they did not skip; else (unless the stage is push-only) the first they skipped. Null when
 * there is none. Call inside a transaction.
 */
export async function claimNext(trx: Executor, dialect: DialectName, q: ClaimQuery): Promise<Claimed | null> {
  let first: Claimed | null;
  if (q.stage.type === 'consensus') {
    const own = await renewOwn(trx, dialect, q);
    if (own) return { taskId: own, previousHolderId: null };
    first = q.settings.hideUnassignedTasks ? null : await takeFirst(trx, dialect, q, false);
  } else {
    const shape = { ...claimShape(q, false), one: false, own: true, fresh: !q.settings.hideUnassignedTasks };
    first = await take(trx, dialect, q, shape);
  }
  if (first?.own) {
    if (first.own.lapsed) await recordTaskEvents(trx, claimEvents(q, first, 'assigned'), q.now, dialect);
    return first;
  }
  const claimed = first ?? (q.settings.hideUnassignedTasks ? null : await takeFirst(trx, dialect, q, true));
  if (claimed) await recordTaskEvents(trx, claimEvents(q, claimed, 'next'), q.now, dialect);
  return claimed;
}

/**
 * Claims one named task (opened from the queue) if the caller may have it: they hold it or were
 * assigned it, or it is eligible for them. Returns whether they now hold it.
 */
export async function claimOne(
  trx: Executor,
  dialect: DialectName,
  q: ClaimQuery,
  taskId: string,
): Promise<boolean> {
  const own = await findOwn(trx, dialect, q, taskId);
  if (own) {
    await renewLease(trx, dialect, q, taskId);
    if (own.lease_expires_at === null || own.lease_expires_at < nowIso(q.now)) {
      await recordTaskEvents(
        trx,
        claimEvents(q, { taskId, previousHolderId: null }, 'assigned'),
        q.now,
        dialect,
      );
    }
    return true;
  }
  if (q.settings.hideUnassignedTasks) return false;
  for (const skipped of [false, true]) {
    const claimed = await takeFirst(trx, dialect, q, skipped, taskId);
    if (claimed) {
      await recordTaskEvents(trx, claimEvents(q, claimed, 'open'), q.now, dialect);
      return true;
    }
  }
  return false;
}
