import { type SqlBool, sql } from 'kysely';
import { prepared } from '../../db/prepared.ts';
import {
  type EligibleShape,
  type EligibleValues,
  eligibleScan,
  FIRST,
  type OwnValues,
  ownScan,
  withUnit,
} from './claim-scans.ts';
import type { TaskRow } from './present.ts';

// The claim's statements in single-holder stages, each built once per shape (db/prepared.ts):
// this is the hottest path. One statement finds and takes the task — the caller's own task first
// when asked, else the first eligible one — on PostgreSQL with FOR UPDATE / SKIP LOCKED so that
// concurrent claimers pass each other's candidates; SQLite's single connection serialises claims,
// so there the task is picked and then updated.

export type ClaimShape = EligibleShape & {
  /** One named task (opened from the queue) rather than the first in queue order. */
  one: boolean;
  /** The caller's own task (held or assigned) first. */
  own: boolean;
  /** A fresh claim when the caller holds nothing (push-only stages: no). */
  fresh: boolean;
};

export type ClaimValues = EligibleValues & { taskId?: string };

/** A task row as the claim left it, with what its presentation adds but the holder's name. */
export type ClaimedRow = Omit<TaskRow, 'assignee_name'>;

/** 1: the caller's own task (its lease renewed); 0: a fresh claim. `previous*`: as it was before. */
type Claim = { own: number; previous: string | null; previous_lease: string | null };

const eligible = (db: Parameters<typeof eligibleScan>[0], p: ClaimValues, shape: ClaimShape) =>
  eligibleScan(db, p, shape).$if(shape.one, (qb) => qb.where('tasks.id', '=', p.taskId!));

/**
 * PostgreSQL: finds, locks and takes the task, returning it with its unit and dataset. An own
 * task keeps its pin, status and revision (only the lease is renewed); a fresh claim is pinned to
 * nobody, Assigned (Reopened stays Reopened) and a new revision.
 */
export const claimOnPostgres = prepared((db, p: ClaimValues & { lease: string }, shape: ClaimShape) => {
  const columns = ['tasks.id', 'tasks.assignee_id', 'tasks.lease_expires_at'] as const;
  const own = ownScan(db, p, shape)
    .select([...columns, sql<number>`1`.as('own')])
    .limit(FIRST)
    .forUpdate();
  const first = eligible(db, p, shape)
    .$if(shape.own, (qb) => qb.where(sql<SqlBool>`not exists (select 1 from own)`))
    .select([...columns, sql<number>`0`.as('own')])
    .limit(FIRST)
    .forUpdate()
    .skipLocked();
  const target =
    shape.own && shape.fresh
      ? sql`with own as (${own}), picked as (${first}),
            target as (select * from own union all select * from picked)`
      : shape.own
        ? sql`with own as (${own}), target as (select * from own)`
        : sql`with target as (${first})`;
  // The unit and dataset come along: joined in the update's FROM, they are read, not locked, so
  // claims of one dataset do not queue behind each other.
  return sql<ClaimedRow & Claim>`${target}
      update tasks set assignee_id = ${p.userId},
        pinned = case when target.own = 1 then tasks.pinned else 0 end,
        lease_expires_at = ${p.lease},
        status = case when target.own = 1 or tasks.status = 'reopened' then tasks.status else 'assigned' end,
        updated_at = ${p.at}, revision = tasks.revision + 1 - target.own
      from target, data_units u, datasets d
      where tasks.id = target.id and u.id = tasks.data_unit_id and d.id = u.dataset_id
      returning tasks.*, target.own, target.assignee_id as previous,
        target.lease_expires_at as previous_lease, u.title, u.kind, u.dataset_id, d.name as dataset_name`;
});

/** SQLite: the caller's own task or the first eligible one, with its unit and dataset. */
export const pickOnSqlite = prepared((db, p: ClaimValues, shape: ClaimShape) => {
  const own = withUnit(ownScan(db, p, shape))
    .select(sql<number>`1`.as('own'))
    .limit(FIRST);
  const first = withUnit(eligible(db, p, shape))
    .select(sql<number>`0`.as('own'))
    .limit(FIRST);
  if (!shape.own) return first;
  if (!shape.fresh) return own;
  // A compound SELECT under LIMIT 1 stops at the first row: no scan when the caller holds a task.
  return db
    .selectFrom(own.as('own'))
    .selectAll()
    .unionAll(db.selectFrom(first.as('first')).selectAll())
    .limit(FIRST);
});

/** SQLite: takes the picked task for the caller (as claimOnPostgres does a fresh claim). */
export const takeOnSqlite = prepared((db, p: { taskId: string; userId: string; lease: string; at: string }) =>
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

/** A held task's lease renewed (no new revision: a heartbeat is not an edit). */
export const renewTaskLease = prepared((db, p: { taskId: string; lease: string; at: string }) =>
  db.updateTable('tasks').set({ lease_expires_at: p.lease, updated_at: p.at }).where('id', '=', p.taskId),
);

/** The caller's first own task in the stage (or the named one, if it is theirs). */
export const ownTask = prepared((db, p: OwnValues) =>
  ownScan(db, p).select(['tasks.id', 'tasks.lease_expires_at']).limit(FIRST),
);
