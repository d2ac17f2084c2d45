import { expect, it } from 'vitest';
import { describeInBrowser, useE2E } from './helpers/browser.ts';
import { mainNav, signIn, welcome } from './helpers/pages.ts';
import { withAdmin } from './helpers/session.ts';

const ADMIN = { name: 'Olu Ops', email: 'olu@example.test', password: 'ops passphrase 3' };

describeInBrowser('workspace settings', () => {
  const e2e = useE2E();

  it('lets an Admin rename the workspace, and the header follows', async () => {
    const server = await e2e.server(withAdmin(ADMIN));
    const page = await (await e2e.context(server)).newPage();
    await signIn(page, ADMIN);
    await welcome(page, ADMIN).waitFor();

    await mainNav(page).getByRole('link', { name: 'Workspace', exact: true }).click();
    const name = page.getByLabel('Workspace name', { exact: true });
    await name.fill('Northwind Annotation');
    await page.getByRole('button', { name: 'Save workspace name', exact: true }).click();
    await page.getByText('The workspace name was saved.').waitFor();
    await page.getByRole('banner').getByText('Northwind Annotation').waitFor();

    await page.reload();
    expect(await page.getByLabel('Workspace name', { exact: true }).inputValue()).toBe(
      'Northwind Annotation',
    );
  });
});
