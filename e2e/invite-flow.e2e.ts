import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, type E2E, useE2E } from './helpers/browser.ts';
import { mainNav, type Person, signIn, welcome } from './helpers/pages.ts';
import type { GlossServer } from './helpers/server.ts';
import { withAdmin } from './helpers/session.ts';

// The acceptance test: an Admin invites a Tasker, who accepts in another browser, signs
// out and back in, and sees no admin pages; the audit log records both steps. The labels, button
// names and headings used here are the contract with the web app.

const ADMIN: Person = { name: 'Ada Admin', email: 'ada@example.test', password: 'admin passphrase 1' };
const TASKER: Person = { name: 'Bea Tasker', email: 'bea@example.test', password: 'tasker passphrase 2' };
const WORKSPACE = 'Acme Labelling';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Uncaught exceptions in a page fail the test at the end, with what they were. */
function trackPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`${page.url()}: ${String(err)}`));
  return errors;
}

async function expectRedirectedToLogin(page: Page, path: string) {
  await page.goto(path);
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
}

/**
 * From the admin's signed-in page: invites the Tasker, accepts in a second browser context, signs
 * out and in again, then checks the audit log. `workspace` is what the invite page should name.
 */
async function inviteTaskerAndAccept(e2e: E2E, server: GlossServer, admin: Page, workspace: RegExp) {
  const adminErrors = trackPageErrors(admin);

  // The Admin invites a Tasker and copies the link.
  await mainNav(admin).getByRole('link', { name: 'Users', exact: true }).click();
  await admin.getByRole('button', { name: 'Invite user', exact: true }).click();
  await admin.getByLabel('Email', { exact: true }).fill(TASKER.email);
  await admin.getByLabel('Role', { exact: true }).selectOption({ label: 'Tasker' });
  await admin.getByRole('button', { name: 'Send invite', exact: true }).click();
  const linkInput = admin.getByLabel('Invite link', { exact: true });
  await linkInput.waitFor();
  expect(await linkInput.isEditable(), 'the invite link field is read-only').toBe(false);
  const link = await linkInput.inputValue();
  expect(link).toMatch(new RegExp(`^${escapeRegExp(server.url)}/invite/\\S+$`));
  // The link is shown in a modal dialog; Escape closes it (as any modal dialog should).
  await admin.keyboard.press('Escape');
  await admin.getByRole('dialog').waitFor({ state: 'hidden' });

  // The Tasker opens the link in their own browser (separate cookies) and accepts.
  const tasker = await (await e2e.context(server)).newPage();
  const taskerErrors = trackPageErrors(tasker);
  await tasker.goto(link);
  await tasker
    .getByText(new RegExp(`You['’]re invited to ${workspace.source} as Tasker`))
    .first()
    .waitFor();
  await tasker.getByLabel('Your name', { exact: true }).fill(TASKER.name);
  await tasker.getByLabel('Password', { exact: true }).fill(TASKER.password);
  await tasker.getByLabel('Confirm password', { exact: true }).fill(TASKER.password);
  await tasker.getByRole('button', { name: 'Accept invite', exact: true }).click();
  await welcome(tasker, TASKER).waitFor();

  // Signing out ends the session; signing in again works with the chosen password.
  const signOut = tasker
    .getByRole('button', { name: 'Sign out', exact: true })
    .or(tasker.getByRole('link', { name: 'Sign out', exact: true }))
    .or(tasker.getByRole('menuitem', { name: 'Sign out', exact: true }));
  await Promise.all([
    tasker.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/logout' && r.ok()),
    signOut.click(),
  ]);
  expect((await tasker.request.get('/api/v1/auth/session')).status(), 'signed out').toBe(401);
  await signIn(tasker, TASKER);
  await welcome(tasker, TASKER).waitFor();

  // A Tasker's navigation offers no admin pages.
  const taskerNav = mainNav(tasker);
  await taskerNav.waitFor();
  expect(await taskerNav.getByRole('link', { name: 'Users', exact: true }).count()).toBe(0);
  expect(await taskerNav.getByRole('link', { name: 'Audit log', exact: true }).count()).toBe(0);

  // The Admin sees both steps in the audit log.
  await mainNav(admin).getByRole('link', { name: 'Audit log', exact: true }).click();
  for (const action of ['user.invite', 'invite.accept']) {
    await admin.getByText(action).filter({ visible: true }).first().waitFor();
  }

  expect(adminErrors, 'uncaught errors in the admin page').toEqual([]);
  expect(taskerErrors, 'uncaught errors in the tasker page').toEqual([]);
}

describeInBrowser('inviting a Tasker', () => {
  const e2e = useE2E();

  it('works after first-run setup in the browser, and /setup then sends people to sign in', async () => {
    const server = await e2e.server();
    const admin = await (await e2e.context(server)).newPage();
    const errors = trackPageErrors(admin);

    await admin.goto('/setup');
    await admin.getByLabel('Workspace name', { exact: true }).fill(WORKSPACE);
    await admin.getByLabel('Your name', { exact: true }).fill(ADMIN.name);
    await admin.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await admin.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Create workspace', exact: true }).click();
    await welcome(admin, ADMIN).waitFor();
    expect(errors).toEqual([]);

    // Once an admin exists, the setup page is closed to everyone.
    const stranger = await (await e2e.context(server)).newPage();
    await expectRedirectedToLogin(stranger, '/setup');

    await inviteTaskerAndAccept(e2e, server, admin, new RegExp(escapeRegExp(WORKSPACE)));
  });

  it('works for an admin created with `gloss create-admin` who signs in at /login', async () => {
    const server = await e2e.server(withAdmin(ADMIN));
    const admin = await (await e2e.context(server)).newPage();
    const errors = trackPageErrors(admin);

    await expectRedirectedToLogin(admin, '/setup');
    await signIn(admin, ADMIN);
    await welcome(admin, ADMIN).waitFor();
    expect(errors).toEqual([]);

    // The CLI names the workspace itself; the invite page shows whatever that name is.
    await inviteTaskerAndAccept(e2e, server, admin, /.+/);
  });
});
