import cliProgress from 'cli-progress';
import { loadConfig } from '../src/server/config.ts';
import { type Database, migrateToLatest } from '../src/server/db/database.ts';
import { newId, nowIso } from '../src/server/db/ids.ts';
import type { DataUnitsTable } from '../src/server/db/schema.ts';
import { createDeps } from '../src/server/deps.ts';
import { insertUnits } from '../src/server/modules/datasets/queries.ts';
import { registerManifest, sequentialIds } from '../src/server/modules/datasets/units.ts';
import { type Dialect, openBenchDatabase } from './bench-database.ts';

const UNITS = Number(process.env.GLOSS_BENCH_UNITS ?? 100_000);

/** The bench database as this bench uses it: the Database itself, with its url and drop. */
async function openImportDatabase(dialect: Dialect) {
  const bench = await openBenchDatabase(dialect);
  return { ...bench.database, url: bench.url, drop: bench.drop };
}

async function newDataset(database: Database, name: string) {
  const now = Date.now();
  const id = newId(now);
  await database.db
    .insertInto('datasets')
    .values({
      id,
      name,
      description: '',
      created_by: null,
      created_at: nowIso(now),
      updated_at: nowIso(now),
      revision: 1,
    })
    .execute();
  return id;
}

const manifestItem = (i: number) => ({
  key: `imports/bench/${String(Math.floor(i / 1000)).padStart(3, '0')}/frame-${String(i).padStart(6, '0')}.jpg`,
  metadata: { camera: i % 8, sequence: Math.floor(i / 1000) },
});

async function bench(dialect: 'sqlite' | 'postgres') {
  const database = await openImportDatabase(dialect);
  try {
    await migrateToLatest(database.db);
    const deps = createDeps(loadConfig({ DATABASE_URL: database.url }), database);
    const items = Array.from({ length: UNITS }, (_, i) => manifestItem(i));

    // Warm-up: both paths once on 5,000 units, so neither measurement pays for JIT compilation.
    const warm = await newDataset(database, 'warm-up');
    await registerManifest(deps, null, warm, items.slice(0, 5000));

    // Baseline: the same rows, prepared in advance, inserted with Kysely in one transaction.
    const baselineDataset = await newDataset(database, 'baseline');
    const now = Date.now();
    const ids = sequentialIds(now, UNITS);
    const rows: DataUnitsTable[] = items.map((item, i) => ({
      id: ids[i]!,
      dataset_id: baselineDataset,
      kind: 'image',
      title: item.key.slice(item.key.lastIndexOf('/') + 1),
      source: 'manifest',
      storage_key: item.key,
      external_url: null,
      mime_type: 'image/jpeg',
      size_bytes: null,
      width: null,
      height: null,
      duration_ms: null,
      fps: null,
      frame_count: null,
      thumbnail_key: null,
      metadata: JSON.stringify(item.metadata),
      created_by: null,
      created_at: nowIso(now),
      updated_at: nowIso(now),
      revision: 1,
    }));
    let t = performance.now();
    await database.db.transaction().execute((trx) => insertUnits(trx, rows));
    const baselineMs = performance.now() - t;

    // The service, as `gloss import-manifest` runs it, with a progress bar.
    const dataset = await newDataset(database, 'manifest');
    const bar = new cliProgress.SingleBar(
      {
        format: `${dialect.padEnd(8)} |{bar}| {percentage}% {value}/{total} {phase}`,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(UNITS * 2, 0, { phase: 'validating' });
    t = performance.now();
    const result = await registerManifest(deps, null, dataset, items, {
      onProgress: (phase, done, total) =>
        bar.update(phase === 'validated' ? done : UNITS + Math.round((done / Math.max(total, 1)) * UNITS), {
          phase: phase === 'validated' ? 'validating' : 'inserting',
        }),
    });
    const serviceMs = performance.now() - t;
    bar.stop();
    if (result.created.length !== UNITS || result.failed.length !== 0) {
      throw new Error(
        `expected ${UNITS} units, got ${result.created.length} (${result.failed.length} failed)`,
      );
    }
    const stored = await database.db
      .selectFrom('data_units')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('dataset_id', '=', dataset)
      .executeTakeFirstOrThrow();
    if (Number(stored.n) !== UNITS) throw new Error(`stored ${stored.n} units, expected ${UNITS}`);
    return { dialect, baselineMs, serviceMs };
  } finally {
    await database.close();
    await database.drop();
  }
}

const dialects: ('sqlite' | 'postgres')[] = process.env.GLOSS_BENCH_PG_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];
const results = [];
for (const dialect of dialects) results.push(await bench(dialect));
console.log(`\nmanifest import of ${UNITS.toLocaleString('en')} image units\n`);
console.log(
  '| database | plain bulk insert (baseline) | manifest import (service) | units/s | ratio to baseline |',
);
console.log('|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.dialect} | ${(r.baselineMs / 1000).toFixed(2)} s | ${(r.serviceMs / 1000).toFixed(2)} s | ` +
      `${Math.round(UNITS / (r.serviceMs / 1000))} | ${(r.serviceMs / r.baselineMs).toFixed(2)} |`,
  );
}
for (const r of results) {
  if (r.serviceMs > 60_000) {
    console.error(`${r.dialect}: ${(r.serviceMs / 1000).toFixed(1)} s is over the one-minute budget`);
    process.exitCode = 1;
  }
}
