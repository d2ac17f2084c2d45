import { expect, it } from 'vitest';
import { describeInBrowser, useE2E } from './helpers/browser.ts';

describeInBrowser('the end-to-end harness', () => {
  const e2e = useE2E();

  it('starts a server on its own port and data directory, and the browser reaches its API docs', async () => {
    const server = await e2e.server();
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });

    const page = await (await e2e.context(server)).newPage();
    await page.goto('/api/docs');
    await page.getByText('Gloss API').first().waitFor();
  });

  it('serves the web app at / without uncaught errors in the page', async () => {
    const server = await e2e.server();
    const page = await (await e2e.context(server)).newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(await response?.headerValue('content-type')).toMatch(/text\/html/);
    await page.waitForLoadState('networkidle');
    expect((await page.locator('body').textContent())?.trim()).toBeTruthy();
    expect(errors).toEqual([]);
  });
});
