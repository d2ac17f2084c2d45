import { type SelectQueryBuilder, sql } from 'kysely';
import { z } from 'zod';
import {
  addCounts,
  countsAt,
  forecastCompletion,
  METRICS,
  type Metric,
  type MetricCounts,
  ratio,
  reviewQuality,
  utcDay,
  weekOf,
  zeroCounts,
} from '../../../core/analytics/metrics.ts';
import { splitPeriod } from '../../../core/analytics/periods.ts';
import { listFeatures } from '../../../core/ontology/features.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { personScope } from '../access/person-scope.ts';
import { projectOntology } from '../labels/heads.ts';
import { currentWorkflow } from '../queue/workflow-store.ts';
import {
  checkRange,
  groupMemberIds,
  narrow,
  type ReportFilter,
  type ReportQuery,
  userNames,
} from './filters.ts';
import { pairSums } from './person-sums.ts';
import { type Waiting, waitingNow } from './queue-depth.ts';
import { Counts, Quality } from './report-schemas.ts';
import { activeByDay, noTimes, TimeStats, taskTimeStats } from './time-report.ts';

// The project dashboard: the daily counters (metric_days) summed by day, week, person, stage and
// class; time per task from the active-time totals; issues by who raised them and whom they are
// for; queue depth over time and a completion forecast. Workers get their own numbers only; the
// team-wide parts (tasks completed, queues, forecast) are for those who may see the team.

const Rates = {
  ...Quality,
  labelRejectionRate: z.number().nullable().describe('Reviewed labels of theirs that were rejected'),
};
const IssueCounts = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  open: z.number(),
  resolved: z.number(),
});

export const ProjectReportOut = z
  .object({
    scope: z.object({ userId: z.string().nullable(), team: z.boolean() }),
    totals: Counts.extend({ activeMs: z.number() }),
    days: z.array(Counts.extend({ day: z.string(), activeMs: z.number() })),
    weeks: z.array(Counts.extend({ week: z.string().describe('Its Monday'), activeMs: z.number() })),
    people: z.array(
      Counts.extend({
        userId: z.string(),
        name: z.string().nullable(),
        activeMs: z.number(),
        time: TimeStats,
        ...Rates,
      }),
    ),
    stages: z.array(Counts.extend({ stageId: z.string(), stageName: z.string(), time: TimeStats })),
    classes: z.array(
      z.object({
        featureId: z.string(),
        name: z.string(),
        labels_created: z.number(),
        labels_edited: z.number(),
        labels_deleted: z.number(),
        labels_approved: z.number(),
        labels_rejected: z.number(),
        rejectionRate: z.number().nullable(),
      }),
    ),
    issues: z.object({ byReviewer: z.array(IssueCounts), byAnnotator: z.array(IssueCounts) }),
    queue: z.array(z.object({ day: z.string(), stageId: z.string(), depth: z.number() })).nullable(),
    forecast: z
      .object({
        remaining: z.number(),
        perDay: z.number(),
        windowDays: z.number(),
        finishDay: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'ProjectAnalytics' });

type Grouping = 'day' | 'user_id' | 'stage_id' | 'feature_id';

interface CounterSum {
  key: string;
  metric: Metric;
  n: number;
}

const LABEL_METRICS = new Set<Metric>([
  'labels_created',
  'labels_edited',
  'labels_deleted',
  'labels_approved',
  'labels_rejected',
]);

/**
 * The counters the filter covers, summed per `by` and metric in the database (the rows of a busy
 * project's month run to tens of thousands; the sums to a few hundred). Whole months come from
 * metric_months, the days at either end from metric_days. A class filter narrows label counts
 * only; '' rows (nobody's: tasks completed) only count for the whole team.
 */
async function counterSums(
  db: Executor,
  projectId: string,
  f: ReportFilter,
  teamWide: boolean,
  by: Exclude<Grouping, 'day'>,
): Promise<CounterSum[]> {
  if (f.userIds?.length === 0) return [];
  const { months, days } = splitPeriod(f);
  const parts: Promise<CounterSum[]>[] = [];
  if (months) {
    const monthly = db
      .selectFrom('metric_months')
      .$if(months.from !== undefined, (b) => b.where('month', '>=', months.from!))
      .$if(months.to !== undefined, (b) => b.where('month', '<=', months.to!));
    parts.push(sumCounters(monthly as never, projectId, f, teamWide, by));
  }
  if (days.length > 0) {
    const daily = db
      .selectFrom('metric_days')
      .where((eb) => eb.or(days.map((r) => eb.between('day', r.from, r.to))));
    parts.push(sumCounters(daily, projectId, f, teamWide, by));
  }
  const sums = new Map<string, CounterSum>();
  for (const r of (await Promise.all(parts)).flat()) {
    const key = `${r.key}\u0000${r.metric}`;
    const have = sums.get(key);
    if (have) have.n += r.n;
    else sums.set(key, r);
  }
  return [...sums.values()];
}

/**
 * Sums per `by` and metric over counter rows already narrowed to a period: metric_days' or
 * metric_months' (the same columns but the period's; the caller narrows by it).
 */
async function sumCounters(
  rows: SelectQueryBuilder<DB, 'metric_days', object>,
  projectId: string,
  f: ReportFilter,
  teamWide: boolean,
  by: Grouping,
): Promise<CounterSum[]> {
  const sums = await rows
    .select([`${by} as key`, 'metric', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('project_id', '=', projectId)
    .$if(f.userIds !== undefined, (b) => b.where('user_id', 'in', f.userIds!))
    .$if(!teamWide, (b) => b.where('user_id', '!=', ''))
    .$if(by !== 'day', (b) => b.where(by, '!=', ''))
    .$if(f.stageId !== undefined, (b) => b.where('stage_id', '=', f.stageId!))
    .$if(f.datasetId !== undefined, (b) => b.where('dataset_id', '=', f.datasetId!))
    .$if(f.featureId !== undefined, (b) =>
      b.where((eb) =>
        eb.or([eb('feature_id', '=', f.featureId!), eb('metric', 'not in', [...LABEL_METRICS])]),
      ),
    )
    .groupBy([by, 'metric'])
    .execute();
  return sums.map((r) => ({ key: r.key, metric: r.metric as Metric, n: Number(r.n) }));
}

/**
 * Counter sums per day. Without a stage, dataset or class filter they come from the per-day rows
 * of the project (project_days) or of the people asked for (person_days): one row per day, or per
 * person and day, instead of one per metric, stage and class.
 */
async function daySums(db: Executor, projectId: string, f: ReportFilter, teamWide: boolean) {
  if (f.userIds?.length === 0) return [];
  const detailed = f.stageId !== undefined || f.datasetId !== undefined || f.featureId !== undefined;
  if (detailed || (!teamWide && f.userIds === undefined)) {
    const daily = db
      .selectFrom('metric_days')
      .$if(f.from !== undefined, (b) => b.where('day', '>=', f.from!))
      .$if(f.to !== undefined, (b) => b.where('day', '<=', f.to!));
    return sumCounters(daily, projectId, f, teamWide, 'day');
  }
  const sums = METRICS.map((m) => sql<number>`sum(${sql.ref(m)})`.as(m));
  const rows =
    f.userIds === undefined
      ? await db
          .selectFrom('project_days')
          .select(['day', ...sums])
          .where('project_id', '=', projectId)
          .$if(f.from !== undefined, (b) => b.where('day', '>=', f.from!))
          .$if(f.to !== undefined, (b) => b.where('day', '<=', f.to!))
          .groupBy('day')
          .execute()
      : await db
          .selectFrom('person_days')
          .select(['day', ...sums])
          .where('project_id', '=', projectId)
          .where('user_id', 'in', f.userIds)
          .$if(f.from !== undefined, (b) => b.where('day', '>=', f.from!))
          .$if(f.to !== undefined, (b) => b.where('day', '<=', f.to!))
          .groupBy('day')
          .execute();
  return rows.flatMap((r) =>
    METRICS.map((metric) => ({ key: r.day, metric, n: Number(r[metric]) })).filter((c) => c.n !== 0),
  );
}

/** Each person's counts and active time in the project over the period (person_months, person_days). */
async function personSums(db: Executor, projectId: string, f: ReportFilter) {
  if (f.userIds?.length === 0) return [];
  const pairs = await pairSums(db, { from: f.from, to: f.to, projectId, userIds: f.userIds });
  return pairs.filter((p) => p.userId !== '');
}

/** Active time per day: of the team from project_days, of the people asked for from person_days. */
async function activeMsPerDay(
  db: Executor,
  projectId: string,
  f: ReportFilter,
): Promise<{ day: string; userId?: string; activeMs: number }[]> {
  if (f.userIds?.length === 0) return [];
  const rows =
    f.userIds === undefined
      ? await db
          .selectFrom('project_days')
          .select(['day', 'active_ms as ms'])
          .where('project_id', '=', projectId)
          .where('active_ms', '>', 0)
          .$if(f.from !== undefined, (b) => b.where('day', '>=', f.from!))
          .$if(f.to !== undefined, (b) => b.where('day', '<=', f.to!))
          .execute()
      : await db
          .selectFrom('person_days')
          .select(['day', (eb) => eb.fn.sum<number>('active_ms').as('ms')])
          .where('project_id', '=', projectId)
          .where('user_id', 'in', f.userIds)
          .where('active_ms', '>', 0)
          .$if(f.from !== undefined, (b) => b.where('day', '>=', f.from!))
          .$if(f.to !== undefined, (b) => b.where('day', '<=', f.to!))
          .groupBy('day')
          .execute();
  return rows.map((r) => ({ day: r.day, activeMs: Number(r.ms) }));
}

const rates = (c: MetricCounts) => ({
  ...reviewQuality(c),
  labelRejectionRate: ratio(c.labels_rejected, c.labels_approved + c.labels_rejected),
});

async function issueCounts(
  db: Executor,
  projectId: string,
  f: ReportFilter,
  who: 'author_id' | 'assignee_id',
) {
  if (f.userIds?.length === 0) return [];
  const rows = await db
    .selectFrom('issues')
    .select([who, 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('project_id', '=', projectId)
    .where(who, 'is not', null)
    .$if(f.userIds !== undefined, (b) => b.where(who, 'in', f.userIds!))
    .$if(f.stageId !== undefined, (b) => b.where('stage_id', '=', f.stageId!))
    .$if(f.from !== undefined, (b) => b.where('created_at', '>=', `${f.from!}T00:00:00.000Z`))
    .$if(f.to !== undefined, (b) => b.where('created_at', '<=', `${f.to!}T23:59:59.999Z`))
    .$if(f.datasetId !== undefined, (b) =>
      b.where('task_id', 'in', (eb) =>
        eb
          .selectFrom('tasks as it')
          .innerJoin('data_units as iu', 'iu.id', 'it.data_unit_id')
          .select('it.id')
          .where('iu.dataset_id', '=', f.datasetId!),
      ),
    )
    .groupBy([who, 'status'])
    .execute();
  const byPerson = new Map<string, { open: number; resolved: number }>();
  for (const r of rows) {
    const id = r[who] as string;
    const c = byPerson.get(id) ?? { open: 0, resolved: 0 };
    c[r.status] += Number(r.n);
    byPerson.set(id, c);
  }
  return [...byPerson].map(([userId, c]) => ({ userId, ...c }));
}

/** The day's last counts per stage; today's counted live, so a new project's queue shows at once. */
async function queueDepths(
  db: Executor,
  projectId: string,
  f: ReportFilter,
  today: string,
  waiting: readonly Waiting[],
) {
  const rows = await db
    .selectFrom('queue_depth')
    .select(['day', 'stage_id', 'depth'])
    .where('project_id', '=', projectId)
    .where('day', '<', today)
    .$if(f.from !== undefined, (b) => b.where('day', '>=', f.from!))
    .$if(f.to !== undefined, (b) => b.where('day', '<=', f.to!))
    .$if(f.stageId !== undefined, (b) => b.where('stage_id', '=', f.stageId!))
    .orderBy('day')
    .orderBy('stage_id')
    .execute();
  const stored = rows.map((r) => ({ day: r.day, stageId: r.stage_id, depth: Number(r.depth) }));
  if ((f.from !== undefined && f.from > today) || (f.to !== undefined && f.to < today)) return stored;
  const live = waiting
    .filter((c) => f.stageId === undefined || c.stageId === f.stageId)
    .sort((a, b) => (a.stageId < b.stageId ? -1 : 1));
  return [...stored, ...live.map((c) => ({ day: today, stageId: c.stageId, depth: c.depth }))];
}

/**
 * Remaining tasks at the pace of the last 14 days' completions. Remaining: what waits in the
 * stages now, or, for one dataset, counted among its tasks.
 */
async function forecast(
  db: Executor,
  projectId: string,
  datasetId: string | undefined,
  today: string,
  waiting: readonly Waiting[],
) {
  const windowStart = utcDay(Date.parse(`${today}T00:00:00.000Z`) - 13 * 86_400_000);
  const done = await db
    .selectFrom('metric_days')
    .select(['day', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('project_id', '=', projectId)
    .where('day', '>=', windowStart)
    .where('day', '<=', today)
    .where('metric', '=', 'tasks_completed')
    .$if(datasetId !== undefined, (b) => b.where('dataset_id', '=', datasetId!))
    .groupBy('day')
    .execute();
  const remaining =
    datasetId === undefined
      ? waiting.reduce((sum, w) => sum + w.depth, 0)
      : Number(
          (
            await db
              .selectFrom('tasks as t')
              .innerJoin('data_units as u', 'u.id', 't.data_unit_id')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('t.project_id', '=', projectId)
              .where('u.dataset_id', '=', datasetId)
              .where('t.status', '!=', 'completed')
              .where('t.gold_task_id', 'is', null)
              .executeTakeFirstOrThrow()
          ).n,
        );
  return forecastCompletion(new Map(done.map((d) => [d.day, Number(d.n)])), remaining, today);
}

export async function projectReport(deps: AppDeps, ctx: RequestContext, projectId: string, q: ReportQuery) {
  checkRange(q);
  const scope = await personScope(deps, ctx, projectId, 'analytics.view', q.userId);
  const members = q.groupId === undefined ? undefined : await groupMemberIds(deps.db, q.groupId);
  const f: ReportFilter = {
    ...q,
    userIds: narrow(scope.userId === undefined ? undefined : [scope.userId], members),
  };
  // Numbers that belong to nobody in particular (tasks completed) are the team's.
  const teamWide = scope.team && f.userIds === undefined;
  const sums = (by: Exclude<Grouping, 'day'>) => counterSums(deps.db, projectId, f, teamWide, by);
  // Without a stage or dataset filter, active time comes from the per-day and per-person counters,
  // and so do each person's counts without a class filter: a dozen rows a person for a year.
  const byCounters = f.stageId === undefined && f.datasetId === undefined;
  const [perDay, perPerson, perStage, perClass, pairs, dayTimes] = await Promise.all([
    daySums(deps.db, projectId, f, teamWide),
    byCounters && f.featureId === undefined ? [] : sums('user_id'),
    sums('stage_id'),
    sums('feature_id'),
    byCounters ? personSums(deps.db, projectId, f) : [],
    byCounters ? activeMsPerDay(deps.db, projectId, f) : activeByDay(deps.db, projectId, f),
  ]);
  const [timesByPerson, timesByStage] = await Promise.all([
    taskTimeStats(deps.db, deps.dialect, projectId, f, 'user_id'),
    taskTimeStats(deps.db, deps.dialect, projectId, f, 'stage_id'),
  ]);
  const { workflow } = await currentWorkflow(deps.db, projectId);
  const ontology = await projectOntology(deps.db, projectId);
  const today = utcDay(deps.clock());
  const waiting = teamWide ? await waitingNow(deps.db, projectId) : null;

  const byDay = new Map<string, MetricCounts>();
  const byWeek = new Map<string, MetricCounts>();
  const byPerson = new Map<string, MetricCounts>();
  const byStage = new Map<string, MetricCounts>();
  const byClass = new Map<string, MetricCounts>();
  const totals = zeroCounts();
  for (const r of perDay) {
    totals[r.metric] += r.n;
    countsAt(byDay, r.key)[r.metric] += r.n;
    countsAt(byWeek, weekOf(r.key))[r.metric] += r.n;
  }
  for (const r of perPerson) countsAt(byPerson, r.key)[r.metric] += r.n;
  if (byCounters && f.featureId === undefined)
    for (const p of pairs) addCounts(countsAt(byPerson, p.userId), p.counts);
  for (const r of perStage) countsAt(byStage, r.key)[r.metric] += r.n;
  for (const r of perClass) countsAt(byClass, r.key)[r.metric] += r.n;
  const activeOnDay = new Map<string, number>();
  const activeOfPerson = new Map<string, number>();
  for (const d of dayTimes) {
    activeOnDay.set(d.day, (activeOnDay.get(d.day) ?? 0) + d.activeMs);
    if (d.userId !== undefined)
      activeOfPerson.set(d.userId, (activeOfPerson.get(d.userId) ?? 0) + d.activeMs);
  }
  for (const p of pairs) if (p.activeMs > 0) activeOfPerson.set(p.userId, p.activeMs);
  for (const day of activeOnDay.keys()) if (!byDay.has(day)) byDay.set(day, zeroCounts());
  for (const id of activeOfPerson.keys()) if (!byPerson.has(id)) byPerson.set(id, zeroCounts());
  const activeOfWeek = new Map<string, number>();
  for (const [day, ms] of activeOnDay) {
    activeOfWeek.set(weekOf(day), (activeOfWeek.get(weekOf(day)) ?? 0) + ms);
    if (!byWeek.has(weekOf(day))) byWeek.set(weekOf(day), zeroCounts());
  }
  for (const id of timesByPerson.keys()) if (!byPerson.has(id)) byPerson.set(id, zeroCounts());
  for (const id of timesByStage.keys()) if (!byStage.has(id)) byStage.set(id, zeroCounts());

  const [byReviewer, byAnnotator] = await Promise.all([
    issueCounts(deps.db, projectId, f, 'author_id'),
    issueCounts(deps.db, projectId, f, 'assignee_id'),
  ]);
  const names = await userNames(deps.db, [
    ...new Set([...byPerson.keys(), ...byReviewer.map((i) => i.userId), ...byAnnotator.map((i) => i.userId)]),
  ]);
  const nameOf = (id: string) => names.get(id) ?? null;
  const features = new Map((ontology ? listFeatures(ontology) : []).map((x) => [x.featureId, x.name]));
  const stageName = (id: string) => workflow.stages.find((s) => s.id === id)?.name ?? id;
  const byKey = <T>(entries: [string, T][]) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  return {
    scope: { userId: scope.userId ?? null, team: scope.team },
    totals: { ...totals, activeMs: [...activeOnDay.values()].reduce((a, ms) => a + ms, 0) },
    days: byKey([...byDay]).map(([day, c]) => ({ day, ...c, activeMs: activeOnDay.get(day) ?? 0 })),
    weeks: byKey([...byWeek]).map(([week, c]) => ({ week, ...c, activeMs: activeOfWeek.get(week) ?? 0 })),
    people: byKey([...byPerson])
      .map(([userId, c]) => ({
        userId,
        name: nameOf(userId),
        ...c,
        activeMs: activeOfPerson.get(userId) ?? 0,
        time: timesByPerson.get(userId) ?? noTimes,
        ...rates(c),
      }))
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
    stages: workflow.stages
      .filter((s) => byStage.has(s.id))
      .map((s) => ({
        stageId: s.id,
        stageName: s.name,
        ...byStage.get(s.id)!,
        time: timesByStage.get(s.id) ?? noTimes,
      }))
      .concat(
        [...byStage]
          .filter(([id]) => !workflow.stages.some((s) => s.id === id))
          .map(([id, c]) => ({
            stageId: id,
            stageName: stageName(id),
            ...c,
            time: timesByStage.get(id) ?? noTimes,
          })),
      ),
    classes: byKey([...byClass]).map(([featureId, c]) => ({
      featureId,
      name: features.get(featureId) ?? featureId,
      labels_created: c.labels_created,
      labels_edited: c.labels_edited,
      labels_deleted: c.labels_deleted,
      labels_approved: c.labels_approved,
      labels_rejected: c.labels_rejected,
      rejectionRate: ratio(c.labels_rejected, c.labels_approved + c.labels_rejected),
    })),
    issues: {
      byReviewer: byReviewer.map((i) => ({ ...i, name: nameOf(i.userId) })),
      byAnnotator: byAnnotator.map((i) => ({ ...i, name: nameOf(i.userId) })),
    },
    queue: waiting ? await queueDepths(deps.db, projectId, f, today, waiting) : null,
    forecast: waiting ? await forecast(deps.db, projectId, f.datasetId, today, waiting) : null,
  };
}
