import type { Kysely } from 'kysely';
import { utcDay } from '../../../core/analytics/metrics.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';

// Queue depth over time: the housekeeping counts the tasks waiting in every stage (anything not
// completed, served gold excepted) and keeps the day's latest count per stage, so the dashboards
// can chart how the queues filled and drained. A stage that emptied since the last count drops
// out of today's rows (no row: nothing waiting). The project dashboard shows today's live count.

export interface Waiting {
  projectId: string;
  stageId: string;
  depth: number;
}

/** Tasks waiting per stage now (anything not completed; served gold excepted), of one project or all. */
export async function waitingNow(db: Executor, projectId?: string): Promise<Waiting[]> {
  const counts = await db
    .selectFrom('tasks')
    .select(['project_id', 'stage_id', (eb) => eb.fn.countAll<number>().as('n')])
    .$if(projectId !== undefined, (b) => b.where('project_id', '=', projectId!))
    .where('status', '!=', 'completed')
    .where('stage_id', 'is not', null)
    .where('gold_task_id', 'is', null)
    .groupBy(['project_id', 'stage_id'])
    .execute();
  return counts.map((c) => ({ projectId: c.project_id, stageId: c.stage_id!, depth: Number(c.n) }));
}

export async function countQueueDepth(db: Kysely<DB>, now: number) {
  const day = utcDay(now);
  const rows = (await waitingNow(db)).map((c) => ({
    project_id: c.projectId,
    day,
    stage_id: c.stageId,
    depth: c.depth,
    counted_at: nowIso(now),
  }));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('queue_depth').where('day', '=', day).execute();
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('queue_depth')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  });
  return rows.length;
}
