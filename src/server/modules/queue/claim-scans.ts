import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Stage } from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

// What a claim reads, as Kysely builders: the tasks of a stage a person could be given (in queue
// order) and the tasks they already hold. Shared by the claim's statements (claim-statements.ts),
// the queue list's "claimable" filter and the task page. Values and shape come apart so the
// statements can be built once per shape (db/prepared.ts).

export type TaskSelect = SelectQueryBuilder<DB, 'tasks', object>;

// LIMIT 1 written into the SQL, not bound: SQLite plans a bound LIMIT as unknown and ran the
// claim's scan about seven times slower with one (measured, bench/queue-claims.ts).
export const FIRST = sql.lit(1);

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

/** Tasks of the stage the caller could be given now, in queue order (tasks_queue_idx). */
export function eligibleScan(db: Executor, v: EligibleValues, shape: EligibleShape): TaskSelect {
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
  if (barsOwnWork(shape)) query = query.where((eb) => eb.not(labelledBy(eb, userId)));
  return query.orderBy('tasks.priority', 'desc').orderBy('tasks.id', 'asc');
}

/** The part of a scan's shape that decides whether the caller's own work is kept from them. */
export type OwnWorkShape = Pick<EligibleShape, 'stageType' | 'reviewOwnWork'>;

/** A review stage that keeps people from reviewing what they submitted (see own-work.ts). */
const barsOwnWork = (shape: OwnWorkShape) =>
  (shape.stageType === 'review' || shape.stageType === 'consensus_review') && !shape.reviewOwnWork;

/** Whether the user submitted the outer task in an annotate or consensus stage. */
const labelledBy = (eb: TaskEb, userId: string) =>
  workedOn(eb, userId, (w) => w.and([w('w.stage_type', 'in', ['annotate', 'consensus'])]));

export interface OwnValues {
  userId: string;
  projectId: string;
  stageId: string;
  at: string;
  taskId?: string;
}

/**
 * The caller's live claims and assignments in the stage (or on one task of it), in queue order.
 * Given a shape that bars self review, a task the caller submitted earlier is left out even when
 * someone named them its holder: they could not decide on it, so the next-task claim passes it by.
 */
export const ownScan = (db: Executor, p: OwnValues, shape?: OwnWorkShape) =>
  db
    .selectFrom('tasks')
    .where('tasks.assignee_id', '=', p.userId)
    .where('tasks.project_id', '=', p.projectId)
    .where('tasks.stage_id', '=', p.stageId)
    .$if(p.taskId !== undefined, (qb) => qb.where('tasks.id', '=', p.taskId!))
    .where((eb) => eb.or([eb('tasks.pinned', '=', 1), eb('tasks.lease_expires_at', '>=', p.at)]))
    .$if(shape !== undefined && barsOwnWork(shape), (qb) =>
      qb.where((eb) => eb.not(labelledBy(eb, p.userId))),
    )
    .orderBy('tasks.priority', 'desc')
    .orderBy('tasks.id', 'asc');

/** The columns a claimed task is presented with: its unit's and dataset's. */
export const withUnit = (scan: TaskSelect) =>
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
