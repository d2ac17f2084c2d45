import { z } from 'zod';
import {
  addCounts,
  countsAt,
  METRICS,
  type MetricCounts,
  reviewQuality,
  weekOf,
  zeroCounts,
} from '../../../core/analytics/metrics.ts';
import { can, workspaceReportScope } from '../../../core/policy/index.ts';
import type { Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';
import { Id } from '../../http/schemas.ts';
import { groupIdsOfUser } from '../users/queries.ts';
import { checkRange, Day, groupMemberIds, narrow, userNames } from './filters.ts';
import { Counts, Quality } from './report-schemas.ts';

// The workspace report: throughput, utilisation and quality across every project, from the
// per-(day, project, person) counters and the per-day active time. Workspace Admins see everyone;
// Workforce Managers the members of the groups they manage — the people are narrowed in the
// queries, and what belongs to nobody in particular (tasks completed, tasks remaining, open issues)
// is shown only to those who see everyone.

export const WorkspaceQuery = z.strictObject({
  from: Day.optional().describe('First day (UTC) counted'),
  to: Day.optional().describe('Last day (UTC) counted, inclusive'),
  projectId: Id.optional(),
  groupId: Id.optional().describe('The members of one group'),
  userId: Id.optional().describe('One person'),
});
export type WorkspaceQuery = z.infer<typeof WorkspaceQuery>;

export const WorkspaceReportOut = z
  .object({
    scope: z.object({
      kind: z.enum(['all', 'groups']),
      people: z.number().describe('People the report covers (active accounts, or the groups’ members)'),
    }),
    totals: Counts.extend({ activeMs: z.number(), activePeople: z.number(), ...Quality }),
    days: z.array(
      Counts.extend({ day: z.string(), activeMs: z.number(), activePeople: z.number(), ...Quality }),
    ),
    weeks: z.array(
      Counts.extend({ week: z.string(), activeMs: z.number(), activePeople: z.number(), ...Quality }),
    ),
    projects: z.array(
      Counts.extend({
        projectId: z.string(),
        name: z.string(),
        status: z.string(),
        activeMs: z.number(),
        people: z.number(),
        remaining: z.number().nullable().describe('Tasks not completed, at the last queue count'),
        openIssues: z.number().nullable(),
        ...Quality,
      }),
    ),
    people: z.array(
      Counts.extend({
        userId: z.string(),
        name: z.string().nullable(),
        projects: z.number(),
        activeMs: z.number(),
        daysActive: z.number(),
        activeMsPerDay: z.number().nullable().describe('Mean active time on the days they worked'),
        ...Quality,
      }),
    ),
  })
  .meta({ id: 'WorkspaceAnalytics' });

interface Filter {
  from?: string | undefined;
  to?: string | undefined;
  projectId?: string | undefined;
  userIds?: readonly string[] | undefined;
}

/** Whose numbers: everyone, or the people in the caller's scope, narrowed by group and person. */
async function peopleOf(deps: AppDeps, ctx: RequestContext, q: WorkspaceQuery) {
  const scope = workspaceReportScope(ctx.actor);
  if (scope.kind === 'none') throw forbidden('read the workspace report');
  let userIds: readonly string[] | undefined;
  if (scope.kind === 'groups') {
    userIds = [...new Set((await Promise.all(scope.groupIds.map((g) => groupMemberIds(deps.db, g)))).flat())];
  }
  if (q.groupId !== undefined) userIds = narrow(userIds, await groupMemberIds(deps.db, q.groupId));
  if (q.userId !== undefined) {
    const resource = {
      kind: 'member_numbers' as const,
      userId: q.userId,
      groupIds: await groupIdsOfUser(deps.db, q.userId),
    };
    if (!can(ctx.actor, 'analytics.workspace', resource)) throw forbidden('see this person’s numbers');
    userIds = narrow(userIds, [q.userId]);
  }
  return { scope, userIds };
}

async function countsBy(db: Executor, f: Filter, by: 'day' | 'project_user') {
  const cols = by === 'day' ? (['day'] as const) : (['project_id', 'user_id'] as const);
  const rows = await db
    .selectFrom('person_days')
    .select(cols)
    .select((eb) => METRICS.map((m) => eb.fn.sum<number>(m).as(m)))
    .$if(f.from !== undefined, (b) => b.where('day', '>=', f.from!))
    .$if(f.to !== undefined, (b) => b.where('day', '<=', f.to!))
    .$if(f.projectId !== undefined, (b) => b.where('project_id', '=', f.projectId!))
    .$if(f.userIds !== undefined, (b) => b.where('user_id', 'in', f.userIds!))
    .groupBy([...cols])
    .execute();
  return rows.map((r) => {
    const row = r as Record<string, string | number>;
    const counts = zeroCounts();
    for (const m of METRICS) counts[m] = Number(row[m]);
    return {
      day: String(row.day ?? ''),
      project_id: String(row.project_id ?? ''),
      user_id: String(row.user_id ?? ''),
      counts,
    };
  });
}

async function activeTime(db: Executor, f: Filter) {
  const rows = await db
    .selectFrom('time_by_day')
    .select(['day', 'project_id', 'user_id', (eb) => eb.fn.sum<number>('active_ms').as('ms')])
    .$if(f.from !== undefined, (b) => b.where('day', '>=', f.from!))
    .$if(f.to !== undefined, (b) => b.where('day', '<=', f.to!))
    .$if(f.projectId !== undefined, (b) => b.where('project_id', '=', f.projectId!))
    .$if(f.userIds !== undefined, (b) => b.where('user_id', 'in', f.userIds!))
    .groupBy(['day', 'project_id', 'user_id'])
    .execute();
  return rows.map((r) => ({ day: r.day, projectId: r.project_id, userId: r.user_id, ms: Number(r.ms) }));
}

/** Tasks not completed per project, at the housekeeping's last count. */
async function remainingTasks(db: Executor) {
  const latest = await db
    .selectFrom('queue_depth')
    .select((eb) => eb.fn.max('day').as('day'))
    .executeTakeFirst();
  if (!latest?.day) return new Map<string, number>();
  const rows = await db
    .selectFrom('queue_depth')
    .select(['project_id', (eb) => eb.fn.sum<number>('depth').as('n')])
    .where('day', '=', latest.day)
    .groupBy('project_id')
    .execute();
  return new Map(rows.map((r) => [r.project_id, Number(r.n)]));
}

async function openIssues(db: Executor, projectIds: readonly string[]) {
  if (projectIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('issues')
    .select(['project_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('project_id', 'in', projectIds)
    .where('status', '=', 'open')
    .groupBy('project_id')
    .execute();
  return new Map(rows.map((r) => [r.project_id, Number(r.n)]));
}

async function peopleInScope(db: Executor, userIds: readonly string[] | undefined) {
  if (userIds !== undefined) return userIds.length;
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const sortedEntries = <V>(m: Map<string, V>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export async function workspaceReport(deps: AppDeps, ctx: RequestContext, q: WorkspaceQuery) {
  checkRange(q);
  const { scope, userIds } = await peopleOf(deps, ctx, q);
  const teamWide = scope.kind === 'all' && userIds === undefined;
  const f: Filter = { ...q, userIds };
  const none = userIds?.length === 0;
  const [dayRows, pairRows, time] = none
    ? [[], [], []]
    : await Promise.all([
        countsBy(deps.db, f, 'day'),
        countsBy(deps.db, f, 'project_user'),
        activeTime(deps.db, f),
      ]);

  const byDay = new Map<string, MetricCounts>();
  // With the people narrowed, the queries leave out what belongs to nobody ('': tasks completed).
  for (const r of dayRows) byDay.set(r.day, r.counts);
  const byProject = new Map<string, MetricCounts>();
  const byPerson = new Map<string, MetricCounts>();
  const totals = zeroCounts();
  const projectsOfPerson = new Map<string, Set<string>>();
  for (const r of pairRows) {
    addCounts(totals, r.counts);
    addCounts(countsAt(byProject, r.project_id), r.counts);
    if (r.user_id === '') continue;
    addCounts(countsAt(byPerson, r.user_id), r.counts);
    projectsOfPerson.set(r.user_id, (projectsOfPerson.get(r.user_id) ?? new Set()).add(r.project_id));
  }
  const activeOnDay = new Map<string, { ms: number; people: Set<string> }>();
  const activeOfProject = new Map<string, { ms: number; people: Set<string> }>();
  const activeOfPerson = new Map<string, { ms: number; days: Set<string>; projects: Set<string> }>();
  for (const t of time) {
    const d = activeOnDay.get(t.day) ?? { ms: 0, people: new Set<string>() };
    d.ms += t.ms;
    d.people.add(t.userId);
    activeOnDay.set(t.day, d);
    const p = activeOfProject.get(t.projectId) ?? { ms: 0, people: new Set<string>() };
    p.ms += t.ms;
    p.people.add(t.userId);
    activeOfProject.set(t.projectId, p);
    const u = activeOfPerson.get(t.userId) ?? { ms: 0, days: new Set<string>(), projects: new Set<string>() };
    u.ms += t.ms;
    u.days.add(t.day);
    u.projects.add(t.projectId);
    activeOfPerson.set(t.userId, u);
    countsAt(byDay, t.day);
    countsAt(byProject, t.projectId);
    countsAt(byPerson, t.userId);
  }

  const weeks = new Map<string, { counts: MetricCounts; ms: number; people: Set<string> }>();
  for (const [day, c] of byDay) {
    const w = weeks.get(weekOf(day)) ?? { counts: zeroCounts(), ms: 0, people: new Set<string>() };
    addCounts(w.counts, c);
    const a = activeOnDay.get(day);
    if (a) {
      w.ms += a.ms;
      for (const p of a.people) w.people.add(p);
    }
    weeks.set(weekOf(day), w);
  }

  const projectIds = [...byProject.keys()];
  const projects = projectIds.length
    ? await deps.db
        .selectFrom('projects')
        .select(['id', 'name', 'status'])
        .where('id', 'in', projectIds)
        .execute()
    : [];
  const [remaining, issues] = teamWide
    ? await Promise.all([remainingTasks(deps.db), openIssues(deps.db, projectIds)])
    : [null, null];
  const names = await userNames(deps.db, [...byPerson.keys()]);
  const everyoneActive = new Set(time.map((t) => t.userId));

  return {
    scope: {
      kind: scope.kind === 'all' ? ('all' as const) : ('groups' as const),
      people: await peopleInScope(deps.db, userIds),
    },
    totals: {
      ...totals,
      activeMs: time.reduce((a, t) => a + t.ms, 0),
      activePeople: everyoneActive.size,
      ...reviewQuality(totals),
    },
    days: sortedEntries(byDay).map(([day, c]) => ({
      day,
      ...c,
      activeMs: activeOnDay.get(day)?.ms ?? 0,
      activePeople: activeOnDay.get(day)?.people.size ?? 0,
      ...reviewQuality(c),
    })),
    weeks: sortedEntries(weeks).map(([week, w]) => ({
      week,
      ...w.counts,
      activeMs: w.ms,
      activePeople: w.people.size,
      ...reviewQuality(w.counts),
    })),
    projects: projects
      .map((p) => {
        const c = byProject.get(p.id)!;
        return {
          projectId: p.id,
          name: p.name,
          status: p.status,
          ...c,
          activeMs: activeOfProject.get(p.id)?.ms ?? 0,
          people: activeOfProject.get(p.id)?.people.size ?? 0,
          remaining: remaining ? (remaining.get(p.id) ?? 0) : null,
          openIssues: issues ? (issues.get(p.id) ?? 0) : null,
          ...reviewQuality(c),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
    people: sortedEntries(byPerson)
      .map(([userId, c]) => {
        const a = activeOfPerson.get(userId);
        const projectsWorked = new Set([...(projectsOfPerson.get(userId) ?? []), ...(a?.projects ?? [])]);
        return {
          userId,
          name: names.get(userId) ?? null,
          ...c,
          projects: projectsWorked.size,
          activeMs: a?.ms ?? 0,
          daysActive: a?.days.size ?? 0,
          activeMsPerDay: a && a.days.size > 0 ? a.ms / a.days.size : null,
          ...reviewQuality(c),
        };
      })
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
  };
}
