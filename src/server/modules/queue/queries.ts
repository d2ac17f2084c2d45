import type { Executor } from '../../db/database.ts';
import type { HoldRow, TaskRow } from './present.ts';

// Reading tasks with what their presentation needs (unit, dataset, holder names).

export function taskRows(db: Executor) {
  return db
    .selectFrom('tasks')
    .innerJoin('data_units as u', 'u.id', 'tasks.data_unit_id')
    .innerJoin('datasets as d', 'd.id', 'u.dataset_id')
    .leftJoin('users as a', 'a.id', 'tasks.assignee_id')
    .selectAll('tasks')
    .select(['u.title', 'u.kind', 'u.dataset_id', 'd.name as dataset_name', 'a.name as assignee_name']);
}

export async function findTaskRow(db: Executor, id: string): Promise<TaskRow | undefined> {
  return taskRows(db).where('tasks.id', '=', id).executeTakeFirst();
}

/** Consensus holds of the given tasks, grouped by task id. */
export async function holdsOf(db: Executor, taskIds: readonly string[]): Promise<Map<string, HoldRow[]>> {
  const byTask = new Map<string, HoldRow[]>();
  if (taskIds.length === 0) return byTask;
  const rows = await db
    .selectFrom('task_holds as h')
    .leftJoin('users as u', 'u.id', 'h.user_id')
    .select(['h.task_id', 'h.user_id', 'u.name as user_name', 'h.state', 'h.pinned', 'h.lease_expires_at'])
    .where('h.task_id', 'in', taskIds)
    .orderBy('h.created_at')
    .execute();
  for (const r of rows) {
    const list = byTask.get(r.task_id) ?? [];
    list.push(r);
    byTask.set(r.task_id, list);
  }
  return byTask;
}
