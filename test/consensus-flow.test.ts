import { beforeAll, expect, it } from 'vitest';
import type { StageSettings, Workflow } from '../src/core/workflow/index.ts';
import { closeOverdueConsensus } from '../src/server/modules/consensus/deadline.ts';
import { heldTask } from '../src/server/modules/queue/work.ts';
import type { Agent } from './helpers/agent.ts';
import { contextOf, describeEachDialect } from './helpers/env.ts';
import { labelDoc, labelObject } from './helpers/label-fixtures.ts';
import { pinOntology } from './helpers/project-fixtures.ts';
import { consensusWorkflow, queueProject, setPriorities } from './helpers/queue-fixtures.ts';

// The consensus flow over HTTP on both databases: branches kept apart until the stage closes
// (all in, or the deadline with the minimum), the round measured and the consensus labels kept
// on main, auto-accept past consensus review, and the reviewer's resolution scored per annotator.

const ONTOLOGY = {
  formatVersion: 1,
  objects: [{ featureId: 'car_box', name: 'Car', shape: 'bounding_box', color: '#1f77b4', attributes: [] }],
  classifications: [
    {
      featureId: 'weather',
      name: 'Weather',
      kind: 'radio',
      required: false,
      options: [
        { featureId: 'sunny', label: 'Sunny' },
        { featureId: 'rainy', label: 'Rainy' },
      ],
    },
  ],
};

const car = (id: string, x: number) =>
  labelObject(id, 'car_box', { type: 'bounding_box', x, y: 10, w: 100, h: 50 });
const labels = (x: number, weather: string, id = `car_${x}`) => ({
  ...labelDoc(car(id, x)),
  classifications: [{ featureId: 'weather', optionIds: [weather] }],
});

function withSettings(settings: StageSettings, annotatorCount = 3): Workflow {
  const w = consensusWorkflow(annotatorCount);
  const stage = w.stages.find((s) => s.id === 'label')!;
  stage.settings = { ...stage.settings, ...settings };
  return w;
}

describeEachDialect('consensus: rounds, auto-accept, deadlines and resolution', (env) => {
  const as = {} as Record<'a1' | 'a2' | 'a3' | 'rev' | 'tm', Agent>;
  beforeAll(async () => {
    for (const k of ['a1', 'a2', 'a3', 'rev', 'tm'] as const) as[k] = await env.user('tasker', { name: k });
  });

  async function project(workflow: Workflow, units = 1) {
    const p = await queueProject(env, {
      workflow,
      units,
      members: [
        [as.a1, 'annotator'],
        [as.a2, 'annotator'],
        [as.a3, 'annotator'],
        [as.rev, 'reviewer'],
        [as.tm, 'team_manager'],
      ],
    });
    await pinOntology(env, p.projectId, ONTOLOGY);
    return p;
  }

  /** `agent` takes the stage's next task, saves `document` on their branch and submits it. */
  async function label(agent: Agent, projectId: string, document: object) {
    const claimed = await agent.post(`/api/v1/projects/${projectId}/stages/label/next`);
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    const taskId = claimed.body.id as string;
    const saved = await agent.request('PUT', `/api/v1/tasks/${taskId}/labels`, { baseRevision: 0, document });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.branch).toBe(`annotator:${agent.user!.id}`);
    const submitted = await agent.post(`/api/v1/tasks/${taskId}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    return { taskId, task: submitted.body };
  }

  const kinds = async (taskId: string) =>
    ((await env.admin.get(`/api/v1/tasks/${taskId}/events`)).body.items as { kind: string }[]).map(
      (e) => e.kind,
    );

  it('waits for every branch, then measures them, keeps the consensus on main and sends the task to review', async () => {
    const p = await project(consensusWorkflow(3));
    const { taskId } = await label(as.a1, p.projectId, labels(10, 'sunny'));
    await label(as.a2, p.projectId, labels(12, 'sunny'));
    // Two of three in: nothing measured yet, nobody else's branch readable.
    expect((await env.admin.get(`/api/v1/tasks/${taskId}/consensus`)).body.error.code).toBe('no_consensus');
    const peek = await as.a2.get(`/api/v1/tasks/${taskId}/labels?branch=annotator:${as.a1.user!.id}`);
    expect(peek.status).toBe(403);

    const last = await label(as.a3, p.projectId, labels(300, 'rainy'));
    expect(last.task).toMatchObject({ stageId: 'settle', status: 'new' });

    const round = await env.admin.get(`/api/v1/tasks/${taskId}/consensus`);
    expect(round.status, JSON.stringify(round.body)).toBe(200);
    const r = round.body;
    expect(r).toMatchObject({ state: 'review', closedBy: 'all_in', stageId: 'label' });
    expect(r.branches).toHaveLength(3);
    // a1 and a2 drew the same car (IoU 98/102); a3's is elsewhere: two clusters, one each side.
    const clusters = r.agreement.objects as { members: { annotatorId: string }[]; missing: string[] }[];
    expect(clusters.map((c) => c.members.length).sort()).toEqual([1, 2]);
    const lone = clusters.find((c) => c.members.length === 1)!;
    expect(lone.members[0]!.annotatorId).toBe(as.a3.user!.id);
    expect(lone.missing.sort()).toEqual([as.a1.user!.id, as.a2.user!.id].sort());
    const weather = r.agreement.questions[0];
    expect(weather).toMatchObject({ featureId: 'weather', agreement: 1 / 3 });
    expect(weather.majority).toContain('"sunny"');
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThan(1);
    // The consensus keeps what most drew and answered: the one car (2 of 3) and sunny.
    expect(r.consensus.objects).toHaveLength(1);
    expect(r.consensus.classifications).toEqual([{ featureId: 'weather', optionIds: ['sunny'] }]);
    expect(r.mainRevision).toBe(r.consensusRevision);
    const main = await env.admin.get(`/api/v1/tasks/${taskId}/labels?branch=main`);
    expect(main.body.revision).toBe(r.consensusRevision);
    const a3 = r.branches.find((b: { annotatorId: string }) => b.annotatorId === as.a3.user!.id);
    const a1 = r.branches.find((b: { annotatorId: string }) => b.annotatorId === as.a1.user!.id);
    expect(a3.agreement).toBeLessThan(a1.agreement);
    expect(await kinds(taskId)).toEqual(
      expect.arrayContaining(['submitted', 'consensus_closed', 'submitted', 'submitted']),
    );

    // Annotators never see the comparison; the reviewer of the stage does.
    expect((await as.a1.get(`/api/v1/tasks/${taskId}/consensus`)).status).toBe(403);
    const claimed = await as.rev.post(`/api/v1/projects/${p.projectId}/stages/settle/next`);
    expect(claimed.body.id).toBe(taskId);
    expect((await as.rev.get(`/api/v1/tasks/${taskId}/consensus`)).status).toBe(200);
    const other = await as.rev.get(`/api/v1/tasks/${taskId}/labels?branch=annotator:${as.a3.user!.id}`);
    expect(other.status).toBe(200);
  });

  it('settles the task with the reviewer’s labels and scores each annotator against them', async () => {
    const p = await project(consensusWorkflow(3));
    const { taskId } = await label(as.a1, p.projectId, labels(10, 'sunny', 'car_a1'));
    await label(as.a2, p.projectId, labels(12, 'sunny', 'car_a2'));
    await label(as.a3, p.projectId, labels(300, 'rainy', 'car_a3'));
    await as.rev.post(`/api/v1/projects/${p.projectId}/stages/settle/next`);
    const r = (await as.rev.get(`/api/v1/tasks/${taskId}/consensus`)).body;

    // The reviewer keeps a1's car and a3's answer.
    const resolved = labels(10, 'rainy', 'car_a1');
    const body = {
      roundId: r.roundId,
      baseRevision: r.mainRevision,
      document: resolved,
      base: as.a1.user!.id,
      taken: [{ kind: 'question', featureId: 'weather', from: as.a3.user!.id }],
      note: 'rainy after all',
    };
    const badBase = await as.rev.post(`/api/v1/tasks/${taskId}/consensus/resolve`, {
      ...body,
      base: as.rev.user!.id,
    });
    expect(badBase.status).toBe(400);
    expect(badBase.body.error.field).toBe('base');
    const badFrom = await as.rev.post(`/api/v1/tasks/${taskId}/consensus/resolve`, {
      ...body,
      taken: [{ kind: 'object', clusterKey: 'x', from: 'nobody' }],
    });
    expect(badFrom.body.error.field).toBe('taken.0.from');
    const lone = (r.agreement.objects as { key: string; members: { annotatorId: string }[] }[]).find(
      (c) => c.members.length === 1,
    )!;
    const notTheirs = await as.rev.post(`/api/v1/tasks/${taskId}/consensus/resolve`, {
      ...body,
      taken: [{ kind: 'object', clusterKey: lone.key, from: as.a1.user!.id }],
    });
    expect(notTheirs.body.error).toMatchObject({
      field: 'taken.0.from',
      message: expect.stringContaining('drew'),
    });
    for (const [taken, field] of [
      [
        { kind: 'attribute', clusterKey: 'nope', featureId: 'colour', from: as.a1.user!.id },
        'taken.0.clusterKey',
      ],
      [{ kind: 'question', featureId: 'nope', from: as.a1.user!.id }, 'taken.0.featureId'],
    ] as const) {
      const res = await as.rev.post(`/api/v1/tasks/${taskId}/consensus/resolve`, { ...body, taken: [taken] });
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    const stale = await as.rev.post(`/api/v1/tasks/${taskId}/consensus/resolve`, {
      ...body,
      baseRevision: r.mainRevision - 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('revision_conflict');
    const wrongRound = await as.rev.post(`/api/v1/tasks/${taskId}/consensus/resolve`, {
      ...body,
      roundId: 'x',
    });
    expect(wrongRound.body.error.code).toBe('round_changed');
    // None of the refusals wrote anything.
    expect((await env.admin.get(`/api/v1/tasks/${taskId}/labels?branch=main`)).body.revision).toBe(
      r.mainRevision,
    );
    expect((await as.a1.post(`/api/v1/tasks/${taskId}/consensus/resolve`, body)).status).toBe(403);

    const done = await as.rev.post(`/api/v1/tasks/${taskId}/consensus/resolve`, body);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ stageId: 'done', status: 'completed' });

    const after = (await env.admin.get(`/api/v1/tasks/${taskId}/consensus`)).body;
    expect(after.state).toBe('resolved');
    expect(after.resolution).toMatchObject({
      base: as.a1.user!.id,
      note: 'rainy after all',
      revision: r.mainRevision + 1,
      resolvedBy: { id: as.rev.user!.id },
    });
    const byAnnotator = Object.fromEntries(
      (
        after.resolution.annotators as {
          annotatorId: string;
          agreement: number;
          won: number;
          overruled: number;
        }[]
      ).map((a) => [a.annotatorId, a]),
    );
    // a1: same car, other answer; a3: the answer, not the car; a2: a shifted car (IoU 98/102), other answer.
    expect(byAnnotator[as.a1.user!.id]).toMatchObject({ agreement: 0.5, won: 1, overruled: 1 });
    expect(byAnnotator[as.a3.user!.id]).toMatchObject({ won: 1 });
    expect(byAnnotator[as.a2.user!.id]!.agreement).toBeCloseTo(98 / 102 / 2, 6);
    const scores = await env.deps.db
      .selectFrom('consensus_scores')
      .select(['user_id', 'resolved_agreement', 'won', 'overruled'])
      .where('round_id', '=', r.roundId)
      .execute();
    expect(scores.find((s) => s.user_id === as.a1.user!.id)).toMatchObject({
      resolved_agreement: 0.5,
      won: 1,
      overruled: 1,
    });
    const main = await env.admin.get(`/api/v1/tasks/${taskId}/labels?branch=main`);
    // The car came unchanged from a1's branch: it keeps a1 as its author.
    expect(main.body.document.objects[0].createdBy).toBe(as.a1.user!.id);
    expect(await kinds(taskId)).toEqual(
      expect.arrayContaining(['consensus_resolved', 'approved', 'completed']),
    );

    // The project's report over HTTP: the resolved round, each annotator against the resolution.
    const report = await as.tm.get(`/api/v1/projects/${p.projectId}/agreement`);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body).toMatchObject({ stageId: 'label', tasks: 1, resolved: 1, inReview: 0 });
    const a1Row = report.body.annotators.find((a: { userId: string }) => a.userId === as.a1.user!.id);
    expect(a1Row).toMatchObject({ tasks: 1, resolvedAgreement: 0.5, won: 1, overruled: 1 });
    expect(report.body.disputed).toEqual([expect.objectContaining({ taskId, state: 'resolved' })]);
    const csv = await as.tm.get(`/api/v1/projects/${p.projectId}/agreement.csv?table=annotators`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(String(csv.headers['content-disposition'])).toContain('agreement-annotators.csv');
    expect(String(csv.body).split('\r\n')[0]).toContain('resolvedAgreement');
    expect((await as.a1.get(`/api/v1/projects/${p.projectId}/agreement`)).status).toBe(403);
    const wrongStage = await as.tm.get(`/api/v1/projects/${p.projectId}/agreement?stageId=settle`);
    expect(wrongStage.status).toBe(400);
    expect(wrongStage.body.error.field).toBe('stageId');
  });

  it('settles the round when the reviewer approves the consensus labels as they stand', async () => {
    const p = await project(consensusWorkflow(3));
    const { taskId } = await label(as.a1, p.projectId, labels(10, 'sunny'));
    await label(as.a2, p.projectId, labels(10, 'sunny'));
    await label(as.a3, p.projectId, labels(300, 'rainy'));
    await as.rev.post(`/api/v1/projects/${p.projectId}/stages/settle/next`);
    const before = (await as.rev.get(`/api/v1/tasks/${taskId}/consensus`)).body;
    const approved = await as.rev.post(`/api/v1/tasks/${taskId}/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const after = (await env.admin.get(`/api/v1/tasks/${taskId}/consensus`)).body;
    expect(after).toMatchObject({
      state: 'resolved',
      resolution: { taken: [], note: null, revision: before.consensusRevision },
    });
    // a1 and a2 agree with each other most: one of them is the base; a3 is overruled throughout.
    expect([as.a1.user!.id, as.a2.user!.id]).toContain(after.resolution.base);
    const a3 = after.resolution.annotators.find(
      (a: { annotatorId: string }) => a.annotatorId === as.a3.user!.id,
    );
    // Overruled on three units: their car, the kept car they lack, and the weather.
    expect(a3).toMatchObject({ agreement: 0, won: 0, overruled: 3 });
    expect(await kinds(taskId)).toEqual(expect.arrayContaining(['consensus_resolved', 'approved']));
  });

  it('auto-accepts a task whose agreement reaches the threshold: consensus labels kept, review passed', async () => {
    const p = await project(withSettings({ autoAcceptThreshold: 0.8 }), 2);
    const first = await label(as.a1, p.projectId, labels(10, 'sunny'));
    await label(as.a2, p.projectId, labels(10, 'sunny'));
    const last = await label(as.a3, p.projectId, labels(11, 'sunny'));
    expect(last.taskId).toBe(first.taskId);
    expect(last.task).toMatchObject({ stageId: 'done', status: 'completed' });
    const r = (await env.admin.get(`/api/v1/tasks/${first.taskId}/consensus`)).body;
    expect(r.state).toBe('accepted');
    expect(r.score).toBeGreaterThanOrEqual(0.8);
    expect(await kinds(first.taskId)).toEqual(
      expect.arrayContaining(['consensus_closed', 'consensus_accepted', 'completed']),
    );
    const main = await env.admin.get(`/api/v1/tasks/${first.taskId}/labels?branch=main`);
    expect(main.body.document.objects).toHaveLength(1);

    // The second task's annotators disagree: below the threshold, it waits for review.
    await label(as.a1, p.projectId, labels(10, 'sunny'));
    await label(as.a2, p.projectId, labels(200, 'rainy'));
    const low = await label(as.a3, p.projectId, labels(400, 'sunny'));
    expect(low.task).toMatchObject({ stageId: 'settle' });
  });

  it('moves on at the deadline with the minimum in, by the sweep or by a late submission', async () => {
    const p = await project(withSettings({ deadlineHours: 2, minimumToProceed: 2 }), 2);
    const t1 = await label(as.a1, p.projectId, labels(10, 'sunny'));
    expect(await closeOverdueConsensus(env.deps, env.clock.now + 3 * 3_600_000)).toBe(0); // one in: below the minimum
    await label(as.a2, p.projectId, labels(10, 'sunny'));
    expect(await closeOverdueConsensus(env.deps, env.clock.now)).toBe(0); // two in, deadline not reached
    expect(await closeOverdueConsensus(env.deps, env.clock.now + 3 * 3_600_000)).toBe(1);
    const task = (await env.admin.get(`/api/v1/tasks/${t1.taskId}`)).body;
    expect(task.stageId).toBe('settle');
    const r = (await env.admin.get(`/api/v1/tasks/${t1.taskId}/consensus`)).body;
    expect(r).toMatchObject({ closedBy: 'deadline', state: 'review' });
    expect(r.branches).toHaveLength(2);

    // Past the deadline, the submission that reaches the minimum closes the round itself.
    const t2 = await label(as.a1, p.projectId, labels(10, 'sunny'));
    env.clock.advance(3 * 3_600_000);
    const late = await label(as.a3, p.projectId, labels(10, 'sunny'));
    expect(late.taskId).toBe(t2.taskId);
    expect(late.task.stageId).toBe('settle');
  });

  it('refuses a resolution outside a consensus review stage, and settings out of range', async () => {
    const p = await project(consensusWorkflow(3));
    const { taskId } = await label(as.a1, p.projectId, labels(10, 'sunny'));
    const res = await as.tm.post(`/api/v1/tasks/${taskId}/consensus/resolve`, {
      roundId: 'x',
      baseRevision: 0,
      document: labelDoc(),
      base: as.a1.user!.id,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toMatch(/task_not_held|wrong_action_for_stage/);

    const current = await env.admin.get(`/api/v1/projects/${p.projectId}/workflow`);
    const put = await env.admin.request('PUT', `/api/v1/projects/${p.projectId}/workflow`, {
      workflow: withSettings({ autoAcceptThreshold: 1.5, deadlineHours: 0 }),
      baseVersion: current.body.version,
    });
    expect(put.status).toBe(400);
    expect(JSON.stringify(put.body)).toContain('autoAcceptThreshold');
    expect(JSON.stringify(put.body)).toContain('deadlineHours');
  });
  // PostgreSQL only: SQLite runs one transaction at a time, so no claim can overlap an action.
  it.runIf(env.dialect === 'postgres')(
    'a holder in the middle of an action on a task does not turn the next annotator away from its free slot',
    async () => {
      const p = await project(consensusWorkflow(3), 2);
      const [top, low] = p.taskIds as [string, string];
      await setPriorities(env, { [top]: 90, [low]: 10 });
      const first = await as.a1.post(`/api/v1/projects/${p.projectId}/stages/label/next`);
      expect(first.body.id).toBe(top);
      // a1's save, heartbeat or submission: the locks it takes, held open while a2 asks for work.
      const ctx = await contextOf(env, as.a1);
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => {
        finish = resolve;
      });
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const busy = env.deps.db.transaction().execute(async (trx) => {
        await heldTask(trx, env.deps, ctx, top, env.clock.now);
        locked();
        await finished;
      });
      await isLocked;
      try {
        const second = await as.a2.post(`/api/v1/projects/${p.projectId}/stages/label/next`);
        expect(second.status, JSON.stringify(second.body)).toBe(200);
        expect(second.body.id).toBe(top);
      } finally {
        finish();
        await busy;
      }
    },
  );
});
