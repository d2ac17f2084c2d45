import { beforeAll, expect, it } from 'vitest';
import { builtInWorkflow } from '../src/core/workflow/index.ts';
import { withdrawLapsedGold } from '../src/server/modules/benchmarks/submission.ts';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect } from './helpers/env.ts';
import { labelDoc, labelObject } from './helpers/label-fixtures.ts';
import { pinOntology } from './helpers/project-fixtures.ts';
import { queueProject } from './helpers/queue-fixtures.ts';

// Benchmark QA over HTTP on both databases: gold sets from completed tasks and imports, the
// settings' checks, screening (fail, retry, pass, then real work), monitoring (one gold task in N,
// scored, never in the queue, review or an export), feedback, and the role-scoped report.

const ONTOLOGY = {
  formatVersion: 1,
  objects: [{ featureId: 'car_box', name: 'Car', shape: 'bounding_box', color: '#1f77b4', attributes: [] }],
  classifications: [],
};

const car = (x: number, id = `car_${x}`) =>
  labelObject(id, 'car_box', { type: 'bounding_box', x, y: 10, w: 300, h: 100 });
/** The gold of every gold task below: one car at x = 0. */
const GOLD = labelDoc(car(0));

describeEachDialect('benchmark QA: gold sets, screening, monitoring, reports', (env) => {
  const as = {} as Record<'t1' | 't2' | 'rev' | 'tm', Agent>;
  beforeAll(async () => {
    for (const k of ['t1', 't2', 'rev', 'tm'] as const) as[k] = await env.user('tasker', { name: k });
  });

  async function project(units: number, workflow = 'annotate_review') {
    const p = await queueProject(env, {
      workflow: builtInWorkflow(workflow)!,
      units,
      members: [
        [as.t1, 'annotator'],
        [as.t2, 'annotator'],
        [as.rev, 'reviewer'],
        [as.tm, 'team_manager'],
      ],
    });
    await pinOntology(env, p.projectId, ONTOLOGY);
    const units_ = await env.deps.db
      .selectFrom('tasks')
      .select(['id', 'data_unit_id'])
      .where('project_id', '=', p.projectId)
      .orderBy('id')
      .execute();
    return { ...p, unitOf: new Map(units_.map((t) => [t.id, t.data_unit_id])) };
  }

  const next = (agent: Agent, projectId: string) =>
    agent.post(`/api/v1/projects/${projectId}/stages/annotate/next`);

  /** Saves `document` on the task's main branch and submits it. */
  async function label(agent: Agent, taskId: string, document: object) {
    const saved = await agent.request('PUT', `/api/v1/tasks/${taskId}/labels`, { baseRevision: 0, document });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const submitted = await agent.post(`/api/v1/tasks/${taskId}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    return submitted.body;
  }

  /**
   * A gold set of project `p` holding imported gold for `units` data units of a gold project of
   * their own (gold is never one of the project's own tasks).
   */
  async function goldSet(p: { projectId: string }, units: number, name = 'Gold') {
    const g = await project(units, 'annotate');
    const created = await as.tm.post(`/api/v1/projects/${p.projectId}/gold-sets`, { name });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const added = await as.tm.post(`/api/v1/gold-sets/${created.body.id}/tasks`, {
      items: g.taskIds.map((id) => ({ dataUnitId: g.unitOf.get(id), document: GOLD })),
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    return added.body as { id: string; tasks: { dataUnitId: string }[] };
  }

  async function settings(projectId: string, body: object) {
    const current = await as.tm.get(`/api/v1/projects/${projectId}/benchmark-settings`);
    const res = await as.tm.request('PUT', `/api/v1/projects/${projectId}/benchmark-settings`, {
      revision: current.body.revision,
      scoring: {},
      screening: null,
      monitoring: null,
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  it('makes gold from a gold project’s completed tasks and from imports, checked against the ontology', async () => {
    const p = await project(2);
    const g = await project(4, 'annotate');
    const [a, b, c] = g.taskIds as [string, string, string];
    // Task a of the gold project is labelled and completed.
    const first = await next(as.t1, g.projectId);
    expect(first.body.id).toBe(a);
    expect(await label(as.t1, a, labelDoc(car(5)))).toMatchObject({ stageId: 'complete' });

    const set = await as.tm.post(`/api/v1/projects/${p.projectId}/gold-sets`, { name: 'Cars' });
    expect(set.status).toBe(201);
    const again = await as.tm.post(`/api/v1/projects/${p.projectId}/gold-sets`, { name: 'Cars' });
    expect(again.body.error).toMatchObject({ code: 'name_taken', field: 'name' });
    expect((await as.t1.get(`/api/v1/projects/${p.projectId}/gold-sets`)).status).toBe(403);

    const url = `/api/v1/gold-sets/${set.body.id}/tasks`;
    // Refused whole: task b is not complete; a unit of the project's own tasks; an unknown class.
    const notDone = await as.tm.post(url, { taskIds: [a, b] });
    expect(notDone.status).toBe(400);
    expect(notDone.body.error.field).toBe('taskIds[1]');
    const own = await as.tm.post(url, {
      items: [{ dataUnitId: p.unitOf.get(p.taskIds[0]!), document: GOLD }],
    });
    expect(own.body.error).toMatchObject({ code: 'invalid_request', field: 'items[0].dataUnitId' });
    const badClass = await as.tm.post(url, {
      items: [{ dataUnitId: g.unitOf.get(c), document: labelDoc({ ...car(0), featureId: 'nope' }) }],
    });
    expect(badClass.status).toBe(400);
    expect(badClass.body.error.field).toMatch(/^items\[0\]\.document\./);
    expect((await as.tm.get(`/api/v1/gold-sets/${set.body.id}`)).body.tasks).toEqual([]);

    const added = await as.tm.post(url, {
      taskIds: [a],
      items: [{ dataUnitId: g.unitOf.get(c), document: GOLD }],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.tasks).toHaveLength(2);
    const fromTask = added.body.tasks.find((t: { sourceTaskId: string | null }) => t.sourceTaskId === a);
    expect(fromTask).toMatchObject({ dataUnitId: g.unitOf.get(a), sourceRevision: 1, objects: 1 });

    // The settings refuse what cannot work, naming the field.
    const put = (body: object) =>
      as.tm.request('PUT', `/api/v1/projects/${p.projectId}/benchmark-settings`, {
        revision: 0,
        scoring: {},
        screening: null,
        monitoring: null,
        ...body,
      });
    const tooMany = await put({
      screening: { goldSetId: set.body.id, taskCount: 3, passThreshold: 0.8, maxAttempts: 2, feedback: true },
    });
    expect(tooMany.body.error.field).toBe('screening.taskCount');
    const reviewStage = await put({
      monitoring: { goldSetId: set.body.id, everyN: 5, stageIds: ['review'] },
    });
    expect(reviewStage.body.error.field).toBe('monitoring.stageIds.0');
    const saved = await put({ scoring: { weights: { class: 2 } } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.revision).toBe(1);
    expect((await put({})).body.error.code).toBe('revision_conflict');
    // In use: the set cannot go.
    await settings(p.projectId, {
      monitoring: { goldSetId: set.body.id, everyN: 5, stageIds: [] },
    });
    expect((await as.tm.request('DELETE', `/api/v1/gold-sets/${set.body.id}`)).body.error.code).toBe(
      'gold_set_in_use',
    );
  });

  it('screens an annotator: a failed attempt, a retry, a pass, then real tasks', async () => {
    const p = await project(4);
    const gold = await goldSet(p, 2);
    await settings(p.projectId, {
      screening: { goldSetId: gold.id, taskCount: 2, passThreshold: 0.8, maxAttempts: 2, feedback: true },
    });
    const goldUnits = gold.tasks.map((t) => t.dataUnitId);

    const served: string[] = [];
    for (const position of [1, 2]) {
      const task = await next(as.t1, p.projectId);
      expect(task.status, JSON.stringify(task.body)).toBe(200);
      expect(task.body.screening).toEqual({ attempt: 1, position, of: 2, feedback: true });
      expect(goldUnits).toContain(task.body.dataUnitId);
      expect(p.taskIds).not.toContain(task.body.id);
      // Far off: no overlap with the gold car.
      const done = await label(as.t1, task.body.id, labelDoc(car(1000)));
      expect(done).toMatchObject({ status: 'completed', stageId: '' });
      served.push(task.body.id);
    }
    expect(new Set(served).size).toBe(2);
    const failed = await next(as.t1, p.projectId);
    expect(failed.status).toBe(409);
    expect(failed.body.error).toMatchObject({
      code: 'screening_failed',
      details: { attempt: 1, meanScore: 0, passThreshold: 0.8, attemptsLeft: 1 },
    });

    // Training mode: the annotator sees their labels against the gold; nobody else does.
    const feedback = await as.t1.get(`/api/v1/tasks/${served[0]}/gold-feedback`);
    expect(feedback.status, JSON.stringify(feedback.body)).toBe(200);
    expect(feedback.body.result.counts).toMatchObject({ gold: 1, submitted: 1, missed: 1, extra: 1 });
    expect(feedback.body.gold.objects[0].geometry).toMatchObject({ x: 0 });
    expect(feedback.body.attempt).toMatchObject({ number: 1, state: 'failed', scored: 2 });
    expect((await as.t2.get(`/api/v1/tasks/${served[0]}/gold-feedback`)).status).toBe(404);

    const retry = await as.t1.post(`/api/v1/projects/${p.projectId}/screening/retry`);
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(retry.body).toMatchObject({ number: 2, state: 'in_progress' });
    for (const position of [1, 2]) {
      const task = await next(as.t1, p.projectId);
      expect(task.body.screening).toEqual({ attempt: 2, position, of: 2, feedback: true });
      await label(as.t1, task.body.id, GOLD);
    }
    const real = await next(as.t1, p.projectId);
    expect(real.status, JSON.stringify(real.body)).toBe(200);
    // Screening moves to another set; the old one stays as the record of the attempts taken on it.
    const other = await goldSet(p, 2, 'Newer gold');
    await settings(p.projectId, {
      screening: { goldSetId: other.id, taskCount: 2, passThreshold: 0.8, maxAttempts: 2, feedback: true },
    });
    const kept = await as.tm.request('DELETE', `/api/v1/gold-sets/${gold.id}`);
    expect(kept.body.error.code).toBe('gold_set_has_attempts');
    expect((await as.t1.post(`/api/v1/projects/${p.projectId}/stages/annotate/next`)).body.id).toBe(
      real.body.id,
    );
    expect(p.taskIds).toContain(real.body.id);
    expect(real.body.screening).toBeUndefined();
    expect((await as.t1.post(`/api/v1/projects/${p.projectId}/screening/retry`)).body.error.code).toBe(
      'no_failed_attempt',
    );

    // Managers see everyone's attempts; an annotator only their own.
    const all = await as.tm.get(`/api/v1/projects/${p.projectId}/screening`);
    expect(all.body.attempts.map((a: { state: string }) => a.state)).toEqual(['failed', 'passed']);
    expect(all.body.attempts[1].meanScore).toBe(1);
    expect((await as.t2.get(`/api/v1/projects/${p.projectId}/screening`)).body.attempts).toEqual([]);
    const peek = await as.t2.get(`/api/v1/projects/${p.projectId}/screening?userId=${as.t1.user!.id}`);
    expect(peek.status).toBe(403);
  });

  it('refuses real work once every attempt has failed', async () => {
    const p = await project(2);
    const gold = await goldSet(p, 1);
    await settings(p.projectId, {
      screening: { goldSetId: gold.id, taskCount: 1, passThreshold: 0.5, maxAttempts: 1, feedback: false },
    });
    const task = await next(as.t2, p.projectId);
    await label(as.t2, task.body.id, labelDoc());
    const refused = await next(as.t2, p.projectId);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('screening_exhausted');
    // Without training mode the annotator gets no feedback; managers are not screened.
    expect((await as.t2.get(`/api/v1/tasks/${task.body.id}/gold-feedback`)).status).toBe(404);
    const manager = await next(as.tm, p.projectId);
    expect(p.taskIds).toContain(manager.body.id);
  });

  it('serves a gold unit to one annotator of a project at a time', async () => {
    const p = await project(2);
    const gold = await goldSet(p, 1);
    await settings(p.projectId, {
      screening: { goldSetId: gold.id, taskCount: 1, passThreshold: 0.5, maxAttempts: 1, feedback: false },
    });
    const first = await next(as.t1, p.projectId);
    expect(first.body.screening).toMatchObject({ attempt: 1, position: 1 });
    const busy = await next(as.t2, p.projectId);
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('screening_unavailable');
    // Given back, the gold task is withdrawn unscored, and the unit is free again.
    const released = await as.t1.post(`/api/v1/tasks/${first.body.id}/release`);
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect((await as.t1.get(`/api/v1/tasks/${first.body.id}`)).status).toBe(404);
    const second = await next(as.t2, p.projectId);
    expect(second.body).toMatchObject({ dataUnitId: gold.tasks[0]!.dataUnitId, screening: { position: 1 } });
    // t2 walks away: once the lease lapses, housekeeping withdraws it and t1 can have the unit.
    expect(await withdrawLapsedGold(env.deps.db, env.clock.now)).toBe(0);
    const later = Date.parse(second.body.leaseExpiresAt) + 1;
    expect(await withdrawLapsedGold(env.deps.db, later)).toBe(1);
    expect((await env.admin.get(`/api/v1/tasks/${second.body.id}`)).status).toBe(404);
    const third = await next(as.t1, p.projectId);
    expect(third.body).toMatchObject({ dataUnitId: gold.tasks[0]!.dataUnitId, screening: { position: 1 } });
  });

  it('withdraws a gold task being worked when the workflow drops its stage, instead of moving it on', async () => {
    const p = await project(2);
    const gold = await goldSet(p, 1);
    await settings(p.projectId, {
      screening: { goldSetId: gold.id, taskCount: 1, passThreshold: 0.5, maxAttempts: 1, feedback: false },
    });
    const served = await next(as.t1, p.projectId);
    expect(served.body.screening).toBeDefined();
    const workflow = builtInWorkflow('annotate_review')!;
    workflow.stages[0]!.id = 'label';
    for (const e of workflow.edges) {
      if (e.from === 'annotate') e.from = 'label';
      if (e.to === 'annotate') e.to = 'label';
    }
    const current = await as.tm.get(`/api/v1/projects/${p.projectId}/workflow`);
    const changed = await env.admin.request('PUT', `/api/v1/projects/${p.projectId}/workflow`, {
      workflow,
      baseVersion: current.body.version,
      stageMapping: { annotate: 'label' },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await env.admin.get(`/api/v1/tasks/${served.body.id}`)).status).toBe(404);
    const stages = await env.deps.db
      .selectFrom('tasks')
      .select('stage_id')
      .where('project_id', '=', p.projectId)
      .execute();
    expect(stages.map((t) => t.stage_id)).toEqual(['label', 'label']);
  });

  it('mixes one gold task in N into an annotate stage: scored, never in the queue, review or export', async () => {
    const p = await project(6);
    const gold = await goldSet(p, 2);
    await settings(p.projectId, { monitoring: { goldSetId: gold.id, everyN: 3, stageIds: [] } });
    const kinds: ('real' | 'gold')[] = [];
    let goldTask = '';
    for (let i = 0; i < 6; i++) {
      const task = await next(as.t2, p.projectId);
      expect(task.status, JSON.stringify(task.body)).toBe(200);
      expect(task.body.screening).toBeUndefined();
      const isGold = !p.taskIds.includes(task.body.id);
      kinds.push(isGold ? 'gold' : 'real');
      if (isGold && !goldTask) {
        goldTask = task.body.id;
        // The manager's queue and counts do not show it while it is being worked.
        const list = await as.tm.get(`/api/v1/projects/${p.projectId}/tasks?limit=100`);
        expect(list.body.items.map((t: { id: string }) => t.id)).not.toContain(goldTask);
        const counts = await as.tm.get(`/api/v1/projects/${p.projectId}/stages/counts`);
        expect(JSON.stringify(counts.body)).not.toContain(goldTask);
        // The annotator sees it as their own task, like any other.
        const mine = await as.t2.get(`/api/v1/projects/${p.projectId}/tasks?assigneeId=me`);
        expect(mine.body.items.map((t: { id: string }) => t.id)).toContain(goldTask);
        // It cannot be handed to someone else.
        const moved = await as.tm.post(`/api/v1/tasks/${goldTask}/assign`, { userId: as.t1.user!.id });
        expect(moved.status).toBe(404);
      }
      await label(as.t2, task.body.id, isGold ? labelDoc(car(100)) : labelDoc(car(7)));
    }
    expect(kinds).toEqual(['real', 'real', 'gold', 'real', 'real', 'gold']);

    // Scored: the car shifted to IoU 0.5 with class weight 1 → (0.5 + 1) / 2.
    const scores = await env.deps.db
      .selectFrom('benchmark_scores')
      .select(['score', 'purpose', 'user_id'])
      .where('project_id', '=', p.projectId)
      .execute();
    expect(scores.map((s) => [Number(s.score), s.purpose, s.user_id])).toEqual([
      [0.75, 'monitoring', as.t2.user!.id],
      [0.75, 'monitoring', as.t2.user!.id],
    ]);
    // Review serves the four real submissions only.
    const reviewed: string[] = [];
    for (;;) {
      const r = await as.rev.post(`/api/v1/projects/${p.projectId}/stages/review/next`);
      if (r.status !== 200 || r.body === null) break;
      reviewed.push(r.body.id);
      expect((await as.rev.post(`/api/v1/tasks/${r.body.id}/approve`)).status).toBe(200);
    }
    expect(reviewed).toHaveLength(4);
    for (const id of reviewed) expect(p.taskIds).toContain(id);
    const exported = await as.tm.get(`/api/v1/projects/${p.projectId}/export`);
    expect(exported.body.taskCount).toBe(6);
    expect(exported.body.tasks.map((t: { id: string }) => t.id)).toEqual([...p.taskIds].sort());
    // Monitoring never shows itself: no feedback for the annotator.
    expect((await as.t2.get(`/api/v1/tasks/${goldTask}/gold-feedback`)).status).toBe(404);
    expect((await as.tm.get(`/api/v1/tasks/${goldTask}/gold-feedback`)).status).toBe(200);

    // The report: managers see the team, the annotator only themselves.
    const report = await as.tm.get(`/api/v1/projects/${p.projectId}/benchmark/report`);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body).toMatchObject({ threshold: 0.8, scores: 2, meanScore: 0.75 });
    expect(report.body.histogram[7]).toBe(2);
    expect(report.body.annotators).toEqual([
      expect.objectContaining({ userId: as.t2.user!.id, scores: 2, meanScore: 0.75, flagged: true }),
    ]);
    expect(report.body.classes).toEqual([
      expect.objectContaining({ key: 'car_box', items: 2, meanScore: 0.75, missed: 0, extra: 0 }),
    ]);
    expect(report.body.shapes[0]).toMatchObject({ key: 'bounding_box', items: 2 });
    const own = await as.t2.get(`/api/v1/projects/${p.projectId}/benchmark/report`);
    expect(own.body.annotators.map((a: { userId: string }) => a.userId)).toEqual([as.t2.user!.id]);
    const t1Own = await as.t1.get(`/api/v1/projects/${p.projectId}/benchmark/report`);
    expect(t1Own.body).toMatchObject({ scores: 0, annotators: [] });
    const other = await as.t1.get(
      `/api/v1/projects/${p.projectId}/benchmark/report?userId=${as.t2.user!.id}`,
    );
    expect(other.status).toBe(403);
    const csv = await as.tm.get(`/api/v1/projects/${p.projectId}/benchmark/report.csv?table=scores`);
    expect(csv.status).toBe(200);
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines[0]).toBe(
      'scoredAt,userId,name,purpose,taskId,goldTaskId,score,matched,missed,extra,wrongClass,wrongAttribute,questions,questionsCorrect',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',monitoring,');
  });
});
