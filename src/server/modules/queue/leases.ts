import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import { recordTaskEvents } from './events.ts';

// Lapsed leases. Claims work without this (a lapsed lease already counts as free), but the sweep
// writes down who lost which task and when, so the queue and analytics show it.

const BATCH = 500;

export async function sweepExpiredLeases(db: Executor, now: number): Promise<number> {
  const at = nowIso(now);
  let swept = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const tasks = await trx
        .selectFrom('tasks')
        .select(['id', 'project_id', 'stage_id', 'assignee_id'])
        .where('pinned', '=', 0)
        .where('assignee_id', 'is not', null)
        .where('lease_expires_at', '<', at)
        .limit(BATCH)
        .execute();
      const holds = await trx
        .selectFrom('task_holds as h')
        .innerJoin('tasks as t', 't.id', 'h.task_id')
        .select(['h.task_id', 'h.user_id', 'h.stage_id', 't.project_id'])
        .where('h.state', '=', 'active')
        .where('h.pinned', '=', 0)
        .where('h.lease_expires_at', '<', at)
        .limit(BATCH)
        .execute();
      if (tasks.length > 0) {
        await trx
          .updateTable('tasks')
          .set((eb) => ({
            assignee_id: null,
            lease_expires_at: null,
            status: eb.case().when('status', '=', 'reopened').then('reopened').else('released').end(),
            revision: eb('revision', '+', 1),
            updated_at: at,
          }))
          .where(
            'id',
            'in',
            tasks.map((t) => t.id),
          )
          .where('pinned', '=', 0)
          .where('lease_expires_at', '<', at)
          .execute();
      }
      for (const h of holds) {
        await trx
          .deleteFrom('task_holds')
          .where('task_id', '=', h.task_id)
          .where('user_id', '=', h.user_id)
          .where('state', '=', 'active')
          .where('pinned', '=', 0)
          .where('lease_expires_at', '<', at)
          .execute();
      }
      await recordTaskEvents(
        trx,
        [
          ...tasks.map((t) => ({
            projectId: t.project_id,
            taskId: t.id,
            stageId: t.stage_id,
            subjectId: t.assignee_id,
          })),
          ...holds.map((h) => ({
            projectId: h.project_id,
            taskId: h.task_id,
            stageId: h.stage_id,
            subjectId: h.user_id,
          })),
        ].map((e) => ({ ...e, kind: 'lease_expired' as const, actorId: null })),
        now,
      );
      return tasks.length + holds.length;
    });
    swept += n;
    if (n < BATCH) return swept;
  }
}
