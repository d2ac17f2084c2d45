import type { Kysely } from 'kysely';

// Indexes the analytics reports read through (measured by bench/analytics.ts at 10M events):
// - task_time by project and last moment of work: the time per task of a period, without visiting
//   every (task, person, stage) total the project ever had;
// - metric_days covering the project dashboard's groupings (by day, metric, person, stage, class);
// - person_days covering the workspace report's reads of a period, metric by metric;
// - tasks waiting per stage (queue depth, the forecast's remaining tasks) without the table.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('task_time_project_last_idx')
    .on('task_time')
    .columns(['project_id', 'last_ms', 'user_id', 'stage_id', 'active_ms'])
    .execute();
  await db.schema
    .createIndex('metric_days_report_idx')
    .on('metric_days')
    .columns(['project_id', 'day', 'metric', 'user_id', 'stage_id', 'feature_id', 'dataset_id', 'n'])
    .execute();
  await db.schema
    .createIndex('person_days_metric_idx')
    .on('person_days')
    .columns(['day', 'metric', 'project_id', 'user_id', 'n'])
    .execute();
  await db.schema
    .createIndex('tasks_waiting_idx')
    .on('tasks')
    .columns(['project_id', 'stage_id', 'status', 'gold_task_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'tasks_waiting_idx',
    'person_days_metric_idx',
    'metric_days_report_idx',
    'task_time_project_last_idx',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
}
