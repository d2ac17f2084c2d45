import { type Kysely, sql } from 'kysely';

// Who was active, counted ahead, so that the workspace report need not list every (day, person)
// of a long period (bench/analytics.ts: a year is ~150,000 of them):
// - user_months: the days each person was active in a calendar month (YYYY-MM);
// - user_weeks: the people active in a week (its Monday, YYYY-MM-DD).
// Both are made from user_days (a row is a day with active time); from now on a day's first
// active time adds to them (modules/analytics/metric-days.ts).

const DAY_MS = 86_400_000;

/** The Monday (UTC) of a day's week; frozen here as the week of this migration's day. */
function mondayOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00.000Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - weekday * DAY_MS).toISOString().slice(0, 10);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('user_months')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('days_active', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_months_pk', ['month', 'user_id'])
    .execute();
  await db.schema
    .createTable('user_weeks')
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_weeks_pk', ['week', 'user_id'])
    .execute();

  await sql`insert into user_months (month, user_id, days_active)
    select substr(day, 1, 7), user_id, count(*) from user_days
    group by substr(day, 1, 7), user_id`.execute(db);
  // A week's days in SQL would differ between the dialects; the days are few (one row per day).
  const days = await sql<{ day: string }>`select distinct day from user_days order by day`.execute(db);
  const weeks = new Map<string, string>();
  for (const { day } of days.rows) weeks.set(mondayOf(day), day);
  for (const [monday, lastDay] of weeks) {
    await sql`insert into user_weeks (week, user_id)
      select distinct ${monday}, user_id from user_days where day >= ${monday} and day <= ${lastDay}`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('user_weeks').execute();
  await db.schema.dropTable('user_months').execute();
}
