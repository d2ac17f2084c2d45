import type { Page } from 'playwright-core';
import type { E2E } from './browser.ts';
import { acceptInvite, inviteUser } from './invites.ts';
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
  const crew = await signedInCrew(e2e, { ...people, annotators: [people.annotator] });
  return { admin: crew.admin, annotator: crew.annotators[0]!, reviewer: crew.reviewer, errors: crew.errors };
}

export interface Crew {
  admin: Page;
  /** One page per annotator, in the order given. */
  annotators: Page[];
  reviewer: Page;
  /** Uncaught errors in any of the pages. */
  errors: string[];
}

/**
 * Like signedInTeam, with any number of annotators (consensus stages want several): each invited
 * as a Tasker in their own browser context and signed in.
 */
export async function signedInCrew(
  e2e: E2E,
  people: { admin: Person; annotators: Person[]; reviewer: Person },
): Promise<Crew> {
  const server = await e2e.server(withAdmin(people.admin));
  const page = async () => (await e2e.context(server)).newPage();
  // One live list for every page (a copy of trackPageErrors' lists would miss later errors).
  const errors: string[] = [];
  const track = (p: Page) => p.on('pageerror', (err) => errors.push(`${p.url()}: ${String(err)}`));
  const admin = await page();
  track(admin);
  await signIn(admin, people.admin);
  await welcome(admin, people.admin).waitFor();
  const join = async (person: Person) => {
    const p = await page();
    track(p);
    await acceptInvite(p, await inviteUser(admin, person.email, 'Tasker'), person);
    return p;
  };
  const annotators: Page[] = [];
  for (const person of people.annotators) annotators.push(await join(person));
  const reviewer = await join(people.reviewer);
  return { admin, annotators, reviewer, errors };
}
