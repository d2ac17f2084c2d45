import { z } from 'zod';
import { durationStats } from '../../../core/analytics/stats.ts';
import type { Executor } from '../../db/database.ts';
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

export interface TaskTime {
  user_id: string;
  stage_id: string;
  active_ms: number;
}

/** Each (task, person, stage) total the filter covers; a task's time counts on its last day of work. */
export async function taskTimes(db: Executor, projectId: string, f: ReportFilter): Promise<TaskTime[]> {
  if (f.userIds?.length === 0) return [];
  const rows = await db
    .selectFrom('task_time as t')
    .select(['t.user_id', 't.stage_id', 't.active_ms'])
    .where('t.project_id', '=', projectId)
    .$if(f.userIds !== undefined, (b) => b.where('t.user_id', 'in', f.userIds!))
    .$if(f.stageId !== undefined, (b) => b.where('t.stage_id', '=', f.stageId!))
    .$if(f.datasetId !== undefined, (b) => b.where('t.task_id', 'in', inDataset(db, f.datasetId!)))
    .$if(f.from !== undefined, (b) => b.where('t.last_ms', '>=', startOfDay(f.from!)))
    .$if(f.to !== undefined, (b) => b.where('t.last_ms', '<', startOfDay(f.to!) + DAY_MS))
    .execute();
  return rows.map((r) => ({ ...r, active_ms: Number(r.active_ms) }));
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

export function groupBy<T>(rows: readonly T[], key: (r: T) => string) {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const list = groups.get(key(r));
    if (list) list.push(r);
    else groups.set(key(r), [r]);
  }
  return groups;
}

export const timeStats = (rows: readonly { active_ms: number }[]) => {
  const { count, ...s } = durationStats(rows.map((r) => r.active_ms));
  return { tasks: count, ...s };
};

export async function timeReport(deps: AppDeps, ctx: RequestContext, projectId: string, query: TimeQuery) {
  checkRange(query);
  const { userId } = await personScope(deps, ctx, projectId, 'analytics.view', query.userId);
  const f: ReportFilter = { ...query, userIds: userId === undefined ? undefined : [userId] };
  const rows = await taskTimes(deps.db, projectId, f);
  const { workflow } = await currentWorkflow(deps.db, projectId);
  const stageName = (id: string) => workflow.stages.find((s) => s.id === id)?.name ?? id;
  const names = await userNames(deps.db, [...new Set(rows.map((r) => r.user_id))]);
  return {
    stages: [...groupBy(rows, (r) => r.stage_id)].map(([stageId, list]) => ({
      stageId,
      stageName: stageName(stageId),
      people: new Set(list.map((r) => r.user_id)).size,
      ...timeStats(list),
    })),
    people: [...groupBy(rows, (r) => r.user_id)].map(([userId, list]) => ({
      userId,
      name: names.get(userId) ?? null,
      ...timeStats(list),
    })),
    days: await activeByDay(deps.db, projectId, f),
  };
}
