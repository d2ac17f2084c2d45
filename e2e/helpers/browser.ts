import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, inject, type TestContext } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './paths.ts';
import { type GlossServer, type StartOptions, startServer } from './server.ts';

/** Screenshots and page HTML of failed tests land here (outside the repository). */
export const ARTIFACTS_DIR = join(tmpdir(), 'gloss-e2e-artifacts');

/** Debian's Chromium, headless, with the flags that keep it from calling home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
}

/** `describe`, skipped (with the global setup's warning) when the machine has no Chromium. */
export const describeInBrowser = (name: string, body: () => void) =>
  describe.skipIf(!inject('browserAvailable'))(name, body);

export interface E2E {
  /** Starts a Gloss server for this test; it is stopped after the test. */
  server(options?: StartOptions): Promise<GlossServer>;
  /** A fresh browser context (its own cookies) pointed at `server`; closed after the test. */
  context(server: GlossServer): Promise<BrowserContext>;
}

/**
 * Call inside a describe block: one browser for the block; servers and contexts per test. When a
 * test fails, every open page is screenshotted (with its HTML and the server's output) under
 * ARTIFACTS_DIR and the paths are printed.
 */
export function useE2E(): E2E {
  let browser: Browser | undefined;
  let servers: GlossServer[] = [];
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async (ctx) => {
    try {
      if (ctx.task.result?.state === 'fail') await saveArtifacts(ctx, contexts, servers);
    } finally {
      const closing = contexts;
      const stopping = servers;
      contexts = [];
      servers = [];
      await Promise.allSettled(closing.map((c) => c.close()));
      await Promise.allSettled(stopping.map((s) => s.stop()));
    }
  });

  return {
    async server(options) {
      const server = await startServer(options);
      servers.push(server);
      return server;
    },
    async context(server) {
      if (!browser) throw new Error('useE2E(): the browser is not running (call it inside a describe block)');
      const context = await browser.newContext({ baseURL: server.url });
      context.setDefaultTimeout(15_000);
      context.setDefaultNavigationTimeout(20_000);
      contexts.push(context);
      return context;
    },
  };
}

async function saveArtifacts(ctx: TestContext, contexts: BrowserContext[], servers: GlossServer[]) {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = `${ctx.task.name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 80)}-${stamp}`;
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const saved: string[] = [];
  for (const [c, context] of contexts.entries()) {
    for (const [p, page] of context.pages().entries()) {
      const prefix = join(ARTIFACTS_DIR, `${base}-context${c + 1}-page${p + 1}`);
      try {
        await page.screenshot({ path: `${prefix}.png`, fullPage: true, timeout: 5_000 });
        saved.push(`${prefix}.png (${page.url()})`);
        await writeFile(`${prefix}.html`, await page.content());
        saved.push(`${prefix}.html`);
      } catch (err) {
        saved.push(`${prefix}: could not capture (${String(err)})`);
      }
    }
  }
  for (const [s, server] of servers.entries()) {
    const path = join(ARTIFACTS_DIR, `${base}-server${s + 1}.log`);
    await writeFile(path, server.output());
    saved.push(path);
  }
  console.error(`\ne2e: "${ctx.task.name}" failed; artifacts:\n  ${saved.join('\n  ')}\n`);
}
