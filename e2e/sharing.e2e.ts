import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, useE2E } from './helpers/browser.ts';
import { acceptInvite, inviteUser, trackPageErrors } from './helpers/invites.ts';
import { mainNav, signIn, welcome } from './helpers/pages.ts';
import { withAdmin } from './helpers/session.ts';

const ADMIN = { name: 'Sam Sharer', email: 'sam@example.test', password: 'share passphrase 4' };
const MEMBER = { name: 'Mo Member', email: 'mo@example.test', password: 'member passphrase 5' };

/** Shares the open dataset or ontology with MEMBER as User, promotes them to Admin, then removes them. */
async function shareThenPromoteThenRemove(page: Page, noun: 'Dataset' | 'Ontology') {
  const sharing = page
    .getByRole('region', { name: 'Sharing' })
    .or(page.locator('section.card', { hasText: 'Sharing' }));
  await sharing.getByLabel('Search users', { exact: true }).fill('Mo');
  await sharing
    .getByLabel('User to add', { exact: true })
    .selectOption({ label: `${MEMBER.name} (${MEMBER.email})` });
  await sharing.getByLabel(`${noun} role`, { exact: true }).selectOption({ label: 'User' });
  await sharing.getByRole('button', { name: 'Share', exact: true }).click();
  await sharing.getByText(`Shared with ${MEMBER.name} as User.`).waitFor();

  const roleOfMember = sharing.getByLabel(`${noun} role of ${MEMBER.name}`, { exact: true });
  await roleOfMember.selectOption({ label: 'Admin' });
  await sharing.getByText(`Shared with ${MEMBER.name} as Admin.`).waitFor();
  // The list is refetched after the change; the select then shows the stored role.
  await expect.poll(() => roleOfMember.inputValue(), { timeout: 10_000 }).toBe('admin');

  await sharing.getByRole('button', { name: `Remove ${MEMBER.name}`, exact: true }).click();
  await sharing.getByText(`${MEMBER.name} no longer has access.`).waitFor();
  await sharing.getByLabel(`${noun} role of ${MEMBER.name}`, { exact: true }).waitFor({ state: 'detached' });
}

describeInBrowser('sharing datasets and ontologies', () => {
  const e2e = useE2E();

  it('shares with a user, changes their role in place, and removes them, for both kinds; renames a dataset', async () => {
    const server = await e2e.server(withAdmin(ADMIN));
    const page = await (await e2e.context(server)).newPage();
    const errors = trackPageErrors(page);
    await signIn(page, ADMIN);
    await welcome(page, ADMIN).waitFor();
    const link = await inviteUser(page, MEMBER.email, 'Member');
    await acceptInvite(await (await e2e.context(server)).newPage(), link, MEMBER);

    await mainNav(page).getByRole('link', { name: 'Datasets', exact: true }).click();
    await page.getByRole('button', { name: 'New dataset', exact: true }).click();
    await page.getByLabel('Dataset name', { exact: true }).fill('Street scenes');
    await page.getByRole('button', { name: 'Create dataset', exact: true }).click();
    await page.getByRole('heading', { name: 'Street scenes', exact: true }).waitFor();
    await shareThenPromoteThenRemove(page, 'Dataset');

    // Renaming goes through the details form shared with groups.
    await page.getByLabel('Dataset name', { exact: true }).fill('Street scenes, dusk');
    await page.getByRole('button', { name: 'Save changes', exact: true }).click();
    await page.getByText('The dataset was saved.').waitFor();
    await page.getByRole('heading', { name: 'Street scenes, dusk', exact: true }).waitFor();

    await mainNav(page).getByRole('link', { name: 'Ontologies', exact: true }).click();
    await page.getByRole('button', { name: 'New ontology', exact: true }).click();
    await page.getByLabel('Ontology name', { exact: true }).fill('Vehicles');
    await page.getByRole('button', { name: 'Save ontology', exact: true }).click();
    await page.getByText('Ontology saved').first().waitFor();
    await shareThenPromoteThenRemove(page, 'Ontology');

    expect(errors).toEqual([]);
  });
});
