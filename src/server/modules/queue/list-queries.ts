import { type ExpressionBuilder, type ExpressionWrapper, type SqlBool, sql } from 'kysely';
import type { TaskStatus } from '../../../core/queue/index.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { containsText } from '../../db/text-search.ts';
import { type ClaimQuery, eligibleTasks } from './claim.ts';

// The queue list's SQL. Rows are read from `tasks as t` so that the claim's eligibility query
// (which reads `tasks`) can be asked about each row as a correlated subquery: the outer scan
// walks an index in queue order and stops after one page.

type Eb = ExpressionBuilder<DB & { t: DB['tasks']; u: DB['data_units'] }, 't' | 'u'>;
type Cond = ExpressionWrapper<DB, never, SqlBool>;

export type QueueSort = 'priority' | 'name';
export type SortOrder = 'asc' | 'desc';

/** Not a lapsed self-claim: pinned, or a lease still running. */
const liveLease = (
  pinned: 't.pinned' | 'h.pinned',
  lease: 't.lease_expires_at' | 'h.lease_expires_at',
  at: string,
) => sql<SqlBool>`(${sql.ref(pinned)} = 1 or ${sql.ref(lease)} is null or ${sql.ref(lease)} >= ${at})`;

/** Holds of the row that still count (consensus): submitted, or active and live. */
function liveHoldExists(eb: Eb, at: string, userId: string | null, activeOnly: boolean) {
  let q = eb.selectFrom('task_holds as h').select('h.task_id').whereRef('h.task_id', '=', 't.id');
  if (userId) q = q.where('h.user_id', '=', userId);
  q = activeOnly
    ? q.where('h.state', '=', 'active').where(liveLease('h.pinned', 'h.lease_expires_at', at))
    : q.where((h) => h.or([h('h.state', '=', 'submitted'), liveLease('h.pinned', 'h.lease_expires_at', at)]));
  return eb.exists(q);
}

/** The row is held by `userId` (named or under a live lease; consensus: an active hold). */
export const heldBy = (eb: Eb, userId: string, at: string) =>
  eb.or([
    eb.and([eb('t.assignee_id', '=', userId), liveLease('t.pinned', 't.lease_expires_at', at)]),
    liveHoldExists(eb, at, userId, true),
  ]);

/** Nobody works on the row now. */
const heldByNobody = (eb: Eb, at: string) =>
  eb.and([
    eb.or([eb('t.assignee_id', 'is', null), eb.not(liveLease('t.pinned', 't.lease_expires_at', at))]),
    eb.not(liveHoldExists(eb, at, null, true)),
  ]);

/** Someone holds the row, as the status shown counts it (submitted consensus branches too). */
const heldByAnyone = (eb: Eb, at: string) =>
  eb.or([
    eb.and([eb('t.assignee_id', 'is not', null), liveLease('t.pinned', 't.lease_expires_at', at)]),
    liveHoldExists(eb, at, null, false),
  ]);

/** The status as presented: an `assigned` task nobody holds any more shows as released. */
export function statusIs(eb: Eb, status: TaskStatus, at: string) {
  if (status === 'assigned') return eb.and([eb('t.status', '=', 'assigned'), heldByAnyone(eb, at)]);
  if (status === 'released') {
    return eb.or([
      eb('t.status', '=', 'released'),
      eb.and([eb('t.status', '=', 'assigned'), eb.not(heldByAnyone(eb, at))]),
    ]);
  }
  return eb('t.status', '=', status);
}

export function assigneeIs(eb: Eb, assignee: string, at: string) {
  return assignee === 'none' ? heldByNobody(eb, at) : heldBy(eb, assignee, at);
}

/** The row is a task the claim would give the worker in that stage (skipped by them or not). */
export function claimable(db: Executor, eb: Eb, q: ClaimQuery) {
  const same = sql<SqlBool>`tasks.id = t.id`;
  return eb.or([
    eb.exists(eligibleTasks(db, q, false).select('tasks.id').where(same)),
    eb.exists(eligibleTasks(db, q, true).select('tasks.id').where(same)),
  ]);
}

/** `open`: the task has open issues; `none`: it has none open (resolved ones do not count). */
export type IssueFilter = 'open' | 'none';

/** Whether the row has an open issue: a seek in issues_task_idx (task_id, status). */
const hasOpenIssue = (eb: Eb) =>
  eb.exists(
    eb
      .selectFrom('issues as i')
      .select('i.id')
      .whereRef('i.task_id', '=', 't.id')
      .where('i.status', '=', 'open'),
  );

export interface QueueFilter {
  stageId?: string | undefined;
  status?: TaskStatus | undefined;
  assigneeId?: string | undefined;
  datasetId?: string | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  issues?: IssueFilter | undefined;
}

export interface QueuePage {
  sort: QueueSort;
  order: SortOrder;
  after: { key: string | number; id: string } | null;
  limit: number;
}

/** The natural direction of each sort: priority high first, names A to Z. */
export const defaultOrder = (sort: QueueSort): SortOrder => (sort === 'priority' ? 'desc' : 'asc');

/**
 * A page of the project's tasks that match the filter and `scope` (null: every task), in the
 * sort's order then id — the id ascending when the sort key is in its natural direction, so the
 * priority sort is the claim's order — continuing after the cursor.
 */
export function queueRows(
  db: Executor,
  projectId: string,
  f: QueueFilter & { at: string; viewerId: string },
  page: QueuePage,
  scope: ((eb: Eb) => Cond) | null,
) {
  let q = db
    .selectFrom('tasks as t')
    .innerJoin('data_units as u', 'u.id', 't.data_unit_id')
    .innerJoin('datasets as d', 'd.id', 'u.dataset_id')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .selectAll('t')
    .select(['u.title', 'u.kind', 'u.dataset_id', 'd.name as dataset_name', 'a.name as assignee_name'])
    .where('t.project_id', '=', projectId)
    // Gold tasks served for screening or monitoring are seen by the one they were served to only.
    .where((eb) => eb.or([eb('t.gold_task_id', 'is', null), eb('t.assignee_id', '=', f.viewerId)]));
  const { at } = f;
  if (f.stageId) q = q.where('t.stage_id', '=', f.stageId);
  if (f.datasetId) q = q.where('u.dataset_id', '=', f.datasetId);
  if (f.kind) q = q.where('u.kind', '=', f.kind as never);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => containsText([eb.ref('u.title')], text));
  }
  if (f.status) {
    const status = f.status;
    q = q.where((eb) => statusIs(eb as unknown as Eb, status, at));
  }
  if (f.assigneeId) {
    const assignee = f.assigneeId;
    q = q.where((eb) => assigneeIs(eb as unknown as Eb, assignee, at));
  }
  if (f.issues) {
    const open = f.issues === 'open';
    q = q.where((eb) =>
      open ? hasOpenIssue(eb as unknown as Eb) : eb.not(hasOpenIssue(eb as unknown as Eb)),
    );
  }
  if (scope) q = q.where((eb) => scope(eb as unknown as Eb));

  const key = page.sort === 'priority' ? ('t.priority' as const) : ('u.title' as const);
  const natural = page.order === defaultOrder(page.sort);
  const idOrder: SortOrder = natural ? 'asc' : 'desc';
  const after = page.after;
  if (after) {
    // The bound on the key alone lets the index scan start at the cursor instead of filtering up to it.
    const [keyBound, keyPast] = page.order === 'desc' ? (['<=', '<'] as const) : (['>=', '>'] as const);
    const idPast = idOrder === 'asc' ? '>' : '<';
    q = q
      .where(key, keyBound, after.key as never)
      .where((eb) => eb.or([eb(key, keyPast, after.key as never), eb('t.id', idPast, after.id)]));
  }
  return q
    .orderBy(key, page.order)
    .orderBy('t.id', idOrder)
    .limit(page.limit + 1)
    .execute();
}
