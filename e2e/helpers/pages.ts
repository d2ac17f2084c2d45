import type { Page } from 'playwright-core';

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** Signs in at /login with the contract's labels. */
export async function signIn(page: Page, person: Person) {
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

export const welcome = (page: Page, person: Person) =>
  page.getByRole('heading', { name: `Welcome, ${person.name}`, exact: true });
