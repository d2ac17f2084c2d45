import { sql } from 'kysely';
import { z } from 'zod';
import type { DialectName, Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { Id } from '../../http/schemas.ts';
import { personScope } from '../access/person-scope.ts';
import { currentWorkflow } from '../queue/workflow-store.ts';
import { byDay } from './activity.ts';
import { checkRange, DAY_MS, Day, type ReportFilter, startOfDay, userNames } from './filters.ts';

// Time per task, per person and per stage, from the active-time totals (activity.ts): each
// (task, person, stage) total is one "time on a task", summed up as total, mean, median and p90;
// and active time per day and person. Scoped by the policy: workers get their own only.

export const TimeQuery = z.strictObject({
  userId: Id.optional().describe('One person (workers: only themselves; their default)'),
  stageId: z.string().min(1).max(64).optional(),
  from: Day.optional().describe('First day (UTC) of the work counted'),
  to: Day.optional().describe('Last day (UTC), inclusive'),
});
export type TimeQuery = z.infer<typeof TimeQuery>;

const Stats = {
  tasks: z.number().int().describe('Times on a task: one per task, person and stage'),
  totalMs: z.number(),
  meanMs: z.number().nullable(),
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
};
export const TimeStats = z.object(Stats);
export type TimeStats = z.infer<typeof TimeStats>;

export const TimeReportOut = z
  .object({
    stages: z.array(
      z.object({ stageId: z.string(), stageName: z.string(), people: z.number().int(), ...Stats }),
    ),
    people: z.array(z.object({ userId: z.string(), name: z.string().nullable(), ...Stats })),
    days: z.array(z.object({ day: z.string(), userId: z.string(), activeMs: z.number() })),
  })
  .meta({ id: 'TimeReport' });

const inDataset = (db: Executor, datasetId: string) =>
  db
    .selectFrom('tasks as dt')
    .innerJoin('data_units as du', 'du.id', 'dt.data_unit_id')
    .select('dt.id')
    .where('du.dataset_id', '=', datasetId);

/** The (task, person, stage) totals the filter covers; a task's time counts on its last day of work. */
function taskTimes(db: Executor, projectId: string, f: ReportFilter) {
  return db
    .selectFrom('task_time as t')
    .where('t.project_id', '=', projectId)
    .$if(f.userIds !== undefined, (b) => b.where('t.user_id', 'in', f.userIds!))
    .$if(f.stageId !== undefined, (b) => b.where('t.stage_id', '=', f.stageId!))
    .$if(f.datasetId !== undefined, (b) => b.where('t.task_id', 'in', inDataset(db, f.datasetId!)))
    .$if(f.from !== undefined, (b) => b.where('t.last_ms', '>=', startOfDay(f.from!)))
    .$if(f.to !== undefined, (b) => b.where('t.last_ms', '<', startOfDay(f.to!) + DAY_MS));
}

/**
 * Time on a task per person or per stage: count, total, mean, median and p90, computed where the
 * times are (a busy project's year holds ~140,000 of them): PostgreSQL's and SQLite's
 * percentile_cont, as `durationStats` (core/analytics/stats.ts) defines them.
 */
export async function taskTimeStats(
  db: Executor,
  dialect: DialectName,
  projectId: string,
  f: ReportFilter,
  by: 'user_id' | 'stage_id',
): Promise<Map<string, TimeStats>> {
  if (f.userIds?.length === 0) return new Map();
  const percentile = (p: number) =>
    dialect === 'postgres'
      ? sql<number>`percentile_cont(${sql.lit(p)}) within group (order by ${sql.ref('t.active_ms')})`
      : sql<number>`percentile_cont(${sql.ref('t.active_ms')}, ${sql.lit(p)})`;
  const rows = await taskTimes(db, projectId, f)
    .select((eb) => [
      `t.${by} as key`,
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('t.active_ms').as('total'),
      percentile(0.5).as('median'),
      percentile(0.9).as('p90'),
    ])
    .groupBy(`t.${by}`)
    .execute();
  return new Map(
    rows.map((r) => {
      const tasks = Number(r.n);
      const totalMs = Number(r.total);
      return [
        r.key,
        {
          tasks,
          totalMs,
          meanMs: totalMs / tasks,
          medianMs: Math.round(Number(r.median)),
          p90Ms: Math.round(Number(r.p90)),
        },
      ];
    }),
  );
}

export const noTimes: TimeStats = { tasks: 0, totalMs: 0, meanMs: null, medianMs: null, p90Ms: null };

/** The people with time on a task, per stage. */
async function peoplePerStage(db: Executor, projectId: string, f: ReportFilter) {
  if (f.userIds?.length === 0) return new Map<string, number>();
  const rows = await taskTimes(db, projectId, f)
    .select(['t.stage_id', (eb) => eb.fn.count<number>('t.user_id').distinct().as('n')])
    .groupBy('t.stage_id')
    .execute();
  return new Map(rows.map((r) => [r.stage_id, Number(r.n)]));
}

export interface DayTime {
  day: string;
  userId: string;
  activeMs: number;
}

/**
 * Active time per day and person: from the per-day totals (person_days, one row per person and
 * day; time_by_day for one stage), or, for one dataset (which they do not record), from the spans
 * themselves.
 */
export async function activeByDay(db: Executor, projectId: string, f: ReportFilter): Promise<DayTime[]> {
  if (f.userIds?.length === 0) return [];
  if (f.datasetId !== undefined) return activeByDayInDataset(db, projectId, f, f.datasetId);
  if (f.stageId === undefined) {
    const days = await db
      .selectFrom('person_days')
      .select(['day', 'user_id', 'active_ms'])
      .where('project_id', '=', projectId)
      .where('active_ms', '>', 0)
      .$if(f.userIds !== undefined, (b) => b.where('user_id', 'in', f.userIds!))
      .$if(f.from !== undefined, (b) => b.where('day', '>=', f.from!))
      .$if(f.to !== undefined, (b) => b.where('day', '<=', f.to!))
      .orderBy('day')
      .orderBy('user_id')
      .execute();
    return days.map((d) => ({ day: d.day, userId: d.user_id, activeMs: Number(d.active_ms) }));
  }
  const rows = await db
    .selectFrom('time_by_day')
    .select(['day', 'user_id', (eb) => eb.fn.sum<number>('active_ms').as('ms')])
    .where('project_id', '=', projectId)
    .$if(f.userIds !== undefined, (b) => b.where('user_id', 'in', f.userIds!))
    .$if(f.stageId !== undefined, (b) => b.where('stage_id', '=', f.stageId!))
    .$if(f.from !== undefined, (b) => b.where('day', '>=', f.from!))
    .$if(f.to !== undefined, (b) => b.where('day', '<=', f.to!))
    .groupBy(['day', 'user_id'])
    .orderBy('day')
    .orderBy('user_id')
    .execute();
  return rows.map((d) => ({ day: d.day, userId: d.user_id, activeMs: Number(d.ms) }));
}

async function activeByDayInDataset(db: Executor, projectId: string, f: ReportFilter, datasetId: string) {
  const spans = await db
    .selectFrom('activity_spans')
    .select(['user_id', 'start_ms', 'end_ms'])
    .where('project_id', '=', projectId)
    .where('task_id', 'in', inDataset(db, datasetId))
    .$if(f.userIds !== undefined, (b) => b.where('user_id', 'in', f.userIds!))
    .$if(f.stageId !== undefined, (b) => b.where('stage_id', '=', f.stageId!))
    .$if(f.from !== undefined, (b) => b.where('end_ms', '>', startOfDay(f.from!)))
    .$if(f.to !== undefined, (b) => b.where('start_ms', '<', startOfDay(f.to!) + DAY_MS))
    .execute();
  const totals = new Map<string, DayTime>();
  for (const s of spans) {
    for (const part of byDay({ start: Number(s.start_ms), end: Number(s.end_ms) })) {
      if ((f.from && part.day < f.from) || (f.to && part.day > f.to)) continue;
      const key = `${part.day} ${s.user_id}`;
      const t = totals.get(key) ?? { day: part.day, userId: s.user_id, activeMs: 0 };
      t.activeMs += part.ms;
      totals.set(key, t);
    }
  }
  return [...totals.values()].sort((a, b) =>
    a.day === b.day ? (a.userId < b.userId ? -1 : 1) : a.day < b.day ? -1 : 1,
  );
}

export async function timeReport(deps: AppDeps, ctx: RequestContext, projectId: string, query: TimeQuery) {
  checkRange(query);
  const { userId } = await personScope(deps, ctx, projectId, 'analytics.view', query.userId);
  const f: ReportFilter = { ...query, userIds: userId === undefined ? undefined : [userId] };
  const [byStage, byPerson, people] = await Promise.all([
    taskTimeStats(deps.db, deps.dialect, projectId, f, 'stage_id'),
    taskTimeStats(deps.db, deps.dialect, projectId, f, 'user_id'),
    peoplePerStage(deps.db, projectId, f),
  ]);
  const { workflow } = await currentWorkflow(deps.db, projectId);
  const stageName = (id: string) => workflow.stages.find((s) => s.id === id)?.name ?? id;
  const names = await userNames(deps.db, [...byPerson.keys()]);
  return {
    stages: [...byStage].map(([stageId, stats]) => ({
      stageId,
      stageName: stageName(stageId),
      people: people.get(stageId) ?? 0,
      ...stats,
    })),
    people: [...byPerson].map(([userId, stats]) => ({
      userId,
      name: names.get(userId) ?? null,
      ...stats,
    })),
    days: await activeByDay(deps.db, projectId, f),
  };
}
