import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: a real `gloss start` process per test and Debian's Chromium driven by
// playwright-core. The global setup decides whether a browser exists and builds the web app once.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each test runs a server and a browser: on two cores one file at a time is fastest.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
