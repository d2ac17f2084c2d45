// Exporting 100,000 labelled tasks as COCO: the streamed export (the service behind
// GET /projects/:id/export and `gloss export`) next to the same export built whole in memory
// (every row read, the document assembled, then stringified), each in a fresh process of its own
// on the same database. Reports time, bytes, and peak RSS above the process's RSS at the start
// (sampled every 10 ms), and the ratios streamed/whole.
// Run: npm run bench:export  (PostgreSQL too with GLOSS_BENCH_PG_URL; GLOSS_BENCH_TASKS sizes it).
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { cocoAnnotation, cocoCategories, type LabelDocument } from '../src/core/labels/index.ts';
import type { OntologyDocument } from '../src/core/ontology/index.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, migrateToLatest, openDatabase } from '../src/server/db/database.ts';
import { nowIso } from '../src/server/db/ids.ts';
import { createDeps } from '../src/server/deps.ts';
import { cocoExport, prepareExport } from '../src/server/modules/exports/service.ts';
import { type Dialect, generatedRows, openBenchDatabase } from './bench-database.ts';
import { seedProject } from './bench-rows.ts';

const TASKS = Number(process.env.GLOSS_BENCH_TASKS ?? 100_000);
const PROJECT = '00000000-0000-7000-8000-000000000001';
const DATASET = '00000000-0000-7000-8000-000000000002';
const ONTOLOGY_ID = '00000000-0000-7000-8000-000000000003';

const ONTOLOGY: OntologyDocument = {
  formatVersion: 1,
  objects: [
    { featureId: 'car_box', name: 'Car', shape: 'bounding_box', color: '#1f77b4', attributes: [] },
    { featureId: 'road_poly', name: 'Road', shape: 'polygon', color: '#2ca02c', attributes: [] },
  ],
  classifications: [],
};

/** A typical image's labels: four boxes and a 20-vertex polygon (~2.5 KB of JSON). */
function document(): LabelDocument {
  const stamp = { createdBy: 'bench', createdAt: nowIso(0), updatedBy: 'bench', updatedAt: nowIso(0) };
  const boxes = [0, 1, 2, 3].map((i) => ({
    id: `box_${i}`,
    featureId: 'car_box',
    geometry: { type: 'bounding_box' as const, x: 10 + i * 40, y: 20, w: 30, h: 25 },
    attributes: [],
    ...stamp,
  }));
  const ring = Array.from({ length: 20 }, (_, k): [number, number] => [
    320 + 100 * Math.cos((k / 20) * 2 * Math.PI),
    240 + 80 * Math.sin((k / 20) * 2 * Math.PI),
  ]);
  const road = {
    id: 'road',
    featureId: 'road_poly',
    geometry: { type: 'polygon' as const, points: ring },
    attributes: [],
    ...stamp,
  };
  return { formatVersion: 1, objects: [...boxes, road], classifications: [] };
}

/** The project, ontology and dataset as rows; units, tasks and one label revision each, generated in the database. */
async function seed(dialect: Dialect, database: Database) {
  const at = nowIso(Date.now());
  const db = database.db;
  await seedProject(db, {
    projectId: PROJECT,
    name: 'Export bench',
    ontologyId: ONTOLOGY_ID,
    ontology: ONTOLOGY,
    datasetId: DATASET,
    at,
  });
  const { numbers: nums, padded: pad } = generatedRows(dialect, TASKS);
  const doc = JSON.stringify(document());
  await db.transaction().execute(async (trx) => {
    await sql`${nums} insert into data_units (id, dataset_id, kind, title, source, storage_key, external_url,
        mime_type, size_bytes, width, height, duration_ms, fps, frame_count, thumbnail_key, metadata,
        created_by, created_at, updated_at, revision)
      select ${pad('u')}, ${DATASET}, 'image', 'image ' || i, 'manifest', 'bench/' || i || '.jpg', null,
        'image/jpeg', null, 640, 480, null, null, null, null, '{}', null, ${at}, ${at}, 1 from n`.execute(
      trx,
    );
    await sql`${nums} insert into tasks (id, project_id, data_unit_id, created_at, stage_id, status, priority,
        assignee_id, pinned, lease_expires_at, stage_entered_at, updated_at, revision)
      select ${pad('t')}, ${PROJECT}, ${pad('u')}, ${at}, 'complete', 'completed', 50, null, 0, null,
        ${at}, ${at}, 1 from n`.execute(trx);
    await sql`${nums} insert into label_revisions (task_id, branch, revision, base_revision, format_version,
        document, author_id, model_name, changes, created_at)
      select ${pad('t')}, 'main', 1, null, 1, ${doc}, null, 'bench', '{}', ${at} from n`.execute(trx);
  });
  if (dialect === 'postgres') await sql`analyze`.execute(db);
}

type Path = 'streamed' | 'whole';

/** One path, in this (child) process: its time, bytes, and peak RSS above the RSS it started at. */
async function runPath(path: Path, url: string) {
  const database = openDatabase(url);
  const deps = createDeps(
    loadConfig({ DATABASE_URL: 'sqlite::memory:', GLOSS_DATA_DIR: tmpdir() }),
    database,
  );
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  let bytes = 0;
  if (path === 'streamed') {
    const prepared = await prepareExport(deps, null, PROJECT, 'coco', {});
    for await (const chunk of cocoExport(deps, prepared)) bytes += Buffer.byteLength(chunk);
  } else {
    // The naive way: every row in memory, the whole COCO object built, then one stringify.
    const rows = await database.db
      .selectFrom('tasks')
      .innerJoin('data_units as u', 'u.id', 'tasks.data_unit_id')
      .innerJoin('label_revisions as r', 'r.task_id', 'tasks.id')
      .select(['tasks.id', 'u.storage_key', 'u.width', 'u.height', 'r.document'])
      .where('tasks.project_id', '=', PROJECT)
      .orderBy('tasks.id')
      .execute();
    const { categories, idOf } = cocoCategories(ONTOLOGY);
    const images = rows.map((r, i) => ({
      id: i + 1,
      file_name: r.storage_key,
      width: r.width,
      height: r.height,
    }));
    let next = 0;
    const annotations = rows.flatMap((r, i) =>
      (JSON.parse(r.document) as LabelDocument).objects.flatMap((o) => {
        const a = cocoAnnotation(o, { annotation: next + 1, image: i + 1, category: idOf.get(o.featureId)! });
        if (a) next++;
        return a ? [a] : [];
      }),
    );
    bytes = Buffer.byteLength(JSON.stringify({ images, annotations, categories, info: {}, licenses: [] }));
  }
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  await database.close();
  process.stdout.write(JSON.stringify({ ms, bytes, mb: (peak - base) / 2 ** 20 }));
}

/** Runs a path in a fresh process, so neither inherits the other's heap. */
function measure(path: Path, url: string): { ms: number; bytes: number; mb: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--path', path, '--url', url],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out);
}

async function benchDialect(dialect: Dialect) {
  const bench = await openBenchDatabase(dialect);
  try {
    await migrateToLatest(bench.database.db);
    const started = performance.now();
    await seed(dialect, bench.database);
    console.error(
      `${dialect}: ${TASKS} labelled tasks seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await bench.database.close();
    const whole = measure('whole', bench.url);
    const streamed = measure('streamed', bench.url);
    const row = (path: string, m: typeof whole, ratio: string) =>
      `| ${dialect} | ${path} | ${(m.ms / 1000).toFixed(1)} | ${(m.bytes / 2 ** 20).toFixed(0)} | ${m.mb.toFixed(0)} | ${ratio} |`;
    console.log(row('built whole (baseline)', whole, '1.00 / 1.00'));
    console.log(
      row(
        'streamed export',
        streamed,
        `${(streamed.ms / whole.ms).toFixed(2)} / ${(streamed.mb / Math.max(whole.mb, 1)).toFixed(2)}`,
      ),
    );
  } finally {
    await bench.drop();
  }
}

const child = parseArgs({ options: { path: { type: 'string' }, url: { type: 'string' } } }).values;
if (child.path) {
  await runPath(child.path as Path, child.url!);
  process.exit(0);
}

const dialects: Dialect[] = ['sqlite'];
if (process.env.GLOSS_BENCH_PG_URL) dialects.push('postgres');
else console.warn('PostgreSQL skipped: set GLOSS_BENCH_PG_URL=postgres://… to bench it too');
console.log(`COCO export of ${TASKS} labelled tasks (4 boxes + a 20-vertex polygon each)`);
console.log(
  '| database | path | seconds | MB written | peak RSS above start, MB | time / memory ratio to baseline |',
);
console.log('|---|---|---|---|---|---|');
for (const d of dialects) await benchDialect(d);
