import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, useE2E } from './helpers/browser.ts';
import { canvasAt, click, drag, focusPage } from './helpers/canvas.ts';
import type { Person } from './helpers/pages.ts';
import { imageProject, startWork } from './helpers/projects.ts';
import { signedInTeam } from './helpers/team.ts';

// Issue 6's acceptance test, the review loop: an Annotator boxes three objects and submits; a
// Reviewer walks the labels with the keyboard, approves two and rejects one with a reason and a
// tag, and rejects the task; the Annotator gets it back Reopened with the issue pinned to that
// object (listed, and the object flagged), moves the box, resolves the issue and submits again;
// the Reviewer sees the label Resolved and changed and approves the task, which is Complete; the
// task's history holds every step in order.

const ADMIN: Person = { name: 'Ada Admin', email: 'ada@example.test', password: 'admin passphrase 1' };
const ANNOTATOR: Person = {
  name: 'Ann Labeller',
  email: 'ann@example.test',
  password: 'annotator passphrase 2',
};
const REVIEWER: Person = {
  name: 'Rex Reviewer',
  email: 'rex@example.test',
  password: 'reviewer passphrase 3',
};
const IMAGE = 'street.png';
const REASON = 'The box cuts off the bumper';
const TAGS = ['Loose box', 'Wrong class'];
/** The overlay's outline of an object with an open issue (draw.ts). */
const FLAG_RGB = [0xdc, 0x26, 0x26] as const;

const ONTOLOGY = {
  formatVersion: 1,
  objects: [
    {
      featureId: 'box-car',
      name: 'Car',
      shape: 'bounding_box',
      color: '#4363d8',
      hotkey: '1',
      attributes: [],
    },
  ],
  classifications: [],
};

/**
 * Through the API: an ontology with one box class, a dataset of one image, and an In progress
 * project on the built-in Annotate → Review → Complete with the Annotator and the Reviewer, and
 * two issue tags. Returns the project's id.
 */
async function reviewProject(admin: Page, opts: { reviewerEdits?: boolean } = {}): Promise<string> {
  return imageProject(admin, {
    name: 'Street review',
    ontology: ONTOLOGY,
    images: [IMAGE],
    seed: 5,
    workflowTemplateId: 'builtin:annotate_review',
    members: [
      { email: ANNOTATOR.email, role: 'annotator' },
      { email: REVIEWER.email, role: 'reviewer' },
    ],
    prepare: async (projectId, headers) => {
      if (opts.reviewerEdits) {
        const current = await (await admin.request.get(`/api/v1/projects/${projectId}/workflow`)).json();
        const workflow = {
          ...current.workflow,
          stages: current.workflow.stages.map((s: { type: string; settings: object }) =>
            s.type === 'review' ? { ...s, settings: { ...s.settings, allowReviewerEdits: true } } : s,
          ),
        };
        const changed = await admin.request.put(`/api/v1/projects/${projectId}/workflow`, {
          headers,
          data: { workflow, baseVersion: current.version, note: 'Reviewers may edit' },
        });
        expect(changed.status(), await changed.text()).toBe(200);
      }
      const tags = await admin.request.put(`/api/v1/projects/${projectId}/issue-tags`, {
        headers,
        data: { names: TAGS },
      });
      expect(tags.status(), await tags.text()).toBe(200);
    },
  });
}

/** Waits until the editor has drawn the image and says where its labels stand. */
async function editorReady(page: Page) {
  await page.getByTestId('editor-canvas').locator('canvas').first().waitFor();
  await page
    .getByText('Saved', { exact: true })
    .or(page.getByText('Read only', { exact: true }))
    .first()
    .waitFor();
}

/** Starts work in a stage's queue; returns the task id once the editor is up. */
async function openWork(page: Page, projectId: string, stage: string, button: string): Promise<string> {
  const taskId = await startWork(page, projectId, stage, button);
  await page.getByRole('heading', { name: IMAGE, exact: true, level: 1 }).waitFor();
  await editorReady(page);
  return taskId;
}

interface Box {
  id: string;
  geometry: { type: string; x: number; y: number; w: number; h: number };
}

const objectsOf = async (page: Page, taskId: string): Promise<Box[]> =>
  (await (await page.request.get(`/api/v1/tasks/${taskId}/labels?branch=main`)).json()).document.objects;

const reviewsOf = async (page: Page, taskId: string) =>
  (await (await page.request.get(`/api/v1/tasks/${taskId}/reviews`)).json()) as {
    items: {
      labelId: string;
      status: string;
      reason: string | null;
      tags: string[];
      changedSinceDecision: boolean;
    }[];
  };

const statusOf = (reviews: Awaited<ReturnType<typeof reviewsOf>>, labelId: string) =>
  reviews.items.find((r) => r.labelId === labelId)?.status;

/**
 * Pixels of the overlay layer (the canvas's last) in the flag colour: all of them, or those
 * within `radius` CSS pixels of a point given as an offset from the canvas's centre.
 */
const flaggedPixels = (page: Page, near?: { dx: number; dy: number; radius: number }) =>
  page.getByTestId('editor-canvas').evaluate(
    (el, { rgb, near }) => {
      const canvases = el.querySelectorAll('canvas');
      const overlay = canvases[canvases.length - 1];
      const ctx = overlay?.getContext('2d');
      if (!overlay || !ctx) return -1;
      const ratio = overlay.width / Math.max(1, overlay.clientWidth || el.clientWidth);
      const [x0, y0, w, h] = near
        ? [
            Math.round((el.clientWidth / 2 + near.dx - near.radius) * ratio),
            Math.round((el.clientHeight / 2 + near.dy - near.radius) * ratio),
            Math.round(2 * near.radius * ratio),
            Math.round(2 * near.radius * ratio),
          ]
        : [0, 0, overlay.width, overlay.height];
      const { data } = ctx.getImageData(x0, y0, w, h);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const close = (k: number) => Math.abs((data[i + k] ?? 0) - (rgb[k] ?? 0)) < 24;
        if ((data[i + 3] ?? 0) > 200 && close(0) && close(1) && close(2)) n++;
      }
      return n;
    },
    { rgb: FLAG_RGB, near },
  );

const reviewRow = (page: Page, labelId: string) =>
  page.getByRole('list', { name: 'Labels to review' }).locator(`li[data-label-id="${labelId}"]`);

describeInBrowser('the review loop', () => {
  const e2e = useE2E();

  it('rejects one label of three by keyboard, the annotator fixes it and resolves the issue, and the task is approved', async () => {
    const { admin, annotator, reviewer, errors } = await signedInTeam(e2e, {
      admin: ADMIN,
      annotator: ANNOTATOR,
      reviewer: REVIEWER,
    });
    const projectId = await reviewProject(admin);

    // 1. The Annotator boxes three cars and submits.
    const taskId = await openWork(annotator, projectId, 'annotate', 'Start labelling');
    const at = await canvasAt(annotator);
    await annotator.keyboard.press('1');
    await drag(annotator, at(-220, -120), at(-140, -50));
    await drag(annotator, at(-40, -120), at(40, -50));
    await drag(annotator, at(140, -120), at(220, -50));
    await annotator.getByText('3 objects').waitFor();
    await annotator.getByText('Saved', { exact: true }).waitFor();
    const drawn = await objectsOf(annotator, taskId);
    expect(drawn).toHaveLength(3);
    const [first, second, third] = drawn.map((o) => o.id) as [string, string, string];
    await annotator.getByRole('button', { name: /^Submit/ }).click();
    await annotator.getByText('Nothing to do in this stage right now.').waitFor();

    // 2. The Reviewer opens the review stage: read only, every label New.
    expect(await openWork(reviewer, projectId, 'review', 'Start reviewing')).toBe(taskId);
    const panel = reviewer.getByTestId('review-panel');
    await panel.getByText('0 of 3 decided').waitFor();
    await reviewer.getByText('Read only', { exact: true }).waitFor();
    for (const id of [first, second, third])
      await reviewRow(reviewer, id).getByText('New', { exact: true }).waitFor();

    // N walks the labels (selecting each on the canvas); A approves, R rejects with a reason and a tag.
    await focusPage(reviewer);
    await reviewer.keyboard.press('n');
    await expect.poll(() => reviewRow(reviewer, first).getAttribute('aria-current')).toBe('true');
    await reviewer.keyboard.press('a');
    await reviewRow(reviewer, first).getByText('Approved', { exact: true }).waitFor();
    await reviewer.keyboard.press('n');
    await expect.poll(() => reviewRow(reviewer, second).getAttribute('aria-current')).toBe('true');
    await reviewer.keyboard.press('a');
    await reviewer.keyboard.press('n');
    await reviewer.keyboard.press('Shift+N');
    await expect.poll(() => reviewRow(reviewer, second).getAttribute('aria-current')).toBe('true');
    await reviewer.keyboard.press('n');
    await expect.poll(() => reviewRow(reviewer, third).getAttribute('aria-current')).toBe('true');
    // The canvas's selection follows: the object panel shows the third box.
    await reviewer.getByText(third, { exact: true }).waitFor();
    // R is the review's here, not the rotatable-box tool's: it opens the reason, Escape closes it.
    await reviewer.keyboard.press('r');
    const reason = reviewer.getByLabel(/^Reason for rejecting Car/);
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await reviewer.keyboard.press('Escape');
    await reason.waitFor({ state: 'detached' });
    await reviewer.keyboard.press('r');
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await reviewer.keyboard.type(REASON);
    await reviewer.keyboard.press('Tab');
    await reviewer.keyboard.press('Space');
    await reviewer.keyboard.press('Enter');
    await reviewRow(reviewer, third).getByText('Rejected', { exact: true }).waitFor();
    await reviewRow(reviewer, third).getByText(`“${REASON}”`).waitFor();
    await panel.getByText('3 of 3 decided').waitFor();
    await expect
      .poll(async () => {
        const r = await reviewsOf(reviewer, taskId);
        return [first, second, third].map((id) => statusOf(r, id));
      })
      .toEqual(['approved', 'approved', 'rejected']);
    const rejected = (await reviewsOf(reviewer, taskId)).items.find((r) => r.labelId === third);
    expect(rejected).toMatchObject({ reason: REASON, tags: [TAGS[0]] });

    // The task is rejected: the rejected label is its reason, no note needed.
    await reviewer.getByRole('button', { name: 'Reject', exact: true }).click();
    await reviewer.getByText('Nothing to do in this stage right now.').waitFor();

    // 3. The Annotator gets it back Reopened, the issue pinned to the rejected box.
    await annotator.goto(`/projects/${projectId}?tab=queue&stage=annotate`);
    const row = annotator
      .getByRole('row')
      .filter({ has: annotator.getByRole('link', { name: IMAGE, exact: true }) });
    await row.getByText('Reopened', { exact: true }).waitFor();
    await row.getByRole('link', { name: IMAGE, exact: true }).click();
    await annotator.getByRole('heading', { name: IMAGE, exact: true, level: 1 }).waitFor();
    const claim = annotator.getByRole('button', { name: 'Claim', exact: true });
    const submit = annotator.getByRole('button', { name: /^Submit/ });
    await claim.or(submit).first().waitFor();
    if (await claim.isVisible()) await claim.click();
    await submit.waitFor();
    // The editor opens again for editing once the task is the Annotator's.
    await annotator.getByText('Saved', { exact: true }).waitFor();

    const issues = annotator.getByTestId('issues-panel');
    await issues.getByText('1 open', { exact: true }).waitFor();
    const issue = issues.getByRole('listitem').filter({ hasText: REASON });
    const issueStatus = issue.locator('.rv-status');
    await expect.poll(() => issueStatus.textContent()).toBe('Open');
    await issue.getByText(`Car ${third.slice(0, 6)}`).waitFor();
    // Flagged in the object list and on the canvas.
    const objectRow = (id: string) => annotator.locator(`tr[data-object-id="${id}"]`);
    await objectRow(third).getByText('1 issue', { exact: true }).waitFor();
    await objectRow(third).getByText('Rejected', { exact: true }).waitFor();
    expect(await objectRow(first).getByText('1 issue').count()).toBe(0);
    await expect.poll(() => flaggedPixels(annotator)).toBeGreaterThan(50);

    // A click on the issue selects the box and centres it; the Annotator drags it to fix it.
    await issue.getByRole('button').first().click();
    await expect.poll(() => objectRow(third).getAttribute('aria-selected')).toBe('true');
    await issue.getByText(TAGS[0] ?? '', { exact: true }).waitFor();
    const centred = await canvasAt(annotator);
    await drag(annotator, centred(0, 0), centred(25, 15));
    await annotator.getByText('Saved', { exact: true }).waitFor();
    await expect
      .poll(async () => (await objectsOf(annotator, taskId)).find((o) => o.id === third)?.geometry.x)
      .not.toBe(drawn[2]?.geometry.x);

    // Resolved: the flag goes, and the task is submitted again.
    await issue.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect.poll(() => issueStatus.textContent()).toBe('Resolved');
    await issues.getByText('0 open', { exact: true }).waitFor();
    await expect.poll(() => objectRow(third).getByText('1 issue').count()).toBe(0);
    await annotator.getByRole('heading', { level: 1 }).click();
    await expect.poll(() => flaggedPixels(annotator)).toBe(0);
    await submit.click();
    await annotator.getByText('Nothing to do in this stage right now.').waitFor();

    // 4. The Reviewer sees the fixed box Resolved and changed, the others still Approved, and
    // approves the task.
    expect(await openWork(reviewer, projectId, 'review', 'Start reviewing')).toBe(taskId);
    await reviewRow(reviewer, third).getByText('Resolved', { exact: true }).waitFor();
    await reviewRow(reviewer, third).getByText('Changed', { exact: true }).waitFor();
    for (const id of [first, second]) {
      await reviewRow(reviewer, id).getByText('Approved', { exact: true }).waitFor();
      expect(await reviewRow(reviewer, id).getByText('Changed', { exact: true }).count()).toBe(0);
    }
    await reviewer.getByRole('button', { name: /^Approve$/ }).click();
    await reviewer.getByText('Nothing to do in this stage right now.').waitFor();

    // 5. Complete, every label approved, and the history in order.
    const task = await (await admin.request.get(`/api/v1/tasks/${taskId}`)).json();
    expect(task).toMatchObject({ stageId: 'complete', status: 'completed', openIssues: 0 });
    const final = await reviewsOf(admin, taskId);
    expect([first, second, third].map((id) => statusOf(final, id))).toEqual([
      'approved',
      'approved',
      'approved',
    ]);

    const events = (await (await admin.request.get(`/api/v1/tasks/${taskId}/events`)).json()).items as {
      kind: string;
    }[];
    const kinds = events.map((e) => e.kind).filter((k) => k !== 'labels_saved' && k !== 'claimed');
    expect(inOrder(kinds, EXPECTED_STEPS), `history: ${kinds.join(', ')}`).toBe(true);

    // The history on the task page says the same.
    await admin.goto(`/tasks/${taskId}`);
    await admin.locator('summary', { hasText: 'History' }).click();
    const shown = await admin
      .getByRole('list', { name: 'Task history' })
      .locator('.history-kind')
      .allTextContents();
    expect(inOrder(shown, EXPECTED_TEXT), `history shown: ${shown.join(', ')}`).toBe(true);

    expect(errors, 'uncaught errors in the pages').toEqual([]);
  }, 240_000);

  it('raises an issue pinned to a point clicked on the image, and draws the pin there', async () => {
    const { admin, annotator, errors } = await signedInTeam(e2e, {
      admin: ADMIN,
      annotator: ANNOTATOR,
      reviewer: REVIEWER,
    });
    const projectId = await reviewProject(admin);

    // A box, still selected, so a click that reached the engine would show (it would deselect it).
    const taskId = await openWork(annotator, projectId, 'annotate', 'Start labelling');
    const at = await canvasAt(annotator);
    await annotator.keyboard.press('1');
    await drag(annotator, at(-220, -120), at(-140, -50));
    await annotator.getByText('Saved', { exact: true }).waitFor();
    await annotator.keyboard.press('v');

    const issues = annotator.getByTestId('issues-panel');
    await issues.getByRole('button', { name: 'Raise issue', exact: true }).click();
    const form = annotator.getByRole('form', { name: 'Raise an issue' });
    const onObject = form.getByRole('radio', { name: /^The selected object \(Car / });
    await onObject.waitFor();
    await form.getByRole('radio', { name: 'The whole task' }).check();
    await form.getByLabel('What is wrong', { exact: true }).fill('A pothole nobody labelled');
    const canvas = annotator.getByTestId('editor-canvas');
    const cursor = () => canvas.evaluate((el) => el.style.cursor);

    // Picking shows a crosshair; Escape stops picking and leaves the form and the selection be.
    await form.getByRole('button', { name: 'Pin a point', exact: true }).click();
    await form.getByText('Click the image to place the pin (Esc cancels).').waitFor();
    await expect.poll(cursor).toBe('crosshair');
    await annotator.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Pin a point', exact: true }).waitFor();
    await expect.poll(cursor).not.toBe('crosshair');
    await onObject.waitFor();

    // A pin placed, removed, and placed again where it is meant to be (the form's buttons may
    // have scrolled the page: the canvas is found again for each click).
    await form.getByRole('button', { name: 'Pin a point', exact: true }).click();
    await click(annotator, (await canvasAt(annotator))(-60, 80));
    await form.getByRole('button', { name: 'Remove pin', exact: true }).click();
    await form.getByRole('button', { name: 'Pin a point', exact: true }).click();
    const spot = { dx: 120, dy: 90 };
    await click(annotator, (await canvasAt(annotator))(spot.dx, spot.dy));
    await form.getByRole('button', { name: 'Remove pin', exact: true }).waitFor();
    await form.getByText(/^Pinned at x \d+, y \d+$/).waitFor();
    // The clicks were not the engine's: the box is still selected.
    await onObject.waitFor();
    await expect.poll(cursor).not.toBe('crosshair');
    await form.getByRole('button', { name: 'Raise issue', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await issues.getByText('1 open', { exact: true }).waitFor();

    // The image (640 × 480) is fitted in the canvas, centred: the canvas's centre is the image's.
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the editor canvas is not on the page');
    const margin = Math.min(24, box.width / 10, box.height / 10);
    const scale = Math.min((box.width - 2 * margin) / 640, (box.height - 2 * margin) / 480);
    const expected = { x: 320 + spot.dx / scale, y: 240 + spot.dy / scale };
    const listed = (
      await (await annotator.request.get(`/api/v1/projects/${projectId}/issues?taskId=${taskId}`)).json()
    ).items as { labelId: string | null; pin: { x: number; y: number } | null }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]?.labelId).toBeNull();
    const pin = listed[0]?.pin;
    expect(pin, 'the issue has a pin').toBeTruthy();
    expect(Math.abs((pin?.x ?? 0) - expected.x), `pin ${JSON.stringify(pin)}`).toBeLessThan(3);
    expect(Math.abs((pin?.y ?? 0) - expected.y), `pin ${JSON.stringify(pin)}`).toBeLessThan(3);

    // The pin is drawn where it was placed; a click on the issue centres the view on it.
    const redNear = (dx: number, dy: number) => flaggedPixels(annotator, { dx, dy, radius: 14 });
    await expect.poll(() => redNear(spot.dx, spot.dy)).toBeGreaterThan(30);
    expect(await redNear(-spot.dx, -spot.dy)).toBe(0);
    const raised = issues.getByRole('listitem').filter({ hasText: 'A pothole nobody labelled' });
    const head = raised.getByRole('button').first();
    await head.getByText('Pin', { exact: true }).waitFor();
    await head.click();
    await expect.poll(() => redNear(0, 0)).toBeGreaterThan(20);
    expect(await redNear(spot.dx, spot.dy)).toBe(0);

    expect(errors, 'uncaught errors in the pages').toEqual([]);
  }, 180_000);
});

describeInBrowser('reviewing with reviewer edits', () => {
  const e2e = useE2E();

  it('lets the reviewer change the labels in a stage that allows it, and reviews what they saved', async () => {
    const { admin, annotator, reviewer, errors } = await signedInTeam(e2e, {
      admin: ADMIN,
      annotator: ANNOTATOR,
      reviewer: REVIEWER,
    });
    const projectId = await reviewProject(admin, { reviewerEdits: true });

    const taskId = await openWork(annotator, projectId, 'annotate', 'Start labelling');
    const at = await canvasAt(annotator);
    await annotator.keyboard.press('1');
    await drag(annotator, at(-220, -120), at(-140, -50));
    await annotator.getByText('Saved', { exact: true }).waitFor();
    await annotator.getByRole('button', { name: /^Submit/ }).click();
    await annotator.getByText('Nothing to do in this stage right now.').waitFor();

    // The Reviewer's editor saves: they add a box of their own to the task's labels.
    await openWork(reviewer, projectId, 'review', 'Start reviewing');
    await reviewer.getByText('Saved', { exact: true }).waitFor();
    const panel = reviewer.getByTestId('review-panel');
    await panel.getByText('0 of 1 decided').waitFor();
    const atReview = await canvasAt(reviewer);
    await reviewer.keyboard.press('1');
    await drag(reviewer, atReview(40, -120), atReview(120, -50));
    await reviewer.getByText('Saved', { exact: true }).waitFor();
    await expect.poll(async () => (await objectsOf(reviewer, taskId)).length).toBe(2);
    await panel.getByText('0 of 2 decided').waitFor();
    const added = (await objectsOf(reviewer, taskId))[1]?.id ?? '';

    // An issue on the box just drawn (still selected): tagged, assigned to the Annotator, who is
    // also @mentioned; a comment follows, then the Reviewer resolves it.
    const issues = reviewer.getByTestId('issues-panel');
    await issues.getByRole('button', { name: 'Raise issue', exact: true }).click();
    const form = reviewer.getByRole('form', { name: 'Raise an issue' });
    await form.getByRole('radio', { name: /^The selected object \(Car / }).waitFor();
    expect(await form.getByRole('radio', { name: /^The selected object/ }).isChecked()).toBe(true);
    await form.getByLabel('What is wrong', { exact: true }).fill('Is this a second car?');
    await form.getByRole('checkbox', { name: TAGS[1] }).check();
    await form.getByLabel('Assignee', { exact: true }).selectOption({ label: ANNOTATOR.name });
    await form.getByLabel('Mention a member', { exact: true }).selectOption({ label: ANNOTATOR.name });
    await expect
      .poll(() => form.getByLabel('What is wrong', { exact: true }).inputValue())
      .toBe(`Is this a second car? @${ANNOTATOR.name} `);
    await form.getByRole('button', { name: 'Raise issue', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    const raised = issues.getByRole('listitem').filter({ hasText: 'Is this a second car?' });
    await raised.getByText(`Car ${added.slice(0, 6)}`).waitFor();
    await issues.getByText('1 open', { exact: true }).waitFor();
    await expect.poll(() => flaggedPixels(reviewer)).toBeGreaterThan(50);
    const listed = (
      await (await reviewer.request.get(`/api/v1/projects/${projectId}/issues?taskId=${taskId}`)).json()
    ).items;
    expect(listed).toMatchObject([
      {
        labelId: added,
        tags: [TAGS[1]],
        assignee: { name: ANNOTATOR.name },
        mentions: [{ name: ANNOTATOR.name }],
        status: 'open',
      },
    ]);
    await raised.getByLabel('Comment', { exact: true }).fill('Looks like a van');
    await raised.getByLabel('Mention a member', { exact: true }).selectOption({ label: ANNOTATOR.name });
    await raised.getByRole('button', { name: 'Comment', exact: true }).click();
    await raised
      .getByRole('list', { name: 'Comments' })
      .getByText(`Looks like a van @${ANNOTATOR.name}`)
      .waitFor();
    await raised.getByRole('button', { name: 'Resolve', exact: true }).click();
    await issues.getByText('0 open', { exact: true }).waitFor();
    await expect.poll(() => flaggedPixels(reviewer)).toBe(0);

    // Decisions name the revision the Reviewer saved (the statuses were read again for it).
    await focusPage(reviewer);
    await reviewer.keyboard.press('Escape');
    await reviewer.keyboard.press('n');
    await reviewer.keyboard.press('a');
    await panel.getByText('1 of 2 decided').waitFor();
    await panel.getByRole('button', { name: 'Approve all (1)', exact: true }).click();
    await panel.getByText('2 of 2 decided').waitFor();
    await expect
      .poll(async () => (await reviewsOf(reviewer, taskId)).items.map((r) => r.status))
      .toEqual(['approved', 'approved']);
    await reviewer.getByRole('button', { name: /^Approve$/ }).click();
    await reviewer.getByText('Nothing to do in this stage right now.').waitFor();
    const task = await (await admin.request.get(`/api/v1/tasks/${taskId}`)).json();
    expect(task).toMatchObject({ stageId: 'complete', status: 'completed' });

    expect(errors, 'uncaught errors in the pages').toEqual([]);
  }, 180_000);
});

/**
 * The steps of the loop, in the order they happened (other events may come between): the
 * rejection's issue is raised in the same transaction as the rejection, and the task goes back to
 * its annotator (assigned, status Reopened); the task's approval settles the labels first.
 */
const EXPECTED_STEPS = [
  'submitted',
  'label_approved',
  'label_approved',
  'label_rejected',
  'issue_opened',
  'rejected',
  'assigned',
  'issue_resolved',
  'label_resolved',
  'submitted',
  'label_approved',
  'approved',
  'completed',
];

const EXPECTED_TEXT = [
  'Submitted',
  'Label approved',
  'Label approved',
  'Label rejected',
  'Issue raised',
  'Rejected',
  'Assigned',
  'Issue resolved',
  'Label fixed',
  'Submitted',
  'Label approved',
  'Approved',
  'Completed',
];

/** Whether `wanted` occurs in `all` in order (a subsequence). */
function inOrder(all: readonly string[], wanted: readonly string[]): boolean {
  let i = 0;
  for (const item of all) if (item === wanted[i]) i++;
  return i === wanted.length;
}
