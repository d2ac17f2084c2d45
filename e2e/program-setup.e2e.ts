import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, useE2E } from './helpers/browser.ts';
import { acceptInvite, inviteUser, trackPageErrors } from './helpers/invites.ts';
import { mainNav, type Person, signIn, welcome } from './helpers/pages.ts';
import { writePngs } from './helpers/png.ts';
import { withAdmin } from './helpers/session.ts';

// Issue 3's acceptance test: a manager, in the browser, uploads 50 images with a progress bar,
// builds an ontology with a nested classification, creates a tagged project with the dataset, the
// ontology and a group as Annotators, and sets it In progress. The labels, button names and
// headings used here are the contract with the web app.

const ADMIN: Person = { name: 'Ada Admin', email: 'ada@example.test', password: 'admin passphrase 1' };
const TASKER: Person = { name: 'Bea Tasker', email: 'bea@example.test', password: 'tasker passphrase 2' };
const IMAGE_COUNT = 50;
const DATASET = 'Street scenes';
const ONTOLOGY = 'Traffic';
const GROUP = 'Night shift';
const PROJECT = 'Traffic pilot';

let imageDir = '';
let images: string[] = [];

beforeAll(async () => {
  imageDir = await mkdtemp(join(tmpdir(), 'gloss-e2e-images-'));
  images = await writePngs(imageDir, IMAGE_COUNT);
});

afterAll(async () => {
  if (imageDir) await rm(imageDir, { recursive: true, force: true });
});

async function createDatasetAndUpload(page: Page) {
  await mainNav(page).getByRole('link', { name: 'Datasets', exact: true }).click();
  await page.getByRole('heading', { name: 'Datasets', exact: true, level: 1 }).waitFor();
  await page.getByRole('button', { name: 'New dataset', exact: true }).click();
  await page.getByLabel('Dataset name', { exact: true }).fill(DATASET);
  await page.getByLabel('Description', { exact: true }).fill('Fifty small test images');
  await page.getByRole('button', { name: 'Create dataset', exact: true }).click();
  await page.getByRole('heading', { name: DATASET, exact: true, level: 1 }).waitFor();

  await page.getByLabel('Choose files', { exact: true }).setInputFiles(images);
  await page.getByText(`${IMAGE_COUNT} files selected`).waitFor();

  // Record every value the bar shows, to see it move and end at 100%.
  const bar = page.getByRole('progressbar', { name: 'Upload progress', exact: true });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await bar.waitFor();
  await page.getByText(`${IMAGE_COUNT} uploaded, 0 failed`).waitFor({ timeout: 30_000 });
  expect(await bar.getAttribute('value')).toBe('100');
  await page.getByText('100%', { exact: true }).waitFor();

  // The units show up with thumbnails served by the media routes (the session cookie is enough).
  const grid = page.getByRole('list', { name: 'Data units', exact: true });
  await grid.getByRole('img').first().waitFor();
  const loaded = await grid
    .getByRole('img')
    .first()
    .evaluate((img: HTMLImageElement) =>
      img.complete
        ? img.naturalWidth
        : new Promise((r) => img.addEventListener('load', () => r(img.naturalWidth))),
    );
  expect(loaded, 'the first thumbnail loaded').toBeGreaterThan(0);
}

async function buildOntology(page: Page) {
  await mainNav(page).getByRole('link', { name: 'Ontologies', exact: true }).click();
  await page.getByRole('heading', { name: 'Ontologies', exact: true, level: 1 }).waitFor();
  await page.getByRole('button', { name: 'New ontology', exact: true }).click();
  await page.getByLabel('Ontology name', { exact: true }).fill(ONTOLOGY);

  // One object…
  await page.getByRole('button', { name: 'Add object', exact: true }).click();
  await page.getByLabel('Object name', { exact: true }).last().fill('Car');
  await page.getByLabel('Shape', { exact: true }).last().selectOption({ label: 'Bounding box' });
  await page.getByLabel('Hotkey', { exact: true }).last().fill('c');

  // …and a radio question whose option "Rain" asks a nested question.
  await page.getByRole('button', { name: 'Add classification', exact: true }).click();
  await page.getByLabel('Question', { exact: true }).last().fill('Weather');
  const weather = page.getByRole('group', { name: /^Weather/ });
  await weather.getByLabel('Answer type', { exact: true }).first().selectOption({ label: 'Radio' });
  for (const option of ['Clear', 'Rain']) {
    await weather.getByRole('button', { name: 'Add option', exact: true }).last().click();
    await weather.getByLabel('Option label', { exact: true }).last().fill(option);
  }
  await weather.getByRole('button', { name: 'Add sub-question', exact: true }).last().click();
  await weather.getByLabel('Question', { exact: true }).last().fill('How heavy?');
  const heavy = page.getByRole('group', { name: /^How heavy\?/ });
  await heavy.getByLabel('Answer type', { exact: true }).selectOption({ label: 'Radio' });
  for (const option of ['Light', 'Heavy']) {
    await heavy.getByRole('button', { name: 'Add option', exact: true }).click();
    await heavy.getByLabel('Option label', { exact: true }).last().fill(option);
  }

  await page.getByRole('button', { name: 'Save ontology', exact: true }).click();
  await page.getByText('Ontology saved').first().waitFor();
}

async function createGroupWith(page: Page, member: Person) {
  await mainNav(page).getByRole('link', { name: 'Groups', exact: true }).click();
  await page.getByRole('button', { name: 'New group', exact: true }).click();
  await page.getByLabel('Group name', { exact: true }).fill(GROUP);
  await page.getByRole('button', { name: 'Create group', exact: true }).click();
  await page.getByRole('heading', { name: GROUP, exact: true, level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Add members', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add members' });
  await dialog.getByLabel('Search users', { exact: true }).fill(member.name);
  await dialog.getByRole('checkbox', { name: member.name }).check();
  await dialog.getByRole('button', { name: 'Add selected', exact: true }).click();
  await page.getByText('Added 1 member.').waitFor();
}

/** Runs the setup wizard; returns the new project's id (from the page it lands on). */
async function runProjectWizard(page: Page): Promise<string> {
  await mainNav(page).getByRole('link', { name: 'Projects', exact: true }).click();
  await page.getByRole('heading', { name: 'Projects', exact: true, level: 1 }).waitFor();
  await page.getByRole('link', { name: 'New project', exact: true }).click();

  // 1. Details
  await page.getByLabel('Project name', { exact: true }).fill(PROJECT);
  await page.getByLabel('Description', { exact: true }).fill('Cars in all weathers');
  await page.getByLabel('Tags', { exact: true }).fill('pilot, vehicles');
  await page.getByRole('button', { name: 'Next', exact: true }).click();

  // 2. Datasets
  await page.getByRole('checkbox', { name: DATASET }).check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();

  // 3. Ontology (its current version is preselected)
  await page.getByLabel('Ontology', { exact: true }).selectOption({ label: ONTOLOGY });
  expect(await page.getByLabel('Ontology version', { exact: true }).inputValue()).toBe('1');
  await page.getByRole('button', { name: 'Next', exact: true }).click();

  // 4. Collaborators: the group, as Annotators
  await page.getByRole('radio', { name: 'Group', exact: true }).check();
  await page.getByLabel('Group to add', { exact: true }).selectOption({ label: GROUP });
  await page.getByLabel('Project role', { exact: true }).selectOption({ label: 'Annotator' });
  await page.getByRole('button', { name: 'Add collaborator', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(GROUP) }).waitFor();
  await page.getByRole('button', { name: 'Next', exact: true }).click();

  // 5. Review and create
  await page.getByText(`${GROUP} (group): Annotator`).waitFor();
  await page.getByRole('button', { name: 'Create project', exact: true }).click();
  await page.getByRole('heading', { name: PROJECT, exact: true, level: 1 }).waitFor();
  const match = /\/projects\/([0-9a-f-]{36})/.exec(new URL(page.url()).pathname);
  expect(match, `landed on the project page (${page.url()})`).not.toBeNull();
  return match?.[1] ?? '';
}

describeInBrowser('setting up an annotation program', () => {
  const e2e = useE2E();

  it('dataset with 50 uploaded images, nested ontology, group of Annotators, project In progress', async () => {
    const server = await e2e.server(withAdmin(ADMIN));
    const admin = await (await e2e.context(server)).newPage();
    const adminErrors = trackPageErrors(admin);
    await signIn(admin, ADMIN);
    await welcome(admin, ADMIN).waitFor();

    // A Tasker joins the workspace (in their own browser).
    const link = await inviteUser(admin, TASKER.email, 'Tasker');
    const tasker = await (await e2e.context(server)).newPage();
    const taskerErrors = trackPageErrors(tasker);
    await acceptInvite(tasker, link, TASKER);

    await createDatasetAndUpload(admin);
    await buildOntology(admin);
    await createGroupWith(admin, TASKER);
    const projectId = await runProjectWizard(admin);

    // Set it In progress, with a reason.
    await admin.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
    await admin.getByLabel('Reason', { exact: true }).fill('Pilot starts today');
    await admin.getByRole('button', { name: 'Update status', exact: true }).click();
    await admin.getByText('The status is now In progress.').waitFor();

    // The API agrees: In progress, tagged, one task per image, the group as Annotators.
    const project = await (await admin.request.get(`/api/v1/projects/${projectId}`)).json();
    expect(project).toMatchObject({
      name: PROJECT,
      status: 'in_progress',
      statusReason: 'Pilot starts today',
      tags: ['pilot', 'vehicles'],
      taskCount: IMAGE_COUNT,
      datasets: [{ name: DATASET }],
      ontology: { name: ONTOLOGY, version: 1 },
    });
    const ontology = await (await admin.request.get(`/api/v1/ontologies/${project.ontology.id}`)).json();
    expect(ontology.schema.objects).toMatchObject([{ name: 'Car', shape: 'bounding_box', hotkey: 'c' }]);
    expect(ontology.schema.classifications).toMatchObject([
      {
        name: 'Weather',
        kind: 'radio',
        options: [
          { label: 'Clear' },
          {
            label: 'Rain',
            questions: [
              { name: 'How heavy?', kind: 'radio', options: [{ label: 'Light' }, { label: 'Heavy' }] },
            ],
          },
        ],
      },
    ]);
    const tasks = await (await admin.request.get(`/api/v1/projects/${projectId}/tasks?limit=200`)).json();
    expect(tasks.items).toHaveLength(IMAGE_COUNT);
    const members = await (await admin.request.get(`/api/v1/projects/${projectId}/members`)).json();
    expect(members.items).toContainEqual(
      expect.objectContaining({ principalType: 'group', name: GROUP, role: 'annotator' }),
    );

    // The project's Admin downloads the labels as COCO from the Overview tab.
    await admin.goto(`/projects/${projectId}`);
    await admin.getByLabel('Format').selectOption('coco');
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: 'Download', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-coco\.json$/);
    const coco = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(coco.images).toHaveLength(IMAGE_COUNT);
    expect(coco.categories).toMatchObject([{ id: 1, name: 'Car', supercategory: 'bounding_box' }]);
    expect(coco.annotations).toEqual([]);

    // While the project uses the dataset, deleting it is refused with the server's reason.
    await mainNav(admin).getByRole('link', { name: 'Datasets', exact: true }).click();
    await admin.getByRole('link', { name: DATASET, exact: true }).click();
    await admin.getByRole('button', { name: 'Delete dataset', exact: true }).click();
    await admin.getByRole('button', { name: 'Confirm', exact: true }).click();
    await admin.getByRole('alert').filter({ hasText: 'Projects use this dataset' }).waitFor();

    // The Tasker, in the group, signs in afresh and sees the project in their Projects list.
    const taskerAgain = await (await e2e.context(server)).newPage();
    const taskerAgainErrors = trackPageErrors(taskerAgain);
    await signIn(taskerAgain, TASKER);
    await welcome(taskerAgain, TASKER).waitFor();
    await mainNav(taskerAgain).getByRole('link', { name: 'Projects', exact: true }).click();
    await taskerAgain.getByRole('link', { name: PROJECT, exact: true }).waitFor();
    // As an Annotator they see the project but none of the managers' controls.
    await taskerAgain.getByRole('link', { name: PROJECT, exact: true }).click();
    await taskerAgain.getByRole('heading', { name: PROJECT, exact: true, level: 1 }).waitFor();
    await taskerAgain.getByText('Your role:').waitFor();
    expect(await taskerAgain.getByRole('button', { name: 'Update status' }).count()).toBe(0);
    expect(await taskerAgain.getByRole('button', { name: 'Delete project' }).count()).toBe(0);
    // The queue is theirs too, without the managers' bulk controls.
    await taskerAgain.getByRole('tab', { name: 'Queue', exact: true }).click();
    await taskerAgain.getByRole('button', { name: 'Start labelling' }).waitFor();
    expect(await taskerAgain.getByRole('checkbox').count()).toBe(0);
    const taskerProjects = await (await taskerAgain.request.get('/api/v1/projects')).json();
    expect(taskerProjects.items.map((p: { id: string }) => p.id)).toEqual([projectId]);

    expect(adminErrors, 'uncaught errors in the admin page').toEqual([]);
    expect(taskerErrors, 'uncaught errors in the tasker page').toEqual([]);
    expect(taskerAgainErrors, 'uncaught errors in the second tasker page').toEqual([]);
  }, 120_000);
});

describeInBrowser('a project’s Team Manager', () => {
  const e2e = useE2E();
  const MANAGER: Person = { name: 'Cy Manager', email: 'cy@example.test', password: 'manager passphrase 3' };

  it('changes the status, but cannot make Admins, attach datasets or delete the project', async () => {
    const server = await e2e.server(withAdmin(ADMIN));
    const admin = await (await e2e.context(server)).newPage();
    await signIn(admin, ADMIN);
    await welcome(admin, ADMIN).waitFor();
    const link = await inviteUser(admin, MANAGER.email, 'Member');
    const manager = await (await e2e.context(server)).newPage();
    const errors = trackPageErrors(manager);
    await acceptInvite(manager, link, MANAGER);

    // The Admin sets up an archived project with the Member as its Team Manager (through the API).
    const { csrfToken } = await (await admin.request.get('/api/v1/auth/session')).json();
    const headers = { 'x-csrf-token': csrfToken };
    const users = await (await admin.request.get(`/api/v1/users?q=${MANAGER.email}`)).json();
    const created = await admin.request.post('/api/v1/projects', {
      headers,
      data: {
        name: PROJECT,
        tags: ['pilot'],
        members: [{ principalType: 'user', principalId: users.items[0].id, role: 'team_manager' }],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const project = await created.json();
    const archived = await admin.request.put(`/api/v1/projects/${project.id}/status`, {
      headers,
      data: { status: 'archived', reason: 'Not yet', revision: project.revision },
    });
    expect(archived.status(), await archived.text()).toBe(200);

    await mainNav(manager).getByRole('link', { name: 'Projects', exact: true }).click();
    await manager.getByRole('link', { name: PROJECT, exact: true }).click();
    await manager.getByRole('heading', { name: PROJECT, exact: true, level: 1 }).waitFor();
    await manager.getByText('This project is archived and read-only.').waitFor();
    expect(await manager.getByRole('button', { name: 'Delete project' }).count()).toBe(0);

    // Reopening it is theirs to do, with a reason; an empty reason is refused before sending.
    await manager.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
    await manager.getByRole('button', { name: 'Update status', exact: true }).click();
    await manager.getByRole('alert').filter({ hasText: 'Give a reason' }).waitFor();
    await manager.getByLabel('Reason', { exact: true }).fill('Data is ready');
    await manager.getByRole('button', { name: 'Update status', exact: true }).click();
    await manager.getByText('The status is now In progress.').waitFor();

    // Collaborators: every role but Admin is theirs to give.
    await manager.getByRole('tab', { name: 'Collaborators', exact: true }).click();
    const roles = await manager
      .getByLabel('Project role', { exact: true })
      .locator('option')
      .allTextContents();
    expect(roles).toEqual(['Annotator', 'Reviewer', 'Annotator + Reviewer', 'Team Manager']);

    // Datasets: attaching is for project Admins.
    await manager.getByRole('tab', { name: 'Datasets', exact: true }).click();
    await manager.getByText('No datasets attached yet.').waitFor();
    expect(await manager.getByRole('button', { name: 'Attach dataset' }).count()).toBe(0);

    // Queue: managers see the (empty) queue.
    await manager.getByRole('tab', { name: 'Queue', exact: true }).click();
    await manager.getByText('No tasks yet.', { exact: false }).waitFor();

    expect(errors, 'uncaught errors in the manager page').toEqual([]);
  });
});
