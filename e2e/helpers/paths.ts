import { resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const GLOSS_BIN = resolve(PROJECT_ROOT, 'bin/gloss.mjs');
/** Debian's Chromium package; playwright-core drives it, so no browser download is needed. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Headless Chromium's flags for tests and benches: no sandbox, no GPU process, nothing that calls home. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
