import type { Kysely } from 'kysely';

// The queue list and the stage counts at millions of tasks. Unfiltered by stage, the list walks
// a project's tasks in queue order (priority high first, then id) — tasks_queue_idx serves that
// only within one stage. The counts group a project's tasks by stage and status, which a
// covering index answers without reading the rows.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('tasks_project_priority_idx')
    .on('tasks')
    .columns(['project_id', 'priority desc', 'id'])
    .execute();
  await db.schema
    .createIndex('tasks_stage_status_idx')
    .on('tasks')
    .columns(['project_id', 'stage_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tasks_stage_status_idx').execute();
  await db.schema.dropIndex('tasks_project_priority_idx').execute();
}
