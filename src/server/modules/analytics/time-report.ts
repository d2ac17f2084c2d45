import { z } from 'zod';
import { durationStats } from '../../../core/analytics/stats.ts';
import type { Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { Id } from '../../http/schemas.ts';
import { personScope } from '../access/person-scope.ts';
import { currentWorkflow } from '../queue/workflow-store.ts';

// Time per task, per person and per stage, from the active-time totals (activity.ts): each
// (task, person, stage) total is one "time on a task", summed up as total, mean, median and p90;
// and active time per day and person. Scoped by the policy: workers get their own only.

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a day, YYYY-MM-DD' });

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

export const TimeReportOut = z
  .object({
    stages: z.array(
      z.object({ stageId: z.string(), stageName: z.string(), people: z.number().int(), ...Stats }),
    ),
    people: z.array(z.object({ userId: z.string(), name: z.string().nullable(), ...Stats })),
    days: z.array(z.object({ day: z.string(), userId: z.string(), activeMs: z.number() })),
  })
  .meta({ id: 'TimeReport' });

const startOf = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const DAY_MS = 86_400_000;

async function taskTimes(db: Executor, projectId: string, q: TimeQuery) {
  const rows = await db
    .selectFrom('task_time as t')
    .leftJoin('users as u', 'u.id', 't.user_id')
    .select(['t.user_id', 'u.name', 't.stage_id', 't.active_ms'])
    .where('t.project_id', '=', projectId)
    .$if(q.userId !== undefined, (b) => b.where('t.user_id', '=', q.userId!))
    .$if(q.stageId !== undefined, (b) => b.where('t.stage_id', '=', q.stageId!))
    // A task's time counts in the range its last moment of work fell in.
    .$if(q.from !== undefined, (b) => b.where('t.last_ms', '>=', startOf(q.from!)))
    .$if(q.to !== undefined, (b) => b.where('t.last_ms', '<', startOf(q.to!) + DAY_MS))
    .execute();
  return rows.map((r) => ({ ...r, active_ms: Number(r.active_ms) }));
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string) {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const list = groups.get(key(r));
    if (list) list.push(r);
    else groups.set(key(r), [r]);
  }
  return groups;
}

const stats = (rows: readonly { active_ms: number }[]) => {
  const { count, ...s } = durationStats(rows.map((r) => r.active_ms));
  return { tasks: count, ...s };
};

export async function timeReport(deps: AppDeps, ctx: RequestContext, projectId: string, query: TimeQuery) {
  const q = { ...query, ...(await personScope(deps, ctx, projectId, 'analytics.view', query.userId)) };
  const rows = await taskTimes(deps.db, projectId, q);
  const { workflow } = await currentWorkflow(deps.db, projectId);
  const stageName = (id: string) => workflow.stages.find((s) => s.id === id)?.name ?? id;
  const days = await deps.db
    .selectFrom('time_by_day')
    .select(['day', 'user_id', (eb) => eb.fn.sum<number>('active_ms').as('ms')])
    .where('project_id', '=', projectId)
    .$if(q.userId !== undefined, (b) => b.where('user_id', '=', q.userId!))
    .$if(q.stageId !== undefined, (b) => b.where('stage_id', '=', q.stageId!))
    .$if(q.from !== undefined, (b) => b.where('day', '>=', q.from!))
    .$if(q.to !== undefined, (b) => b.where('day', '<=', q.to!))
    .groupBy(['day', 'user_id'])
    .orderBy('day')
    .orderBy('user_id')
    .execute();
  return {
    stages: [...groupBy(rows, (r) => r.stage_id)].map(([stageId, list]) => ({
      stageId,
      stageName: stageName(stageId),
      people: new Set(list.map((r) => r.user_id)).size,
      ...stats(list),
    })),
    people: [...groupBy(rows, (r) => r.user_id)].map(([userId, list]) => ({
      userId,
      name: list[0]!.name,
      ...stats(list),
    })),
    days: days.map((d) => ({ day: d.day, userId: d.user_id, activeMs: Number(d.ms) })),
  };
}
