import type { Kysely } from 'kysely';
import { resolveScoring, scoreAgainstGold } from '../../../core/benchmark/index.ts';
import { emptyLabels } from '../../../core/labels/index.ts';
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { MAIN_BRANCH, storedDocument } from '../labels/heads.ts';
import { headRevision } from '../labels/queries.ts';
import { settleAttempt } from './screening.ts';
import { benchmarkSettings } from './settings.ts';

// What becomes of a served gold task when its annotator submits or gives it back: submitted, it
// is scored against its gold (a benchmark_scores row, with what they submitted; a screening
// attempt may end with it); either way the task is then deleted, so it never reaches review, the
// queue or an export.

export interface GoldTaskRef {
  id: string;
  project_id: string;
}

/**
 * Takes a served gold task away: deleted with its labels and events (its serving and score stay),
 * so it never reaches an export, and its data unit can be served to the next annotator.
 */
async function retire(trx: Executor, taskId: string) {
  await trx.deleteFrom('tasks').where('id', '=', taskId).execute();
}

/** Scores the submission against the gold and retires the task. */
export async function scoreGoldSubmission(trx: Executor, task: GoldTaskRef, now: number) {
  const serving = await trx
    .selectFrom('gold_servings as s')
    .leftJoin('gold_tasks as g', 'g.id', 's.gold_task_id')
    .select([
      's.user_id',
      's.purpose',
      's.attempt_id',
      's.stage_id',
      's.gold_task_id',
      'g.gold_set_id',
      'g.document',
    ])
    .where('s.task_id', '=', task.id)
    .executeTakeFirst();
  // A gold task deleted after it was served leaves nothing to score against.
  if (serving?.document != null && serving.gold_set_id != null) {
    const head = await headRevision(trx, task.id, MAIN_BRANCH);
    const submitted = head ? storedDocument(head.document) : emptyLabels();
    const gold = storedDocument(serving.document);
    const settings = await benchmarkSettings(trx, task.project_id);
    const result = scoreAgainstGold(gold, submitted, resolveScoring(settings.scoring));
    await trx
      .insertInto('benchmark_scores')
      .values({
        id: newId(now),
        project_id: task.project_id,
        user_id: serving.user_id,
        task_id: task.id,
        gold_task_id: serving.gold_task_id,
        gold_set_id: serving.gold_set_id,
        purpose: serving.purpose,
        attempt_id: serving.attempt_id,
        stage_id: serving.stage_id,
        score: result.score,
        result: JSON.stringify(result),
        gold: JSON.stringify(gold),
        submitted: JSON.stringify(submitted),
        scored_at: nowIso(now),
      })
      .execute();
    if (serving.attempt_id) await settleAttempt(trx, serving.attempt_id, now);
  }
  await retire(trx, task.id);
}

/** A served gold task given back (released or skipped): retired unscored, and no longer counted as served. */
export async function withdrawGoldTask(trx: Executor, taskId: string) {
  await trx.deleteFrom('gold_servings').where('task_id', '=', taskId).execute();
  await retire(trx, taskId);
}

/**
 * Housekeeping: gold tasks whose holder went away (the lease lapsed: no editor open to renew it)
 * are withdrawn, so their gold unit can be served to the project's other annotators again.
 * Returns how many.
 */
export async function withdrawLapsedGold(db: Kysely<DB>, now: number): Promise<number> {
  // From the servings (a served task is deleted once done, so the join keeps the live ones), not
  // a walk of every task: tasks has no index on gold_task_id and this runs every few minutes.
  const lapsed = await db
    .selectFrom('gold_servings as s')
    .innerJoin('tasks as t', 't.id', 's.task_id')
    .select('t.id')
    .where('t.lease_expires_at', '<', nowIso(now))
    .execute();
  for (const { id } of lapsed) {
    await db.transaction().execute(async (trx) => {
      const still = await trx
        .selectFrom('tasks')
        .select('id')
        .where('id', '=', id)
        .where('lease_expires_at', '<', nowIso(now))
        .executeTakeFirst();
      if (still) await withdrawGoldTask(trx, id);
    });
  }
  return lapsed.length;
}
