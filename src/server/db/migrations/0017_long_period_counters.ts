import { type Kysely, sql } from 'kysely';
import { METRICS } from './0016_person_days_wide.ts';

// Counters for long report periods, so that a year costs about what a month does (bench/analytics.ts):
// - person_days gets active_ms, the person's active time in the project that day, so the workspace
//   report reads its counts and its time from one row;
// - person_months: person_days summed per calendar month (YYYY-MM), for the whole months of a
//   period (core/analytics/periods.ts: a period is whole months plus leftover days);
// - project_days: person_days summed over the people, for the day-by-day series;
// - user_days: active time per (day, person) over every project, for who was active on a day, in
//   a week and in the period.
// Each is filled from what is already counted; from now on every counter write adds to all of them.

const COUNTED = [...METRICS, 'active_ms'] as const;

const cols = (names: readonly string[]) => sql.join(names.map((c) => sql.ref(c)));
const sums = sql.join(COUNTED.map((c) => sql`sum(${sql.ref(c)})`));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('person_days')
    .addColumn('active_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();

  let months = db.schema
    .createTable('person_months')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull());
  for (const m of COUNTED) months = months.addColumn(m, 'bigint', (c) => c.notNull().defaultTo(0));
  await months.addPrimaryKeyConstraint('person_months_pk', ['month', 'project_id', 'user_id']).execute();
  await db.schema
    .createIndex('person_months_user_idx')
    .on('person_months')
    .columns(['user_id', 'month'])
    .execute();

  let projectDays = db.schema
    .createTable('project_days')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'));
  for (const m of COUNTED) projectDays = projectDays.addColumn(m, 'bigint', (c) => c.notNull().defaultTo(0));
  await projectDays.addPrimaryKeyConstraint('project_days_pk', ['day', 'project_id']).execute();

  await db.schema
    .createTable('user_days')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('active_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_days_pk', ['day', 'user_id'])
    .execute();

  // `where true`: SQLite would otherwise read ON CONFLICT as part of the SELECT's join.
  await sql`insert into person_days (day, project_id, user_id, active_ms)
    select day, project_id, user_id, sum(active_ms) from time_by_day where true
    group by day, project_id, user_id
    on conflict (day, project_id, user_id) do update set active_ms = excluded.active_ms`.execute(db);
  await sql`insert into person_months (month, project_id, user_id, ${cols(COUNTED)})
    select substr(day, 1, 7), project_id, user_id, ${sums} from person_days
    group by substr(day, 1, 7), project_id, user_id`.execute(db);
  await sql`insert into project_days (day, project_id, ${cols(COUNTED)})
    select day, project_id, ${sums} from person_days group by day, project_id`.execute(db);
  await sql`insert into user_days (day, user_id, active_ms)
    select day, user_id, sum(active_ms) from time_by_day group by day, user_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('user_days').execute();
  await db.schema.dropTable('project_days').execute();
  await db.schema.dropIndex('person_months_user_idx').execute();
  await db.schema.dropTable('person_months').execute();
  // Rows that held only active time go with the column.
  await sql`delete from person_days where ${sql.join(
    METRICS.map((m) => sql`${sql.ref(m)} = 0`),
    sql` and `,
  )}`.execute(db);
  await db.schema.alterTable('person_days').dropColumn('active_ms').execute();
}
