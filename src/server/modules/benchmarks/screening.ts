import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { ScreeningAttemptsTable } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { ScreeningSettings } from './settings.ts';

// Screening: before a project serves an annotator real tasks, they score at least the pass
// threshold on K of its gold tasks. Attempts are numbered; a failed one may be followed by another
// (on the annotator's request) until maxAttempts is reached.

export type Attempt = ScreeningAttemptsTable;

export async function latestAttempt(db: Executor, projectId: string, userId: string) {
  return db
    .selectFrom('screening_attempts')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function startAttempt(
  trx: Executor,
  projectId: string,
  userId: string,
  settings: ScreeningSettings,
  number: number,
  now: number,
): Promise<Attempt> {
  const row: Attempt = {
    id: newId(now),
    project_id: projectId,
    user_id: userId,
    number,
    gold_set_id: settings.goldSetId,
    task_count: settings.taskCount,
    pass_threshold: settings.passThreshold,
    state: 'in_progress',
    mean_score: null,
    started_at: nowIso(now),
    finished_at: null,
  };
  await trx.insertInto('screening_attempts').values(row).execute();
  return row;
}

/** Why the caller gets no real task: their last attempt failed (and whether they may try again). */
export function screeningRefusal(attempt: Attempt, settings: ScreeningSettings): AppError {
  const left = Math.max(0, settings.maxAttempts - attempt.number);
  const details = {
    attempt: attempt.number,
    meanScore: attempt.mean_score,
    passThreshold: attempt.pass_threshold,
    attemptsLeft: left,
  };
  const score = `${Math.round((attempt.mean_score ?? 0) * 100)}%`;
  const needed = `${Math.round(attempt.pass_threshold * 100)}%`;
  return left > 0
    ? new AppError(
        409,
        'screening_failed',
        `You scored ${score} on screening attempt ${attempt.number}; ${needed} is needed. Start another attempt to try again (${left} left).`,
        undefined,
        details,
      )
    : new AppError(
        403,
        'screening_exhausted',
        `You scored ${score} on your last screening attempt; ${needed} is needed and no attempts are left. Ask a project manager.`,
        undefined,
        details,
      );
}

/** After a scored screening task: the attempt ends once K are scored, passed or failed by the mean. */
export async function settleAttempt(trx: Executor, attemptId: string, now: number) {
  const attempt = await trx
    .selectFrom('screening_attempts')
    .selectAll()
    .where('id', '=', attemptId)
    .executeTakeFirstOrThrow();
  if (attempt.state !== 'in_progress') return attempt;
  const scores = await trx
    .selectFrom('benchmark_scores')
    .select('score')
    .where('attempt_id', '=', attemptId)
    .execute();
  if (scores.length < attempt.task_count) return attempt;
  const mean = scores.reduce((sum, s) => sum + Number(s.score), 0) / scores.length;
  const state = mean >= attempt.pass_threshold ? 'passed' : 'failed';
  await trx
    .updateTable('screening_attempts')
    .set({ state, mean_score: mean, finished_at: nowIso(now) })
    .where('id', '=', attemptId)
    .execute();
  return { ...attempt, state, mean_score: mean, finished_at: nowIso(now) };
}

/** Where a served screening task stands in its attempt; undefined for any other task. */
export async function screeningOfTask(db: Executor, taskId: string) {
  const serving = await db
    .selectFrom('gold_servings as s')
    .innerJoin('screening_attempts as a', 'a.id', 's.attempt_id')
    .select(['s.attempt_id', 's.served_at', 's.feedback', 'a.number', 'a.task_count'])
    .where('s.task_id', '=', taskId)
    .executeTakeFirst();
  if (!serving) return undefined;
  const before = await db
    .selectFrom('gold_servings')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('attempt_id', '=', serving.attempt_id)
    .where((eb) =>
      eb.or([
        eb('served_at', '<', serving.served_at),
        eb.and([eb('served_at', '=', serving.served_at), eb('task_id', '<', taskId)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return {
    attempt: serving.number,
    position: Number(before.n) + 1,
    of: serving.task_count,
    feedback: serving.feedback === 1,
  };
}
