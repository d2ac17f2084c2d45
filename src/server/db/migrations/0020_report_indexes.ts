import type { Kysely } from 'kysely';

// Indexes for the project dashboard over long periods (measured by bench/analytics.ts at 10M events):
// - time per task per person and per stage is summed, with its percentiles, by the database, grouped
//   by person or stage (modules/analytics/time-report.ts): these two hand a long period's rows over
//   in group order, so SQLite groups without sorting them first (for a short period the
//   (project, last moment) index of 0015 stays the cheaper way in). (project_id, user_id) is a
//   prefix of the first, so it goes;
// - metric_months covering the dashboard's sums by person, stage and class, as metric_days_report_idx
//   does for metric_days (without it PostgreSQL reads a heap page for nearly every row);
// - issues of a project by the day they were raised, with whom they are by and for.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('task_time_user_idx')
    .on('task_time')
    .columns(['project_id', 'user_id', 'last_ms', 'stage_id', 'active_ms'])
    .execute();
  await db.schema
    .createIndex('task_time_stage_idx')
    .on('task_time')
    .columns(['project_id', 'stage_id', 'last_ms', 'user_id', 'active_ms'])
    .execute();
  await db.schema.dropIndex('task_time_project_idx').execute();
  await db.schema
    .createIndex('metric_months_report_idx')
    .on('metric_months')
    .columns(['project_id', 'month', 'metric', 'user_id', 'stage_id', 'feature_id', 'dataset_id', 'n'])
    .execute();
  await db.schema
    .createIndex('issues_project_day_idx')
    .on('issues')
    .columns(['project_id', 'created_at', 'status', 'author_id', 'assignee_id', 'stage_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('issues_project_day_idx').execute();
  await db.schema.dropIndex('metric_months_report_idx').execute();
  await db.schema
    .createIndex('task_time_project_idx')
    .on('task_time')
    .columns(['project_id', 'user_id'])
    .execute();
  await db.schema.dropIndex('task_time_stage_idx').execute();
  await db.schema.dropIndex('task_time_user_idx').execute();
}
