import type { Page } from 'playwright-core';
import type { Person } from './pages.ts';
import type { StartOptions } from './server.ts';

/** Server options that create `admin` with `gloss create-admin` before the server starts. */
export const withAdmin = (admin: Person): StartOptions => ({
  beforeStart: async (gloss) => {
    await gloss('create-admin', '--email', admin.email, '--password', admin.password, '--name', admin.name);
  },
});

/** The CSRF header the page's cookie session needs for API writes through `page.request`. */
export async function csrfHeaders(page: Page) {
  const { csrfToken } = await (await page.request.get('/api/v1/auth/session')).json();
  return { 'x-csrf-token': csrfToken as string };
}

/** A user's id, looked up by email (the caller must be allowed to list users). */
export async function userIdByEmail(page: Page, email: string): Promise<string> {
  const users = await (await page.request.get(`/api/v1/users?q=${encodeURIComponent(email)}`)).json();
  return users.items[0].id;
}
