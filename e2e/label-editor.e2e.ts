import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, useE2E } from './helpers/browser.ts';
import { canvasAt, click, drag } from './helpers/canvas.ts';
import { trackPageErrors } from './helpers/invites.ts';
import { type Person, signIn, welcome } from './helpers/pages.ts';
import { imageProject, startWork, taskIdOf } from './helpers/projects.ts';
import { withAdmin } from './helpers/session.ts';

// Issue 5's acceptance tests for the label editor: one of each shape drawn with the mouse, a
// nested classification answered, undo/redo, a reload mid-task that finds the work intact, a
// submit that opens the next task; and autosave through a network drop, replayed in order.

const ADMIN: Person = { name: 'Ada Admin', email: 'ada@example.test', password: 'admin passphrase 1' };
const IMAGES = ['first.png', 'second.png'];

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
    {
      featureId: 'rbox-ship',
      name: 'Ship',
      shape: 'rotatable_box',
      color: '#3cb44b',
      hotkey: '2',
      attributes: [],
    },
    { featureId: 'poly-lake', name: 'Lake', shape: 'polygon', color: '#4363d8', hotkey: '3', attributes: [] },
    {
      featureId: 'line-road',
      name: 'Road',
      shape: 'polyline',
      color: '#f58231',
      hotkey: '4',
      attributes: [],
    },
    { featureId: 'point-tree', name: 'Tree', shape: 'point', color: '#911eb4', hotkey: '5', attributes: [] },
    {
      featureId: 'skel-person',
      name: 'Person',
      shape: 'keypoint_skeleton',
      color: '#46f0f0',
      hotkey: '6',
      skeleton: {
        points: [
          { id: 'head', name: 'Head' },
          { id: 'hip', name: 'Hip' },
          { id: 'foot', name: 'Foot' },
        ],
        edges: [
          ['head', 'hip'],
          ['hip', 'foot'],
        ],
      },
      attributes: [],
    },
  ],
  classifications: [
    {
      featureId: 'q-weather',
      name: 'Weather',
      kind: 'radio',
      required: true,
      options: [
        { featureId: 'o-sunny', label: 'Sunny' },
        {
          featureId: 'o-rainy',
          label: 'Rainy',
          questions: [
            {
              featureId: 'q-intensity',
              name: 'Intensity',
              kind: 'radio',
              required: true,
              options: [
                { featureId: 'o-light', label: 'Light' },
                { featureId: 'o-heavy', label: 'Heavy' },
              ],
            },
          ],
        },
      ],
    },
  ],
};

/** Ontology, dataset of two images and an In progress project, through the API; returns the project id. */
async function labellingProject(page: Page): Promise<string> {
  return imageProject(page, {
    name: 'Scene labels',
    ontology: ONTOLOGY,
    images: IMAGES,
    seed: 3,
    workflowTemplateId: 'builtin:annotate_review',
  });
}

/** Starts labelling in the project's Annotate stage; returns the task id once the editor has drawn. */
async function openEditor(page: Page, projectId: string): Promise<string> {
  const taskId = await startWork(page, projectId, 'annotate', 'Start labelling');
  await page.getByText('Saved', { exact: true }).or(page.getByText('Unsaved changes')).first().waitFor();
  return taskId;
}

interface Labels {
  revision: number;
  document: {
    objects: { id: string; featureId: string; geometry: { type: string } }[];
    classifications: { featureId: string; optionIds?: string[]; answers?: unknown[] }[];
  };
}

const labelsOf = async (page: Page, taskId: string): Promise<Labels> =>
  (await page.request.get(`/api/v1/tasks/${taskId}/labels`)).json();

/** Waits until every change is saved (the status says so and nothing is waiting). */
const saved = (page: Page) => page.getByText('Saved', { exact: true }).waitFor();

describeInBrowser('the label editor', () => {
  const e2e = useE2E();

  async function adminWithProject() {
    const server = await e2e.server(withAdmin(ADMIN));
    const page = await (await e2e.context(server)).newPage();
    const errors = trackPageErrors(page);
    await signIn(page, ADMIN);
    await welcome(page, ADMIN).waitFor();
    const projectId = await labellingProject(page);
    return { page, errors, projectId };
  }

  it('draws every shape, answers a nested question, undoes and redoes, survives a reload, submits to the next task', async () => {
    const { page, errors, projectId } = await adminWithProject();
    const taskId = await openEditor(page, projectId);
    const at = await canvasAt(page);

    // Each class by its ontology hotkey, then its shape drawn the way the tool draws it.
    await page.keyboard.press('1');
    await drag(page, at(-200, -150), at(-120, -80));
    await page.keyboard.press('2');
    await drag(page, at(-80, -150), at(0, -90));
    await page.keyboard.press('3');
    await click(page, at(40, -150));
    await click(page, at(120, -150));
    await click(page, at(90, -80));
    await page.keyboard.press('Enter');
    await page.keyboard.press('4');
    await click(page, at(-200, 20));
    await click(page, at(-120, 60));
    await click(page, at(-60, 20));
    await page.keyboard.press('Enter');
    await page.keyboard.press('5');
    await click(page, at(0, 40));
    await page.keyboard.press('6');
    await click(page, at(120, 0));
    await click(page, at(120, 50));
    await click(page, at(120, 100));

    // The nested classification: Rainy opens Intensity beneath it.
    await page.getByLabel('Rainy', { exact: true }).check();
    await page.getByLabel('Heavy', { exact: true }).check();

    await saved(page);
    await expect
      .poll(async () => (await labelsOf(page, taskId)).document.objects.map((o) => o.geometry.type))
      .toEqual(['bounding_box', 'rotatable_box', 'polygon', 'polyline', 'point', 'keypoint_skeleton']);

    // Undo takes back the two answers, then the skeleton; redo brings all three back. (Focus
    // leaves the radio button first: keys typed into a field are the field's.)
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByLabel('Heavy', { exact: true }).isChecked()).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByLabel('Rainy', { exact: true }).isChecked()).toBe(false);
    await page.keyboard.press('Control+z');
    await saved(page);
    await expect.poll(async () => (await labelsOf(page, taskId)).document.objects.length).toBe(5);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByLabel('Heavy', { exact: true }).isChecked()).toBe(true);
    await saved(page);
    await expect.poll(async () => (await labelsOf(page, taskId)).document.objects.length).toBe(6);

    // A reload mid-task finds the work as it was.
    await page.reload();
    await page.getByTestId('editor-canvas').locator('canvas').first().waitFor();
    await expect.poll(() => page.getByLabel('Heavy', { exact: true }).isChecked()).toBe(true);
    await page.getByText('6 objects', { exact: true }).waitFor();

    // Everything copied, then submitted: the next task opens, with nothing on it yet.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await page.getByRole('button', { name: /^Submit/ }).click();
    await page.getByRole('heading', { name: 'second.png', exact: true, level: 1 }).waitFor();
    await page.getByText('0 objects', { exact: true }).waitFor();
    const nextId = taskIdOf(page);
    expect(nextId).not.toBe(taskId);
    const submitted = await labelsOf(page, taskId);
    expect(submitted.document.classifications).toEqual([
      {
        featureId: 'q-weather',
        optionIds: ['o-rainy'],
        answers: [{ featureId: 'q-intensity', optionIds: ['o-heavy'] }],
      },
    ]);
    const task = await (await page.request.get(`/api/v1/tasks/${taskId}`)).json();
    expect(task.stageId).toBe('review');

    // The copied objects paste into the next task, as new objects of their own.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Control+v');
    await page.getByText('6 objects', { exact: true }).waitFor();
    await saved(page);
    const pasted = (await labelsOf(page, nextId)).document.objects;
    const original = submitted.document.objects;
    expect(pasted.map((o) => o.geometry)).toEqual(original.map((o) => o.geometry));
    expect(pasted.filter((o) => original.some((p) => p.id === o.id))).toEqual([]);

    expect(errors, 'uncaught errors in the page').toEqual([]);
  }, 180_000);

  it('keeps editing through a network drop and saves every change in order when it is back', async () => {
    const { page, errors, projectId } = await adminWithProject();
    const taskId = await openEditor(page, projectId);
    const at = await canvasAt(page);

    await page.keyboard.press('1');
    await drag(page, at(-200, -150), at(-120, -80));
    await saved(page);
    const before = (await labelsOf(page, taskId)).revision;

    await page.context().setOffline(true);
    await drag(page, at(-80, -150), at(0, -90));
    await page.getByText(/^Offline/).waitFor();
    await drag(page, at(20, -150), at(100, -90));
    // Each pause longer than the autosave delay is one snapshot waiting in order.
    await page.getByText(/2 changes waiting/).waitFor({ timeout: 20_000 });
    await page.context().setOffline(false);
    await saved(page);

    const revisions = await (await page.request.get(`/api/v1/tasks/${taskId}/labels/revisions`)).json();
    const after = revisions.items
      .filter((r: { revision: number }) => r.revision > before)
      .sort((a: { revision: number }, b: { revision: number }) => a.revision - b.revision);
    expect(after.map((r: { revision: number }) => r.revision)).toEqual([before + 1, before + 2]);
    const counts: number[] = [];
    for (const r of after) {
      const one = await (
        await page.request.get(`/api/v1/tasks/${taskId}/labels/revisions/${r.revision}`)
      ).json();
      counts.push(one.document.objects.length);
    }
    expect(counts).toEqual([2, 3]);

    expect(errors, 'uncaught errors in the page').toEqual([]);
  }, 180_000);
  it('offers Reload or Merge when another tab saved first, and merges both tabs’ work', async () => {
    const { page, errors, projectId } = await adminWithProject();
    const taskId = await openEditor(page, projectId);
    // The same task in a second tab, opened before the first tab saves anything.
    const other = await page.context().newPage();
    // Into the same list: errors the second tab raises later must count too.
    other.on('pageerror', (err) => errors.push(`${other.url()}: ${String(err)}`));
    await other.goto(`/tasks/${taskId}`);
    await other.getByTestId('editor-canvas').locator('canvas').first().waitFor();
    await other.getByText('Saved', { exact: true }).waitFor();

    const at = await canvasAt(page);
    await page.keyboard.press('1');
    await drag(page, at(-200, -150), at(-120, -80));
    await saved(page);

    const atOther = await canvasAt(other);
    await other.keyboard.press('5');
    await click(other, atOther(0, 40));
    await other.getByText('Conflict: someone else saved this task').waitFor();
    // Nothing was overwritten: the server still has the first tab's box alone.
    expect((await labelsOf(page, taskId)).document.objects.map((o) => o.featureId)).toEqual(['box-car']);

    await other.getByRole('button', { name: 'Merge', exact: true }).click();
    await other.getByText('Merged your changes with the saved labels.').waitFor();
    await saved(other);
    await other.getByText('2 objects', { exact: true }).waitFor();
    expect((await labelsOf(page, taskId)).document.objects.map((o) => o.featureId).sort()).toEqual([
      'box-car',
      'point-tree',
    ]);

    expect(errors, 'uncaught errors in the pages').toEqual([]);
  }, 180_000);
  it('keeps unsaved work in the browser through a reload and saves it when the page opens again', async () => {
    const { page, errors, projectId } = await adminWithProject();
    const taskId = await openEditor(page, projectId);
    const at = await canvasAt(page);

    // Saves fail as if the server were unreachable, so the work exists only in this browser.
    const saves = '**/api/v1/tasks/*/labels';
    await page.route(saves, (route) =>
      route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.fallback(),
    );
    await page.keyboard.press('1');
    await drag(page, at(-200, -150), at(-120, -80));
    await page.keyboard.press('5');
    await click(page, at(0, 40));
    await page.getByText(/^Offline/).waitFor();
    expect((await labelsOf(page, taskId)).document.objects).toEqual([]);

    // The page is reloaded (closed and opened) before any save got through.
    await page.unroute(saves);
    await page.reload();
    await page.getByTestId('editor-canvas').locator('canvas').first().waitFor();
    await page.getByText('2 objects', { exact: true }).waitFor();
    await saved(page);
    expect((await labelsOf(page, taskId)).document.objects.map((o) => o.featureId)).toEqual([
      'box-car',
      'point-tree',
    ]);

    expect(errors, 'uncaught errors in the page').toEqual([]);
  }, 180_000);
});
