import { Migrator } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActivitySignal, activeSpans } from '../src/core/analytics/active-time.ts';
import { zeroCounts } from '../src/core/analytics/metrics.ts';
import { builtInWorkflow } from '../src/core/workflow/index.ts';
import { migrations } from '../src/server/db/migrations/index.ts';
import { countQueueDepth } from '../src/server/modules/analytics/queue-depth.ts';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect } from './helpers/env.ts';
import { labelDoc, labelObject } from './helpers/label-fixtures.ts';
import { pinOntology } from './helpers/project-fixtures.ts';
import { type QueueProject, queueProject } from './helpers/queue-fixtures.ts';

// Analytics end to end on both databases: scripted people work two days on a fake clock — their
// editors' clocks turned into spans by the same code the browser runs (an idle gap, a second tab)
// — and every number of the project dashboard and the workspace report is checked against values
// worked out by hand below, as each role sees them.

const SEC = 1000;
const D1 = Date.UTC(2026, 2, 2, 9); // Monday 2 March 2026, 09:00 UTC
const D2 = Date.UTC(2026, 2, 3, 9);

const ONTOLOGY = {
  formatVersion: 1,
  objects: [
    { featureId: 'car_box', name: 'Car', shape: 'bounding_box', color: '#1f77b4', attributes: [] },
    { featureId: 'road_poly', name: 'Road', shape: 'polygon', color: '#2ca02c', attributes: [] },
  ],
  classifications: [],
};
const car = (id: string, x = 10) =>
  labelObject(id, 'car_box', { type: 'bounding_box', x, y: 10, w: 50, h: 40 });
const road = (id: string, x = 100) =>
  labelObject(id, 'road_poly', {
    type: 'polygon',
    points: [
      [0, 0],
      [x, 0],
      [x, 80],
    ],
  });

type Who = 'ann1' | 'ann2' | 'rev' | 'tm' | 'wfm';

describeEachDialect('analytics: a scripted two-day scenario', (env) => {
  const as = {} as Record<Who, Agent>;
  const id = (who: Who) => as[who].user!.id;
  let p: QueueProject;
  let issueIds: string[];

  const at = (ms: number) => {
    env.clock.now = ms;
  };
  const ok = async (res: { status: number; body: unknown }, status = 200) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body as Record<string, unknown>;
  };
  const next = async (who: Who, stage: string) =>
    (await ok(await as[who].post(`/api/v1/projects/${p.projectId}/stages/${stage}/next`))).id as string;
  const save = async (who: Who, taskId: string, baseRevision: number, document: object) =>
    ok(await as[who].request('PUT', `/api/v1/tasks/${taskId}/labels`, { baseRevision, document }));
  /** What an editor tab saw, from `start` (seconds after `base`), reported when the clock is at `sent`. */
  const tab = async (
    who: Who,
    taskId: string,
    base: number,
    signals: [number, ActivitySignal['kind']][],
    sent: number,
  ) => {
    const spans = activeSpans(
      signals.map(([s, kind]) => ({ at: base + s * SEC, kind }) as ActivitySignal),
      base + sent * SEC,
    );
    at(base + sent * SEC);
    return ok(await as[who].post(`/api/v1/tasks/${taskId}/activity`, { sentAt: env.clock.now, spans }));
  };

  beforeAll(async () => {
    for (const who of ['ann1', 'ann2', 'rev', 'tm'] as const)
      as[who] = await env.user('tasker', { name: who });
    as.wfm = await env.user('workforce_manager', { name: 'wfm' });
    at(D1 - 3600 * SEC);
    p = await queueProject(env, {
      workflow: builtInWorkflow('annotate_review')!,
      units: 4,
      members: [
        [as.ann1, 'annotator'],
        [as.ann2, 'annotator'],
        [as.rev, 'reviewer'],
        [as.tm, 'team_manager'],
      ],
    });
    await pinOntology(env, p.projectId, ONTOLOGY);
    // The Workforce Manager's group holds ann1 only.
    const group = await ok(
      await as.wfm.post('/api/v1/groups', { name: `Crew ${p.projectId.slice(0, 8)}` }),
      201,
    );
    await ok(await env.admin.post(`/api/v1/groups/${group.id}/members`, { userIds: [id('ann1')] }));
    const [t1, t2, t3] = p.taskIds as [string, string, string, string];

    // Day 1. ann1 labels T1: inputs at 0, 10, 20 s, nothing for almost five minutes (the clock
    // stops at 80 s), inputs at 300 and 310 s, tab hidden at 330 s: 80 + 30 s. A second tab on the
    // same task ran from 60 to 100 s: only 80–100 s of it is new. 130 s in all.
    at(D1);
    expect(await next('ann1', 'annotate')).toBe(t1);
    await save('ann1', t1, 0, labelDoc(car('car1'), car('car2', 200), road('road1')));
    const first = await tab(
      'ann1',
      t1,
      D1,
      [
        [0, 'input'],
        [10, 'input'],
        [20, 'input'],
        [300, 'input'],
        [310, 'input'],
        [330, 'hidden'],
      ],
      330,
    );
    expect(first.countedMs).toBe(110 * SEC);
    const second = await tab(
      'ann1',
      t1,
      D1,
      [
        [60, 'input'],
        [100, 'hidden'],
      ],
      335,
    );
    expect(second.countedMs).toBe(20 * SEC);
    at(D1 + 340 * SEC);
    await ok(await as.ann1.post(`/api/v1/tasks/${t1}/submit`));

    // ann2 labels T2: a car; the car moved and a road added; the road deleted. Active 400–520 s.
    at(D1 + 400 * SEC);
    expect(await next('ann2', 'annotate')).toBe(t2);
    await save('ann2', t2, 0, labelDoc(car('car3')));
    await save('ann2', t2, 1, labelDoc(car('car3', 30), road('road2')));
    await save('ann2', t2, 2, labelDoc(car('car3', 30)));
    await tab(
      'ann2',
      t2,
      D1,
      [
        [400, 'input'],
        [430, 'input'],
        [460, 'input'],
      ],
      520,
    );
    at(D1 + 530 * SEC);
    await ok(await as.ann2.post(`/api/v1/tasks/${t2}/submit`));

    // ann1 looks at T3 for 15 s and skips it.
    at(D1 + 600 * SEC);
    expect(await next('ann1', 'annotate')).toBe(t3);
    await tab(
      'ann1',
      t3,
      D1,
      [
        [600, 'input'],
        [615, 'hidden'],
      ],
      620,
    );
    await ok(await as.ann1.post(`/api/v1/tasks/${t3}/skip`, { reason: 'blurry' }));

    // rev reviews T1 (active 700–790 s): car1 approved, road1 rejected with a reason, the task
    // rejected with a note — car2, still pending, is rejected with it; two issues for ann1.
    at(D1 + 700 * SEC);
    expect(await next('rev', 'review')).toBe(t1);
    await ok(
      await as.rev.post(`/api/v1/tasks/${t1}/reviews`, {
        labelRevision: 1,
        decisions: [
          { labelId: 'car1', decision: 'approve' },
          { labelId: 'road1', decision: 'reject', reason: 'edges are off' },
        ],
      }),
    );
    await tab(
      'rev',
      t1,
      D1,
      [
        [700, 'input'],
        [730, 'input'],
      ],
      800,
    );
    await ok(await as.rev.post(`/api/v1/tasks/${t1}/reject`, { note: 'check the cars' }));
    // rev approves T2 (active 900–930 s): its car approved with it; T2 complete.
    at(D1 + 900 * SEC);
    expect(await next('rev', 'review')).toBe(t2);
    await tab(
      'rev',
      t2,
      D1,
      [
        [900, 'input'],
        [930, 'hidden'],
      ],
      935,
    );
    await ok(await as.rev.post(`/api/v1/tasks/${t2}/approve`));
    at(D1 + 3600 * SEC);
    await countQueueDepth(env.deps.db, env.clock.now);

    // Day 2. ann1 gets T1 back, fixes the road (active 0–90 s) and resubmits; rev approves it
    // (active 200–230 s): car1, car2 and road1 approved; T1 complete. tm resolves the note's issue.
    at(D2);
    expect(await next('ann1', 'annotate')).toBe(t1);
    const head = (await ok(await as.ann1.get(`/api/v1/tasks/${t1}/labels`))).revision as number;
    await save('ann1', t1, head, labelDoc(car('car1'), car('car2', 200), road('road1', 120)));
    await tab(
      'ann1',
      t1,
      D2,
      [
        [0, 'input'],
        [30, 'input'],
      ],
      90,
    );
    await ok(await as.ann1.post(`/api/v1/tasks/${t1}/submit`));
    at(D2 + 200 * SEC);
    expect(await next('rev', 'review')).toBe(t1);
    await tab(
      'rev',
      t1,
      D2,
      [
        [200, 'input'],
        [230, 'hidden'],
      ],
      235,
    );
    await ok(await as.rev.post(`/api/v1/tasks/${t1}/approve`));
    const issues = await env.deps.db
      .selectFrom('issues')
      .select(['id', 'label_id', 'revision'])
      .where('project_id', '=', p.projectId)
      .orderBy('label_id')
      .execute();
    issueIds = issues.map((i) => i.id);
    const taskLevel = issues.find((i) => i.label_id === null)!;
    at(D2 + 300 * SEC);
    await ok(
      await as.tm.request('PATCH', `/api/v1/issues/${taskLevel.id}`, {
        revision: taskLevel.revision,
        status: 'resolved',
      }),
    );
    at(D2 + 3600 * SEC);
    await countQueueDepth(env.deps.db, env.clock.now);
  });

  const dashboard = async (who: Who | 'admin', query = '') => {
    const agent = who === 'admin' ? env.admin : as[who];
    return agent.get(`/api/v1/projects/${p.projectId}/analytics${query}`);
  };
  const pick = (row: Record<string, unknown>, keys: string[]) =>
    Object.fromEntries(keys.filter((k) => (row[k] ?? 0) !== 0).map((k) => [k, row[k]]));
  const COUNTS = [
    'tasks_submitted',
    'tasks_skipped',
    'tasks_approved',
    'tasks_rejected',
    'tasks_completed',
    'work_approved',
    'work_rejected',
    'first_review_passed',
    'first_review_failed',
    'labels_created',
    'labels_edited',
    'labels_deleted',
    'labels_approved',
    'labels_rejected',
    'issues_opened',
    'issues_resolved',
  ];

  it('counts every task, label and issue metric per person, as worked out by hand', async () => {
    const body = await ok(await dashboard('tm'));
    expect(body.scope).toEqual({ userId: null, team: true });
    const people = Object.fromEntries(
      (body.people as Record<string, unknown>[]).map((r) => [r.name as string, pick(r, COUNTS)]),
    );
    expect(people).toEqual({
      ann1: {
        tasks_submitted: 2,
        tasks_skipped: 1,
        work_approved: 1,
        work_rejected: 1,
        first_review_failed: 1,
        labels_created: 3,
        labels_edited: 1,
        labels_approved: 4, // car1 on day 1; car1, car2, road1 on day 2
        labels_rejected: 2, // road1 (its reason), car2 (the note)
      },
      ann2: {
        tasks_submitted: 1,
        work_approved: 1,
        first_review_passed: 1,
        labels_created: 2,
        labels_edited: 1,
        labels_deleted: 1,
        labels_approved: 1,
      },
      rev: { tasks_approved: 2, tasks_rejected: 1, issues_opened: 2 },
      tm: { issues_resolved: 1 },
    });
    const ann1 = (body.people as Record<string, unknown>[]).find((r) => r.name === 'ann1')!;
    expect(ann1).toMatchObject({ rejectionRate: 0.5, firstPassYield: 0, labelRejectionRate: 2 / 6 });
    const ann2 = (body.people as Record<string, unknown>[]).find((r) => r.name === 'ann2')!;
    expect(ann2).toMatchObject({ rejectionRate: 0, firstPassYield: 1, labelRejectionRate: 0 });
    expect(pick(body.totals as Record<string, unknown>, ['tasks_completed', 'tasks_submitted'])).toEqual({
      tasks_completed: 2,
      tasks_submitted: 3,
    });
  });

  it('measures active time with the idle cut-off and a second tab counted once', async () => {
    const body = await ok(await dashboard('tm'));
    const time = Object.fromEntries(
      (body.people as { name: string; activeMs: number; time: object }[]).map((r) => [
        r.name,
        [r.activeMs, r.time],
      ]),
    );
    // ann1: T1 130 s (day 1) + 90 s (day 2) = 220 s in one stay-per-stage total; T3 15 s. p90 of
    // two: 15 + 0.9 × (220 − 15).
    expect(time.ann1).toEqual([
      235 * SEC,
      { tasks: 2, totalMs: 235 * SEC, meanMs: 117.5 * SEC, medianMs: 117.5 * SEC, p90Ms: 199.5 * SEC },
    ]);
    expect(time.ann2).toEqual([
      120 * SEC,
      { tasks: 1, totalMs: 120 * SEC, meanMs: 120 * SEC, medianMs: 120 * SEC, p90Ms: 120 * SEC },
    ]);
    // rev: T1 90 s + 30 s, T2 30 s; p90 30 + 0.9 × (120 − 30).
    expect(time.rev).toEqual([
      150 * SEC,
      { tasks: 2, totalMs: 150 * SEC, meanMs: 75 * SEC, medianMs: 75 * SEC, p90Ms: 111 * SEC },
    ]);
    const days = (body.days as Record<string, unknown>[]).map((d) => [
      d.day,
      d.activeMs,
      pick(d, ['tasks_submitted', 'tasks_completed', 'tasks_approved', 'tasks_rejected', 'labels_created']),
    ]);
    expect(days).toEqual([
      [
        '2026-03-02',
        (145 + 120 + 120) * SEC,
        { tasks_submitted: 2, tasks_completed: 1, tasks_approved: 1, tasks_rejected: 1, labels_created: 5 },
      ],
      ['2026-03-03', (90 + 30) * SEC, { tasks_submitted: 1, tasks_completed: 1, tasks_approved: 1 }],
    ]);
    expect(
      (body.weeks as { week: string; tasks_submitted: number }[]).map((w) => [w.week, w.tasks_submitted]),
    ).toEqual([['2026-03-02', 3]]);
  });

  it('breaks labels down by class and work by stage, and filters by class, stage, person and day', async () => {
    const body = await ok(await dashboard('tm'));
    expect(body.classes).toEqual([
      {
        featureId: 'car_box',
        name: 'Car',
        labels_created: 3,
        labels_edited: 1,
        labels_deleted: 0,
        labels_approved: 4,
        labels_rejected: 1,
        rejectionRate: 0.2,
      },
      {
        featureId: 'road_poly',
        name: 'Road',
        labels_created: 2,
        labels_edited: 1,
        labels_deleted: 1,
        labels_approved: 1,
        labels_rejected: 1,
        rejectionRate: 0.5,
      },
    ]);
    const stages = Object.fromEntries(
      (body.stages as Record<string, unknown>[]).map((s) => [
        s.stageId,
        [
          pick(s, ['tasks_submitted', 'tasks_skipped', 'tasks_approved', 'tasks_rejected']),
          (s.time as { totalMs: number }).totalMs,
        ],
      ]),
    );
    expect(stages.annotate).toEqual([{ tasks_submitted: 3, tasks_skipped: 1 }, 355 * SEC]);
    expect(stages.review).toEqual([{ tasks_approved: 2, tasks_rejected: 1 }, 150 * SEC]);

    const roads = await ok(await dashboard('tm', '?featureId=road_poly'));
    expect((roads.classes as { featureId: string }[]).map((c) => c.featureId)).toEqual(['road_poly']);
    expect((roads.totals as Record<string, number>).labels_created).toBe(2);
    expect((roads.totals as Record<string, number>).tasks_submitted).toBe(3); // task counts are not by class

    const day2 = await ok(await dashboard('tm', '?from=2026-03-03&to=2026-03-03'));
    expect(
      pick(day2.totals as Record<string, unknown>, ['tasks_submitted', 'labels_approved', 'activeMs']),
    ).toEqual({
      tasks_submitted: 1,
      labels_approved: 3,
      activeMs: 120 * SEC,
    });
    const review = await ok(await dashboard('tm', '?stageId=review'));
    expect((review.totals as Record<string, number>).tasks_submitted).toBe(0);
    expect((review.totals as Record<string, number>).activeMs).toBe(150 * SEC);
  });

  it('gives the same dashboard for whole months, ragged ends and open periods as for the days', async () => {
    // All the work is on 2–3 March: March whole comes from metric_months, 20–28 February and 1–10
    // April from metric_days, the day series from the per-day rows unless a filter needs detail.
    for (const [who, query] of [
      ['tm', ''],
      ['tm', '&stageId=review'],
      ['tm', '&featureId=road_poly'],
      ['tm', `&userId=${id('ann2')}`],
      ['ann1', ''],
    ] as const) {
      const byDays = await ok(await dashboard(who, `?from=2026-03-02&to=2026-03-03${query}`));
      expect((byDays.days as unknown[]).length).toBeGreaterThan(0);
      for (const range of ['from=2026-02-20&to=2026-04-10', 'from=2026-03-01&to=2026-03-31', 'to=2026-03-31'])
        expect(await ok(await dashboard(who, `?${range}${query}`))).toEqual(byDays);
    }
  });

  it('counts issues by who raised them and whom they are for, queue depth per day and a forecast', async () => {
    const body = await ok(await dashboard('tm'));
    const issues = body.issues as Record<string, { name: string; open: number; resolved: number }[]>;
    expect(issues.byReviewer!.map((i) => [i.name, i.open, i.resolved])).toEqual([['rev', 1, 1]]);
    expect(issues.byAnnotator!.map((i) => [i.name, i.open, i.resolved])).toEqual([['ann1', 1, 1]]);
    expect(issueIds).toHaveLength(2);
    // Day 1 ended with T1 back in Annotate beside T3 (skipped) and T4; day 2 with T3 and T4.
    expect(body.queue).toEqual([
      { day: '2026-03-02', stageId: 'annotate', depth: 3 },
      { day: '2026-03-03', stageId: 'annotate', depth: 2 },
    ]);
    // Two completions in the fourteen days to 3 March: 2/14 a day; two left: fourteen days on.
    expect(body.forecast).toEqual({ remaining: 2, perDay: 2 / 14, windowDays: 14, finishDay: '2026-03-17' });
  });

  it('gives annotators and reviewers their own numbers only, and 403 for anyone else’s', async () => {
    const mine = await ok(await dashboard('ann1'));
    expect(mine.scope).toEqual({ userId: id('ann1'), team: false });
    expect((mine.people as { name: string }[]).map((r) => r.name)).toEqual(['ann1']);
    expect(
      pick(mine.totals as Record<string, unknown>, ['tasks_submitted', 'tasks_completed', 'labels_created']),
    ).toEqual({
      tasks_submitted: 2,
      labels_created: 3,
    });
    expect(mine.queue).toBeNull();
    expect(mine.forecast).toBeNull();
    expect((mine.issues as { byReviewer: unknown[] }).byReviewer).toEqual([]);
    for (const [who, other] of [
      ['ann1', 'ann2'],
      ['rev', 'ann1'],
    ] as const) {
      const refused = await dashboard(who, `?userId=${id(other)}`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    const reviewer = await ok(await dashboard('rev'));
    expect(
      (reviewer.people as Record<string, unknown>[]).map((r) => [r.name, r.tasks_approved, r.tasks_rejected]),
    ).toEqual([['rev', 2, 1]]);
    // The Team Manager drills down to one person.
    const drill = await ok(await dashboard('tm', `?userId=${id('ann2')}`));
    expect(drill.scope).toEqual({ userId: id('ann2'), team: true });
    expect((drill.people as { name: string }[]).map((r) => r.name)).toEqual(['ann2']);
    expect((await dashboard('wfm')).status).toBe(403);
  });

  describe('the workspace report', () => {
    const report = (who: Who | 'admin', query = '') =>
      (who === 'admin' ? env.admin : as[who]).get(
        `/api/v1/analytics/workspace?from=2026-03-02&to=2026-03-03${query}`,
      );

    it('shows a workspace Admin every project and person', async () => {
      const body = await ok(await report('admin'));
      expect(body.scope).toMatchObject({ kind: 'all' });
      const project = (body.projects as Record<string, unknown>[]).find((r) => r.projectId === p.projectId)!;
      expect(project).toMatchObject({
        tasks_submitted: 3,
        tasks_completed: 2,
        activeMs: 505 * SEC,
        people: 3,
        remaining: 2,
        openIssues: 1,
        rejectionRate: 1 / 3,
        firstPassYield: 0.5,
      });
      const people = Object.fromEntries(
        (body.people as Record<string, unknown>[]).map((r) => [
          r.name,
          [r.activeMs, r.daysActive, r.activeMsPerDay, r.projects],
        ]),
      );
      expect(people.ann1).toEqual([235 * SEC, 2, 117.5 * SEC, 1]);
      expect(people.rev).toEqual([150 * SEC, 2, 75 * SEC, 1]);
      const days = (body.days as Record<string, unknown>[]).map((d) => [
        d.day,
        d.tasks_completed,
        d.activeMs,
        d.activePeople,
      ]);
      expect(days).toEqual([
        ['2026-03-02', 1, 385 * SEC, 3],
        ['2026-03-03', 1, 120 * SEC, 2],
      ]);
      // Monday 2 March's week: the three people of day 1 (day 2's two among them).
      expect(
        (body.weeks as Record<string, unknown>[]).map((w) => [w.week, w.activeMs, w.activePeople]),
      ).toEqual([['2026-03-02', 505 * SEC, 3]]);
      expect(pick(body.totals as Record<string, unknown>, ['activeMs', 'activePeople'])).toEqual({
        activeMs: 505 * SEC,
        activePeople: 3,
      });
    });

    it('gives the same numbers for a period of whole months and ragged ends as for its days', async () => {
      // All the work is on 2–3 March: March whole is summed from the monthly counters, 20–28
      // February and 1–10 April by day, and an open period from the months alone.
      const over = (who: Who | 'admin', range: string, query = '') =>
        (who === 'admin' ? env.admin : as[who]).get(`/api/v1/analytics/workspace?${range}${query}`);
      for (const [who, query] of [
        ['admin', ''],
        ['admin', `&projectId=${p.projectId}`],
        ['admin', `&userId=${id('ann1')}`],
        ['wfm', ''],
      ] as const) {
        const byDays = await ok(await report(who, query));
        expect((byDays.days as unknown[]).length).toBe(2);
        for (const range of [
          'from=2026-02-20&to=2026-04-10',
          'from=2026-03-01&to=2026-03-31',
          'to=2026-12-31',
          '',
        ])
          expect(await ok(await over(who, range, query))).toEqual(byDays);
      }
    });

    it('refuses a day that is not on the calendar, naming the field', async () => {
      for (const [query, field] of [
        ['to=0000-00-00', 'to'],
        ['from=2026-02-30', 'from'],
        ['from=1969-12-31', 'from'],
      ] as const) {
        const res = await env.admin.get(`/api/v1/analytics/workspace?${query}`);
        expect(res.status, query).toBe(400);
        expect(res.body.error.field, query).toBe(field);
        const dash = await as.tm.get(`/api/v1/projects/${p.projectId}/analytics?${query}`);
        expect(dash.status, query).toBe(400);
      }
    });

    it('shows a Workforce Manager only the members of the groups they manage', async () => {
      const body = await ok(await report('wfm'));
      expect(body.scope).toEqual({ kind: 'groups', people: 1 });
      expect((body.people as { name: string }[]).map((r) => r.name)).toEqual(['ann1']);
      const project = (body.projects as Record<string, unknown>[]).find((r) => r.projectId === p.projectId)!;
      expect(project).toMatchObject({
        tasks_submitted: 2,
        tasks_completed: 0,
        activeMs: 235 * SEC,
        people: 1,
        remaining: null,
        openIssues: null,
      });
      expect((body.totals as Record<string, number>).tasks_approved).toBe(0); // rev is not theirs
      const refused = await report('wfm', `&userId=${id('ann2')}`);
      expect(refused.status).toBe(403);
      expect((await report('tm')).status).toBe(403);
      expect((await report('ann1')).status).toBe(403);
    });
  });

  it('keeps the same counters incrementally as a rebuild from the event log gives (last: it drops the queue counts)', async () => {
    const numbers = <R extends Record<string, unknown>>(r: R) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          k === 'n' || k === 'active_ms' || k in zeroCounts() ? Number(v) : v,
        ]),
      ) as { [K in keyof R]: R[K] extends number ? number : R[K] };
    const snapshot = async () => ({
      metricDays: (
        await env.deps.db
          .selectFrom('metric_days')
          .selectAll()
          .orderBy('project_id')
          .orderBy('day')
          .orderBy('metric')
          .orderBy('user_id')
          .orderBy('stage_id')
          .orderBy('dataset_id')
          .orderBy('feature_id')
          .execute()
      ).map(numbers),
      personDays: (
        await env.deps.db
          .selectFrom('person_days')
          .selectAll()
          .orderBy('day')
          .orderBy('project_id')
          .orderBy('user_id')
          .execute()
      ).map(numbers),
      metricMonths: (
        await env.deps.db
          .selectFrom('metric_months')
          .selectAll()
          .orderBy('project_id')
          .orderBy('month')
          .orderBy('metric')
          .orderBy('user_id')
          .orderBy('stage_id')
          .orderBy('dataset_id')
          .orderBy('feature_id')
          .execute()
      ).map(numbers),
      personMonths: (
        await env.deps.db
          .selectFrom('person_months')
          .selectAll()
          .orderBy('month')
          .orderBy('project_id')
          .orderBy('user_id')
          .execute()
      ).map(numbers),
      projectDays: (
        await env.deps.db
          .selectFrom('project_days')
          .selectAll()
          .orderBy('day')
          .orderBy('project_id')
          .execute()
      ).map(numbers),
      userDays: (
        await env.deps.db.selectFrom('user_days').selectAll().orderBy('day').orderBy('user_id').execute()
      ).map(numbers),
      userMonths: (
        await env.deps.db.selectFrom('user_months').selectAll().orderBy('month').orderBy('user_id').execute()
      ).map((r) => ({ ...r, days_active: Number(r.days_active) })),
      userWeeks: await env.deps.db
        .selectFrom('user_weeks')
        .selectAll()
        .orderBy('week')
        .orderBy('user_id')
        .execute(),
    });
    const kept = await snapshot();
    expect(kept.metricDays.length).toBeGreaterThan(10);
    expect(kept.personMonths.length).toBeGreaterThan(3);
    expect(kept.metricMonths.length).toBeGreaterThan(10);
    expect(kept.userDays.length).toBeGreaterThan(3);
    expect(kept.userMonths.length).toBeGreaterThan(2);
    expect(kept.userWeeks.length).toBeGreaterThan(2);
    expect(kept.projectDays.some((r) => r.active_ms > 0)).toBe(true);
    // Migration 0014 fills the counters from the events recorded before it: down and up again.
    const migrator = new Migrator({ db: env.deps.db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo('0013_active_time');
    expect(down.error).toBeUndefined();
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await snapshot()).toEqual(kept);
  });
});
