import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect } from './helpers/env.ts';
import { gloss } from './helpers/gloss-cli.ts';
import { labelDoc, labelObject } from './helpers/label-fixtures.ts';
import { pinOntology } from './helpers/project-fixtures.ts';
import { queueProject } from './helpers/queue-fixtures.ts';

// Exports over HTTP and the CLI, on both databases: Gloss's JSON, and COCO checked field by field
// against the COCO data format (https://cocodataset.org/#format-data).

const ONTOLOGY = {
  formatVersion: 1,
  objects: [
    { featureId: 'car_box', name: 'Car', shape: 'bounding_box', color: '#1f77b4', attributes: [] },
    { featureId: 'road_poly', name: 'Road', shape: 'polygon', color: '#2ca02c', attributes: [] },
    { featureId: 'sign_rot', name: 'Sign', shape: 'rotatable_box', color: '#ff7f0e', attributes: [] },
    { featureId: 'lane_line', name: 'Lane', shape: 'polyline', color: '#9467bd', attributes: [] },
    {
      featureId: 'person_kp',
      name: 'Person',
      shape: 'keypoint_skeleton',
      color: '#d62728',
      attributes: [],
      skeleton: {
        points: [
          { id: 'head', name: 'head' },
          { id: 'hand', name: 'hand' },
          { id: 'foot', name: 'foot' },
        ],
        edges: [
          ['head', 'hand'],
          ['head', 'foot'],
        ],
      },
    },
  ],
  classifications: [],
};

const object = labelObject;
const doc = labelDoc;

describeEachDialect('exports', (env) => {
  const as = {} as Record<'ann' | 'tm', Agent>;
  beforeAll(async () => {
    as.ann = await env.user('tasker', { name: 'ann' });
    as.tm = await env.user('tasker', { name: 'tm' });
  });

  /** A project of `units` tasks with an ontology; the first task labelled with one of each shape. */
  async function exportProject(units: number) {
    const p = await queueProject(env, {
      members: [
        [as.ann, 'annotator'],
        [as.tm, 'team_manager'],
      ],
      units,
    });
    await pinOntology(env, p.projectId, ONTOLOGY);
    await env.deps.db
      .updateTable('data_units')
      .set({ kind: 'image', width: 640, height: 480 })
      .where('dataset_id', '=', p.datasetId)
      .execute();
    const taskId = (await as.ann.post(`/api/v1/projects/${p.projectId}/stages/annotate/next`)).body.id;
    const saved = await as.ann.request('PUT', `/api/v1/tasks/${taskId}/labels`, {
      baseRevision: 0,
      document: doc(
        object('obj_box', 'car_box', { type: 'bounding_box', x: 10, y: 20, w: 30, h: 40 }),
        object('obj_road', 'road_poly', {
          type: 'polygon',
          points: [
            [0, 0],
            [100, 0],
            [100, 50],
          ],
        }),
        object('obj_sign', 'sign_rot', { type: 'rotatable_box', cx: 100, cy: 100, w: 20, h: 10, angle: 90 }),
        object('obj_lane', 'lane_line', {
          type: 'polyline',
          points: [
            [0, 0],
            [5, 5],
          ],
        }),
        object('obj_person', 'person_kp', {
          type: 'keypoint_skeleton',
          keypoints: [
            { pointId: 'head', x: 50, y: 10, visible: true },
            { pointId: 'foot', x: 52, y: 90, visible: false },
          ],
        }),
      ),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return { ...p, labelledTaskId: taskId as string };
  }

  it('exports Gloss JSON: every task with its data unit and its labels, in task order', async () => {
    const p = await exportProject(3);
    const res = await as.tm.get(`/api/v1/projects/${p.projectId}/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+-native\.json"$/);
    const body = res.body;
    expect(body).toMatchObject({
      format: 'gloss-labels',
      formatVersion: 1,
      taskCount: 3,
      project: { id: p.projectId },
    });
    expect(body.ontology.objects).toHaveLength(5);
    expect(body.tasks.map((t: { id: string }) => t.id)).toEqual([...p.taskIds].sort());
    const labelled = body.tasks.find((t: { id: string }) => t.id === p.labelledTaskId);
    expect(labelled.labels).toMatchObject({
      branch: 'main',
      revision: 1,
      savedBy: { user: as.ann.user!.id },
    });
    expect(labelled.labels.document.objects).toHaveLength(5);
    expect(labelled.dataUnit).toMatchObject({
      datasetId: p.datasetId,
      kind: 'image',
      width: 640,
      height: 480,
    });
    expect(body.tasks.filter((t: { labels: unknown }) => t.labels === null)).toHaveLength(2);
    // Filters: by status (the labelled one is held) and by when it was labelled.
    const held = (await as.tm.get(`/api/v1/projects/${p.projectId}/export?status=assigned`)).body;
    expect(held.tasks.map((t: { id: string }) => t.id)).toEqual([p.labelledTaskId]);
    const from = encodeURIComponent('2100-01-01T00:00:00.000Z');
    const future = (await as.tm.get(`/api/v1/projects/${p.projectId}/export?from=${from}`)).body;
    expect(future).toMatchObject({ taskCount: 0, tasks: [] });
  });

  it('exports COCO that follows the format field by field', async () => {
    const p = await exportProject(2);
    const res = await as.tm.get(`/api/v1/projects/${p.projectId}/export?format=coco`);
    expect(res.status).toBe(200);
    const coco = res.body;
    expect(Object.keys(coco).sort()).toEqual(['annotations', 'categories', 'images', 'info', 'licenses']);
    // images: {id, width, height, file_name}, ids unique
    expect(coco.images).toHaveLength(2);
    for (const image of coco.images) {
      expect(Number.isInteger(image.id)).toBe(true);
      expect(typeof image.file_name).toBe('string');
      expect(image).toMatchObject({ width: 640, height: 480 });
    }
    expect(new Set(coco.images.map((i: { id: number }) => i.id)).size).toBe(2);
    // categories: {id, name, supercategory}; keypoint categories add keypoints and 1-based skeleton
    expect(coco.categories.map((c: { name: string }) => c.name)).toEqual(['Car', 'Road', 'Sign', 'Person']);
    const person = coco.categories.find((c: { name: string }) => c.name === 'Person');
    expect(person).toMatchObject({
      keypoints: ['head', 'hand', 'foot'],
      skeleton: [
        [1, 2],
        [1, 3],
      ],
    });
    // annotations: {id, image_id, category_id, bbox [x,y,w,h], area, iscrowd, segmentation?}
    const imageIds = new Set(coco.images.map((i: { id: number }) => i.id));
    const categoryIds = new Set(coco.categories.map((c: { id: number }) => c.id));
    expect(coco.annotations).toHaveLength(4); // the polyline has no COCO form
    expect(coco.info.gloss_objects_left_out).toBe(1);
    expect(new Set(coco.annotations.map((a: { id: number }) => a.id)).size).toBe(4);
    for (const a of coco.annotations) {
      expect(imageIds.has(a.image_id)).toBe(true);
      expect(categoryIds.has(a.category_id)).toBe(true);
      expect(a.bbox).toHaveLength(4);
      expect(a.iscrowd).toBe(0);
      expect(a.area).toBeGreaterThan(0);
      for (const ring of a.segmentation ?? []) {
        expect(ring.length % 2).toBe(0);
        expect(ring.length).toBeGreaterThanOrEqual(6);
      }
    }
    const byObject = new Map(
      coco.annotations.map((a: { gloss_object_id: string }) => [a.gloss_object_id, a]),
    );
    expect(byObject.get('obj_box')).toMatchObject({ bbox: [10, 20, 30, 40], area: 1200 });
    expect(byObject.get('obj_road')).toMatchObject({
      bbox: [0, 0, 100, 50],
      area: 2500,
      segmentation: [[0, 0, 100, 0, 100, 50]],
    });
    const sign = byObject.get('obj_sign') as { bbox: number[]; area: number };
    expect(sign.area).toBe(200);
    expect(sign.bbox.map((v) => Math.round(v))).toEqual([95, 90, 10, 20]); // turned a quarter: 10 wide, 20 tall
    expect(byObject.get('obj_person')).toMatchObject({
      keypoints: [50, 10, 2, 0, 0, 0, 52, 90, 1],
      num_keypoints: 2,
    });
  });

  it('streams more tasks than one page, and is for project managers only', async () => {
    const p = await exportProject(520);
    const res = await as.tm.get(`/api/v1/projects/${p.projectId}/export?format=coco`);
    const coco = res.body;
    expect(coco.images).toHaveLength(520);
    expect(coco.images.map((i: { id: number }) => i.id)).toEqual(
      Array.from({ length: 520 }, (_, i) => i + 1),
    );
    const native = (await as.tm.get(`/api/v1/projects/${p.projectId}/export`)).body;
    expect(native.tasks).toHaveLength(520);
    expect((await as.ann.get(`/api/v1/projects/${p.projectId}/export`)).status).toBe(403);
  });

  it('gloss export writes the file, refusing COCO without an ontology', async () => {
    const p = await exportProject(2);
    const out = join(mkdtempSync(join(tmpdir(), 'gloss-export-')), 'coco.json');
    const cliEnv = { DATABASE_URL: env.deps.config.databaseUrl };
    const res = await gloss(['export', p.projectId, '--format', 'coco', '--out', out], cliEnv);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('exported 2 tasks');
    const coco = JSON.parse(readFileSync(out, 'utf8'));
    expect(coco.annotations).toHaveLength(4);
    const bare = await queueProject(env, { units: 1 });
    const refused = await gloss(['export', bare.projectId, '--format', 'coco', '--out', out], cliEnv);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ontology');
    expect((await gloss(['export', p.projectId, '--format', 'xml'], cliEnv)).stderr).toContain('--format');
  });
});
