import type { Page } from 'playwright-core';
import type { E2E } from './browser.ts';
import { acceptInvite, inviteUser, trackPageErrors } from './invites.ts';
import { type Person, signIn, welcome } from './pages.ts';
import { withAdmin } from './session.ts';

export interface Team {
  admin: Page;
  annotator: Page;
  reviewer: Page;
  /** Uncaught errors in any of the three pages. */
  errors: string[];
}

/**
 * A server with `people.admin` (created by the CLI) signed in, and an annotator and a reviewer
 * invited as Taskers, each in their own browser context and signed in.
 */
export async function signedInTeam(
  e2e: E2E,
  people: { admin: Person; annotator: Person; reviewer: Person },
): Promise<Team> {
  const server = await e2e.server(withAdmin(people.admin));
  const page = async () => (await e2e.context(server)).newPage();
  const admin = await page();
  const annotator = await page();
  const reviewer = await page();
  const errors = [...trackPageErrors(admin), ...trackPageErrors(annotator), ...trackPageErrors(reviewer)];
  await signIn(admin, people.admin);
  await welcome(admin, people.admin).waitFor();
  await acceptInvite(annotator, await inviteUser(admin, people.annotator.email, 'Tasker'), people.annotator);
  await acceptInvite(reviewer, await inviteUser(admin, people.reviewer.email, 'Tasker'), people.reviewer);
  return { admin, annotator, reviewer, errors };
}
