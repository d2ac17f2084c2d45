import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, useE2E } from './helpers/browser.ts';
import { canvasAt, drag, focusPage } from './helpers/canvas.ts';
import type { Person } from './helpers/pages.ts';
import { imageProject, startWork } from './helpers/projects.ts';
import { userIdByEmail } from './helpers/session.ts';
import { signedInCrew } from './helpers/team.ts';

// Issue 7's acceptance test, consensus review: three Annotators box the same car, two of them
// close together and one far off, and submit; the round closes and a Reviewer opens the task in
// consensus mode. The off box's cluster is listed as a disagreement, highlighted, with the other
// two annotators missing; the Reviewer hides an annotator in the overlay, takes the off box into
// the draft and resolves with Ctrl+Enter. The task is Complete, and the round says resolved with
// each annotator scored against the resolution.

const ADMIN: Person = { name: 'Ada Admin', email: 'ada@example.test', password: 'admin passphrase 1' };
const ANNOTATORS: Person[] = [
  { name: 'Ann Labeller', email: 'ann@example.test', password: 'annotator passphrase 2' },
  { name: 'Bob Boxer', email: 'bob@example.test', password: 'annotator passphrase 3' },
  { name: 'Cat Outlier', email: 'cat@example.test', password: 'annotator passphrase 4' },
];
const REVIEWER: Person = {
  name: 'Rex Reviewer',
  email: 'rex@example.test',
  password: 'reviewer passphrase 5',
};
const IMAGE = 'street.png';

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

const WORKFLOW = {
  formatVersion: 1,
  stages: [
    { id: 'label', name: 'Label', type: 'consensus', start: true, settings: { annotatorCount: 3 } },
    { id: 'settle', name: 'Settle', type: 'consensus_review', settings: {} },
    { id: 'done', name: 'Done', type: 'complete', settings: {} },
  ],
  edges: [
    { from: 'label', to: 'settle', kind: 'done' },
    { from: 'settle', to: 'done', kind: 'approved' },
    { from: 'settle', to: 'label', kind: 'rejected' },
  ],
};

/**
 * Through the API: the ontology, a dataset of one image, and an In progress project on
 * Consensus (3 annotators) → Consensus review → Complete with the Annotators and the Reviewer.
 */
async function consensusProject(admin: Page): Promise<string> {
  return imageProject(admin, {
    name: 'Street consensus',
    ontology: ONTOLOGY,
    images: [IMAGE],
    seed: 5,
    workflow: WORKFLOW,
    members: [
      ...ANNOTATORS.map((a) => ({ email: a.email, role: 'annotator' })),
      { email: REVIEWER.email, role: 'reviewer' },
    ],
  });
}

/** Starts work in a stage's queue; returns the task id once the task's page and canvas are up. */
async function openWork(page: Page, projectId: string, stage: string, button: string): Promise<string> {
  const taskId = await startWork(page, projectId, stage, button);
  await page.getByRole('heading', { name: IMAGE, exact: true, level: 1 }).waitFor();
  return taskId;
}

interface Box {
  id: string;
  geometry: { type: string; x: number; y: number; w: number; h: number };
}

/** The caller's own labels (an annotator's branch in a consensus stage). */
const ownObjects = async (page: Page, taskId: string): Promise<Box[]> =>
  (await (await page.request.get(`/api/v1/tasks/${taskId}/labels`)).json()).document.objects;

describeInBrowser('consensus review', () => {
  const e2e = useE2E();

  it('shows the annotators’ disagreement, takes the off box into the draft, resolves, scores everyone, and the report shows each annotator’s agreement', async () => {
    const { admin, annotators, reviewer, errors } = await signedInCrew(e2e, {
      admin: ADMIN,
      annotators: ANNOTATORS,
      reviewer: REVIEWER,
    });
    const [ann, bob, cat] = annotators as [Page, Page, Page];
    const projectId = await consensusProject(admin);
    const ids = await Promise.all([...ANNOTATORS, REVIEWER].map((p) => userIdByEmail(admin, p.email)));
    const [annId, bobId, catId] = ids as [string, string, string];

    // 1. Each Annotator boxes the car on their own branch and submits: Ann and Bob close
    // together, Cat well away from both (no overlap at all).
    const drawings: [Page, [number, number, number, number]][] = [
      [ann, [-120, -90, 0, 0]],
      [bob, [-114, -86, 6, 4]],
      [cat, [60, 40, 170, 130]],
    ];
    let taskId = '';
    const drawn: Box[] = [];
    for (const [page, [x0, y0, x1, y1]] of drawings) {
      const id = await openWork(page, projectId, 'label', 'Start labelling');
      if (taskId) expect(id).toBe(taskId);
      taskId = id;
      await page.getByText('Saved', { exact: true }).waitFor();
      const at = await canvasAt(page);
      await focusPage(page);
      await page.keyboard.press('1');
      await drag(page, at(x0, y0), at(x1, y1));
      await page.getByText('1 object').waitFor();
      await page.getByText('Saved', { exact: true }).waitFor();
      const objects = await ownObjects(page, taskId);
      expect(objects).toHaveLength(1);
      drawn.push(objects[0] as Box);
      await page.getByRole('button', { name: /^Submit/ }).click();
      await page.getByText('Nothing to do in this stage right now.').waitFor();
    }
    const catBox = drawn[2] as Box;
    const offKey = `box-car:${catBox.id}`;

    // 2. The round closed: the Reviewer's editor opens in consensus mode, the draft being the
    // consensus labels (Ann's and Bob's box, once), not saved until resolved.
    expect(await openWork(reviewer, projectId, 'settle', 'Start reviewing')).toBe(taskId);
    const panel = reviewer.getByRole('region', { name: 'Consensus', exact: true });
    await panel.waitFor();
    await reviewer.getByText(/^Draft.*saved when you resolve$/).waitFor();
    expect(await reviewer.getByTestId('review-panel').count()).toBe(0);
    expect(await reviewer.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
    await reviewer.getByText('1 object').waitFor();
    const annotatorList = panel.getByRole('list', { name: 'Annotators' });
    for (const a of ANNOTATORS) await annotatorList.getByText(a.name, { exact: true }).waitFor();
    await panel.getByText(/^Agreement \d+%$/).waitFor();

    // The off box's cluster is a disagreement: highlighted, Ann and Bob listed as missing.
    const disagreements = panel.getByRole('list', { name: 'Disagreements' });
    const offRow = disagreements.locator(`li[data-cluster-key="${offKey}"]`);
    await offRow.waitFor();
    expect(await offRow.getAttribute('class')).toContain('cs-row-missing');
    await offRow.getByText('Not drawn by all', { exact: true }).waitFor();
    const missing = offRow.locator('.cs-missing dd');
    await expect.poll(() => missing.textContent()).toBe(`${ANNOTATORS[0]?.name}, ${ANNOTATORS[1]?.name}`);
    const inDraft = offRow.locator('.cs-facts div', { hasText: 'In the draft' }).locator('dd');
    await expect.poll(() => inDraft.textContent()).toBe('No');

    // 3. The overlay draws every annotator's box in their colour, the off one outlined as missing;
    // Bob hidden, his box goes.
    await reviewer.getByRole('button', { name: 'Overlay', exact: true }).click();
    const overlay = reviewer.getByRole('img', { name: /overlaid$/ });
    await overlay.waitFor();
    expect(await overlay.locator('g[data-annotator]').count()).toBe(3);
    expect(await overlay.locator(`g[data-cluster-key="${offKey}"][data-flag="missing"]`).count()).toBe(1);
    expect(await overlay.locator(`g[data-annotator="${bobId}"] rect`).count()).toBeGreaterThan(0);
    await annotatorList.getByRole('checkbox', { name: `Show ${ANNOTATORS[1]?.name}` }).uncheck();
    await expect.poll(() => overlay.locator(`g[data-annotator="${bobId}"]`).count()).toBe(0);
    expect(await overlay.locator('g[data-annotator]').count()).toBe(2);
    expect(await overlay.getAttribute('aria-label')).not.toContain(ANNOTATORS[1]?.name ?? '?');

    // Side by side: the draft and one pane per shown annotator.
    await reviewer.getByRole('button', { name: 'Side by side', exact: true }).click();
    const panes = reviewer.getByRole('list', { name: 'Labels side by side' }).getByRole('listitem');
    await expect.poll(() => panes.count()).toBe(3);

    // 4. Cat's box is taken into the draft, then the task resolved with Ctrl+Enter.
    await offRow.getByRole('button', { name: `Take ${ANNOTATORS[2]?.name}’s` }).click();
    await expect.poll(() => inDraft.textContent()).toBe(`${ANNOTATORS[2]?.name}’s`);
    await reviewer.getByRole('button', { name: 'Draft', exact: true }).click();
    await reviewer.getByText('2 objects').waitFor();
    await focusPage(reviewer);
    await reviewer.keyboard.press('Control+Enter');
    await reviewer.getByText('Nothing to do in this stage right now.').waitFor();

    // 5. Complete, with both boxes on main; the round resolved and everyone scored.
    const task = await (await admin.request.get(`/api/v1/tasks/${taskId}`)).json();
    expect(task).toMatchObject({ stageId: 'done', status: 'completed' });
    const main = (await (await admin.request.get(`/api/v1/tasks/${taskId}/labels?branch=main`)).json())
      .document.objects as Box[];
    expect(main).toHaveLength(2);
    expect(main.map((o) => o.geometry)).toContainEqual(catBox.geometry);

    const response = await admin.request.get(`/api/v1/tasks/${taskId}/consensus`);
    expect(response.status(), await response.text()).toBe(200);
    const round = await response.json();
    expect(round.state).toBe('resolved');
    expect(round.resolution.taken).toEqual([{ kind: 'object', clusterKey: offKey, from: catId }]);
    expect([annId, bobId]).toContain(round.resolution.base);
    const scores = round.resolution.annotators as {
      annotatorId: string;
      agreement: number;
      won: number;
      overruled: number;
    }[];
    expect(scores.map((s) => s.annotatorId).sort()).toEqual([annId, bobId, catId].sort());
    for (const s of scores) {
      expect(s.agreement).toBeGreaterThanOrEqual(0);
      expect(s.agreement).toBeLessThanOrEqual(1);
      expect(Number.isInteger(s.won) && Number.isInteger(s.overruled)).toBe(true);
    }
    expect(scores.find((s) => s.annotatorId === catId)?.won).toBeGreaterThanOrEqual(1);

    // 6. The project's agreement report shows each annotator's agreement, with the others and
    // with the resolved labels.
    await admin.goto(`/projects/${projectId}?tab=agreement`);
    const perAnnotator = admin.getByRole('table', { name: 'Agreement per annotator' });
    await perAnnotator.waitFor();
    for (const person of ANNOTATORS) {
      const row = perAnnotator.getByRole('row').filter({ hasText: person.name });
      await expect.poll(() => row.count()).toBe(1);
      // Agreement with the others and with the resolved labels: two percentages, no “—”.
      expect((await row.textContent())?.match(/\d+%/g)?.length).toBe(2);
    }

    expect(errors, 'uncaught errors in the pages').toEqual([]);
  }, 300_000);
});
