import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, useE2E } from './helpers/browser.ts';
import { trackPageErrors } from './helpers/invites.ts';
import { mainNav, type Person, signIn, welcome } from './helpers/pages.ts';
import { withAdmin } from './helpers/session.ts';

// Issue 4's visual builder: build Annotate → Review → Complete (with an inline issue that goes
// away when fixed), save it as a template, change a project's workflow and save that as a
// template too, and see the project's workflow read-only with its task counts. The labels and
// test ids are the contract in /work/contract/builder-ui.md.

const ADMIN: Person = {
  name: 'Wren Workflow',
  email: 'wren@example.test',
  password: 'workflow passphrase 7',
};

const panel = (page: Page) => page.getByTestId('stage-panel');
const select = (page: Page, label: string) => panel(page).getByLabel(label, { exact: true });
const errorsOf = async (field: Locator) => {
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  return ids
    ? field
        .page()
        .locator(`[id="${ids.split(' ')[0]}"]`)
        .innerText()
    : '';
};

async function createProject(page: Page, name: string): Promise<string> {
  await mainNav(page).getByRole('link', { name: 'Ontologies', exact: true }).click();
  await page.getByRole('button', { name: 'New ontology', exact: true }).click();
  await page.getByLabel('Ontology name', { exact: true }).fill('Shapes');
  await page.getByRole('button', { name: 'Save ontology', exact: true }).click();
  await page.getByText('Ontology saved').first().waitFor();

  await mainNav(page).getByRole('link', { name: 'Projects', exact: true }).click();
  await page.getByRole('link', { name: 'New project', exact: true }).click();
  await page.getByLabel('Project name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('Ontology', { exact: true }).selectOption({ label: 'Shapes' });
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Create project', exact: true }).click();
  await page.getByRole('heading', { name, exact: true, level: 1 }).waitFor();
  const id = /\/projects\/([^/?#]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`no project id in ${page.url()}`);
  return id;
}

describeInBrowser('visual workflow builder', () => {
  const e2e = useE2E();

  it('builds Annotate → Review → Complete, saves templates, edits a project workflow and shows it with counts', async () => {
    const server = await e2e.server(withAdmin(ADMIN));
    const page = await (await e2e.context(server)).newPage();
    const errors = trackPageErrors(page);
    await signIn(page, ADMIN);
    await welcome(page, ADMIN).waitFor();

    // The list: built-ins first, read-only.
    await mainNav(page).getByRole('link', { name: 'Workflow templates', exact: true }).click();
    await page.getByRole('heading', { name: 'Workflow templates', exact: true, level: 1 }).waitFor();
    await page.getByRole('row', { name: /Annotate and review Built-in/ }).waitFor();

    // A new template starts as Annotate → Complete; a Review stage added is not connected yet.
    await page.getByRole('button', { name: 'New template', exact: true }).click();
    await page.getByTestId('stage-node-annotate').waitFor();
    await page.getByTestId('stage-node-complete').waitFor();
    await page.getByRole('button', { name: 'Add Review stage', exact: true }).click();
    await page.getByTestId('stage-node-review').waitFor();
    const approved = select(page, 'When approved, go to');
    expect(await approved.getAttribute('aria-invalid')).toBe('true');
    expect(await errorsOf(approved)).toContain('needs a “approved” edge');
    await page.getByTestId('stage-issues-review').waitFor();
    await page.getByTestId('workflow-issues').waitFor();
    const save = page.getByRole('button', { name: 'Save template', exact: true });
    expect(await save.isDisabled()).toBe(true);

    // A name cleared is an issue under the field, gone once a name is back.
    const name = select(page, 'Stage name');
    await name.fill('');
    await panel(page).getByText('a stage needs a name').waitFor();
    await name.fill('Check');
    await panel(page).getByText('a stage needs a name').waitFor({ state: 'detached' });

    await approved.selectOption({ label: 'Complete' });
    await select(page, 'When rejected, go to').selectOption({ label: 'Annotate' });
    expect(await approved.getAttribute('aria-invalid')).toBeNull();
    await page.getByTestId('stage-item-annotate').click();
    await select(page, 'When done, go to').selectOption({ label: 'Check' });
    await page.getByTestId('workflow-issues').waitFor({ state: 'detached' });
    await page.getByTestId('stage-issues-review').waitFor({ state: 'detached' });
    // The node of Review now sits right of Annotate (laid out by distance from the start).
    const annotateBox = await page.getByTestId('stage-node-annotate').boundingBox();
    const reviewBox = await page.getByTestId('stage-node-review').boundingBox();
    expect(reviewBox!.x).toBeGreaterThan(annotateBox!.x);

    await page.getByLabel('Template name', { exact: true }).fill('Checked once');
    expect(await save.isDisabled()).toBe(false);
    await save.click();
    await page.getByText('Template saved', { exact: true }).waitFor();
    expect(page.url()).toMatch(/\/workflow-templates\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: /Back to workflow templates/ }).click();
    await page.getByRole('row', { name: /Checked once Annotate → Complete → Check/ }).waitFor();

    // A project starts on Annotate and review; its Admin adds a Rework stage for rejected tasks.
    const projectId = await createProject(page, 'Shapes pilot');
    await page.goto(`/projects/${projectId}/workflow/edit`);
    await page.getByTestId('stage-count-annotate').getByText('0 tasks').waitFor();
    await page.getByRole('button', { name: 'Add Annotate stage', exact: true }).click();
    await select(page, 'Stage name').fill('Rework');
    await select(page, 'When done, go to').selectOption({ label: 'Review' });
    await page.getByTestId('stage-item-review').click();
    await select(page, 'When rejected, go to').selectOption({ label: 'Rework' });
    await page.getByTestId('workflow-issues').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save workflow', exact: true }).click();
    await page.getByText('Workflow saved as version 2', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Save as template', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as template' });
    await dialog.getByLabel('Template name', { exact: true }).fill('Rework loop');
    await dialog.getByRole('button', { name: 'Save template', exact: true }).click();
    await page.getByText('Saved as template Rework loop', { exact: true }).waitFor();

    // The read-only view on the project page: the new version, counts per stage, a way to edit.
    await page.goto(`/projects/${projectId}?tab=workflow`);
    const view = page.getByTestId('workflow-view');
    await view.getByText(/^Version 2/).waitFor();
    await view.getByTestId('stage-node-annotate-2').getByText('Rework').waitFor();
    await view.getByTestId('stage-count-review').getByText('0 tasks').waitFor();
    expect(await view.getByRole('button', { name: /^Add .* stage$/ }).count()).toBe(0);
    await view.getByRole('link', { name: 'Edit workflow', exact: true }).click();
    await page.getByRole('heading', { name: 'Workflow of Shapes pilot', exact: true }).waitFor();

    expect(errors).toEqual([]);
  });
});
