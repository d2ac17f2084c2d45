import type { Kysely } from 'kysely';

// A project's tasks in id order: exports read them a page at a time after the last id seen
// (keyset pagination). Without this index SQLite served each page from the project's tasks in
// some other order and sorted all of them — every page cost the whole project, and a 100,000-task
// export took ten times as long as reading it at once. Claims keep tasks_queue_idx, whose leading
// (project, stage) equality and priority order this index cannot offer (test/claim-plans.test.ts).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('tasks_project_id_idx').on('tasks').columns(['project_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tasks_project_id_idx').execute();
}
