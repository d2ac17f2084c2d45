import type { Kysely } from 'kysely';

// Extends tasks_assignee_idx with the queue order (priority high first, then id). The claim first
// looks for the caller's own task in a stage, in queue order; with only (assignee, project, stage)
// indexed, SQLite's planner — which has no statistics unless someone runs ANALYZE — preferred
// tasks_queue_idx for its ordering and walked the whole stage looking for the caller's tasks
// (every row, when they held none: the usual case). With the order in this index too, it serves
// the lookup alone, on both databases, with or without statistics.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tasks_assignee_idx').execute();
  await db.schema
    .createIndex('tasks_assignee_idx')
    .on('tasks')
    .columns(['assignee_id', 'project_id', 'stage_id', 'priority desc', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tasks_assignee_idx').execute();
  await db.schema
    .createIndex('tasks_assignee_idx')
    .on('tasks')
    .columns(['assignee_id', 'project_id', 'stage_id'])
    .execute();
}
