import type { Executor } from '../../db/database.ts';
import type { LabelRevisionsTable } from '../../db/schema.ts';

// Label revisions: append-only; the newest revision of a (task, branch) is its head.

export const headRevision = (db: Executor, taskId: string, branch: string) =>
  db
    .selectFrom('label_revisions')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('branch', '=', branch)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();

export const findRevision = (db: Executor, taskId: string, branch: string, revision: number) =>
  db
    .selectFrom('label_revisions')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('branch', '=', branch)
    .where('revision', '=', revision)
    .executeTakeFirst();

export const insertRevision = (db: Executor, row: LabelRevisionsTable) =>
  db.insertInto('label_revisions').values(row).execute();

/** A branch's revisions newest first, without their documents, with the authors' names. */
export const listRevisions = (
  db: Executor,
  taskId: string,
  branch: string,
  before: number | undefined,
  limit: number,
) =>
  db
    .selectFrom('label_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .select([
      'r.revision',
      'r.base_revision',
      'r.author_id',
      'u.name as author_name',
      'r.model_name',
      'r.changes',
      'r.created_at',
    ])
    .where('r.task_id', '=', taskId)
    .where('r.branch', '=', branch)
    .$if(before !== undefined, (qb) => qb.where('r.revision', '<', before!))
    .orderBy('r.revision', 'desc')
    .limit(limit + 1)
    .execute();

/** The branches of a task that have labels, with their head revision. */
export const branchesOf = (db: Executor, taskId: string) =>
  db
    .selectFrom('label_revisions')
    .select(['branch', (eb) => eb.fn.max('revision').as('revision')])
    .where('task_id', '=', taskId)
    .groupBy('branch')
    .orderBy('branch')
    .execute();
