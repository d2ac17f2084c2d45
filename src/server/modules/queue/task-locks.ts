import { sql } from 'kysely';
import type { DialectName, Executor } from '../../db/database.ts';

// Who waits for whom on one task, on PostgreSQL (SQLite runs one writer at a time). Claimers scan
// with SKIP LOCKED and pass over any task whose row another transaction has locked against them,
// so a lock taken by a holder's routine action (save, heartbeat, a submission that does not close
// the round) must not be one a claimer skips — else the next consensus annotator is served a
// lower-priority task while a higher one still has a free slot.
//
// - Holders' actions on one task run one after the other under an advisory lock on the task (two
//   annotators submitting at once must each count the other's branch). The deadline sweep takes
//   it too, so it never closes a round under a holder's feet.
// - A consensus holder then locks the row FOR KEY SHARE: manager actions (FOR UPDATE) wait for
//   it, claimers (FOR NO KEY UPDATE SKIP LOCKED) do not. Closing the round takes the row for
//   update (waiting out claimers in flight), so no slot is taken on a task leaving the stage.
// - Anyone else's hold on a task is exclusive, so that row is locked FOR UPDATE as before.

const TASK_LOCK_CLASS = 0x676c6f73; // "glos": keeps these keys apart from any other advisory lock

/** Serializes holder actions (and the deadline sweep) on one task until the transaction ends. */
export async function lockTaskActions(trx: Executor, dialect: DialectName, taskId: string) {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(${TASK_LOCK_CLASS}, hashtext(${taskId}))`.execute(trx);
}

export type RowLock = 'exclusive' | 'shared';

/** Locks the task row against manager actions; `shared` still lets claimers take free slots. */
export async function lockTaskRow(trx: Executor, dialect: DialectName, taskId: string, how: RowLock) {
  if (dialect !== 'postgres') return;
  await trx
    .selectFrom('tasks')
    .select('id')
    .where('id', '=', taskId)
    .$if(how === 'exclusive', (q) => q.forUpdate())
    .$if(how === 'shared', (q) => q.forKeyShare())
    .execute();
}

/** The row lock a holder's action starts with: shared when the caller holds a consensus slot. */
export async function holderRowLock(trx: Executor, taskId: string, userId: string): Promise<RowLock> {
  const slot = await trx
    .selectFrom('task_holds')
    .select('task_id')
    .where('task_id', '=', taskId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return slot ? 'shared' : 'exclusive';
}
