import {
  type CountedEvent,
  incrementsOf,
  METRICS,
  utcDay,
  zeroCounts,
} from '../../../core/analytics/metrics.ts';
import type { Executor } from '../../db/database.ts';
import type { MetricDaysTable, PersonDaysTable } from '../../db/schema.ts';

// The daily counters kept beside the task event log: every event recorder adds its events'
// increments here in the same transaction, so the dashboards never scan the log. metric_days has
// every dimension a project dashboard filters by; person_days only (day, project, person), with a
// column per metric, for the workspace report.

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
    row = { day, project_id, user_id, ...zeroCounts() };
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

export async function addToMetricDays(db: Executor, rows: readonly MetricDaysTable[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('metric_days')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc
          .columns(['project_id', 'day', 'metric', 'user_id', 'stage_id', 'dataset_id', 'feature_id'])
          .doUpdateSet((eb) => ({ n: eb('metric_days.n', '+', eb.ref('excluded.n')) })),
      )
      .execute();
  }
}

// 20 columns a row: 100 rows stay under SQLite's 32,766 bound parameters with room to spare.
const PERSON_DAYS_BATCH = 100;

async function addToPersonDays(db: Executor, rows: readonly PersonDaysTable[]) {
  for (let i = 0; i < rows.length; i += PERSON_DAYS_BATCH) {
    await db
      .insertInto('person_days')
      .values(rows.slice(i, i + PERSON_DAYS_BATCH))
      .onConflict((oc) =>
        oc
          .columns(['day', 'project_id', 'user_id'])
          .doUpdateSet((eb) =>
            Object.fromEntries(
              METRICS.map((m) => [m, eb(eb.ref(`person_days.${m}`), '+', eb.ref(`excluded.${m}`))]),
            ),
          ),
      )
      .execute();
  }
}

export async function addToCounters(db: Executor, rows: CounterRows) {
  await addToMetricDays(db, rows.metricDays);
  await addToPersonDays(db, rows.personDays);
}

/** Adds what the events count to the daily counters. */
export async function countEvents(db: Executor, events: readonly EventToCount[]) {
  await addToCounters(db, await counterRows(db, events));
}
