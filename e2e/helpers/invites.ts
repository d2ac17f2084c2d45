import type { Page } from 'playwright-core';
import { mainNav, type Person, welcome } from './pages.ts';

/**
 * From a signed-in page of someone who may invite: invites `email` with the workspace role
 * labelled `role` ("Tasker", "Member"…) on the Users page and returns the one-time invite link.
 */
export async function inviteUser(page: Page, email: string, role: string): Promise<string> {
  await mainNav(page).getByRole('link', { name: 'Users', exact: true }).click();
  await page.getByRole('button', { name: 'Invite user', exact: true }).click();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await page.getByRole('button', { name: 'Send invite', exact: true }).click();
  const linkInput = page.getByLabel('Invite link', { exact: true });
  await linkInput.waitFor();
  const link = await linkInput.inputValue();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  return link;
}

/** Opens an invite link and accepts it as `person`; ends signed in, on the home page. */
export async function acceptInvite(page: Page, link: string, person: Person) {
  await page.goto(link);
  await page.getByLabel('Your name', { exact: true }).fill(person.name);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Confirm password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Accept invite', exact: true }).click();
  await welcome(page, person).waitFor();
}

/** Uncaught exceptions in a page, to assert on at the end of a test. */
export function trackPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`${page.url()}: ${String(err)}`));
  return errors;
}
