import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Workflow } from '../src/core/workflow/index.ts';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect } from './helpers/env.ts';
import { gloss } from './helpers/gloss-cli.ts';
import { labelDoc, labelObject } from './helpers/label-fixtures.ts';
import { pinOntology } from './helpers/project-fixtures.ts';
import { consensusWorkflow, queueProject } from './helpers/queue-fixtures.ts';

// Saving and reading a task's labels over HTTP on both databases: revisions and their history,
// the optimistic lock, checks against the project's ontology, who may save and read which branch.

const ONTOLOGY = {
  formatVersion: 1,
  objects: [
    {
      featureId: 'car_box',
      name: 'Car',
      shape: 'bounding_box',
      color: '#1f77b4',
      attributes: [
        {
          featureId: 'car_colour',
          name: 'Colour',
          kind: 'radio',
          required: true,
          options: [
            { featureId: 'colour_red', label: 'Red' },
            { featureId: 'colour_blue', label: 'Blue' },
          ],
        },
      ],
    },
    { featureId: 'road_poly', name: 'Road', shape: 'polygon', color: '#2ca02c', attributes: [] },
  ],
  classifications: [],
};

const box = (
  id: string,
  x = 10,
  attributes: object[] = [{ featureId: 'car_colour', optionIds: ['colour_red'] }],
) =>
  labelObject(
    id,
    'car_box',
    { type: 'bounding_box', x, y: 10, w: 50, h: 40 },
    { attributes, createdBy: 'someone-else', updatedBy: 'someone-else' },
  );
const road = (id: string) =>
  labelObject(id, 'road_poly', {
    type: 'polygon',
    points: [
      [0, 0],
      [100, 0],
      [100, 80],
    ],
  });
const doc = labelDoc;

describeEachDialect('labels: saving and reading', (env) => {
  const as = {} as Record<'ann1' | 'ann2' | 'tm', Agent>;
  beforeAll(async () => {
    for (const k of ['ann1', 'ann2', 'tm'] as const) as[k] = await env.user('tasker', { name: k });
  });

  const members = (): [Agent, 'annotator' | 'team_manager'][] => [
    [as.ann1, 'annotator'],
    [as.ann2, 'annotator'],
    [as.tm, 'team_manager'],
  ];

  async function labelledProject(opts: { workflow?: Workflow; ontology?: boolean } = {}) {
    const p = await queueProject(env, {
      members: members(),
      units: 2,
      ...(opts.workflow ? { workflow: opts.workflow } : {}),
    });
    if (opts.ontology !== false) await pinOntology(env, p.projectId, ONTOLOGY);
    return p;
  }

  const claim = async (agent: Agent, projectId: string, stage = 'annotate') => {
    const res = await agent.post(`/api/v1/projects/${projectId}/stages/${stage}/next`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as string;
  };
  const save = (agent: Agent, taskId: string, baseRevision: number, document: object) =>
    agent.request('PUT', `/api/v1/tasks/${taskId}/labels`, { baseRevision, document });
  const revisionCount = async (taskId: string) =>
    (
      await env.deps.db
        .selectFrom('label_revisions')
        .select('revision')
        .where('task_id', '=', taskId)
        .execute()
    ).length;

  it('keeps every save as a revision, stamps who made and changed each object, and lists the history', async () => {
    const p = await labelledProject();
    const taskId = await claim(as.ann1, p.projectId);
    const empty = await as.ann1.get(`/api/v1/tasks/${taskId}/labels`);
    expect(empty.body).toMatchObject({
      branch: 'main',
      revision: 0,
      document: { objects: [] },
      savedAt: null,
    });

    const first = await save(as.ann1, taskId, 0, doc(box('obj_car1'), road('obj_road')));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.revision).toBe(1);
    const me = as.ann1.user!.id;
    const t1 = new Date(env.clock.now).toISOString();
    expect(first.body.document.objects[0]).toMatchObject({ createdBy: me, createdAt: t1, updatedBy: me });

    env.clock.advance(60_000);
    // The car moves; the road does not (its authorship stays whatever the client sends).
    const second = await save(
      as.ann1,
      taskId,
      1,
      doc(box('obj_car1', 20), { ...road('obj_road'), updatedBy: 'forged' }),
    );
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    const [car, rd] = second.body.document.objects;
    expect(car).toMatchObject({
      createdAt: t1,
      updatedBy: me,
      updatedAt: new Date(env.clock.now).toISOString(),
    });
    expect(rd).toMatchObject({ createdBy: me, updatedBy: me, updatedAt: t1 });

    const third = await save(as.ann1, taskId, 2, doc(box('obj_car1', 20)));
    expect(third.body.revision).toBe(3);
    // Saving keeps the claim alive, as a heartbeat does.
    const lease = await env.deps.db
      .selectFrom('tasks')
      .select('lease_expires_at')
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(lease.lease_expires_at).toBe(new Date(env.clock.now + 30 * 60_000).toISOString());

    const history = await as.ann1.get(`/api/v1/tasks/${taskId}/labels/revisions?limit=2`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((r: { revision: number }) => r.revision)).toEqual([3, 2]);
    expect(history.body.items[0]).toMatchObject({
      baseRevision: 2,
      author: { kind: 'user', id: me, name: 'ann1' },
      changes: { added: 0, changed: 0, removed: 1, deleted: { road_poly: 1 } },
    });
    const rest = await as.ann1.get(
      `/api/v1/tasks/${taskId}/labels/revisions?limit=2&cursor=${history.body.nextCursor}`,
    );
    expect(rest.body.items.map((r: { revision: number }) => r.revision)).toEqual([1]);
    expect(rest.body.nextCursor).toBeNull();
    const old = await as.ann1.get(`/api/v1/tasks/${taskId}/labels/revisions/1`);
    expect(old.body.document.objects).toHaveLength(2);
    expect((await as.ann1.get(`/api/v1/tasks/${taskId}/labels/revisions/9`)).status).toBe(404);

    const events = await env.admin.get(`/api/v1/tasks/${taskId}/events`);
    const saved = events.body.items.filter((e: { kind: string }) => e.kind === 'labels_saved');
    expect(saved.map((e: { data: { revision: number } }) => e.data.revision)).toEqual([1, 2, 3]);
    expect(saved[0].data).toMatchObject({ branch: 'main', added: 2, created: { car_box: 1, road_poly: 1 } });
  });

  it('refuses a save not made from the head, with the head’s revision, and keeps nothing of it', async () => {
    const p = await labelledProject();
    const taskId = await claim(as.ann1, p.projectId);
    expect((await save(as.ann1, taskId, 0, doc(box('obj_a')))).status).toBe(200);
    const stale = await save(as.ann1, taskId, 0, doc(box('obj_b')));
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'revision_conflict' });
    expect(stale.body.error.message).toMatch(/revision 1/);
    expect(await revisionCount(taskId)).toBe(1);
  });

  it('lets one of two concurrent saves from the same revision win; the other gets 409', async () => {
    const p = await labelledProject();
    const taskId = await claim(as.ann1, p.projectId);
    const results = await Promise.all([
      save(as.ann1, taskId, 0, doc(box('obj_a'))),
      save(as.ann1, taskId, 0, doc(box('obj_b'))),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await revisionCount(taskId)).toBe(1);
  });

  it('checks a save against the project’s ontology, naming the object and field, and keeps nothing', async () => {
    const p = await labelledProject();
    const taskId = await claim(as.ann1, p.projectId);
    const unknown = await save(as.ann1, taskId, 0, doc({ ...box('obj_x'), featureId: 'no_such' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      code: 'invalid_labels',
      field: 'document.objects[0].featureId',
    });
    expect(unknown.body.error.message).toMatch(/obj_x/);
    const flat = await save(
      as.ann1,
      taskId,
      0,
      doc({ ...box('obj_y'), geometry: { type: 'bounding_box', x: 1, y: 1, w: 0, h: 5 } }),
    );
    expect(flat.status).toBe(400);
    expect(flat.body.error.field).toMatch(/^document\.objects\[0\]\.geometry/);
    const wrongShape = await save(as.ann1, taskId, 0, doc({ ...road('obj_z'), featureId: 'car_box' }));
    expect(wrongShape.status).toBe(400);
    // Outside the image, once the unit's size is known.
    const unit = await env.deps.db
      .selectFrom('tasks')
      .select('data_unit_id')
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    await env.deps.db
      .updateTable('data_units')
      .set({ kind: 'image', width: 40, height: 40 })
      .where('id', '=', unit.data_unit_id)
      .execute();
    const outside = await save(as.ann1, taskId, 0, doc(box('obj_w')));
    expect(outside.status).toBe(400);
    expect(await revisionCount(taskId)).toBe(0);
    // Inside a larger image, a box whose required answer is still missing is fine while working
    // (submitting checks it).
    await env.deps.db
      .updateTable('data_units')
      .set({ width: 400, height: 400 })
      .where('id', '=', unit.data_unit_id)
      .execute();
    expect((await save(as.ann1, taskId, 0, doc(box('obj_v', 0, [])))).status).toBe(200);
  });

  it('lets only the holder save, and only with an ontology', async () => {
    const p = await labelledProject();
    const taskId = await claim(as.ann1, p.projectId);
    const other = await save(as.ann2, taskId, 0, doc(box('obj_a')));
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('task_not_held');
    const bare = await labelledProject({ ontology: false });
    const bareTask = await claim(as.ann2, bare.projectId);
    const none = await save(as.ann2, bareTask, 0, doc());
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('no_ontology');
  });

  it('refuses to submit labels that miss a required answer, then takes them once complete', async () => {
    const p = await labelledProject();
    const taskId = await claim(as.ann1, p.projectId);
    expect((await save(as.ann1, taskId, 0, doc(box('obj_q', 10, [])))).status).toBe(200);
    const early = await as.ann1.post(`/api/v1/tasks/${taskId}/submit`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('labels_incomplete');
    expect(early.body.error.message).toMatch(/obj_q/);
    expect(early.body.error.message).toMatch(/Colour/);
    const still = await env.deps.db
      .selectFrom('tasks')
      .select(['stage_id', 'assignee_id'])
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(still).toEqual({ stage_id: 'annotate', assignee_id: as.ann1.user!.id });
    expect((await save(as.ann1, taskId, 1, doc(box('obj_q')))).status).toBe(200);
    const done = await as.ann1.post(`/api/v1/tasks/${taskId}/submit`);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    // Handed on to review, the labels can no longer be changed by their author.
    const after = await save(as.ann1, taskId, 2, doc(box('obj_q', 20)));
    expect(after.status).toBe(403);
    expect(after.body.error.code).toBe('not_a_stage_worker');
  });

  it('gives each consensus annotator a branch of their own that the others cannot read', async () => {
    const consensus = consensusWorkflow(2);
    const p = await labelledProject({ workflow: consensus });
    const taskId = await claim(as.ann1, p.projectId, 'label');
    expect(await claim(as.ann2, p.projectId, 'label')).toBe(taskId);
    const a = await save(as.ann1, taskId, 0, doc(box('obj_a')));
    const b = await save(as.ann2, taskId, 0, doc(box('obj_b'), box('obj_c', 100)));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.branch).toBe(`annotator:${as.ann1.user!.id}`);
    expect((await as.ann1.get(`/api/v1/tasks/${taskId}/labels`)).body.document.objects).toHaveLength(1);
    const peek = await as.ann1.get(`/api/v1/tasks/${taskId}/labels?branch=annotator:${as.ann2.user!.id}`);
    expect(peek.status).toBe(403);
    const managed = await as.tm.get(`/api/v1/tasks/${taskId}/labels?branch=annotator:${as.ann2.user!.id}`);
    expect(managed.status, JSON.stringify(managed.body)).toBe(200);
    expect(managed.body.document.objects).toHaveLength(2);
  });
  const predicted = (id: string, x: number) => ({
    ...box(id, x),
    confidence: 0.9,
  });

  it('imports pre-labels as a first revision by the model, skips labelled tasks, refuses a bad batch whole', async () => {
    const p = await labelledProject();
    const [t1, t2] = p.taskIds as [string, string];
    // t1 has an annotator's labels already.
    expect(await claim(as.ann1, p.projectId)).toBe(t1);
    expect((await save(as.ann1, t1, 0, doc(box('obj_h')))).status).toBe(200);
    const unit2 = await env.deps.db
      .selectFrom('tasks')
      .select('data_unit_id')
      .where('id', '=', t2)
      .executeTakeFirstOrThrow();

    const url = `/api/v1/projects/${p.projectId}/labels/import`;
    const bad = await as.tm.post(url, {
      model: 'detector-v2',
      items: [
        { dataUnitId: unit2.data_unit_id, document: doc(predicted('obj_p2', 5)) },
        { taskId: t1, document: doc({ ...predicted('obj_p1', 5), featureId: 'nope' }) },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('items[1].document.objects[0].featureId');
    expect(await revisionCount(t2)).toBe(0);

    const res = await as.tm.post(url, {
      model: 'detector-v2',
      items: [
        { dataUnitId: unit2.data_unit_id, document: doc(predicted('obj_p2', 5)) },
        { taskId: t1, document: doc(predicted('obj_p1', 5)) },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.imported).toEqual([{ taskId: t2, objects: 1 }]);
    expect(res.body.skipped).toMatchObject([{ index: 1, taskId: t1 }]);
    expect(await revisionCount(t1)).toBe(1);

    const labels = await env.admin.get(`/api/v1/tasks/${t2}/labels`);
    expect(labels.body.revision).toBe(1);
    expect(labels.body.document.objects[0]).toMatchObject({
      createdBy: 'model:detector-v2',
      confidence: 0.9,
    });
    const history = await env.admin.get(`/api/v1/tasks/${t2}/labels/revisions`);
    expect(history.body.items[0].author).toEqual({ kind: 'model', name: 'detector-v2' });
    // An annotator then corrects them: their save builds on the model's revision.
    expect(await claim(as.ann2, p.projectId)).toBe(t2);
    const { confidence: _dropped, ...corrected } = predicted('obj_p2', 7);
    const fixed = await save(as.ann2, t2, 1, doc(corrected));
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.document.objects[0]).toMatchObject({
      createdBy: 'model:detector-v2',
      updatedBy: as.ann2.user!.id,
    });

    const audit = await env.admin.get(`/api/v1/audit?targetId=${p.projectId}&action=project.import_labels`);
    expect(audit.body.items[0].after).toMatchObject({ model: 'detector-v2', imported: 1, skipped: 1 });
    expect((await as.ann1.post(url, { model: 'm', items: [{ taskId: t1, document: doc() }] })).status).toBe(
      403,
    );
  });

  it('gloss import-labels loads a file of predictions and can be run again after a fix', async () => {
    const p = await labelledProject();
    const [t1, t2] = p.taskIds as [string, string];
    const dir = mkdtempSync(join(tmpdir(), 'gloss-prelabels-'));
    const file = join(dir, 'predictions.json');
    const run = (args: string[]) =>
      gloss(['import-labels', ...args], { DATABASE_URL: env.deps.config.databaseUrl });
    writeFileSync(
      file,
      JSON.stringify({
        items: [
          { taskId: t1, document: doc(predicted('obj_c1', 1)) },
          { taskId: t2, document: doc({ ...predicted('obj_c2', 1), featureId: 'nope' }) },
        ],
      }),
    );
    const refused = await run([p.projectId, file, '--model', 'cli-model']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('item 1.document.objects[0] (obj_c2): featureId');
    expect(await revisionCount(t1)).toBe(0);
    writeFileSync(
      file,
      JSON.stringify([
        { taskId: t1, document: doc(predicted('obj_c1', 1)) },
        { taskId: t2, document: doc(predicted('obj_c2', 1)) },
      ]),
    );
    const ok = await run([p.projectId, file, '--model', 'cli-model']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('into 2 tasks; 0 skipped');
    const again = await run([p.projectId, file, '--model', 'cli-model']);
    expect(again.stdout).toContain('into 0 tasks; 2 skipped');
    expect((await run([p.projectId, file])).stderr).toContain('--model');
    writeFileSync(file, JSON.stringify([{ taskId: t1, document: doc() }, { document: 'not labels' }]));
    const malformed = await run([p.projectId, file, '--model', 'cli-model']);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('item 1.document');
  });
});
