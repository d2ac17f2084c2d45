import type { Executor } from '../../db/database.ts';
import type { LabelReviewsTable } from '../../db/schema.ts';
import { MAIN_BRANCH } from '../labels/heads.ts';

// Label reviews: one row per reviewed label of a task (see the 0010 migration), written by
// decisions and moved on by the task's transitions; and what a review reads besides.

const CHUNK = 500;

export type ReviewStatus = LabelReviewsTable['status'];

/** A label_reviews row as written (every column given). */
export type ReviewRow = Omit<LabelReviewsTable, 'tags'> & { tags: string };

/** A row as read, with its reviewer's name. */
export type StoredReview = ReviewRow & { reviewer_name: string | null };

/** Every review row of a task, with the reviewers' names. */
export const reviewsOf = (db: Executor, taskId: string): Promise<StoredReview[]> =>
  db
    .selectFrom('label_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.reviewer_id')
    .selectAll('r')
    .select('u.name as reviewer_name')
    .where('r.task_id', '=', taskId)
    .orderBy('r.label_id')
    .execute();

/** Writes decisions: a label's row is created, or replaced by its newer decision. */
export async function upsertReviews(db: Executor, rows: readonly ReviewRow[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('label_reviews')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['task_id', 'label_id']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          reviewer_id: eb.ref('excluded.reviewer_id'),
          reason: eb.ref('excluded.reason'),
          tags: eb.ref('excluded.tags'),
          stage_id: eb.ref('excluded.stage_id'),
          label_revision: eb.ref('excluded.label_revision'),
          decided_at: eb.ref('excluded.decided_at'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** Moves every row of the task in status `from` to `to`; returns the labels moved. */
export async function moveReviews(
  db: Executor,
  taskId: string,
  from: ReviewStatus,
  to: ReviewStatus,
  at: string,
): Promise<string[]> {
  const rows = await db
    .updateTable('label_reviews')
    .set({ status: to, updated_at: at })
    .where('task_id', '=', taskId)
    .where('status', '=', from)
    .returning('label_id')
    .execute();
  return rows.map((r) => r.label_id).sort();
}

/** The documents of the given main-branch revisions of a task (the ones earlier decisions saw). */
export async function mainRevisions(db: Executor, taskId: string, revisions: readonly number[]) {
  if (revisions.length === 0) return [];
  return db
    .selectFrom('label_revisions')
    .select(['revision', 'document'])
    .where('task_id', '=', taskId)
    .where('branch', '=', MAIN_BRANCH)
    .where('revision', 'in', revisions)
    .execute();
}

/** Who submitted the task last (a rejection's issues go to them); null when nobody has. */
export async function lastSubmitter(db: Executor, taskId: string): Promise<string | null> {
  const row = await db
    .selectFrom('task_events')
    .select('actor_id')
    .where('task_id', '=', taskId)
    .where('kind', '=', 'submitted')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.actor_id ?? null;
}

/** Which of the ids are users (labels name their creator, who may be a model or long gone). */
export async function existingUsers(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}
