import { type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { ResolvedStageSettings, Stage } from '../../../core/workflow/index.ts';
import type { DialectName, Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import { prepared } from '../../db/prepared.ts';
import type { DB } from '../../db/schema.ts';
import { recordTaskEvents, type TaskEvent } from './events.ts';
import type { TaskRow } from './present.ts';

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

// LIMIT 1 written into the SQL, not bound: SQLite plans a bound LIMIT as unknown and ran the
// claim's scan about seven times slower with one (measured, bench/queue-claims.ts).
const FIRST = sql.lit(1);

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

/** The values of the eligibility scan: who asks, where, and when. */
export interface EligibleValues {
  projectId: string;
  stageId: string;
  userId: string;
  /** The claim's time (ISO): leases that ended before it have lapsed. */
  at: string;
}

/** What decides the scan's SQL, beyond its values. */
export interface EligibleShape {
  stageType: Stage['type'];
  annotatorCount: number;
  allowReassessment: boolean;
  reviewOwnWork: boolean;
  /** Only the tasks the caller skipped (served when nothing else is left), else only the others. */
  skipped: boolean;
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

function eligibleScan(db: Executor, v: EligibleValues, shape: EligibleShape): TaskSelect {
  const { at, userId } = v;
  let query = db
    .selectFrom('tasks')
    .where('tasks.project_id', '=', v.projectId)
    .where('tasks.stage_id', '=', v.stageId);
  if (shape.stageType === 'consensus') {
    query = query
      .where((eb) =>
        eb(
          liveHolds(eb, at).select((e) => e.fn.countAll().as('n')),
          '<',
          shape.annotatorCount,
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
        .where('s.stage_id', '=', v.stageId),
    );
    return shape.skipped ? skip : eb.not(skip);
  });
  if (!shape.allowReassessment) {
    query = query.where((eb) =>
      eb.not(workedOn(eb, userId, (w) => w.and([w('w.stage_id', '<>', v.stageId)]))),
    );
  }
  if ((shape.stageType === 'review' || shape.stageType === 'consensus_review') && !shape.reviewOwnWork) {
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
  /** The task as the claim left it, with its unit and dataset (single-holder stages only). */
  row?: ClaimedRow;
  /** The caller held or was assigned it already; `lapsed`: with no live lease (opening it is a claim). */
  own?: { lapsed: boolean };
}

/** A task row as the claim's update returned it, with what its presentation adds but the holder's name. */
export type ClaimedRow = Omit<TaskRow, 'assignee_name'>;

type TakeShape = EligibleShape & {
  /** One named task (opened from the queue) rather than the first in queue order. */
  one: boolean;
};

type TakeValues = EligibleValues & { taskId?: string };

const scanFor = (db: Executor, p: TakeValues, shape: TakeShape) =>
  eligibleScan(db, p, shape).$if(shape.one, (qb) => qb.where('tasks.id', '=', p.taskId!));

// The claim's statements, built once per shape (see db/prepared.ts): this is the hottest path.

/** PostgreSQL: find, lock and take the first task in one statement. */
const claimOnPostgres = prepared<
  TakeValues & { lease: string },
  ClaimedRow & { previous: string | null },
  TakeShape
>((db, p, shape) => {
  const picked = scanFor(db, p, shape)
    .select(['tasks.id', 'tasks.assignee_id'])
    .limit(FIRST)
    .forUpdate()
    .skipLocked();
  // The unit and dataset come along: joined in the update's FROM, they are read, not locked, so
  // claims of one dataset do not queue behind each other.
  return sql<ClaimedRow & { previous: string | null }>`
    with picked as (${picked})
    update tasks set assignee_id = ${p.userId}, pinned = 0, lease_expires_at = ${p.lease},
      status = case when tasks.status = 'reopened' then 'reopened' else 'assigned' end,
      updated_at = ${p.at}, revision = tasks.revision + 1
    from picked, data_units u, datasets d
    where tasks.id = picked.id and u.id = tasks.data_unit_id and d.id = u.dataset_id
    returning tasks.*, picked.assignee_id as previous, u.title, u.kind, u.dataset_id,
      d.name as dataset_name`;
});

/** The columns a claimed task is presented with: its unit's and dataset's. */
const withUnit = (scan: TaskSelect) =>
  scan
    .innerJoin('data_units as u', 'u.id', 'tasks.data_unit_id')
    .innerJoin('datasets as d', 'd.id', 'u.dataset_id')
    .select([
      'tasks.id',
      'tasks.assignee_id',
      'tasks.lease_expires_at',
      'u.title',
      'u.kind',
      'u.dataset_id',
      'd.name as dataset_name',
    ]);

type Picked = {
  id: string;
  assignee_id: string | null;
  title: string;
  kind: string;
  dataset_id: string;
  dataset_name: string;
};

/** SQLite: the first task with its unit and dataset (the single connection serialises claims). */
const pickOnSqlite = prepared((db, p: TakeValues, shape: TakeShape) =>
  withUnit(scanFor(db, p, shape)).limit(FIRST),
);

const updateOnSqlite = prepared((db, p: { taskId: string; userId: string; lease: string; at: string }) =>
  db
    .updateTable('tasks')
    .set((eb) => ({
      assignee_id: p.userId,
      pinned: 0,
      lease_expires_at: p.lease,
      status: sql<string>`case when status = 'reopened' then 'reopened' else 'assigned' end`,
      updated_at: p.at,
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', p.taskId)
    .returningAll(),
);

/** SQLite: takes the picked task for the caller. */
async function takeOnSqlite(
  trx: Executor,
  dialect: DialectName,
  q: ClaimQuery,
  picked: Picked,
  lease: string,
): Promise<Claimed> {
  const [updated] = await updateOnSqlite(trx, dialect, {
    taskId: picked.id,
    userId: q.userId,
    lease,
    at: nowIso(q.now),
  });
  const { title, kind, dataset_id, dataset_name } = picked;
  return {
    taskId: picked.id,
    previousHolderId: picked.assignee_id,
    row: { ...updated!, title, kind, dataset_id, dataset_name },
  };
}

type OwnOrFirstShape = TakeShape & {
  /** Whether a fresh claim may follow when the caller holds nothing (push-only stages: no). */
  fresh: boolean;
};

type OwnOrFirstRow = ClaimedRow & { own: number; previous: string | null; previous_lease: string | null };

/**
 * PostgreSQL: the caller's own task (lease renewed; it keeps its pin, status and revision) or,
 * when they hold none, the first eligible one (taken) — one statement, the same as a bare claim.
 */
const ownOrFirstOnPostgres = prepared((db, p: EligibleValues & { lease: string }, shape: OwnOrFirstShape) => {
  const own = ownScan(db, p)
    .select(['tasks.id', 'tasks.assignee_id', 'tasks.lease_expires_at', sql<number>`1`.as('own')])
    .limit(FIRST)
    .forUpdate();
  const first = scanFor(db, p, shape)
    .where(sql<SqlBool>`not exists (select 1 from own)`)
    .select(['tasks.id', 'tasks.assignee_id', 'tasks.lease_expires_at', sql<number>`0`.as('own')])
    .limit(FIRST)
    .forUpdate()
    .skipLocked();
  const target = shape.fresh
    ? sql`with own as (${own}), picked as (${first}),
        target as (select * from own union all select * from picked)`
    : sql`with own as (${own}), target as (select * from own)`;
  return sql<OwnOrFirstRow>`${target}
    update tasks set assignee_id = ${p.userId},
      pinned = case when target.own = 1 then tasks.pinned else 0 end,
      lease_expires_at = ${p.lease},
      status = case when target.own = 1 or tasks.status = 'reopened' then tasks.status else 'assigned' end,
      updated_at = ${p.at}, revision = tasks.revision + 1 - target.own
    from target, data_units u, datasets d
    where tasks.id = target.id and u.id = tasks.data_unit_id and d.id = u.dataset_id
    returning tasks.*, target.own, target.assignee_id as previous, target.lease_expires_at as previous_lease,
      u.title, u.kind, u.dataset_id, d.name as dataset_name`;
});

/** SQLite: the caller's own task, or else the first eligible one, with its unit and dataset. */
const ownOrFirstOnSqlite = prepared((db, p: EligibleValues, shape: OwnOrFirstShape) => {
  const own = withUnit(ownScan(db, p)).select(sql<number>`1`.as('own')).limit(FIRST);
  if (!shape.fresh) return own;
  const first = withUnit(scanFor(db, p, shape))
    .select(sql<number>`0`.as('own'))
    .limit(FIRST);
  // A compound SELECT under LIMIT 1 stops at the first row: no scan when the caller holds a task.
  return db
    .selectFrom(own.as('own'))
    .selectAll()
    .unionAll(db.selectFrom(first.as('first')).selectAll())
    .limit(FIRST);
});

/**
 * The caller's own task in a single-holder stage (lease renewed), or else the first eligible task
 * they did not skip, taken; null when there is neither.
 */
async function takeOwnOrFirst(trx: Executor, dialect: DialectName, q: ClaimQuery): Promise<Claimed | null> {
  const shape: OwnOrFirstShape = {
    ...claimShape(q, false),
    one: false,
    fresh: !q.settings.hideUnassignedTasks,
  };
  const values = claimValues(q);
  const lease = nowIso(q.now + q.settings.leaseMinutes * 60_000);
  const lapsed = (leaseEnd: string | null) => leaseEnd === null || leaseEnd < values.at;
  if (dialect === 'postgres') {
    const [found] = await ownOrFirstOnPostgres(trx, dialect, { ...values, lease }, shape);
    if (!found) return null;
    const { own, previous, previous_lease, ...row } = found;
    return own === 1
      ? { taskId: row.id, previousHolderId: null, row, own: { lapsed: lapsed(previous_lease) } }
      : { taskId: row.id, previousHolderId: previous, row };
  }
  const [picked] = await ownOrFirstOnSqlite(trx, dialect, values, shape);
  if (!picked) return null;
  if (picked.own === 1) {
    await renewTaskLease(trx, dialect, { taskId: picked.id, lease, at: values.at });
    return { taskId: picked.id, previousHolderId: null, own: { lapsed: lapsed(picked.lease_expires_at) } };
  }
  return takeOnSqlite(trx, dialect, q, picked, lease);
}

/** Takes the first eligible task (or the named one) for the caller; null when there is none. */
async function takeFirst(
  trx: Executor,
  dialect: DialectName,
  q: ClaimQuery,
  skipped: boolean,
  taskId?: string,
): Promise<Claimed | null> {
  const shape: TakeShape = { ...claimShape(q, skipped), one: taskId !== undefined };
  const values: TakeValues = { ...claimValues(q), ...(taskId !== undefined ? { taskId } : {}) };
  if (q.stage.type === 'consensus') return takeFirstConsensus(trx, dialect, q, scanFor(trx, values, shape));
  const lease = nowIso(q.now + q.settings.leaseMinutes * 60_000);
  if (dialect === 'postgres') {
    const [found] = await claimOnPostgres(trx, dialect, { ...values, lease }, shape);
    if (!found) return null;
    const { previous, ...row } = found;
    return { taskId: row.id, previousHolderId: previous, row };
  }
  const [picked] = await pickOnSqlite(trx, dialect, values, shape);
  return picked ? takeOnSqlite(trx, dialect, q, picked, lease) : null;
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

const renewTaskLease = prepared((db, p: { taskId: string; lease: string; at: string }) =>
  db.updateTable('tasks').set({ lease_expires_at: p.lease, updated_at: p.at }).where('id', '=', p.taskId),
);

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

interface OwnValues {
  userId: string;
  projectId: string;
  stageId: string;
  at: string;
  taskId?: string;
}

/** The caller's live claims and assignments in the stage (or on one task of it), in queue order. */
const ownScan = (db: Executor, p: OwnValues) =>
  db
    .selectFrom('tasks')
    .where('tasks.assignee_id', '=', p.userId)
    .where('tasks.project_id', '=', p.projectId)
    .where('tasks.stage_id', '=', p.stageId)
    .$if(p.taskId !== undefined, (qb) => qb.where('tasks.id', '=', p.taskId!))
    .where((eb) => eb.or([eb('tasks.pinned', '=', 1), eb('tasks.lease_expires_at', '>=', p.at)]))
    .orderBy('tasks.priority', 'desc')
    .orderBy('tasks.id', 'asc');

const ownTask = prepared((db, p: OwnValues) =>
  ownScan(db, p).select(['tasks.id', 'tasks.lease_expires_at']).limit(FIRST),
);

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
    first = await takeOwnOrFirst(trx, dialect, q);
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
