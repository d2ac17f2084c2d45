import { beforeAll, expect, it } from 'vitest';
import { builtInWorkflow, type StageSettings, type Workflow } from '../src/core/workflow/index.ts';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect, type TestEnv } from './helpers/env.ts';
import { labelDoc, labelObject } from './helpers/label-fixtures.ts';
import { pinOntology } from './helpers/project-fixtures.ts';
import { queueProject } from './helpers/queue-fixtures.ts';

// Reviewing labels over HTTP on both databases: decisions label by label, the task-level approve
// and reject that settle the rest (a rejection's reasons becoming issues for the annotator), the
// resubmission and what the next reviewer sees changed, and the refusals — no reason, unknown
// labels, stale revisions, one's own work, a paused project, a reviewer who lost the race.

const ONTOLOGY = {
  formatVersion: 1,
  objects: [
    { featureId: 'car_box', name: 'Car', shape: 'bounding_box', color: '#1f77b4', attributes: [] },
    { featureId: 'road_poly', name: 'Road', shape: 'polygon', color: '#2ca02c', attributes: [] },
  ],
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

const car = (id: string, x = 10) =>
  labelObject(id, 'car_box', { type: 'bounding_box', x, y: 10, w: 50, h: 40 });
const road = (id: string) =>
  labelObject(id, 'road_poly', {
    type: 'polygon',
    points: [
      [0, 0],
      [100, 0],
      [100, 80],
    ],
  });
const withWeather = (doc: ReturnType<typeof labelDoc>, option = 'sunny') => ({
  ...doc,
  classifications: [{ featureId: 'weather', optionIds: [option] }],
});
/** Two cars, a road and the weather: four labels. */
const fourLabels = () => withWeather(labelDoc(car('obj_car1'), car('obj_car2', 200), road('obj_road')));
const WEATHER = 'classification:weather';

type Item = { labelId: string; status: string; changedSinceDecision: boolean; removed: boolean };
const byLabel = (items: Item[]) => Object.fromEntries(items.map((i) => [i.labelId, i]));

/** A workflow Annotate → Review → Complete (rejected → Annotate) with the review stage's settings. */
function reviewWorkflow(settings: StageSettings): Workflow {
  const w = builtInWorkflow('annotate_review')!;
  w.stages.find((s) => s.id === 'review')!.settings = settings;
  return w;
}

async function countRows(env: TestEnv, table: 'label_reviews' | 'issues', taskId: string) {
  const rows = await env.deps.db.selectFrom(table).select('task_id').where('task_id', '=', taskId).execute();
  return rows.length;
}

async function events(env: TestEnv, taskId: string) {
  const res = await env.admin.get(`/api/v1/tasks/${taskId}/events`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as {
    kind: string;
    stageId: string;
    actorId: string | null;
    subjectId: string | null;
    data: Record<string, unknown>;
  }[];
}

describeEachDialect('reviews: label by label, and the rejection loop', (env) => {
  const as = {} as Record<'ann1' | 'ann2' | 'rev' | 'rev2' | 'both' | 'tm', Agent>;
  beforeAll(async () => {
    for (const k of ['ann1', 'ann2', 'rev', 'rev2', 'both', 'tm'] as const)
      as[k] = await env.user('tasker', { name: k });
  });

  const team = (): [Agent, 'annotator' | 'reviewer' | 'annotator_reviewer' | 'team_manager'][] => [
    [as.ann1, 'annotator'],
    [as.ann2, 'annotator'],
    [as.rev, 'reviewer'],
    [as.rev2, 'reviewer'],
    [as.both, 'annotator_reviewer'],
    [as.tm, 'team_manager'],
  ];

  async function reviewProject(opts: { workflow?: Workflow; units?: number } = {}) {
    const p = await queueProject(env, {
      members: team(),
      units: opts.units ?? 1,
      ...(opts.workflow ? { workflow: opts.workflow } : {}),
    });
    await pinOntology(env, p.projectId, ONTOLOGY);
    return p;
  }

  const next = async (agent: Agent, projectId: string, stage: string) => {
    const res = await agent.post(`/api/v1/projects/${projectId}/stages/${stage}/next`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as string;
  };
  const save = async (agent: Agent, taskId: string, baseRevision: number, document: object) => {
    const res = await agent.request('PUT', `/api/v1/tasks/${taskId}/labels`, { baseRevision, document });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.revision as number;
  };
  const submit = async (agent: Agent, taskId: string) => {
    const res = await agent.post(`/api/v1/tasks/${taskId}/submit`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  /** The annotator labels the project's next task with `document` and submits it for review. */
  const annotated = async (projectId: string, annotator = as.ann1, document: object = fourLabels()) => {
    const taskId = await next(annotator, projectId, 'annotate');
    await save(annotator, taskId, 0, document);
    await submit(annotator, taskId);
    return taskId;
  };
  const decide = (agent: Agent, taskId: string, labelRevision: number, decisions: object[]) =>
    agent.post(`/api/v1/tasks/${taskId}/reviews`, { labelRevision, decisions });
  const sheet = async (agent: Agent, taskId: string) => {
    const res = await agent.get(`/api/v1/tasks/${taskId}/reviews`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { labelRevision: number; items: Item[] };
  };

  it('approves and rejects labels one by one, with a reason and tags, and shows where each stands', async () => {
    const p = await reviewProject();
    const taskId = await annotated(p.projectId);
    const before = await sheet(as.ann1, taskId);
    expect(before.labelRevision).toBe(1);
    expect(before.items).toEqual([
      ...['obj_car1', 'obj_car2'].map((labelId) => ({
        labelId,
        kind: 'object',
        featureId: 'car_box',
        status: 'new',
        reviewer: null,
        reason: null,
        tags: [],
        decidedAt: null,
        stageId: null,
        changedSinceDecision: false,
        removed: false,
      })),
      expect.objectContaining({ labelId: 'obj_road', featureId: 'road_poly', status: 'new' }),
      expect.objectContaining({ labelId: WEATHER, kind: 'classification', featureId: 'weather' }),
    ]);

    expect(await next(as.rev, p.projectId, 'review')).toBe(taskId);
    const decided = await decide(as.rev, taskId, 1, [
      { labelId: 'obj_car1', decision: 'approve' },
      { labelId: 'obj_road', decision: 'reject', reason: ' edges are off ', tags: ['geometry', 'geometry'] },
      { labelId: WEATHER, decision: 'reject', tags: ['wrong answer'] },
    ]);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const items = byLabel(decided.body.items);
    const at = new Date(env.clock.now).toISOString();
    expect(items.obj_car1).toMatchObject({
      status: 'approved',
      reviewer: { id: as.rev.user!.id, name: 'rev' },
      decidedAt: at,
      stageId: 'review',
      changedSinceDecision: false,
    });
    expect(items.obj_road).toMatchObject({ status: 'rejected', reason: 'edges are off', tags: ['geometry'] });
    expect(items[WEATHER]).toMatchObject({ status: 'rejected', reason: null, tags: ['wrong answer'] });
    expect(items.obj_car2).toMatchObject({ status: 'new', reviewer: null });

    // A second thought replaces the first.
    const again = await decide(as.rev, taskId, 1, [{ labelId: 'obj_road', decision: 'approve' }]);
    expect(byLabel(again.body.items).obj_road).toMatchObject({ status: 'approved', reason: null, tags: [] });

    const decisions = (await events(env, taskId)).filter((e) => e.kind.startsWith('label_'));
    expect(decisions.map((e) => [e.kind, e.data.labelId])).toEqual([
      ['label_approved', 'obj_car1'],
      ['label_rejected', 'obj_road'],
      ['label_rejected', WEATHER],
      ['label_approved', 'obj_road'],
    ]);
    // The subject is the label's maker (classification answers have none).
    expect(decisions[0]).toMatchObject({
      stageId: 'review',
      actorId: as.rev.user!.id,
      subjectId: as.ann1.user!.id,
      data: { labelId: 'obj_car1', featureId: 'car_box' },
    });
    expect(decisions[1]!.data).toEqual({
      labelId: 'obj_road',
      featureId: 'road_poly',
      reason: 'edges are off',
      tags: ['geometry'],
    });
    expect(decisions[2]).toMatchObject({ subjectId: null, data: { featureId: 'weather' } });
  });

  it('refuses a rejection without a reason, an unknown label and a label decided twice, naming the decision, and keeps nothing', async () => {
    const p = await reviewProject();
    const taskId = await annotated(p.projectId);
    await next(as.rev, p.projectId, 'review');
    const ok = { labelId: 'obj_car1', decision: 'approve' };
    for (const [decisions, field] of [
      [[ok, { labelId: 'obj_car2', decision: 'reject' }], 'decisions[1].reason'],
      [[ok, { labelId: 'obj_car2', decision: 'reject', reason: '   ', tags: [] }], 'decisions[1].reason'],
      [[{ labelId: 'obj_nope', decision: 'approve' }], 'decisions[0].labelId'],
      [[ok, ok], 'decisions[1].labelId'],
    ] as const) {
      const res = await decide(as.rev, taskId, 1, [...decisions]);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    const empty = await decide(as.rev, taskId, 1, []);
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('decisions');
    const tooLong = await decide(as.rev, taskId, 1, [
      { labelId: 'obj_car1', decision: 'reject', reason: 'x'.repeat(2001) },
    ]);
    expect(tooLong.status).toBe(400);
    const odd = await decide(as.rev, taskId, 1, [{ labelId: 'obj_car1', decision: 'maybe' }]);
    expect(odd.status).toBe(400);
    expect(await countRows(env, 'label_reviews', taskId)).toBe(0);
    expect((await events(env, taskId)).some((e) => e.kind.startsWith('label_'))).toBe(false);
  });

  it('refuses decisions made on a revision that is not the head (409 revision_conflict) and keeps nothing', async () => {
    const p = await reviewProject();
    const taskId = await annotated(p.projectId);
    await next(as.rev, p.projectId, 'review');
    for (const stale of [0, 2]) {
      const res = await decide(as.rev, taskId, stale, [{ labelId: 'obj_car1', decision: 'approve' }]);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'revision_conflict',
        field: 'labelRevision',
        details: { currentRevision: 1 },
      });
    }
    expect(await countRows(env, 'label_reviews', taskId)).toBe(0);
  });

  it('approving the task approves every label still pending, with an event each; a label rejected in the round must be settled first', async () => {
    const p = await reviewProject();
    const taskId = await annotated(p.projectId);
    await next(as.rev, p.projectId, 'review');
    await decide(as.rev, taskId, 1, [{ labelId: 'obj_car1', decision: 'reject', reason: 'not a car' }]);
    const refused = await as.rev.post(`/api/v1/tasks/${taskId}/approve`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('labels_rejected');
    expect((await env.admin.get(`/api/v1/tasks/${taskId}`)).body.stageId).toBe('review');

    await decide(as.rev, taskId, 1, [{ labelId: 'obj_car1', decision: 'approve' }]);
    env.clock.advance(1000);
    const approved = await as.rev.post(`/api/v1/tasks/${taskId}/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ stageId: 'complete', status: 'completed' });
    const after = await sheet(env.admin, taskId);
    expect(after.items.map((i) => i.status)).toEqual(['approved', 'approved', 'approved', 'approved']);
    const labelEvents = (await events(env, taskId)).filter((e) => e.kind.startsWith('label_'));
    expect(labelEvents.map((e) => `${e.kind} ${e.data.labelId}`)).toEqual([
      'label_rejected obj_car1',
      'label_approved obj_car1',
      'label_approved obj_car2',
      'label_approved obj_road',
      `label_approved ${WEATHER}`,
    ]);
    // The label approved one by one kept its own decision.
    const car1 = after.items.find((i) => i.labelId === 'obj_car1') as Item & { decidedAt: string };
    expect(car1.decidedAt).toBe(new Date(env.clock.now - 1000).toISOString());
  });

  it('rejecting the task turns label rejections into issues pinned to them and the note into a task-level issue, for the submitter', async () => {
    const p = await reviewProject();
    const taskId = await annotated(p.projectId);
    await next(as.rev, p.projectId, 'review');
    await decide(as.rev, taskId, 1, [
      { labelId: 'obj_car1', decision: 'reject', reason: 'that is a van', tags: ['wrong class'] },
      { labelId: 'obj_car2', decision: 'approve' },
    ]);
    const bare = await as.rev.post(`/api/v1/tasks/${taskId}/reject`);
    expect(bare.status, JSON.stringify(bare.body)).toBe(200); // car1's rejection is the reason

    const issues = await env.deps.db
      .selectFrom('issues')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      project_id: p.projectId,
      label_id: 'obj_car1',
      body: 'that is a van',
      author_id: as.rev.user!.id,
      assignee_id: as.ann1.user!.id,
      stage_id: 'review',
      status: 'open',
    });
    expect(JSON.parse(issues[0]!.tags)).toEqual(['wrong class']);
    // Labels left pending were rejected with the task (no note: no reason of their own).
    const items = byLabel((await sheet(env.admin, taskId)).items);
    expect(items.obj_road).toMatchObject({ status: 'rejected', reason: null });
    expect(items.obj_car2!.status).toBe('approved');
    // Back Reopened to the one who submitted it.
    const task = (await env.admin.get(`/api/v1/tasks/${taskId}`)).body;
    expect(task).toMatchObject({ stageId: 'annotate', status: 'reopened', assigneeId: as.ann1.user!.id });
  });

  it('needs a reason to reject a task: 400 reason_required on note, nothing written; a note or tags alone will do', async () => {
    const p = await reviewProject({ units: 2 });
    const taskId = await annotated(p.projectId);
    await next(as.rev, p.projectId, 'review');
    await decide(as.rev, taskId, 1, [{ labelId: 'obj_car1', decision: 'approve' }]);
    for (const body of [undefined, { note: '   ' }, { tags: [] }]) {
      const res = await as.rev.request('POST', `/api/v1/tasks/${taskId}/reject`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'reason_required', field: 'note' });
    }
    expect(await countRows(env, 'issues', taskId)).toBe(0);
    expect(await countRows(env, 'label_reviews', taskId)).toBe(1);
    expect((await env.admin.get(`/api/v1/tasks/${taskId}`)).body).toMatchObject({
      stageId: 'review',
      assigneeId: as.rev.user!.id,
    });

    const noted = await as.rev.post(`/api/v1/tasks/${taskId}/reject`, {
      note: 'missed the cyclist',
      tags: ['missing object'],
    });
    expect(noted.status, JSON.stringify(noted.body)).toBe(200);
    const issue = await env.deps.db
      .selectFrom('issues')
      .selectAll()
      .where('task_id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(issue).toMatchObject({
      label_id: null,
      body: 'missed the cyclist',
      assignee_id: as.ann1.user!.id,
    });
    expect(JSON.parse(issue.tags)).toEqual(['missing object']);
    const items = byLabel((await sheet(env.admin, taskId)).items);
    expect(items.obj_car2).toMatchObject({
      status: 'rejected',
      reason: 'missed the cyclist',
      tags: ['missing object'],
    });
    const kinds = (await events(env, taskId)).map((e) => e.kind);
    expect(kinds.slice(kinds.indexOf('label_rejected'))).toEqual([
      'label_rejected',
      'label_rejected',
      'label_rejected',
      'issue_opened',
      'rejected',
      'assigned',
    ]);

    // Tags without a note: the task-level issue says them.
    const other = await annotated(p.projectId, as.ann2);
    await next(as.rev, p.projectId, 'review');
    expect((await as.rev.post(`/api/v1/tasks/${other}/reject`, { tags: ['blurry'] })).status).toBe(200);
    const tagged = await env.deps.db
      .selectFrom('issues')
      .select(['body', 'assignee_id'])
      .where('task_id', '=', other)
      .executeTakeFirstOrThrow();
    expect(tagged).toEqual({ body: 'blurry', assignee_id: as.ann2.user!.id });
  });

  it('resubmitting resolves the rejected reviews, and the next round shows what changed since the decisions', async () => {
    const p = await reviewProject();
    const taskId = await annotated(p.projectId);
    await next(as.rev, p.projectId, 'review');
    await decide(as.rev, taskId, 1, [
      { labelId: 'obj_car1', decision: 'reject', reason: 'box too loose' },
      { labelId: 'obj_car2', decision: 'approve' },
    ]);
    await as.rev.post(`/api/v1/tasks/${taskId}/reject`);
    env.clock.advance(60_000);

    // The annotator tightens car1, removes the road, adds a car; car2 and the weather stay.
    expect(await next(as.ann1, p.projectId, 'annotate')).toBe(taskId);
    const fixed = withWeather(labelDoc(car('obj_car1', 12), car('obj_car2', 200), car('obj_car3', 300)));
    expect(await save(as.ann1, taskId, 1, fixed)).toBe(2);
    await submit(as.ann1, taskId);
    const resolved = (await events(env, taskId)).filter((e) => e.kind === 'label_resolved');
    expect(resolved.map((e) => e.data.labelId)).toEqual([WEATHER, 'obj_car1', 'obj_road']);
    expect(resolved[0]).toMatchObject({ actorId: as.ann1.user!.id, stageId: 'annotate' });

    env.clock.advance(60_000);
    expect(await next(as.rev2, p.projectId, 'review')).toBe(taskId);
    const seen = await sheet(as.rev2, taskId);
    expect(seen.labelRevision).toBe(2);
    const pick = (i: Item) => ({
      labelId: i.labelId,
      status: i.status,
      changedSinceDecision: i.changedSinceDecision,
      removed: i.removed,
    });
    expect(seen.items.map(pick)).toEqual([
      { labelId: 'obj_car1', status: 'resolved', changedSinceDecision: true, removed: false },
      { labelId: 'obj_car2', status: 'approved', changedSinceDecision: false, removed: false },
      { labelId: 'obj_car3', status: 'new', changedSinceDecision: true, removed: false },
      { labelId: WEATHER, status: 'resolved', changedSinceDecision: false, removed: false },
      { labelId: 'obj_road', status: 'resolved', changedSinceDecision: true, removed: true },
    ]);
    expect(seen.items.find((i) => i.labelId === 'obj_road')).toMatchObject({
      kind: 'object',
      featureId: 'road_poly',
      reason: null,
    });

    // This round's approval settles everything again, car2's earlier approval included.
    const approved = await as.rev2.post(`/api/v1/tasks/${taskId}/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const last = await sheet(env.admin, taskId);
    expect(last.items.filter((i) => !i.removed).map(pick)).toEqual(
      ['obj_car1', 'obj_car2', 'obj_car3', WEATHER].map((labelId) => ({
        labelId,
        status: 'approved',
        changedSinceDecision: false,
        removed: false,
      })),
    );
    const approvals = (await events(env, taskId)).filter(
      (e) => e.kind === 'label_approved' && e.actorId === as.rev2.user!.id,
    );
    expect(approvals).toHaveLength(4);

    // A manager reopening the completed task opens its approvals to review again.
    const reopened = await as.tm.post(`/api/v1/tasks/${taskId}/reopen`, {});
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    const open = await sheet(env.admin, taskId);
    expect(open.items.filter((i) => !i.removed).map((i) => i.status)).toEqual([
      'reopened',
      'reopened',
      'reopened',
      'reopened',
    ]);
  });

  it('refuses reviews of one’s own work (403 own_work), which the next-task claim passes by', async () => {
    const p = await reviewProject({ units: 1 });
    const taskId = await annotated(p.projectId, as.both);
    expect((await as.both.post(`/api/v1/projects/${p.projectId}/stages/review/next`)).status).toBe(204);
    const claim = await as.both.post(`/api/v1/tasks/${taskId}/claim`);
    expect(claim.status).toBe(403);
    expect(claim.body.error.code).toBe('own_work');

    // Even named as its holder by a manager, they are not served it and may not decide on it.
    const assigned = await as.tm.post(`/api/v1/tasks/${taskId}/assign`, { userId: as.both.user!.id });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect((await as.both.post(`/api/v1/projects/${p.projectId}/stages/review/next`)).status).toBe(204);
    expect((await as.both.get(`/api/v1/tasks/${taskId}`)).body).toMatchObject({
      mine: true,
      actions: ['release'],
    });
    for (const [url, body] of [
      [
        `/api/v1/tasks/${taskId}/reviews`,
        { labelRevision: 1, decisions: [{ labelId: 'obj_car1', decision: 'approve' }] },
      ],
      [`/api/v1/tasks/${taskId}/approve`, {}],
      [`/api/v1/tasks/${taskId}/reject`, { note: 'mine' }],
    ] as const) {
      const res = await as.both.post(url, body);
      expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(403);
      expect(res.body.error.code).toBe('own_work');
    }
    expect(await countRows(env, 'label_reviews', taskId)).toBe(0);
    expect(await countRows(env, 'issues', taskId)).toBe(0);
  });

  it('refuses to hand one’s own submission to oneself for review (keepHolder)', async () => {
    const p = await reviewProject();
    const taskId = await next(as.both, p.projectId, 'annotate');
    await save(as.both, taskId, 0, fourLabels());
    const kept = await as.both.post(`/api/v1/tasks/${taskId}/submit`, { keepHolder: true });
    expect(kept.status).toBe(400);
    expect(kept.body.error.field).toBe('keepHolder');
    expect((await env.admin.get(`/api/v1/tasks/${taskId}`)).body.stageId).toBe('annotate');
  });

  it('lets people review their own work where the stage allows self review', async () => {
    const own = reviewWorkflow({ reviewOwnWork: true, allowReassessment: true });
    const p = await reviewProject({ workflow: own });
    const taskId = await annotated(p.projectId, as.both);
    expect(await next(as.both, p.projectId, 'review')).toBe(taskId);
    const decided = await decide(as.both, taskId, 1, [{ labelId: 'obj_car1', decision: 'approve' }]);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const approved = await as.both.post(`/api/v1/tasks/${taskId}/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.stageId).toBe('complete');
  });

  it('refuses review decisions while the project is paused (403), and writes nothing', async () => {
    const p = await reviewProject();
    const taskId = await annotated(p.projectId);
    await next(as.rev, p.projectId, 'review');
    const revision = (await env.admin.get(`/api/v1/projects/${p.projectId}`)).body.revision;
    const paused = await env.admin.request('PUT', `/api/v1/projects/${p.projectId}/status`, {
      status: 'paused',
      reason: 'budget',
      revision,
    });
    expect(paused.status).toBe(200);
    for (const [url, body] of [
      [
        `/api/v1/tasks/${taskId}/reviews`,
        { labelRevision: 1, decisions: [{ labelId: 'obj_car1', decision: 'approve' }] },
      ],
      [`/api/v1/tasks/${taskId}/approve`, {}],
      [`/api/v1/tasks/${taskId}/reject`, { note: 'x' }],
    ] as const) {
      const res = await as.rev.post(url, body);
      expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(403);
      expect(res.body.error.code).toBe('project_not_active');
    }
    expect((await as.rev.get(`/api/v1/tasks/${taskId}/reviews`)).status).toBe(403);
    expect(await countRows(env, 'label_reviews', taskId)).toBe(0);
    expect((await env.admin.get(`/api/v1/tasks/${taskId}`)).body.stageId).toBe('review');
  });

  it('lets one of two reviewers racing for the same task win; the other gets 409', async () => {
    const p = await reviewProject();
    const taskId = await annotated(p.projectId);
    const race = async (reviewer: Agent) => {
      const claim = await reviewer.post(`/api/v1/tasks/${taskId}/claim`);
      const decided = await decide(reviewer, taskId, 1, [{ labelId: 'obj_car1', decision: 'approve' }]);
      return { claim: claim.status, decided: decided.status, code: decided.body.error?.code };
    };
    const results = await Promise.all([race(as.rev), race(as.rev2)]);
    expect(results.map((r) => r.claim).sort()).toEqual([200, 409]);
    expect(results.map((r) => r.decided).sort()).toEqual([200, 409]);
    const winner = results[0]!.decided === 200 ? as.rev : as.rev2;
    expect(results.find((r) => r.decided === 409)!.code).toBe('task_not_held');
    const rows = await env.deps.db
      .selectFrom('label_reviews')
      .select(['reviewer_id'])
      .where('task_id', '=', taskId)
      .execute();
    expect(rows).toEqual([{ reviewer_id: winner.user!.id }]);

    // The loser's claim lapses into the winner's hands and back: when both decide the task at
    // once, the one holding it wins and the other's decision is refused, changing nothing.
    env.clock.advance(31 * 60_000);
    const loser = winner === as.rev ? as.rev2 : as.rev;
    expect((await loser.post(`/api/v1/tasks/${taskId}/claim`)).status).toBe(200);
    const [late, current] = await Promise.all([
      winner.post(`/api/v1/tasks/${taskId}/reject`, { note: 'late' }),
      loser.post(`/api/v1/tasks/${taskId}/approve`),
    ]);
    expect(current.status, JSON.stringify(current.body)).toBe(200);
    expect(late.status).toBe(409);
    expect(await countRows(env, 'issues', taskId)).toBe(0);
    expect((await env.admin.get(`/api/v1/tasks/${taskId}`)).body.stageId).toBe('complete');
  });

  it('lets the reviewer edit the labels only where the stage allows reviewer edits; decisions follow the new head', async () => {
    const plain = await reviewProject();
    const readOnly = await annotated(plain.projectId);
    await next(as.rev, plain.projectId, 'review');
    const refused = await as.rev.request('PUT', `/api/v1/tasks/${readOnly}/labels`, {
      baseRevision: 1,
      document: labelDoc(car('obj_car1')),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('labels_read_only');

    const editing = await reviewProject({ workflow: reviewWorkflow({ allowReviewerEdits: true }) });
    const taskId = await annotated(editing.projectId);
    await next(as.rev, editing.projectId, 'review');
    const edited = withWeather(labelDoc(car('obj_car1', 14), car('obj_car2', 200), road('obj_road')));
    expect(await save(as.rev, taskId, 1, edited)).toBe(2);
    const history = await as.rev.get(`/api/v1/tasks/${taskId}/labels/revisions?limit=1`);
    expect(history.body.items[0].author).toMatchObject({ kind: 'user', id: as.rev.user!.id });
    const labels = await env.admin.get(`/api/v1/tasks/${taskId}/labels`);
    expect(labels.body.document.objects[0]).toMatchObject({
      createdBy: as.ann1.user!.id,
      updatedBy: as.rev.user!.id,
    });
    const stale = await decide(as.rev, taskId, 1, [{ labelId: 'obj_car1', decision: 'approve' }]);
    expect(stale.status).toBe(409);
    expect((await decide(as.rev, taskId, 2, [{ labelId: 'obj_car1', decision: 'approve' }])).status).toBe(
      200,
    );
    // Another reviewer, not holding it, still may not.
    const other = await as.rev2.request('PUT', `/api/v1/tasks/${taskId}/labels`, {
      baseRevision: 2,
      document: edited,
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('task_not_held');
  });

  it('shows a task’s reviews to whoever may see the task, and no one else', async () => {
    const p = await reviewProject();
    const taskId = await annotated(p.projectId);
    expect((await as.ann1.get(`/api/v1/tasks/${taskId}/reviews`)).status).toBe(200); // worked on it
    expect((await as.tm.get(`/api/v1/tasks/${taskId}/reviews`)).status).toBe(200);
    expect((await as.rev.get(`/api/v1/tasks/${taskId}/reviews`)).status).toBe(200); // could claim it
    expect((await as.ann2.get(`/api/v1/tasks/${taskId}/reviews`)).status).toBe(403);
    const outsider = await env.user('member');
    expect((await outsider.get(`/api/v1/tasks/${taskId}/reviews`)).status).toBe(403);
    // Annotators do not review.
    const decided = await decide(as.ann1, taskId, 1, [{ labelId: 'obj_car1', decision: 'approve' }]);
    expect(decided.status).toBe(403);
    expect(decided.body.error.code).toBe('forbidden');
  });
});
