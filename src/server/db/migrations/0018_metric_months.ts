import { type Kysely, sql } from 'kysely';

// - metric_months: metric_days summed per calendar month (YYYY-MM), with every dimension the
//   project dashboard groups by, so that its sums by person, stage and class over a long period
//   read the whole months from here and only the days at either end from metric_days;
// - person_days by project and day, for a project's active time per day and person.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('metric_months')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('feature_id', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_months_pk', [
      'project_id',
      'month',
      'metric',
      'user_id',
      'stage_id',
      'dataset_id',
      'feature_id',
    ])
    .execute();
  await sql`insert into metric_months (project_id, month, metric, user_id, stage_id, dataset_id, feature_id, n)
    select project_id, substr(day, 1, 7), metric, user_id, stage_id, dataset_id, feature_id, sum(n)
    from metric_days
    group by project_id, substr(day, 1, 7), metric, user_id, stage_id, dataset_id, feature_id`.execute(db);
  await db.schema
    .createIndex('person_days_project_idx')
    .on('person_days')
    .columns(['project_id', 'day', 'user_id', 'active_ms'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('person_days_project_idx').execute();
  await db.schema.dropTable('metric_months').execute();
}
