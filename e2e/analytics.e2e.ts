import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, useE2E } from './helpers/browser.ts';
import { boxCar } from './helpers/canvas.ts';
import type { Person } from './helpers/pages.ts';
import { imageProject, startWork, taskIdOf } from './helpers/projects.ts';
import { csrfHeaders, userIdByEmail } from './helpers/session.ts';
import { signedInTeam } from './helpers/team.ts';

// Issue 9's acceptance test. An annotator labels two images in the editor (the editor's clock
// reporting their active time as they go); a Team Manager approves one and rejects the other. The
// Analytics tab shows the Team Manager the team — charts drawn, the annotator's row, a CSV with the
// same numbers as the table — and the annotator only their own numbers; the workspace Reports page
// shows the Admin the project.

const ADMIN: Person = { name: 'Ada Admin', email: 'ada@example.test', password: 'admin passphrase 1' };
const ANNOTATOR: Person = {
  name: 'Ana Annotator',
  email: 'ana@example.test',
  password: 'annotator passphrase 2',
};
const MANAGER: Person = { name: 'Tim Manager', email: 'tim@example.test', password: 'manager passphrase 3' };

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

/** The rows of the table captioned `caption`, as arrays of cell texts. */
const tableRows = (page: Page, caption: string) =>
  page
    .getByRole('table', { name: caption, exact: true })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );

/** Clicks the card's CSV button and reads the file the browser saved. */
async function csvOf(page: Page, title: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download CSV of ${title}` }).click(),
  ]);
  const path = await download.path();
  return (await readFile(path, 'utf8'))
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
}

describeInBrowser('analytics', () => {
  const e2e = useE2E();

  it('shows a Team Manager the team and an Annotator only their own numbers, with charts and CSV', async () => {
    const {
      admin,
      annotator,
      reviewer: manager,
      errors,
    } = await signedInTeam(e2e, {
      admin: ADMIN,
      annotator: ANNOTATOR,
      reviewer: MANAGER,
    });
    const project = await imageProject(admin, {
      name: 'Street scenes',
      ontology: ONTOLOGY,
      images: ['a.png', 'b.png', 'c.png'],
      workflow: ANNOTATE_REVIEW,
      members: [
        { email: ANNOTATOR.email, role: 'annotator' },
        { email: MANAGER.email, role: 'team_manager' },
      ],
    });

    // The annotator labels two tasks in the editor, moving the mouse as people do.
    const first = await startWork(annotator, project, 'annotate', 'Start labelling');
    await boxCar(annotator, [-80, -60], [40, 30]);
    await annotator.getByRole('button', { name: /^Submit/ }).click();
    await expect.poll(() => taskIdOf(annotator)).not.toBe(first);
    await annotator.getByTestId('editor-canvas').locator('canvas').first().waitFor();
    const second = taskIdOf(annotator);
    await boxCar(annotator, [-60, -40], [60, 50]);
    await annotator.getByRole('button', { name: /^Submit/ }).click();
    await expect.poll(() => taskIdOf(annotator)).not.toBe(second);

    // The Team Manager approves one and rejects the other (through the API: the review UI has its own test).
    const headers = await csrfHeaders(manager);
    const decisions = ['approve', 'reject'];
    for (const decision of decisions) {
      const next = await manager.request.post(`/api/v1/projects/${project}/stages/review/next`, { headers });
      expect(next.status(), await next.text()).toBe(200);
      const id = (await next.json()).id as string;
      const done = await manager.request.post(`/api/v1/tasks/${id}/${decision}`, {
        headers,
        data: decision === 'reject' ? { note: 'the box is loose' } : {},
      });
      expect(done.status(), await done.text()).toBe(200);
    }

    // The Team Manager's Analytics tab: the team, charts drawn, the annotator's row.
    await manager.goto(`/projects/${project}?tab=analytics`);
    await manager.getByText('Project analytics').waitFor();
    await expect.poll(() => manager.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(2);
    await manager.getByRole('table', { name: 'People', exact: true }).waitFor();
    const people = await tableRows(manager, 'People');
    const annotatorRow = people.find((r) => r[0] === ANNOTATOR.name);
    expect(annotatorRow, JSON.stringify(people)).toBeDefined();
    // Person, Submitted, Skipped, Approved, Rejected (as reviewer), Labels created, …, rejection rate.
    expect(annotatorRow!.slice(1, 6)).toEqual(['2', '0', '0', '0', '2']);
    const managerRow = people.find((r) => r[0] === MANAGER.name)!;
    expect(managerRow.slice(3, 5)).toEqual(['1', '1']);
    // The CSV has the same numbers as the table.
    const csv = await csvOf(manager, 'People');
    expect(csv[0]!.slice(0, 3)).toEqual(['Person', 'Submitted', 'Skipped']);
    const csvRow = csv.find((r) => r[0] === ANNOTATOR.name)!;
    expect(csvRow.slice(0, 6)).toEqual(annotatorRow!.slice(0, 6));
    expect(`${csvRow[10]}%`).toBe(annotatorRow![10]); // rejection rate: 50 %
    expect(csvRow[10]).toBe('50');
    // Active time was measured while the annotator worked (seconds: below the table's tenth of a minute).
    const numbers = await (await manager.request.get(`/api/v1/projects/${project}/analytics`)).json();
    const measured = numbers.people.find((r: { name: string }) => r.name === ANNOTATOR.name);
    expect(measured.activeMs).toBeGreaterThan(0);
    expect(measured.time.tasks).toBe(2);
    await manager.getByRole('heading', { name: 'Queue depth' }).waitFor();
    await manager.getByText('Forecast finish').waitFor();
    // Drill-down to the annotator.
    await manager.getByRole('button', { name: ANNOTATOR.name, exact: true }).click();
    await manager.getByText(`Only ${ANNOTATOR.name}`).waitFor();
    await expect
      .poll(async () => (await tableRows(manager, 'People')).map((r) => r[0]))
      .toEqual([ANNOTATOR.name]);

    // The annotator's tab: their own numbers only, no team parts.
    await annotator.goto(`/projects/${project}?tab=analytics`);
    await annotator.getByText('My numbers').waitFor();
    await expect.poll(() => annotator.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(2);
    await expect
      .poll(async () => (await tableRows(annotator, 'My work')).map((r) => r[0]))
      .toEqual([ANNOTATOR.name]);
    expect(await annotator.getByRole('heading', { name: 'Queue depth' }).count()).toBe(0);
    expect(await annotator.getByText('Forecast finish').count()).toBe(0);
    // And the server refuses them anyone else's numbers.
    const managerId = await userIdByEmail(admin, MANAGER.email);
    const refused = await annotator.request.get(`/api/v1/projects/${project}/analytics?userId=${managerId}`);
    expect(refused.status()).toBe(403);
    // No Reports page for them.
    expect(await annotator.getByRole('navigation', { name: 'Main' }).getByText('Reports').count()).toBe(0);

    // The Admin's workspace report lists the project.
    await admin.goto('/reports');
    await admin.getByText('Workspace report').waitFor();
    await expect.poll(() => admin.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(3);
    const projects = await tableRows(admin, 'Projects');
    expect(projects.find((r) => r[0] === 'Street scenes')?.slice(1, 3)).toEqual(['2', '1']);

    expect(errors).toEqual([]);
  });
});
