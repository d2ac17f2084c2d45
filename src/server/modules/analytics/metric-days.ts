import {
  type CountedEvent,
  incrementsOf,
  METRICS,
  utcDay,
  weekOf,
  zeroCounts,
} from '../../../core/analytics/metrics.ts';
import type { Executor } from '../../db/database.ts';
import type { CountedColumns, MetricDaysTable, MetricMonthsTable, PersonDaysTable } from '../../db/schema.ts';

// The counters kept beside the task event log, added to in the same transaction as each event, so
// the dashboards never scan the log:
// - metric_days / metric_months: per project, day or month, metric, person, stage, dataset, class
//   (the project dashboard);
// - person_days / person_months: per day or month, project and person, a column per metric and
//   the active time; project_days: the same over the people; user_days: active time per day and
//   person over every project, and from it user_months (days active) and user_weeks (who was
//   active) (the workspace report, and the dashboard's day series).
// Every writer adds to them in this order, each table's rows sorted, so concurrent upserts on
// PostgreSQL take row locks in one order.

export interface EventToCount extends CountedEvent {
  projectId: string;
  taskId: string;
  /** When it happened: ISO timestamp or epoch ms. */
  at: string | number;
}

export interface CounterRows {
  metricDays: MetricDaysTable[];
  personDays: PersonDaysTable[];
}

/** Adds `row.n` to the row with the same key (all but n), in a map keyed by it. */
function addUp<R extends { n: number }>(into: Map<string, R>, row: R) {
  const key = Object.entries(row)
    .filter(([k]) => k !== 'n')
    .map(([, v]) => v)
    .join('\u0000');
  const have = into.get(key);
  if (have) have.n += row.n;
  else into.set(key, { ...row });
}

// One order for every writer, so concurrent upserts on PostgreSQL lock rows in the same order.
const sorted = <R>(rows: Map<string, R>) =>
  [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);

/** The counter rows the events add up to (one row per counter, increments summed). */
export async function counterRows(db: Executor, events: readonly EventToCount[]): Promise<CounterRows> {
  const counted = events
    .map((e) => ({ e, increments: incrementsOf(e) }))
    .filter((c) => c.increments.length > 0);
  if (counted.length === 0) return { metricDays: [], personDays: [] };
  const datasetOf = await datasetsOfTasks(db, [...new Set(counted.map((c) => c.e.taskId))]);
  const metricDays = new Map<string, MetricDaysTable>();
  const personDays = new Map<string, PersonDaysTable>();
  for (const { e, increments } of counted) {
    const day = utcDay(e.at);
    const dataset_id = datasetOf.get(e.taskId) ?? '';
    for (const i of increments) {
      addUp(metricDays, {
        project_id: e.projectId,
        day,
        metric: i.metric,
        user_id: i.userId,
        stage_id: i.stageId,
        dataset_id,
        feature_id: i.featureId,
        n: i.n,
      });
      personDayOf(personDays, day, e.projectId, i.userId)[i.metric] += i.n;
    }
  }
  return { metricDays: sorted(metricDays), personDays: sorted(personDays) };
}

function personDayOf(rows: Map<string, PersonDaysTable>, day: string, project_id: string, user_id: string) {
  const key = `${day}\u0000${project_id}\u0000${user_id}`;
  let row = rows.get(key);
  if (!row) {
    row = { day, project_id, user_id, ...noCounts() };
    rows.set(key, row);
  }
  return row;
}

async function datasetsOfTasks(db: Executor, taskIds: readonly string[]) {
  const out = new Map<string, string>();
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await db
      .selectFrom('tasks as t')
      .innerJoin('data_units as u', 'u.id', 't.data_unit_id')
      .select(['t.id', 'u.dataset_id'])
      .where('t.id', 'in', taskIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.dataset_id);
  }
  return out;
}

const COUNTED = [...METRICS, 'active_ms'] as const;

const countedOf = (r: CountedColumns) => Object.fromEntries(COUNTED.map((c) => [c, r[c]])) as CountedColumns;
const noCounts = (): CountedColumns => ({ ...zeroCounts(), active_ms: 0 });

/** person_days rows summed per the key `keyOf` picks out of each. */
function summedBy<K extends Record<string, string>>(
  rows: readonly PersonDaysTable[],
  keyOf: (r: PersonDaysTable) => K,
): (K & CountedColumns)[] {
  const out = new Map<string, K & CountedColumns>();
  for (const r of rows) {
    const key = keyOf(r);
    const id = Object.values(key).join('\u0000');
    const have = out.get(id);
    if (have) for (const c of COUNTED) have[c] += r[c];
    else out.set(id, { ...key, ...countedOf(r) });
  }
  return sorted(out);
}

type CounterTable =
  | 'metric_days'
  | 'metric_months'
  | 'person_days'
  | 'person_months'
  | 'project_days'
  | 'user_months';

/** Upserts counter rows keyed by `key`, adding the `added` columns to what is there. */
async function addToTable(
  db: Executor,
  table: CounterTable,
  key: readonly string[],
  added: readonly string[],
  rows: readonly object[],
) {
  // Within SQLite's 32,766 bound parameters, and no more than 500 rows a statement.
  const batch = Math.min(500, Math.floor(30_000 / (key.length + added.length)));
  for (let i = 0; i < rows.length; i += batch) {
    // The tables differ in their columns; Kysely cannot type a table chosen at run time.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + batch) as never)
      .onConflict((oc) =>
        oc
          .columns(key as never)
          .doUpdateSet((eb) =>
            Object.fromEntries(
              added.map((c) => [
                c,
                eb(eb.ref(`${table}.${c}` as never), '+', eb.ref(`excluded.${c}` as never)),
              ]),
            ),
          ),
      )
      .execute();
  }
}

const METRIC_KEY = ['project_id', 'day', 'metric', 'user_id', 'stage_id', 'dataset_id', 'feature_id'];
const MONTH_KEY = ['project_id', 'month', 'metric', 'user_id', 'stage_id', 'dataset_id', 'feature_id'];

export async function addToMetricDays(db: Executor, rows: readonly MetricDaysTable[]) {
  await addToTable(db, 'metric_days', METRIC_KEY, ['n'], rows);
}

/** Adds person-day counts (and active time) to person_days and to its sums by month and project. */
async function addToPersonCounters(db: Executor, personDays: readonly PersonDaysTable[]) {
  if (personDays.length === 0) return;
  await addToTable(db, 'person_days', ['day', 'project_id', 'user_id'], COUNTED, personDays);
  const months = summedBy(personDays, (r) => ({
    month: r.day.slice(0, 7),
    project_id: r.project_id,
    user_id: r.user_id,
  }));
  await addToTable(db, 'person_months', ['month', 'project_id', 'user_id'], COUNTED, months);
  const projects = summedBy(personDays, (r) => ({ day: r.day, project_id: r.project_id }));
  await addToTable(db, 'project_days', ['day', 'project_id'], COUNTED, projects);
}

/** metric_days rows summed per month, added to metric_months. */
async function addToMetricMonths(db: Executor, rows: readonly MetricDaysTable[]) {
  const months = new Map<string, MetricMonthsTable>();
  for (const { day, ...r } of rows) addUp(months, { ...r, month: day.slice(0, 7) });
  await addToTable(db, 'metric_months', MONTH_KEY, ['n'], sorted(months));
}

export async function addToCounters(db: Executor, rows: CounterRows) {
  await addToMetricDays(db, rows.metricDays);
  await addToMetricMonths(db, rows.metricDays);
  await addToPersonCounters(db, rows.personDays);
}

/** Adds a person's active time in a project, per UTC day, to the counters that keep time. */
export async function addActiveTime(
  db: Executor,
  projectId: string,
  userId: string,
  msByDay: ReadonlyMap<string, number>,
) {
  // A day with no time must not make its row: a row in user_days is a day the person was active.
  const days = [...msByDay].filter(([, ms]) => ms > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (days.length === 0) return;
  await addToPersonCounters(
    db,
    days.map(([day, ms]) => ({ day, project_id: projectId, user_id: userId, ...noCounts(), active_ms: ms })),
  );
  await addToActiveDays(db, userId, days);
}

/**
 * Adds the time to user_days and counts each day that is the person's first there in user_months
 * and user_weeks. A day is new when this transaction inserts its row; on PostgreSQL a concurrent
 * insert of the same row waits for the first to commit and then finds it, so no day counts twice.
 */
async function addToActiveDays(db: Executor, userId: string, days: readonly (readonly [string, number])[]) {
  const inserted = await db
    .insertInto('user_days')
    .values(days.map(([day, ms]) => ({ day, user_id: userId, active_ms: ms })))
    .onConflict((oc) => oc.columns(['day', 'user_id']).doNothing())
    .returning('day')
    .execute();
  const fresh = new Set(inserted.map((r) => r.day));
  for (const [day, ms] of days) {
    if (fresh.has(day)) continue;
    await db
      .updateTable('user_days')
      .set((eb) => ({ active_ms: eb('active_ms', '+', ms) }))
      .where('day', '=', day)
      .where('user_id', '=', userId)
      .execute();
  }
  if (fresh.size === 0) return;
  const months = new Map<string, number>();
  for (const day of fresh) months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + 1);
  await addToTable(
    db,
    'user_months',
    ['month', 'user_id'],
    ['days_active'],
    [...months].map(([month, n]) => ({ month, user_id: userId, days_active: n })),
  );
  await db
    .insertInto('user_weeks')
    .values([...new Set([...fresh].map(weekOf))].map((week) => ({ week, user_id: userId })))
    .onConflict((oc) => oc.columns(['week', 'user_id']).doNothing())
    .execute();
}

/** Adds what the events count to the counters. */
export async function countEvents(db: Executor, events: readonly EventToCount[]) {
  await addToCounters(db, await counterRows(db, events));
}
