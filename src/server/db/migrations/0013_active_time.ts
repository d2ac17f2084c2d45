import type { Kysely } from 'kysely';

// Active time (analytics): what the editor measured of each person's work.
// - activity_spans: the moments a person worked, on the server's clock, disjoint per person (a
//   moment two tabs both reported is stored once), each with the task and stage it went to. No
//   foreign key to tasks: time spent on a task outlives it (a served gold task is deleted).
// - task_time: the running total per (task, person, stage), for time per task.
// - time_by_day: the running total per (project, day, person, stage), for dashboards.
// Times are epoch milliseconds.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('activity_spans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('start_ms', 'bigint', (c) => c.notNull())
    .addColumn('end_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activity_spans_user_idx')
    .on('activity_spans')
    .columns(['user_id', 'end_ms'])
    .execute();

  await db.schema
    .createTable('task_time')
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('active_ms', 'bigint', (c) => c.notNull())
    .addColumn('first_ms', 'bigint', (c) => c.notNull())
    .addColumn('last_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_time_pk', ['task_id', 'user_id', 'stage_id'])
    .execute();
  await db.schema
    .createIndex('task_time_project_idx')
    .on('task_time')
    .columns(['project_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('time_by_day')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull()) // YYYY-MM-DD, UTC
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('active_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('time_by_day_pk', ['project_id', 'day', 'user_id', 'stage_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('time_by_day').execute();
  await db.schema.dropTable('task_time').execute();
  await db.schema.dropTable('activity_spans').execute();
}
