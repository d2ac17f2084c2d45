import { type Kysely, sql } from 'kysely';

// person_days becomes one row per (UTC day, project, person) with a column per metric, instead of
// a row per metric: the workspace report sums a period's rows per day and per (project, person),
// and a person's day in a project touches 6 metrics on average, so the rows are 6× fewer
// (bench/analytics.ts at 10M events: the 30-day (project, person) sums on SQLite 210 → 43 ms).
// The rows are made again from metric_days, which holds the same counts by more dimensions.
// The metric names are written out here, not imported from the app: a migration keeps the schema
// of its day.

export const METRICS = [
  'tasks_submitted',
  'tasks_skipped',
  'tasks_approved',
  'tasks_rejected',
  'tasks_reopened',
  'tasks_completed',
  'work_approved',
  'work_rejected',
  'first_review_passed',
  'first_review_failed',
  'labels_created',
  'labels_edited',
  'labels_deleted',
  'labels_approved',
  'labels_rejected',
  'issues_opened',
  'issues_resolved',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('person_days_metric_idx').execute();
  await db.schema.dropIndex('person_days_user_idx').execute();
  await db.schema.dropTable('person_days').execute();
  let table = db.schema
    .createTable('person_days')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull());
  for (const m of METRICS) table = table.addColumn(m, 'bigint', (c) => c.notNull().defaultTo(0));
  await table.addPrimaryKeyConstraint('person_days_pk', ['day', 'project_id', 'user_id']).execute();
  await db.schema.createIndex('person_days_user_idx').on('person_days').columns(['user_id', 'day']).execute();

  const sums = METRICS.map((m) => sql`sum(case when metric = ${m} then n else 0 end)`);
  await sql`insert into person_days (day, project_id, user_id, ${sql.join(METRICS.map((m) => sql.ref(m)))})
    select day, project_id, user_id, ${sql.join(sums)}
    from metric_days group by day, project_id, user_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('person_days_user_idx').execute();
  await db.schema.dropTable('person_days').execute();
  await db.schema
    .createTable('person_days')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_days_pk', ['day', 'project_id', 'user_id', 'metric'])
    .execute();
  await db.schema
    .createIndex('person_days_user_idx')
    .on('person_days')
    .columns(['user_id', 'day', 'project_id', 'metric', 'n'])
    .execute();
  await db.schema
    .createIndex('person_days_metric_idx')
    .on('person_days')
    .columns(['day', 'metric', 'project_id', 'user_id', 'n'])
    .execute();
  await sql`insert into person_days (day, project_id, user_id, metric, n)
    select day, project_id, user_id, metric, sum(n) from metric_days
    group by day, project_id, user_id, metric`.execute(db);
}
