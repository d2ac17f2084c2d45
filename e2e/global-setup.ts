import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH, PROJECT_ROOT } from './helpers/paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** False when /usr/bin/chromium is missing: every browser test then skips. */
    browserAvailable: boolean;
  }
}

/**
 * Runs once before the browser suite. Without Chromium it fails the run when GLOSS_REQUIRE_BROWSER=1
 * (CI), and otherwise skips the suite with a warning nobody can miss. With Chromium it builds the
 * web app if dist/web is missing or older than its sources, so no test file has to.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    if (process.env.GLOSS_REQUIRE_BROWSER === '1') {
      throw new Error(
        `GLOSS_REQUIRE_BROWSER=1 but ${CHROMIUM_PATH} is missing: install it with ` +
          '`apt-get install -y chromium` (the browser end-to-end suite cannot run without it)',
      );
    }
    console.warn(skippedWarning);
    project.provide('browserAvailable', false);
    // Repeat it after the run too, where it is not scrolled away by test output.
    return () => console.warn(skippedWarning);
  }
  project.provide('browserAvailable', true);
  buildWebAppIfStale();
}

const skippedWarning = [
  '',
  '**************************************************************************',
  '***  BROWSER END-TO-END TESTS SKIPPED',
  `***  ${CHROMIUM_PATH} is missing, so no browser test ran.`,
  '***  Install it with `apt-get install -y chromium` to run them, or set',
  '***  GLOSS_REQUIRE_BROWSER=1 to make a missing browser fail the run.',
  '**************************************************************************',
  '',
].join('\n');

const WEB_INDEX = join(PROJECT_ROOT, 'dist/web/index.html');

/** Everything the web bundle is built from (files or folders, relative to the project root). */
const WEB_SOURCES = [
  'src/web',
  'src/editor',
  'src/core',
  'index.html',
  'public',
  'vite.config.ts',
  'package-lock.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildWebAppIfStale() {
  const built = existsSync(WEB_INDEX) ? statSync(WEB_INDEX).mtimeMs : 0;
  const sources = Math.max(...WEB_SOURCES.map((p) => newestMtime(join(PROJECT_ROOT, p))));
  if (built && built >= sources) {
    console.log('e2e: dist/web is up to date; not rebuilding');
    return;
  }
  console.log(built ? 'e2e: dist/web is older than its sources; rebuilding…' : 'e2e: building the web app…');
  const started = Date.now();
  // A child process keeps Vite's build apart from the Vite instance running Vitest itself.
  const result = spawnSync('npx', ['vite', 'build'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(WEB_INDEX)) {
    throw new Error(
      `e2e: \`npx vite build\` failed (exit ${result.status ?? result.signal}); the browser suite needs the web app.\n` +
        `${result.error ? `${String(result.error)}\n` : ''}${result.stdout}\n${result.stderr}`,
    );
  }
  console.log(`e2e: web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
