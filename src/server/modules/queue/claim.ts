import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { ResolvedStageSettings, Stage } from '../../../core/workflow/index.ts';
import type { DialectName, Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { recordTaskEvents, type TaskEvent } from './events.ts';

// Claiming: handing a task to one person, atomically. A stage's eligible tasks are scanned in
// queue order (priority high first, then id — the order the queue tab shows) through the
// tasks_queue_idx index, and the first one is taken in the same statement that finds it: on
// PostgreSQL `FOR UPDATE SKIP LOCKED` lets concurrent claimers pass each other's candidates; on
// SQLite the single connection runs one transaction at a time.

export interface ClaimQuery {
  projectId: string;
  stage: Stage;
  settings: ResolvedStageSettings;
  userId: string;
  now: number;
}

type TaskSelect = SelectQueryBuilder<DB, 'tasks', object>;

type TaskEb = ExpressionBuilder<DB, 'tasks'>;

/** The consensus holds of the outer task that still count against N: submitted, named, or leased. */
const liveHolds = (eb: TaskEb, at: string) =>
  eb
    .selectFrom('task_holds as h')
    .whereRef('h.task_id', '=', 'tasks.id')
    .where((h) =>
      h.or([h('h.state', '=', 'submitted'), h('h.pinned', '=', 1), h('h.lease_expires_at', '>', at)]),
    );

/** Whether the user finished work on the outer task in a stage matching `stage`. */
const workedOn = (
  eb: TaskEb,
  userId: string,
  stage: (w: ExpressionBuilder<DB & { w: DB['task_workers'] }, 'w'>) => ReturnType<TaskEb['and']>,
) =>
  eb.exists(
    eb
      .selectFrom('task_workers as w')
      .select('w.task_id')
      .whereRef('w.task_id', '=', 'tasks.id')
      .where('w.user_id', '=', userId)
      .where(stage),
  );

/**
 * Tasks of the stage the caller could be given now, in queue order. `skipped`: only those the
 * caller skipped (served when nothing else is left), else only those they did not skip.
 */
export function eligibleTasks(db: Executor, q: ClaimQuery, skipped: boolean): TaskSelect {
  const at = nowIso(q.now);
  const { stage, settings, userId } = q;
  let query = db
    .selectFrom('tasks')
    .where('tasks.project_id', '=', q.projectId)
    .where('tasks.stage_id', '=', stage.id);
  if (stage.type === 'consensus') {
    query = query
      .where((eb) =>
        eb(
          liveHolds(eb, at).select((e) => e.fn.countAll().as('n')),
          '<',
          settings.annotatorCount,
        ),
      )
      .where((eb) =>
        eb.not(eb.exists(liveHolds(eb, at).select('h.task_id').where('h.user_id', '=', userId))),
      );
  } else {
    query = query.where((eb) =>
      eb.or([
        eb('tasks.assignee_id', 'is', null),
        eb.and([eb('tasks.pinned', '=', 0), eb('tasks.lease_expires_at', '<', at)]),
      ]),
    );
  }
  query = query.where((eb) => {
    const skip = eb.exists(
      eb
        .selectFrom('task_skips as s')
        .select('s.task_id')
        .whereRef('s.task_id', '=', 'tasks.id')
        .where('s.user_id', '=', userId)
        .where('s.stage_id', '=', stage.id),
    );
    return skipped ? skip : eb.not(skip);
  });
  if (!settings.allowReassessment) {
    query = query.where((eb) =>
      eb.not(workedOn(eb, userId, (w) => w.and([w('w.stage_id', '<>', stage.id)]))),
    );
  }
  if ((stage.type === 'review' || stage.type === 'consensus_review') && !settings.reviewOwnWork) {
    query = query.where((eb) =>
      eb.not(workedOn(eb, userId, (w) => w.and([w('w.stage_type', 'in', ['annotate', 'consensus'])]))),
    );
  }
  return query.orderBy('tasks.priority', 'desc').orderBy('tasks.id', 'asc');
}

export interface Claimed {
  taskId: string;
  /** Whoever held it before under a lease that had lapsed. */
  previousHolderId: string | null;
}

/** Takes the first task of `candidates` for the caller; null when there is none. */
async function takeFirst(
  trx: Executor,
  dialect: DialectName,
  q: ClaimQuery,
  candidates: TaskSelect,
): Promise<Claimed | null> {
  const at = nowIso(q.now);
  const lease = nowIso(q.now + q.settings.leaseMinutes * 60_000);
  if (q.stage.type === 'consensus') {
    // The scan's hold count comes from the statement's snapshot: on PostgreSQL a hold committed
    // by a concurrent claimer after it began is not in it. Once the task row is locked, a fresh
    // statement sees every committed hold, so the slot is checked again there; a task that filled
    // up meanwhile is passed over for the next candidate.
    const passedOver: string[] = [];
    for (;;) {
      const picked = await candidates
        .select('tasks.id')
        .$if(passedOver.length > 0, (qb) => qb.where('tasks.id', 'not in', passedOver))
        .limit(1)
        .$if(dialect === 'postgres', (qb) => qb.forUpdate().skipLocked())
        .executeTakeFirst();
      if (!picked) return null;
      if (await consensusSlotFree(trx, q, picked.id)) {
        await takeConsensusSlot(trx, q, picked.id);
        return { taskId: picked.id, previousHolderId: null };
      }
      passedOver.push(picked.id);
    }
  }
  if (dialect === 'postgres') {
    const picked = candidates.select(['tasks.id', 'tasks.assignee_id']).limit(1).forUpdate().skipLocked();
    const res = await sql<{ id: string; previous: string | null }>`
      with picked as (${picked})
      update tasks set assignee_id = ${q.userId}, pinned = 0, lease_expires_at = ${lease},
        status = case when tasks.status = 'reopened' then 'reopened' else 'assigned' end,
        updated_at = ${at}, revision = tasks.revision + 1
      from picked where tasks.id = picked.id
      returning tasks.id, picked.assignee_id as previous`.execute(trx);
    const row = res.rows[0];
    return row ? { taskId: row.id, previousHolderId: row.previous } : null;
  }
  const picked = await candidates.select(['tasks.id', 'tasks.assignee_id']).limit(1).executeTakeFirst();
  if (!picked) return null;
  await trx
    .updateTable('tasks')
    .set((eb) => ({
      assignee_id: q.userId,
      pinned: 0,
      lease_expires_at: lease,
      status: sql<string>`case when status = 'reopened' then 'reopened' else 'assigned' end`,
      updated_at: at,
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', picked.id)
    .execute();
  return { taskId: picked.id, previousHolderId: picked.assignee_id };
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
async function renewOwn(trx: Executor, q: ClaimQuery): Promise<string | null> {
  const own = await findOwn(trx, q);
  if (!own) return null;
  await renewLease(trx, q, own.id);
  if (own.lease_expires_at === null || own.lease_expires_at < nowIso(q.now)) {
    await recordTaskEvents(
      trx,
      claimEvents(q, { taskId: own.id, previousHolderId: null }, 'assigned'),
      q.now,
    );
  }
  return own.id;
}

async function renewLease(trx: Executor, q: ClaimQuery, taskId: string) {
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
    await trx
      .updateTable('tasks')
      .set({ lease_expires_at: lease, updated_at: at })
      .where('id', '=', taskId)
      .execute();
  }
}

/** The caller's live hold or assignment in the stage (or on one task of it), first in queue order. */
async function findOwn(trx: Executor, q: ClaimQuery, taskId?: string) {
  const at = nowIso(q.now);
  if (q.stage.type === 'consensus') {
    return trx
      .selectFrom('task_holds')
      .innerJoin('tasks', 'tasks.id', 'task_holds.task_id')
      .select(['tasks.id', 'task_holds.lease_expires_at'])
      .where('task_holds.user_id', '=', q.userId)
      .where('task_holds.state', '=', 'active')
      .where('tasks.project_id', '=', q.projectId)
      .where('tasks.stage_id', '=', q.stage.id)
      .$if(taskId !== undefined, (qb) => qb.where('tasks.id', '=', taskId!))
      .where((eb) => eb.or([eb('task_holds.pinned', '=', 1), eb('task_holds.lease_expires_at', '>=', at)]))
      .orderBy('tasks.priority', 'desc')
      .orderBy('tasks.id', 'asc')
      .limit(1)
      .executeTakeFirst();
  }
  return trx
    .selectFrom('tasks')
    .select(['id', 'lease_expires_at'])
    .where('assignee_id', '=', q.userId)
    .where('project_id', '=', q.projectId)
    .where('stage_id', '=', q.stage.id)
    .$if(taskId !== undefined, (qb) => qb.where('id', '=', taskId!))
    .where((eb) => eb.or([eb('pinned', '=', 1), eb('lease_expires_at', '>=', at)]))
    .orderBy('priority', 'desc')
    .orderBy('id', 'asc')
    .limit(1)
    .executeTakeFirst();
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
export async function claimNext(trx: Executor, dialect: DialectName, q: ClaimQuery): Promise<string | null> {
  const own = await renewOwn(trx, q);
  if (own) return own;
  if (q.settings.hideUnassignedTasks) return null;
  for (const skipped of [false, true]) {
    const claimed = await takeFirst(trx, dialect, q, eligibleTasks(trx, q, skipped));
    if (claimed) {
      await recordTaskEvents(trx, claimEvents(q, claimed, 'next'), q.now);
      return claimed.taskId;
    }
  }
  return null;
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
  const own = await findOwn(trx, q, taskId);
  if (own) {
    await renewLease(trx, q, taskId);
    if (own.lease_expires_at === null || own.lease_expires_at < nowIso(q.now)) {
      await recordTaskEvents(trx, claimEvents(q, { taskId, previousHolderId: null }, 'assigned'), q.now);
    }
    return true;
  }
  if (q.settings.hideUnassignedTasks) return false;
  for (const skipped of [false, true]) {
    const claimed = await takeFirst(
      trx,
      dialect,
      q,
      eligibleTasks(trx, q, skipped).where('tasks.id', '=', taskId),
    );
    if (claimed) {
      await recordTaskEvents(trx, claimEvents(q, claimed, 'open'), q.now);
      return true;
    }
  }
  return false;
}
