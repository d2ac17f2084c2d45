import type { ReviewedWork } from '../../../core/analytics/metrics.ts';
import {
  REVIEW_STAGE_TYPES,
  resolveSettings,
  type Stage,
  type StageType,
} from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';

// Self review: in a review stage whose `reviewOwnWork` setting is off (the default), whoever
// submitted the task in an annotate or consensus stage may not review it — they are not served it
// (claim-scans.ts), cannot open it explicitly, hold it by someone naming them, or decide on it.

/** The stage types whose submissions count as a task's "own work" for its reviewers. */
export const LABELLING_STAGE_TYPES: readonly StageType[] = ['annotate', 'consensus'];

/** Whether the stage keeps people from reviewing the tasks they submitted. */
export const barsSelfReview = (stage: Stage) =>
  REVIEW_STAGE_TYPES.includes(stage.type) && !resolveSettings(stage).reviewOwnWork;

/** Whether the user submitted the task in an annotate or consensus stage (task_workers' primary key). */
export async function submittedBy(db: Executor, taskId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('task_workers')
    .select('task_id')
    .where('task_id', '=', taskId)
    .where('user_id', '=', userId)
    .where('stage_type', 'in', LABELLING_STAGE_TYPES)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the stage refuses `userId` as a reviewer of the task because it is their own work. */
export async function isOwnWorkIn(db: Executor, stage: Stage, taskId: string, userId: string) {
  return barsSelfReview(stage) && (await submittedBy(db, taskId, userId));
}

export const ownWork = (stage: Stage) =>
  new AppError(
    403,
    'own_work',
    `You submitted this task’s labels, and stage “${stage.name}” does not let people review their own work.`,
  );

/** 403 own_work when the stage bars the user from reviewing the task. */
export async function requireNotOwnWork(db: Executor, stage: Stage, taskId: string, userId: string) {
  if (await isOwnWorkIn(db, stage, taskId, userId)) throw ownWork(stage);
}

/**
 * Whom a review decision on the task is about (its annotators: who submitted it in an annotate or
 * consensus stage) and whether it is the task's first review decision, for the analytics counters.
 */
export async function reviewedWork(db: Executor, taskId: string): Promise<ReviewedWork> {
  const workers = await db
    .selectFrom('task_workers')
    .select('user_id')
    .where('task_id', '=', taskId)
    .where('stage_type', 'in', LABELLING_STAGE_TYPES)
    .execute();
  const earlier = await db
    .selectFrom('task_events')
    .select('id')
    .where('task_id', '=', taskId)
    .where('kind', 'in', ['approved', 'rejected'])
    .limit(1)
    .executeTakeFirst();
  return { annotators: [...new Set(workers.map((w) => w.user_id))].sort(), firstReview: !earlier };
}
