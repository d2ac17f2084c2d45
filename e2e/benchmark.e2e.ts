import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, useE2E } from './helpers/browser.ts';
import { boxCar } from './helpers/canvas.ts';
import type { Person } from './helpers/pages.ts';
import { imageProject, startWork, taskIdOf } from './helpers/projects.ts';
import { csrfHeaders } from './helpers/session.ts';
import { signedInTeam } from './helpers/team.ts';

// Issue 8's acceptance test. A gold project holds one image whose gold is a known car box; the
// live project screens new annotators on it (one task, 70 % to pass, two attempts, training
// feedback) and mixes it into its annotate stage one task in three. A new Tasker misses the car
// on their first attempt, sees their labels against the gold, starts a second attempt, boxes it
// and passes; only then do they get real tasks, among which the gold comes back at the set rate.
// It is scored, and it reaches neither the reviewer nor the export; the Benchmark tab shows the
// manager everyone's scores and the Tasker their own.

const ADMIN: Person = { name: 'Ada Admin', email: 'ada@example.test', password: 'admin passphrase 1' };
const TASKER: Person = { name: 'Nia Newcomer', email: 'nia@example.test', password: 'tasker passphrase 2' };
const REVIEWER: Person = {
  name: 'Rex Reviewer',
  email: 'rex@example.test',
  password: 'reviewer passphrase 3',
};

const ONTOLOGY = {
  formatVersion: 1,
  objects: [
    {
      featureId: 'box-car',
      name: 'Car',
      shape: 'bounding_box',
      color: '#e6194b',
      hotkey: '1',
      attributes: [],
    },
  ],
  classifications: [],
};

/** The gold car, in image pixels (the images are 640 × 480). */
const GOLD_BOX = { x: 100, y: 100, w: 200, h: 150 };
const GOLD = {
  formatVersion: 1,
  classifications: [],
  objects: [
    {
      id: 'gold-car',
      featureId: 'box-car',
      geometry: { type: 'bounding_box', ...GOLD_BOX },
      attributes: [],
      createdBy: 'x',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedBy: 'x',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  ],
};

const ANNOTATE = {
  formatVersion: 1,
  stages: [
    { id: 'annotate', name: 'Annotate', type: 'annotate', start: true, settings: {} },
    { id: 'complete', name: 'Complete', type: 'complete', settings: {} },
  ],
  edges: [{ from: 'annotate', to: 'complete', kind: 'done' }],
};
const ANNOTATE_REVIEW = {
  formatVersion: 1,
  stages: [
    { id: 'annotate', name: 'Annotate', type: 'annotate', start: true, settings: {} },
    { id: 'review', name: 'Review', type: 'review', settings: {} },
    { id: 'complete', name: 'Complete', type: 'complete', settings: {} },
  ],
  edges: [
    { from: 'annotate', to: 'review', kind: 'done' },
    { from: 'review', to: 'complete', kind: 'approved' },
    { from: 'review', to: 'annotate', kind: 'rejected' },
  ],
};
const LIVE_IMAGES = ['a.png', 'b.png', 'c.png', 'd.png'];

const taskIdsOf = async (page: Page, projectId: string): Promise<string[]> =>
  (await (await page.request.get(`/api/v1/projects/${projectId}/tasks?limit=100`)).json()).items.map(
    (t: { id: string }) => t.id,
  );

/** The gold project (its one image), and the live project screening and monitoring with it. */
async function projects(admin: Page) {
  const goldProject = await imageProject(admin, {
    name: 'Gold cars',
    ontology: ONTOLOGY,
    images: ['gold.png'],
    seed: 11,
    workflow: ANNOTATE,
  });
  const goldTask = (await (await admin.request.get(`/api/v1/projects/${goldProject}/tasks`)).json()).items[0];
  const live = await imageProject(admin, {
    name: 'Street cars',
    ontology: ONTOLOGY,
    images: LIVE_IMAGES,
    seed: 21,
    workflow: ANNOTATE_REVIEW,
    members: [
      { email: TASKER.email, role: 'annotator' },
      { email: REVIEWER.email, role: 'reviewer' },
    ],
    prepare: async (projectId, headers) => {
      const set = await admin.request.post(`/api/v1/projects/${projectId}/gold-sets`, {
        headers,
        data: { name: 'Cars' },
      });
      expect(set.status(), await set.text()).toBe(201);
      const goldSetId = (await set.json()).id;
      const added = await admin.request.post(`/api/v1/gold-sets/${goldSetId}/tasks`, {
        headers,
        data: { items: [{ dataUnitId: goldTask.dataUnitId, document: GOLD }] },
      });
      expect(added.status(), await added.text()).toBe(200);
      const saved = await admin.request.put(`/api/v1/projects/${projectId}/benchmark-settings`, {
        headers,
        data: {
          revision: 0,
          scoring: {},
          screening: { goldSetId, taskCount: 1, passThreshold: 0.7, maxAttempts: 2, feedback: true },
          monitoring: { goldSetId, everyN: 3, stageIds: [] },
        },
      });
      expect(saved.status(), await saved.text()).toBe(200);
    },
  });
  return { live, goldUnit: goldTask.dataUnitId as string };
}

/** Boxes a car from one canvas offset to another (image centre = 0, 0) and waits for the save. */
const submit = (page: Page) => page.getByRole('button', { name: /^Submit/ }).click();
const banner = (page: Page) => page.getByText(/^Screening — task/);

describeInBrowser('benchmark QA', () => {
  const e2e = useE2E();

  it('screens a new Tasker (fails, retries, passes) before real work, then mixes gold in at the set rate, scored and kept out of review and export', async () => {
    const {
      admin,
      annotator: tasker,
      reviewer,
      errors,
    } = await signedInTeam(e2e, {
      admin: ADMIN,
      annotator: TASKER,
      reviewer: REVIEWER,
    });
    const { live, goldUnit } = await projects(admin);
    const realTasks = await taskIdsOf(admin, live);
    expect(realTasks).toHaveLength(LIVE_IMAGES.length);

    // 1. The first task the Tasker gets is the screening task: the gold image, not a real task.
    const first = await startWork(tasker, live, 'annotate', 'Start labelling');
    await banner(tasker).filter({ hasText: 'task 1 of 1 (attempt 1)' }).waitFor();
    expect(realTasks).not.toContain(first);
    const served = await (await tasker.request.get(`/api/v1/tasks/${first}`)).json();
    expect(served.dataUnitId).toBe(goldUnit);
    // They box something well away from the car and submit: training feedback follows.
    await boxCar(tasker, [60, 40], [170, 130]);
    await submit(tasker);
    await tasker.getByRole('heading', { name: 'Your labels against the gold' }).waitFor();
    await tasker.getByText(/^Screening attempt 1 failed with a mean score of 0/).waitFor();
    const feedback = await (await tasker.request.get(`/api/v1/tasks/${first}/gold-feedback`)).json();
    expect(feedback.result.counts).toMatchObject({ missed: 1, extra: 1 });
    await tasker.getByRole('img', { name: /^The gold labels/ }).waitFor();

    // 2. No real work after a failed attempt; a second one may be started.
    await tasker.getByRole('button', { name: 'Continue', exact: true }).click();
    await tasker.getByRole('button', { name: 'Start attempt 2' }).click();
    await banner(tasker).filter({ hasText: '(attempt 2)' }).waitFor();
    const second = taskIdOf(tasker);
    expect(realTasks).not.toContain(second);
    // Where the gold car is on this canvas, from where the first box landed in the image.
    const drawn = feedback.submitted.objects[0].geometry as { x: number; y: number; w: number };
    const scale = 110 / drawn.w;
    const centre = { x: drawn.x - 60 / scale, y: drawn.y - 40 / scale };
    const onCanvas = (x: number, y: number): [number, number] => [
      (x - centre.x) * scale,
      (y - centre.y) * scale,
    ];
    await boxCar(
      tasker,
      onCanvas(GOLD_BOX.x, GOLD_BOX.y),
      onCanvas(GOLD_BOX.x + GOLD_BOX.w, GOLD_BOX.y + GOLD_BOX.h),
    );
    await submit(tasker);
    await tasker.getByText(/^Screening attempt 2 passed/).waitFor();

    // 3. Real tasks now; the third task served is the gold again (one in three), unannounced.
    await tasker.getByRole('button', { name: 'Continue', exact: true }).click();
    const kinds: string[] = [];
    let monitored = '';
    for (let i = 0; i < 4; i++) {
      await tasker.getByTestId('editor-canvas').locator('canvas').first().waitFor();
      await tasker.getByText('Saved', { exact: true }).waitFor();
      const id = taskIdOf(tasker);
      expect(await banner(tasker).count()).toBe(0);
      const isGold = !realTasks.includes(id);
      kinds.push(isGold ? 'gold' : 'real');
      if (isGold) monitored = id;
      await submit(tasker);
      if (i < 3) await expect.poll(() => taskIdOf(tasker)).not.toBe(id);
    }
    expect(kinds).toEqual(['real', 'real', 'gold', 'real']);

    // 4. Scored: two screening tasks and one monitoring task, for the Tasker.
    const report = await (await admin.request.get(`/api/v1/projects/${live}/benchmark/report`)).json();
    expect(report.scores).toBe(3);
    expect(report.annotators).toEqual([expect.objectContaining({ name: TASKER.name, scores: 3 })]);
    const monitoring = await (
      await admin.request.get(`/api/v1/projects/${live}/benchmark/report?purpose=monitoring`)
    ).json();
    expect(monitoring.scores).toBe(1);
    expect((await tasker.request.get(`/api/v1/tasks/${monitored}/gold-feedback`)).status()).toBe(404);

    // 5. The reviewer gets the three real submissions, never the gold; the export has real tasks only.
    const headers = await csrfHeaders(reviewer);
    const reviewed: string[] = [];
    for (;;) {
      const next = await reviewer.request.post(`/api/v1/projects/${live}/stages/review/next`, { headers });
      if (next.status() !== 200) break;
      const id = (await next.json()).id as string;
      reviewed.push(id);
      const approved = await reviewer.request.post(`/api/v1/tasks/${id}/approve`, { headers, data: {} });
      expect(approved.status(), await approved.text()).toBe(200);
    }
    expect(reviewed).toHaveLength(3);
    for (const id of reviewed) expect(realTasks).toContain(id);
    const exported = await (await admin.request.get(`/api/v1/projects/${live}/export`)).json();
    expect(exported.tasks.map((t: { id: string }) => t.id).sort()).toEqual([...realTasks].sort());

    // 6. The Benchmark tab: the Admin sees the Tasker's scores and the charts; the Tasker their own.
    await admin.goto(`/projects/${live}?tab=benchmark`);
    const annotators = admin.getByRole('table').filter({ hasText: TASKER.name });
    await annotators.first().waitFor();
    await admin.getByText('Score distribution').waitFor();
    await expect.poll(() => admin.locator('.recharts-surface').count()).toBeGreaterThan(0);
    // Drill-down: the report narrowed to the Tasker.
    await admin.getByRole('button', { name: TASKER.name, exact: true }).click();
    await admin.getByText(`Only ${TASKER.name}`).waitFor();
    await tasker.goto(`/projects/${live}?tab=benchmark`);
    await tasker.getByText('My scores', { exact: true }).first().waitFor();
    expect(await tasker.getByText('Gold sets').count()).toBe(0);

    expect(errors).toEqual([]);
  });
});
