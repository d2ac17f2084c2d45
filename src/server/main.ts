import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { migrateToLatest, openDatabase } from './db/database.ts';
import { createDeps } from './deps.ts';
import { countQueueDepth } from './modules/analytics/queue-depth.ts';
import { sweepExpiredAuthState } from './modules/auth/housekeeping.ts';
import { withdrawLapsedGold } from './modules/benchmarks/submission.ts';
import { closeOverdueConsensus } from './modules/consensus/deadline.ts';
import { sweepExpiredLeases } from './modules/queue/leases.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
// Often enough that a consensus deadline (whole hours) is acted on within minutes of passing.
const HOUSEKEEPING_INTERVAL_MS = 5 * 60_000;

interface BuildWatcher {
  on(event: 'event', listener: (e: { code: string }) => void): void;
}

/**
 * Builds the web app with Vite when its bundle is missing (the first `npm start` after install),
 * or, for `npm run dev`, keeps rebuilding it on change; the server reads files per request.
 */
async function ensureWebBuilt(webRoot: string, watch: boolean) {
  if (!watch && existsSync(join(webRoot, 'index.html'))) return;
  const { build } = await import('vite');
  console.log(watch ? 'building the web app (watching for changes)…' : 'building the web app (first start)…');
  const result = await build({
    configFile: join(projectRoot, 'vite.config.ts'),
    build: { watch: watch ? {} : null },
  });
  if (watch) {
    await new Promise<void>((done) =>
      (result as unknown as BuildWatcher).on('event', (e) => {
        if (e.code === 'END' || e.code === 'ERROR') done();
      }),
    );
  }
}

export async function startServer(opts: { watchWeb: boolean }) {
  const config = loadConfig();
  await ensureWebBuilt(config.webRoot, opts.watchWeb);
  const database = openDatabase(config.databaseUrl);
  const applied = await migrateToLatest(database.db);
  const deps = createDeps(config, database);
  const app = await buildApp(deps);
  if (applied.length) app.log.info({ applied }, 'applied migrations');

  const sweep = () =>
    Promise.all([
      sweepExpiredAuthState(deps),
      sweepExpiredLeases(deps.db, deps.clock()),
      closeOverdueConsensus(deps, deps.clock()),
      withdrawLapsedGold(deps.db, deps.clock()),
      countQueueDepth(deps.db, deps.clock()),
    ]).then(
      ([swept, leases, consensus, gold, queues]) =>
        app.log.debug(
          { ...swept, leases, consensus, gold, queues },
          'swept expired sessions, counters and task leases; closed overdue consensus tasks; withdrew abandoned gold tasks; counted queue depths',
        ),
      (err: unknown) => app.log.warn({ err }, 'housekeeping failed'),
    );
  await sweep();
  const sweeper = setInterval(sweep, HOUSEKEEPING_INTERVAL_MS);
  sweeper.unref();

  const shutdown = async (signal: string) => {
    clearInterval(sweeper);
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Gloss is serving ${config.publicUrl} (database: ${database.dialect})`);
  return app;
}
