import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, useE2E } from './helpers/browser.ts';
import { acceptInvite, inviteUser, trackPageErrors } from './helpers/invites.ts';
import { mainNav, type Person, signIn, welcome } from './helpers/pages.ts';
import { pngBytes } from './helpers/png.ts';
import { csrfHeaders, withAdmin } from './helpers/session.ts';

// Issue 4's acceptance test: an Admin builds Annotate → Review → Complete in the visual builder
// and starts a project on it; an Annotator labels its one task, a Reviewer rejects it with a note,
// the Annotator sees it come back Reopened and submits again, the Reviewer approves, and the queue
// shows it Completed. The labels, button names and test ids used here are the contract with the
// web app (see also the builder's contract, /work/contract/builder-ui.md).

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
const TEMPLATE = 'Annotate, review, complete';
const DATASET = 'Crossings';
const PROJECT = 'Crossing boxes';
const IMAGE = 'crossing.png';
const NOTE = 'The cyclist is not boxed';

/** Builds Annotate → Review → Complete from a new template's Annotate → Complete; returns its id. */
async function buildTemplate(page: Page): Promise<string> {
  await page.goto('/workflow-templates/new');
  const builder = page.getByTestId('workflow-builder');
  await builder.waitFor();
  await builder.getByRole('button', { name: 'Add Review stage', exact: true }).click();
  const panel = page.getByTestId('stage-panel');
  await expect.poll(() => panel.getByLabel('Stage name', { exact: true }).inputValue()).toBe('Review');
  await panel.getByLabel('When approved, go to', { exact: true }).selectOption({ label: 'Complete' });
  await panel.getByLabel('When rejected, go to', { exact: true }).selectOption({ label: 'Annotate' });
  await page.getByTestId('stage-item-annotate').click();
  await expect.poll(() => panel.getByLabel('Stage name', { exact: true }).inputValue()).toBe('Annotate');
  await panel.getByLabel('When done, go to', { exact: true }).selectOption({ label: 'Review' });
  await page.getByLabel('Template name', { exact: true }).fill(TEMPLATE);
  await page.getByRole('button', { name: 'Save template', exact: true }).click();
  await page.getByText('Template saved').first().waitFor();
  const match = /\/workflow-templates\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname);
  expect(match, `landed on the saved template (${page.url()})`).not.toBeNull();
  return match?.[1] ?? '';
}

/** A dataset of images, through the API (uploading is not what these tests are about); returns its id. */
async function createDataset(page: Page, images: readonly string[] = [IMAGE]): Promise<string> {
  const headers = await csrfHeaders(page);
  const created = await page.request.post('/api/v1/datasets', { headers, data: { name: DATASET } });
  expect(created.status(), await created.text()).toBe(201);
  const dataset = await created.json();
  for (const [i, name] of images.entries()) {
    const uploaded = await page.request.post(`/api/v1/datasets/${dataset.id}/units`, {
      headers,
      multipart: { files: { name, mimeType: 'image/png', buffer: pngBytes(64, 48, 7 + i) } },
    });
    expect(uploaded.status(), await uploaded.text()).toBe(200);
    expect((await uploaded.json()).created).toHaveLength(1);
  }
  return dataset.id;
}

/** Adds a user collaborator on the wizard's Collaborators step. */
async function addCollaborator(page: Page, person: Person, role: string) {
  await page.getByLabel('Search users', { exact: true }).fill(person.name);
  await page
    .getByLabel('User to add', { exact: true })
    .selectOption({ label: `${person.name} (${person.email})` });
  await page.getByLabel('Project role', { exact: true }).selectOption({ label: role });
  await page.getByRole('button', { name: 'Add collaborator', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(person.name) }).waitFor();
}

/** The project wizard with the saved template as its workflow; returns the project's id. */
async function createProject(page: Page): Promise<string> {
  await mainNav(page).getByRole('link', { name: 'Projects', exact: true }).click();
  await page.getByRole('link', { name: 'New project', exact: true }).click();
  await page.getByLabel('Project name', { exact: true }).fill(PROJECT);
  const workflow = page.getByLabel('Workflow', { exact: true });
  await expect.poll(() => workflow.isEnabled()).toBe(true);
  await workflow.selectOption({ label: TEMPLATE });
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('checkbox', { name: DATASET }).check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await addCollaborator(page, ANNOTATOR, 'Annotator');
  await addCollaborator(page, REVIEWER, 'Reviewer');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByText(TEMPLATE, { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Create project', exact: true }).click();
  await page.getByRole('heading', { name: PROJECT, exact: true, level: 1 }).waitFor();
  const match = /\/projects\/([0-9a-f-]{36})/.exec(new URL(page.url()).pathname);
  expect(match, `landed on the project page (${page.url()})`).not.toBeNull();
  return match?.[1] ?? '';
}

/** Opens the project's queue on a stage. */
async function openQueue(page: Page, projectId: string, stageId: string) {
  await page.goto(`/projects/${projectId}?tab=queue`);
  await page.getByTestId(`queue-stage-${stageId}`).click();
  await expect
    .poll(() => page.getByTestId(`queue-stage-${stageId}`).getAttribute('aria-pressed'))
    .toBe('true');
}

/** The queue's row of a task (by its title). */
const rowOf = (page: Page, title = IMAGE) =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });

/** The queue's row of a task, once it shows `status`. */
async function rowShows(page: Page, status: string, title = IMAGE) {
  const row = rowOf(page, title);
  await row.getByText(status, { exact: true }).waitFor();
  return row;
}

/** The titles the queue lists, top to bottom. */
const listedTitles = (page: Page) => page.locator('table.queue-table tbody th a').allTextContents();

/** Starts work in the open queue's stage and waits for the task page with its image loaded. */
async function startWork(page: Page, button: 'Start labelling' | 'Start reviewing', title = IMAGE) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('heading', { name: title, exact: true, level: 1 }).waitFor();
  await expect.poll(() => page.getByRole('img', { name: title, exact: true }).evaluate(loadedWidth)).toBe(64);
}

const loadedWidth = (img: HTMLImageElement) =>
  img.complete
    ? img.naturalWidth
    : new Promise<number>((r) => img.addEventListener('load', () => r(img.naturalWidth), { once: true }));

describeInBrowser('the workflow and the queue', () => {
  const e2e = useE2E();

  it('a task goes Annotate → Review, is rejected back as Reopened, then approved to Completed', async () => {
    const server = await e2e.server(withAdmin(ADMIN));
    const admin = await (await e2e.context(server)).newPage();
    const errors = trackPageErrors(admin);
    await signIn(admin, ADMIN);
    await welcome(admin, ADMIN).waitFor();

    const annotator = await (await e2e.context(server)).newPage();
    const reviewer = await (await e2e.context(server)).newPage();
    errors.push(...trackPageErrors(annotator), ...trackPageErrors(reviewer));
    const annotatorLink = await inviteUser(admin, ANNOTATOR.email, 'Tasker');
    const reviewerLink = await inviteUser(admin, REVIEWER.email, 'Tasker');
    await acceptInvite(annotator, annotatorLink, ANNOTATOR);
    await acceptInvite(reviewer, reviewerLink, REVIEWER);

    // The Admin builds the workflow, then a project on it with one image, and starts it.
    const templateId = await buildTemplate(admin);
    await createDataset(admin);
    const projectId = await createProject(admin);
    const workflow = await (await admin.request.get(`/api/v1/projects/${projectId}/workflow`)).json();
    expect(workflow.templateId).toBe(templateId);
    expect(workflow.workflow.stages.map((s: { id: string }) => s.id).sort()).toEqual([
      'annotate',
      'complete',
      'review',
    ]);
    await admin.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
    await admin.getByLabel('Reason', { exact: true }).fill('Ready to label');
    await admin.getByRole('button', { name: 'Update status', exact: true }).click();
    await admin.getByText('The status is now In progress.').waitFor();

    // The Annotator's queue opens on the first stage they work in; they label the task and submit
    // it, and nothing else is left in Annotate.
    await annotator.goto(`/projects/${projectId}?tab=queue`);
    await annotator.getByRole('button', { name: 'Start labelling', exact: true }).waitFor();
    expect(await annotator.getByTestId('queue-stage-annotate').getAttribute('aria-pressed')).toBe('true');
    await openQueue(annotator, projectId, 'annotate');
    await rowShows(annotator, 'New');
    await startWork(annotator, 'Start labelling');
    await annotator.getByRole('button', { name: /^Submit/ }).click();
    await annotator.getByText('Nothing to do in this stage right now.').waitFor();
    expect(new URL(annotator.url()).searchParams.get('stage')).toBe('annotate');

    // The Reviewer rejects it with a note.
    await openQueue(reviewer, projectId, 'review');
    await startWork(reviewer, 'Start reviewing');
    await reviewer.getByLabel('Rejection note', { exact: true }).fill(NOTE);
    await reviewer.getByRole('button', { name: 'Reject', exact: true }).click();
    await reviewer.getByText('Nothing to do in this stage right now.').waitFor();

    // The Annotator sees it back as Reopened, in the queue and on the task page with the note.
    await openQueue(annotator, projectId, 'annotate');
    const row = await rowShows(annotator, 'Reopened');
    await row.getByRole('link', { name: IMAGE, exact: true }).click();
    await annotator.getByRole('heading', { name: IMAGE, exact: true, level: 1 }).waitFor();
    await annotator.getByText('Reopened.', { exact: true }).waitFor();
    await annotator.locator('summary', { hasText: 'History' }).click();
    await annotator.getByText(`“${NOTE}”`).waitFor();
    const claim = annotator.getByRole('button', { name: 'Claim', exact: true });
    const submit = annotator.getByRole('button', { name: /^Submit/ });
    await claim.or(submit).first().waitFor();
    if (await claim.isVisible()) await claim.click();
    await submit.waitFor();
    // S submits (the shortcut the page shows).
    await annotator.getByRole('heading', { name: IMAGE, exact: true, level: 1 }).click();
    await annotator.keyboard.press('s');
    await annotator.getByText('Nothing to do in this stage right now.').waitFor();

    // The Reviewer approves it.
    await openQueue(reviewer, projectId, 'review');
    await startWork(reviewer, 'Start reviewing');
    await reviewer.getByRole('button', { name: /^Approve/ }).click();
    await reviewer.getByText('Nothing to do in this stage right now.').waitFor();

    // The queue shows it Completed.
    await openQueue(admin, projectId, 'complete');
    await rowShows(admin, 'Completed');
    // Stages are listed in the order tasks meet them (the builder added Review last).
    const stageNames = await admin
      .getByRole('navigation', { name: 'Stages' })
      .locator('.stage-pick-name')
      .allTextContents();
    expect(stageNames).toEqual(['All stages', 'Annotate', 'Review', 'Complete']);
    const tasks = await (
      await admin.request.get(`/api/v1/projects/${projectId}/tasks?stageId=complete`)
    ).json();
    expect(tasks.items).toMatchObject([{ title: IMAGE, status: 'completed', stageId: 'complete' }]);

    expect(errors, 'uncaught errors in the pages').toEqual([]);
  }, 180_000);
});

describeInBrowser('managing the queue', () => {
  const e2e = useE2E();
  const TITLES = ['alpha.png', 'bravo.png', 'charlie.png'];

  it('sets priorities in bulk, assigns, filters, moves with a reason, and the assignee is served first', async () => {
    const server = await e2e.server(withAdmin(ADMIN));
    const admin = await (await e2e.context(server)).newPage();
    const annotator = await (await e2e.context(server)).newPage();
    const errors = [...trackPageErrors(admin), ...trackPageErrors(annotator)];
    await signIn(admin, ADMIN);
    await welcome(admin, ADMIN).waitFor();
    await acceptInvite(annotator, await inviteUser(admin, ANNOTATOR.email, 'Tasker'), ANNOTATOR);

    // A project on the built-in Annotate → Review → Complete with three images, In progress.
    const datasetId = await createDataset(admin, TITLES);
    const headers = await csrfHeaders(admin);
    const users = await (await admin.request.get(`/api/v1/users?q=${ANNOTATOR.email}`)).json();
    const created = await admin.request.post('/api/v1/projects', {
      headers,
      data: {
        name: PROJECT,
        datasetIds: [datasetId],
        workflowTemplateId: 'builtin:annotate_review',
        members: [{ principalType: 'user', principalId: users.items[0].id, role: 'annotator' }],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const project = await created.json();
    const started = await admin.request.put(`/api/v1/projects/${project.id}/status`, {
      headers,
      data: { status: 'in_progress', reason: 'Go', revision: project.revision },
    });
    expect(started.status(), await started.text()).toBe(200);

    await openQueue(admin, project.id, 'annotate');
    await rowShows(admin, 'New', 'charlie.png');

    // Every task on the page to priority 80, in one bulk request.
    await admin.getByRole('checkbox', { name: 'Select all tasks on this page', exact: true }).check();
    const bulk = admin.getByRole('toolbar', { name: 'Selected tasks' });
    await bulk.getByText('3 selected').waitFor();
    await bulk.getByRole('button', { name: 'Set priority', exact: true }).click();
    const priorityDialog = admin.getByRole('dialog');
    await priorityDialog.getByLabel('Priority', { exact: true }).fill('80');
    await priorityDialog.getByRole('button', { name: 'Set priority', exact: true }).click();
    await admin.getByText('Set the priority of 3 tasks.').waitFor();
    for (const title of TITLES)
      await rowOf(admin, title).getByRole('cell', { name: '80', exact: true }).waitFor();

    // charlie first: one task above the rest.
    await admin.getByRole('button', { name: 'Set priority of charlie.png', exact: true }).click();
    await admin.getByRole('dialog').getByLabel('Priority', { exact: true }).fill('95');
    await admin.getByRole('dialog').getByRole('button', { name: 'Set priority', exact: true }).click();
    await admin.getByText('Set the priority of “charlie.png”.').waitFor();
    await expect.poll(() => listedTitles(admin)).toEqual(['charlie.png', 'alpha.png', 'bravo.png']);
    await admin.getByLabel('Sort by', { exact: true }).selectOption({ label: 'Name' });
    await expect.poll(() => listedTitles(admin)).toEqual(TITLES);

    // bravo goes to the Annotator by name.
    await admin.getByRole('button', { name: 'Assign bravo.png', exact: true }).click();
    const assign = admin.getByRole('dialog');
    await assign.getByLabel('Search for assignee', { exact: true }).fill(ANNOTATOR.name);
    await assign
      .getByLabel('Assignee', { exact: true })
      .selectOption({ label: `${ANNOTATOR.name} (${ANNOTATOR.email})` });
    await assign.getByRole('button', { name: 'Assign', exact: true }).click();
    await admin.getByText('Assigned “bravo.png”.').waitFor();
    await rowOf(admin, 'bravo.png').getByText(ANNOTATOR.name).waitFor();

    // Unassigned: the other two.
    await admin.getByLabel('Assignee', { exact: true }).selectOption({ label: 'Unassigned' });
    await expect.poll(() => listedTitles(admin)).toEqual(['alpha.png', 'charlie.png']);
    await admin.getByLabel('Assignee', { exact: true }).selectOption({ label: 'Anyone' });

    // alpha moves to Review, with a reason.
    await admin.getByRole('button', { name: 'Move alpha.png', exact: true }).click();
    const move = admin.getByRole('dialog');
    await move.getByLabel('Stage', { exact: true }).selectOption({ label: 'Review' });
    await move.getByRole('button', { name: 'Move to stage', exact: true }).click();
    await move.getByText('Give a reason').waitFor();
    await move.getByLabel('Reason', { exact: true }).fill('Labelled outside Gloss');
    await move.getByRole('button', { name: 'Move to stage', exact: true }).click();
    await admin.getByText('Moved “alpha.png”.').waitFor();
    await expect.poll(() => listedTitles(admin)).toEqual(['bravo.png', 'charlie.png']);
    await expect
      .poll(() => admin.getByTestId('queue-stage-review').textContent(), { timeout: 20_000 })
      .toMatch(/1\s*tasks$/);

    // The Annotator is served bravo, assigned to them, before charlie's higher priority.
    await openQueue(annotator, project.id, 'annotate');
    await startWork(annotator, 'Start labelling', 'bravo.png');

    expect(errors, 'uncaught errors in the pages').toEqual([]);
  }, 180_000);
});
