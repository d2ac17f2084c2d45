import { sql } from 'kysely';
import { z } from 'zod';
import { reviewQuality, weekOf, zeroCounts } from '../../../core/analytics/metrics.ts';
import { type LeftoverDays, splitIntoWeeks, splitPeriod } from '../../../core/analytics/periods.ts';
import { can, workspaceReportScope } from '../../../core/policy/index.ts';
import type { Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';
import { Id } from '../../http/schemas.ts';
import { groupIdsOfUser } from '../users/queries.ts';
import { checkRange, Day, groupMemberIds, narrow, userNames } from './filters.ts';
import { addCounted, COUNTED, type Counted, countedOf, pairSums } from './person-sums.ts';
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

/** Per day: over everyone from project_days, or over the people in scope from person_days. */
async function daySums(db: Executor, f: Filter) {
  const sums = COUNTED.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c));
  const rows =
    f.userIds === undefined
      ? await db
          .selectFrom('project_days')
          .select(['day', ...sums])
          .$if(f.from !== undefined, (b) => b.where('day', '>=', f.from!))
          .$if(f.to !== undefined, (b) => b.where('day', '<=', f.to!))
          .$if(f.projectId !== undefined, (b) => b.where('project_id', '=', f.projectId!))
          .groupBy('day')
          .execute()
      : await db
          .selectFrom('person_days')
          .select(['day', ...sums])
          .where('user_id', 'in', f.userIds)
          .$if(f.from !== undefined, (b) => b.where('day', '>=', f.from!))
          .$if(f.to !== undefined, (b) => b.where('day', '<=', f.to!))
          .$if(f.projectId !== undefined, (b) => b.where('project_id', '=', f.projectId!))
          .groupBy('day')
          .execute();
  return rows.map((r) => ({ day: r.day, ...countedOf(r) }));
}

interface Activity {
  peopleOnDay: Map<string, number>;
  peopleInWeek: Map<string, number>;
  daysOfPerson: Map<string, number>;
}

/**
 * Who was active: people per day and per week, days per person. Over every project from the
 * counters of active days (user_days, and user_weeks and user_months for whole weeks and months);
 * within one project from its (day, person) pairs.
 */
async function activity(db: Executor, f: Filter): Promise<Activity> {
  if (f.projectId !== undefined) return activityOfPairs(await activeInProject(db, f.projectId, f));
  const [peopleOnDay, peopleInWeek, daysOfPerson] = await Promise.all([
    peoplePerDay(db, f),
    peoplePerWeek(db, f),
    daysPerPerson(db, f),
  ]);
  return { peopleOnDay, peopleInWeek, daysOfPerson };
}

/** user_days rows of the period and the people in scope. */
const activeDays = (db: Executor, f: Filter, days: LeftoverDays | null) =>
  db
    .selectFrom('user_days')
    .$if(days === null && f.from !== undefined, (b) => b.where('day', '>=', f.from!))
    .$if(days === null && f.to !== undefined, (b) => b.where('day', '<=', f.to!))
    .$if(days !== null, (b) => b.where((eb) => eb.or(days!.map((r) => eb.between('day', r.from, r.to)))))
    .$if(f.userIds !== undefined, (b) => b.where('user_id', 'in', f.userIds!));

const counted = (rows: readonly { key: string; n: number | string | bigint }[]) =>
  new Map(rows.map((r) => [r.key, Number(r.n)]));

async function peoplePerDay(db: Executor, f: Filter) {
  const rows = await activeDays(db, f, null)
    .select(['day as key', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('day')
    .execute();
  return counted(rows);
}

/** Whole weeks from user_weeks; a week cut by the period's ends counts its people on those days. */
async function peoplePerWeek(db: Executor, f: Filter) {
  const { weeks, days } = splitIntoWeeks(f);
  const parts: Promise<{ key: string; n: number }[]>[] = days.map(async (r) => {
    const row = await activeDays(db, f, [r])
      .select((eb) => eb.fn.count<number>('user_id').distinct().as('n'))
      .executeTakeFirstOrThrow();
    return [{ key: weekOf(r.from), n: Number(row.n) }].filter((w) => w.n > 0);
  });
  if (weeks) {
    parts.push(
      db
        .selectFrom('user_weeks')
        .select(['week as key', (eb) => eb.fn.countAll<number>().as('n')])
        .$if(weeks.from !== undefined, (b) => b.where('week', '>=', weeks.from!))
        .$if(weeks.to !== undefined, (b) => b.where('week', '<=', weeks.to!))
        .$if(f.userIds !== undefined, (b) => b.where('user_id', 'in', f.userIds!))
        .groupBy('week')
        .execute(),
    );
  }
  return counted((await Promise.all(parts)).flat());
}

/** Whole months from user_months, the days at either end from user_days. */
async function daysPerPerson(db: Executor, f: Filter) {
  const { months, days } = splitPeriod(f);
  const parts: Promise<{ key: string; n: number }[]>[] = [];
  if (months) {
    parts.push(
      db
        .selectFrom('user_months')
        .select(['user_id as key', (eb) => eb.fn.sum<number>('days_active').as('n')])
        .$if(months.from !== undefined, (b) => b.where('month', '>=', months.from!))
        .$if(months.to !== undefined, (b) => b.where('month', '<=', months.to!))
        .$if(f.userIds !== undefined, (b) => b.where('user_id', 'in', f.userIds!))
        .groupBy('user_id')
        .execute(),
    );
  }
  if (days.length > 0) {
    parts.push(
      activeDays(db, f, days)
        .select(['user_id as key', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('user_id')
        .execute(),
    );
  }
  const out = new Map<string, number>();
  for (const r of (await Promise.all(parts)).flat()) out.set(r.key, (out.get(r.key) ?? 0) + Number(r.n));
  return out;
}

/** Who had active time in the project on which day. */
function activeInProject(db: Executor, projectId: string, f: Filter) {
  return db
    .selectFrom('person_days')
    .select(['day', 'user_id'])
    .where('project_id', '=', projectId)
    .where('active_ms', '>', 0)
    .$if(f.from !== undefined, (b) => b.where('day', '>=', f.from!))
    .$if(f.to !== undefined, (b) => b.where('day', '<=', f.to!))
    .$if(f.userIds !== undefined, (b) => b.where('user_id', 'in', f.userIds!))
    .execute();
}

/**
 * People active per day and per week, and days active per person, from (day, person) pairs that
 * are each listed once (no per-pair objects: a busy project's year runs to ~10,000 of them).
 */
function activityOfPairs(active: readonly { day: string; user_id: string }[]): Activity {
  const peopleOnDay = new Map<string, number>();
  const daysOfPerson = new Map<string, number>();
  const peopleInWeek = new Map<string, Set<string>>();
  const weekOfDay = new Map<string, string>();
  for (const { day, user_id } of active) {
    peopleOnDay.set(day, (peopleOnDay.get(day) ?? 0) + 1);
    daysOfPerson.set(user_id, (daysOfPerson.get(user_id) ?? 0) + 1);
    let week = weekOfDay.get(day);
    if (week === undefined) {
      week = weekOf(day);
      weekOfDay.set(day, week);
    }
    addTo(peopleInWeek, week, user_id);
  }
  return {
    peopleOnDay,
    daysOfPerson,
    peopleInWeek: new Map([...peopleInWeek].map(([week, people]) => [week, people.size])),
  };
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

/** Adds `value` to the set kept under `key`. */
function addTo<K, V>(into: Map<K, Set<V>>, key: K, value: V) {
  const set = into.get(key);
  if (set) set.add(value);
  else into.set(key, new Set([value]));
}

const zeroCounted = (): Counted => ({ counts: zeroCounts(), activeMs: 0 });

function countedAt<K>(into: Map<K, Counted>, key: K): Counted {
  let c = into.get(key);
  if (!c) {
    c = zeroCounted();
    into.set(key, c);
  }
  return c;
}

export async function workspaceReport(deps: AppDeps, ctx: RequestContext, q: WorkspaceQuery) {
  checkRange(q);
  const { scope, userIds } = await peopleOf(deps, ctx, q);
  const teamWide = scope.kind === 'all' && userIds === undefined;
  const f: Filter = { ...q, userIds };
  const none = userIds?.length === 0;
  // With the people narrowed, the queries leave out what belongs to nobody ('': tasks completed).
  const [dayRows, pairRows, active] = none
    ? [[], [], activityOfPairs([])]
    : await Promise.all([daySums(deps.db, f), pairSums(deps.db, f), activity(deps.db, f)]);

  const totals = zeroCounted();
  const byProject = new Map<string, Counted>();
  const byPerson = new Map<string, Counted>();
  const peopleOfProject = new Map<string, Set<string>>();
  const projectsOfPerson = new Map<string, Set<string>>();
  for (const r of pairRows) {
    addCounted(totals, r);
    addCounted(countedAt(byProject, r.projectId), r);
    if (r.userId === '') continue;
    addCounted(countedAt(byPerson, r.userId), r);
    addTo(projectsOfPerson, r.userId, r.projectId);
    if (r.activeMs > 0) addTo(peopleOfProject, r.projectId, r.userId);
  }
  const { peopleOnDay, daysOfPerson, peopleInWeek } = active;
  const weeks = new Map<string, Counted>();
  for (const d of dayRows) addCounted(countedAt(weeks, weekOf(d.day)), d);

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

  return {
    scope: {
      kind: scope.kind === 'all' ? ('all' as const) : ('groups' as const),
      people: await peopleInScope(deps.db, userIds),
    },
    totals: {
      ...totals.counts,
      activeMs: totals.activeMs,
      activePeople: daysOfPerson.size,
      ...reviewQuality(totals.counts),
    },
    days: [...dayRows]
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
      .map((d) => ({
        day: d.day,
        ...d.counts,
        activeMs: d.activeMs,
        activePeople: peopleOnDay.get(d.day) ?? 0,
        ...reviewQuality(d.counts),
      })),
    weeks: sortedEntries(weeks).map(([week, w]) => ({
      week,
      ...w.counts,
      activeMs: w.activeMs,
      activePeople: peopleInWeek.get(week) ?? 0,
      ...reviewQuality(w.counts),
    })),
    projects: projects
      .map((p) => {
        const c = byProject.get(p.id)!;
        return {
          projectId: p.id,
          name: p.name,
          status: p.status,
          ...c.counts,
          activeMs: c.activeMs,
          people: peopleOfProject.get(p.id)?.size ?? 0,
          remaining: remaining ? (remaining.get(p.id) ?? 0) : null,
          openIssues: issues ? (issues.get(p.id) ?? 0) : null,
          ...reviewQuality(c.counts),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
    people: sortedEntries(byPerson)
      .map(([userId, c]) => {
        const daysActive = daysOfPerson.get(userId) ?? 0;
        return {
          userId,
          name: names.get(userId) ?? null,
          ...c.counts,
          projects: projectsOfPerson.get(userId)?.size ?? 0,
          activeMs: c.activeMs,
          daysActive,
          activeMsPerDay: daysActive > 0 ? c.activeMs / daysActive : null,
          ...reviewQuality(c.counts),
        };
      })
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
  };
}
