import { beforeAll, expect, it } from 'vitest';
import { durationStats } from '../src/core/analytics/stats.ts';
import { builtInWorkflow } from '../src/core/workflow/index.ts';
import { addActiveTime } from '../src/server/modules/analytics/metric-days.ts';
import { taskTimeStats } from '../src/server/modules/analytics/time-report.ts';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect } from './helpers/env.ts';
import { queueProject } from './helpers/queue-fixtures.ts';
import { mulberry32 } from './helpers/seeded-random.ts';

// Recording active time over HTTP on both databases: reports placed on the server's clock, each
// moment of a person counted once across tabs, stale and malformed reports refused, and the
// per-task and per-day totals kept.

const SEC = 1000;

describeEachDialect('active time: recording the editor’s reports', (env) => {
  const as = {} as Record<'t1' | 't2', Agent>;
  beforeAll(async () => {
    for (const k of ['t1', 't2'] as const) as[k] = await env.user('tasker', { name: k });
  });

  async function heldTask(agent: Agent) {
    const p = await queueProject(env, {
      workflow: builtInWorkflow('annotate')!,
      units: 1,
      members: [
        [as.t1, 'annotator'],
        [as.t2, 'annotator'],
      ],
    });
    const claimed = await agent.post(`/api/v1/projects/${p.projectId}/stages/annotate/next`);
    expect(claimed.status).toBe(200);
    return { ...p, taskId: claimed.body.id as string };
  }

  const report = (agent: Agent, taskId: string, sentAt: number, spans: [number, number][]) =>
    agent.post(`/api/v1/tasks/${taskId}/activity`, {
      sentAt,
      spans: spans.map(([start, end]) => ({ start, end })),
    });

  it('counts a moment once, however many tabs report it, and reads the client’s clock by its offset', async () => {
    const { taskId, projectId } = await heldTask(as.t1);
    const now = env.clock.now;
    const first = await report(as.t1, taskId, now, [[now - 120 * SEC, now - 60 * SEC]]);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ countedMs: 60 * SEC, taskMs: 60 * SEC });
    // A second tab overlapping the first by half a minute.
    const second = await report(as.t1, taskId, now, [[now - 90 * SEC, now - 30 * SEC]]);
    expect(second.body).toEqual({ countedMs: 30 * SEC, taskMs: 90 * SEC });
    // A tab whose clock is an hour behind reports the last ten seconds.
    const hour = 3600 * SEC;
    const skewed = await report(as.t1, taskId, now - hour, [[now - hour - 10 * SEC, now - hour]]);
    expect(skewed.body).toEqual({ countedMs: 10 * SEC, taskMs: 100 * SEC });
    // Too old to trust (more than 15 minutes ago), and in the future: nothing.
    const stale = await report(as.t1, taskId, now, [
      [now - 40 * 60 * SEC, now - 20 * 60 * SEC],
      [now + 10 * SEC, now + 20 * SEC],
    ]);
    expect(stale.body).toEqual({ countedMs: 0, taskMs: 100 * SEC });

    const day = new Date(now).toISOString().slice(0, 10);
    const days = await env.deps.db
      .selectFrom('time_by_day')
      .selectAll()
      .where('project_id', '=', projectId)
      .execute();
    // The spans straddle midnight only if the test runs at midnight; sum the rows either way.
    expect(days.reduce((sum, d) => sum + Number(d.active_ms), 0)).toBe(100 * SEC);
    expect(days.map((d) => d.day)).toContain(day);
  });

  it('splits time across midnight into each day’s total', async () => {
    const { taskId, projectId } = await heldTask(as.t2);
    const midnight = Date.UTC(2026, 10, 30);
    env.clock.now = midnight + 30 * SEC;
    try {
      // The lease was taken at the old clock: claim again at the new time.
      await as.t2.post(`/api/v1/projects/${projectId}/stages/annotate/next`);
      const res = await report(as.t2, taskId, env.clock.now, [[midnight - 45 * SEC, midnight + 15 * SEC]]);
      expect(res.body.countedMs).toBe(60 * SEC);
      const days = await env.deps.db
        .selectFrom('time_by_day')
        .select(['day', 'active_ms'])
        .where('project_id', '=', projectId)
        .orderBy('day')
        .execute();
      expect(days.map((d) => [d.day, Number(d.active_ms)])).toEqual([
        ['2026-11-29', 45 * SEC],
        ['2026-11-30', 15 * SEC],
      ]);
      // The workspace report's counters get the same split: per person in the project, per
      // person over every project, and per project.
      const person = await env.deps.db
        .selectFrom('person_days')
        .select(['day', 'active_ms'])
        .where('project_id', '=', projectId)
        .orderBy('day')
        .execute();
      const overall = await env.deps.db
        .selectFrom('user_days')
        .select(['day', 'active_ms'])
        .where('user_id', '=', as.t2.user!.id)
        .where('day', 'in', ['2026-11-29', '2026-11-30'])
        .orderBy('day')
        .execute();
      const project = await env.deps.db
        .selectFrom('project_days')
        .select(['day', 'active_ms'])
        .where('project_id', '=', projectId)
        .orderBy('day')
        .execute();
      for (const rows of [person, overall, project])
        expect(rows.map((d) => [d.day, Number(d.active_ms)])).toEqual([
          ['2026-11-29', 45 * SEC],
          ['2026-11-30', 15 * SEC],
        ]);
      const month = await env.deps.db
        .selectFrom('person_months')
        .select(['month', 'active_ms'])
        .where('project_id', '=', projectId)
        .execute();
      expect(month.map((m) => [m.month, Number(m.active_ms)])).toEqual([['2026-11', 60 * SEC]]);
      // Sunday 29 and Monday 30 November: a day active in each of two weeks, two in the month.
      const weeks = await env.deps.db
        .selectFrom('user_weeks')
        .select('week')
        .where('user_id', '=', as.t2.user!.id)
        .where('week', 'in', ['2026-11-23', '2026-11-30'])
        .orderBy('week')
        .execute();
      expect(weeks.map((w) => w.week)).toEqual(['2026-11-23', '2026-11-30']);
      const activeDays = await env.deps.db
        .selectFrom('user_days')
        .select('day')
        .where('user_id', '=', as.t2.user!.id)
        .where('day', 'like', '2026-11-%')
        .execute();
      const monthDays = await env.deps.db
        .selectFrom('user_months')
        .select('days_active')
        .where('user_id', '=', as.t2.user!.id)
        .where('month', '=', '2026-11')
        .executeTakeFirstOrThrow();
      expect(activeDays.map((d) => d.day)).toEqual(expect.arrayContaining(['2026-11-29', '2026-11-30']));
      expect(Number(monthDays.days_active)).toBe(activeDays.length);
    } finally {
      env.clock.now = Date.now();
    }
  });

  it('counts a day active once when two reports of its first time race', async () => {
    // Two projects at once (two tabs): their per-project rows do not make one report wait for the
    // other, so both reach user_days together.
    const projects = await Promise.all(
      [1, 2].map(() =>
        queueProject(env, {
          workflow: builtInWorkflow('annotate')!,
          units: 1,
          members: [[as.t1, 'annotator']],
        }),
      ),
    );
    const userId = as.t1.user!.id;
    const day = '2026-07-01'; // a Wednesday: the week of Monday 29 June
    await Promise.all(
      projects.map(({ projectId }, i) =>
        env.deps.db
          .transaction()
          .execute((trx) => addActiveTime(trx, projectId, userId, new Map([[day, (i + 1) * 1000]]))),
      ),
    );
    const userDay = await env.deps.db
      .selectFrom('user_days')
      .select('active_ms')
      .where('day', '=', day)
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(Number(userDay.active_ms)).toBe(3000);
    const month = await env.deps.db
      .selectFrom('user_months')
      .select('days_active')
      .where('month', '=', '2026-07')
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(Number(month.days_active)).toBe(1);
    const weeks = await env.deps.db
      .selectFrom('user_weeks')
      .select('week')
      .where('user_id', '=', userId)
      .where('week', '=', '2026-06-29')
      .execute();
    expect(weeks).toHaveLength(1);
  });

  it('computes the median and p90 in the database as durationStats does', async () => {
    const { projectId } = await queueProject(env, {
      workflow: builtInWorkflow('annotate')!,
      units: 1,
      members: [[as.t1, 'annotator']],
    });
    const random = mulberry32(9);
    const people = [as.t1.user!.id, as.t2.user!.id, env.admin.user!.id];
    // Per person, counts from 1 to 40 (odd and even) with ties, in milliseconds; two stages.
    const rows = people.flatMap((user_id, u) =>
      ['annotate', 'review'].flatMap((stage_id, s) =>
        Array.from({ length: [1, 2, 30, 40, 7, 11][u * 2 + s]! }, (_, i) => ({
          task_id: `ranked-${u}-${s}-${i}`,
          user_id,
          stage_id,
          project_id: projectId,
          active_ms: Math.floor(random() * 20) * 1000 + Math.floor(random() * 3),
          first_ms: 0,
          last_ms: Date.UTC(2026, 1, 1 + (i % 20)),
        })),
      ),
    );
    await env.deps.db.insertInto('task_time').values(rows).execute();
    const f = { from: '2026-02-01', to: '2026-02-28' };
    for (const by of ['user_id', 'stage_id'] as const) {
      const got = await taskTimeStats(env.deps.db, env.deps.dialect, projectId, f, by);
      const expected = new Map<string, number[]>();
      for (const r of rows) expected.set(r[by], [...(expected.get(r[by]) ?? []), r.active_ms]);
      expect(new Map([...got].map(([k, v]) => [k, v]))).toEqual(
        new Map(
          [...expected].map(([k, values]) => {
            const { count, ...stats } = durationStats(values);
            return [k, { tasks: count, ...stats }];
          }),
        ),
      );
    }
    // The period narrows them: of t2's 30 + 40 times, 1–5 February holds 10 + 10.
    const early = await taskTimeStats(
      env.deps.db,
      env.deps.dialect,
      projectId,
      { from: '2026-02-01', to: '2026-02-05' },
      'user_id',
    );
    expect(early.get(as.t2.user!.id)?.tasks).toBe(20);
  });

  it('sums time per stage and person (mean, median, p90) and per day, each person seeing only their own', async () => {
    const tm = await env.user('tasker', { name: 'tm' });
    const p = await queueProject(env, {
      workflow: builtInWorkflow('annotate')!,
      units: 4,
      members: [
        [as.t1, 'annotator'],
        [as.t2, 'annotator'],
        [tm, 'team_manager'],
      ],
    });
    // A fixed noon, clear of the moments the tests above counted for t1 and t2 (counted once each)
    // and of midnight.
    env.clock.now = Date.UTC(2026, 0, 15, 12);
    const now = env.clock.now;
    // t1 works three tasks for 30, 120 and 60 seconds; t2 one for 45.
    const work = async (agent: Agent, seconds: number) => {
      const task = await agent.post(`/api/v1/projects/${p.projectId}/stages/annotate/next`);
      await report(agent, task.body.id, now, [[now - seconds * SEC, now]]);
      expect((await agent.post(`/api/v1/tasks/${task.body.id}/submit`)).status).toBe(200);
      env.clock.advance(200 * SEC);
    };
    for (const seconds of [30, 120, 60]) await work(as.t1, seconds);
    await work(as.t2, 45);
    env.clock.now = Date.now();

    const url = `/api/v1/projects/${p.projectId}/analytics/time`;
    const team = await tm.get(url);
    expect(team.status, JSON.stringify(team.body)).toBe(200);
    expect(team.body.stages).toEqual([
      {
        stageId: 'annotate',
        stageName: 'Annotate',
        people: 2,
        tasks: 4,
        totalMs: 255 * SEC,
        meanMs: 63.75 * SEC,
        medianMs: 52.5 * SEC,
        p90Ms: 102 * SEC, // 0.9 × 3 = 2.7: 60 + 0.7 × (120 − 60)
      },
    ]);
    const t1Row = team.body.people.find((r: { userId: string }) => r.userId === as.t1.user!.id);
    expect(t1Row).toMatchObject({
      tasks: 3,
      totalMs: 210 * SEC,
      meanMs: 70 * SEC,
      medianMs: 60 * SEC,
      p90Ms: 108 * SEC, // 0.9 × 2 = 1.8: 60 + 0.8 × (120 − 60)
    });
    expect(team.body.days).toEqual(
      [
        { day: '2026-01-15', userId: as.t1.user!.id, activeMs: 210 * SEC },
        { day: '2026-01-15', userId: as.t2.user!.id, activeMs: 45 * SEC },
      ].sort((a, b) => (a.userId < b.userId ? -1 : 1)),
    );

    const own = await as.t2.get(url);
    expect(own.body.people.map((r: { userId: string }) => r.userId)).toEqual([as.t2.user!.id]);
    expect(own.body.stages[0]).toMatchObject({ tasks: 1, totalMs: 45 * SEC });
    const peek = await as.t2.get(`${url}?userId=${as.t1.user!.id}`);
    expect(peek.status).toBe(403);
    const outsider = await env.user('tasker', { name: 'outsider' });
    expect((await outsider.get(url)).status).toBe(403);
  });

  it('refuses a report on a task one does not hold, and a span that ends before it starts', async () => {
    const { taskId } = await heldTask(as.t1);
    const now = env.clock.now;
    const notMine = await report(as.t2, taskId, now, [[now - SEC, now]]);
    expect(notMine.status).toBe(409);
    expect(notMine.body.error.code).toBe('task_not_held');
    const backwards = await report(as.t1, taskId, now, [[now, now - SEC]]);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.field).toBe('spans[0].end');
    const rows = await env.deps.db
      .selectFrom('activity_spans')
      .select('id')
      .where('task_id', '=', taskId)
      .execute();
    expect(rows).toEqual([]);
  });
});
