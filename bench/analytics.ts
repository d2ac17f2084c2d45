// The analytics reports at a year of work (issue 9): 10,000,000 task events for 500 people in 50
// projects (Annotate → Review → Complete), loaded into a fresh database with the daily counters
// (metric_days, person_days) made by the real mapping (`incrementsOf`, summed per counter and
// checked against `counterRows` on sampled days), active time (time_by_day, task_time), queue
// depth and issues.
// Then the project dashboard and the workspace report are timed through HTTP (`app.inject`, as a
// workspace Admin with an API key) next to a baseline measured in the same run on the same
// database: the same period counted straight from the event log (events by day, kind and person),
// which is what the reports would cost without the counters. Budget: 300 ms per report.
//
// Run: npm run bench:analytics                       (SQLite and PostgreSQL)
//      npm run bench:analytics -- --dialect sqlite --events 200000   (a quick try)
// Options: --dialect sqlite|postgres|both (default both), --events N (default 10,000,000),
// --runs N (timed report runs, default 20), --baseline-runs N (default 3), --keep (leave the
// database in place and print where it is), --reuse URL (measure a database an earlier --keep run
// left, after migrating it to the latest schema as an upgrade would; the log's last day stands for
// today). PostgreSQL: GLOSS_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test); the run
// creates and drops its own database there.
import { statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import SqliteDatabase from 'better-sqlite3';
import { Migrator, sql } from 'kysely';
import pg from 'pg';
import { incrementsOf, METRICS, utcDay, zeroCounts } from '../src/core/analytics/metrics.ts';
import type { TaskEventKind } from '../src/core/queue/index.ts';
import { builtInWorkflow } from '../src/core/workflow/index.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, isPostgresUrl, migrateToLatest, openDatabase } from '../src/server/db/database.ts';
import { nowIso } from '../src/server/db/ids.ts';
import { migrations } from '../src/server/db/migrations/index.ts';
import type { MetricDaysTable, PersonDaysTable } from '../src/server/db/schema.ts';
import { createDeps } from '../src/server/deps.ts';
import {
  type CounterRows,
  counterRows,
  type EventToCount,
} from '../src/server/modules/analytics/metric-days.ts';
import { recordTaskEvents, type TaskEvent } from '../src/server/modules/queue/events.ts';
import { mulberry32 } from '../test/helpers/seeded-random.ts';
import { type BenchDatabase, type Dialect, openBenchDatabase } from './bench-database.ts';
import { benchUsers, seedProject } from './bench-rows.ts';

// ---------------------------------------------------------------------------------------------
// Options

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) return args[i + 1] ?? '';
    if (args[i]!.startsWith(`--${name}=`)) return args[i]!.slice(name.length + 3);
  }
  return undefined;
}
const count = (name: string, fallback: number) => {
  const v = option(name);
  const n = v === undefined ? fallback : Number(v.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
};

const EVENTS = count('events', 10_000_000);
const RUNS = count('runs', 20);
const BASELINE_RUNS = count('baseline-runs', 3);
const REUSE = option('reuse');
const KEEP = process.argv.includes('--keep') || REUSE !== undefined;
const DIALECT =
  REUSE === undefined ? (option('dialect') ?? 'both') : isPostgresUrl(REUSE) ? 'postgres' : 'sqlite';
if (!['sqlite', 'postgres', 'both'].includes(DIALECT)) throw new Error('--dialect: sqlite, postgres or both');
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

const USERS = 500;
const PROJECTS = 50;
const REVIEWERS = 75; // users 0–74 review; the rest annotate
const DAYS = 365;
const BUDGET_MS = 300;
const DAY_MS = 86_400_000;
const MIN = 60_000;
const HOUR = 60 * MIN;
const SEED = 2026;

/** The last day of the log is today (UTC), so the reports' "last 30 days" are the log's last 30. */
const TODAY = utcDay(Date.now());
const DAY0 = Date.parse(`${TODAY}T00:00:00.000Z`) - (DAYS - 1) * DAY_MS;
const dayStart = (d: number) => DAY0 + d * DAY_MS;
const dayIndex = (ms: number) => Math.floor((ms - DAY0) / DAY_MS);
const dayName = (d: number) => utcDay(dayStart(d));

const FEATURES: readonly (readonly [string, string, number])[] = [
  ['car', 'Car', 0.4],
  ['pedestrian', 'Pedestrian', 0.25],
  ['cyclist', 'Cyclist', 0.1],
  ['traffic_sign', 'Traffic sign', 0.15],
  ['traffic_light', 'Traffic light', 0.1],
];
const ONTOLOGY = {
  formatVersion: 1,
  objects: FEATURES.map(([featureId, name], i) => ({
    featureId,
    name,
    shape: 'bounding_box',
    color: ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd'][i],
    attributes: [],
  })),
  classifications: [],
};
const WORKFLOW = builtInWorkflow('annotate_review')!; // annotate → review → complete

// ---------------------------------------------------------------------------------------------
// Ids: UUIDv7 as the server makes them (time first), from a seeded generator so runs repeat.

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

function uuid7(ms: number, seq: number, random: () => number) {
  const t = hex(ms, 12);
  const tail = hex(Math.floor(random() * 0x1000000), 6) + hex(Math.floor(random() * 0x1000000), 6);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${hex(seq, 3)}-${hex(0x8000 | Math.floor(random() * 0x4000), 4)}-${tail}`;
}

/** Strictly increasing ids for rows made in time order (events, tasks), like `newId`. */
function monotonicIds(random: () => number) {
  let lastMs = 0;
  let seq = 0;
  return (at: number) => {
    let ms = at;
    if (ms <= lastMs) {
      ms = lastMs;
      seq++;
      if (seq > 0xfff) {
        ms = lastMs + 1;
        seq = 0;
      }
    } else seq = 0;
    lastMs = ms;
    return uuid7(ms, seq, random);
  };
}

// ---------------------------------------------------------------------------------------------
// Bulk writing: multi-row INSERTs in big transactions on SQLite (better-sqlite3, its own
// connection), `insert … select from unnest($1::text[], …)` on PostgreSQL (pg, its own client).

type Row = unknown[];

interface Loader {
  begin(): Promise<void>;
  commit(): Promise<void>;
  /** `types` are PostgreSQL's, for unnest; `conflict` an ON CONFLICT clause. */
  insert(
    table: string,
    cols: readonly string[],
    types: readonly string[],
    rows: Row[],
    conflict?: string,
  ): Promise<void>;
  /** Rows of [id, ...cols]: sets the columns of the row with that id. */
  update(table: string, cols: readonly string[], types: readonly string[], rows: Row[]): Promise<void>;
  /** After the load: what a running database would have done by itself. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

function sqliteLoader(path: string): Loader {
  const db = new SqliteDatabase(path);
  db.pragma('foreign_keys = ON'); // every row checked against its parents, as the server's connection does
  db.pragma('synchronous = OFF'); // the load only; the server's connection is FULL
  db.pragma('cache_size = -524288'); // 512 MB
  const statements = new Map<string, SqliteDatabase.Statement>();
  const statement = (key: string, text: () => string) => {
    let s = statements.get(key);
    if (!s) {
      s = db.prepare(text());
      statements.set(key, s);
    }
    return s;
  };
  const PER_STATEMENT = 250;
  return {
    async begin() {
      db.exec('begin');
    },
    async commit() {
      db.exec('commit');
    },
    async insert(table, cols, _types, rows, conflict = '') {
      const tuple = `(${cols.map(() => '?').join(', ')})`;
      for (let i = 0; i < rows.length; i += PER_STATEMENT) {
        const chunk = rows.slice(i, i + PER_STATEMENT);
        const s = statement(`${table} ${cols.length} ${chunk.length} ${conflict}`, () =>
          [
            `insert into ${table} (${cols.join(', ')}) values`,
            Array.from({ length: chunk.length }, () => tuple).join(', '),
            conflict,
          ].join(' '),
        );
        s.run(chunk.flat());
      }
    },
    async update(table, cols, _types, rows) {
      const s = statement(`update ${table} ${cols.join(',')}`, () =>
        [`update ${table} set`, cols.map((c) => `${c} = ?`).join(', '), 'where id = ?'].join(' '),
      );
      for (const [id, ...values] of rows) s.run([...values, id]);
    },
    async settle() {
      // No ANALYZE: no SQLite deployment runs it, so its planner is measured without statistics.
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    async close() {
      db.close();
    },
  };
}

async function postgresLoader(url: string): Promise<Loader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('set synchronous_commit = off'); // the load only
  // PostgreSQL checks a foreign key with a trigger per row and key that locks the parent row
  // (FOR KEY SHARE): 26 of the 37 µs an event row cost. The load turns the triggers off for its
  // own session and checks every foreign key of the schema once at the end, in bulk (settle).
  // Needs a superuser; without one the triggers stay on and the load is slower.
  const checkingLater = await client
    .query('set session_replication_role = replica')
    .then(() => true)
    .catch(() => false);
  const BATCH = 10_000;
  const columns = (rows: Row[], n: number) =>
    Array.from({ length: n }, (_, c) => rows.map((r) => r[c] ?? null));
  return {
    async begin() {
      await client.query('begin');
    },
    async commit() {
      await client.query('commit');
    },
    async insert(table, cols, types, rows, conflict = '') {
      const params = types.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
      const text = `insert into ${table} (${cols.join(', ')}) select * from unnest(${params}) ${conflict}`;
      for (let i = 0; i < rows.length; i += BATCH) {
        await client.query(text, columns(rows.slice(i, i + BATCH), cols.length));
      }
    },
    async update(table, cols, types, rows) {
      const params = ['text', ...types].map((t, i) => `$${i + 1}::${t}[]`).join(', ');
      const text = `update ${table} as x set ${cols.map((c) => `${c} = u.${c}`).join(', ')}
        from unnest(${params}) as u(id, ${cols.join(', ')}) where x.id = u.id`;
      for (let i = 0; i < rows.length; i += BATCH) {
        await client.query(text, columns(rows.slice(i, i + BATCH), cols.length + 1));
      }
    },
    async settle() {
      if (checkingLater) await checkForeignKeys(client);
      // What autovacuum does to freshly loaded tables: statistics, and the visibility map that
      // index-only scans need.
      await client.query('vacuum analyze');
    },
    async close() {
      await client.end();
    },
  };
}

/** Every foreign key of the schema, checked over whole tables (anti-joins): throws on a row without its parent. */
async function checkForeignKeys(client: pg.Client) {
  await client.query('set session_replication_role = origin');
  const keys = await client.query<{
    name: string;
    child: string;
    parent: string;
    cols: string[];
    refs: string[];
  }>(
    `select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
       array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols,
       array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
         join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as refs
     from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
  );
  for (const k of keys.rows) {
    const present = k.cols.map((c) => `ch.${c} is not null`).join(' and ');
    const match = k.cols.map((c, i) => `pa.${k.refs[i]} = ch.${c}`).join(' and ');
    const res = await client.query<{ n: string }>(
      `select count(*) as n from ${k.child} ch where ${present}
         and not exists (select 1 from ${k.parent} pa where ${match})`,
    );
    const n = Number(res.rows[0]!.n);
    if (n > 0) throw new Error(`${n} rows of ${k.child} break foreign key ${k.name}`);
  }
  return keys.rows.length;
}

const T = 'text';
const BIG = 'bigint';
const INT = 'integer';
const EVENT_COLS = [
  'id',
  'project_id',
  'task_id',
  'kind',
  'stage_id',
  'to_stage_id',
  'actor_id',
  'subject_id',
  'data',
  'created_at',
];
const UNIT_COLS = [
  'id',
  'dataset_id',
  'kind',
  'title',
  'source',
  'storage_key',
  'mime_type',
  'width',
  'height',
  'metadata',
  'created_at',
  'updated_at',
];
const UNIT_TYPES = [T, T, T, T, T, T, T, INT, INT, T, T, T];
const TASK_COLS = [
  'id',
  'project_id',
  'data_unit_id',
  'created_at',
  'stage_id',
  'status',
  'priority',
  'stage_entered_at',
  'updated_at',
];
const TASK_TYPES = [T, T, T, T, T, T, INT, T, T];
const TASK_STATE_COLS = [
  'stage_id',
  'status',
  'assignee_id',
  'lease_expires_at',
  'stage_entered_at',
  'updated_at',
  'revision',
];
const TASK_STATE_TYPES = [T, T, T, T, T, T, INT];
const METRIC_COLS = ['project_id', 'day', 'metric', 'user_id', 'stage_id', 'dataset_id', 'feature_id', 'n'];
const PERSON_COLS = ['day', 'project_id', 'user_id', ...METRICS];
/** As addToCounters upserts (metric-days.ts). */
const METRIC_UPSERT = `on conflict (project_id, day, metric, user_id, stage_id, dataset_id, feature_id)
  do update set n = metric_days.n + excluded.n`;
const PERSON_UPSERT = `on conflict (day, project_id, user_id) do update set
  ${METRICS.map((m) => `${m} = person_days.${m} + excluded.${m}`).join(', ')}`;
const ISSUE_COLS = [
  'id',
  'project_id',
  'task_id',
  'stage_id',
  'body',
  'tags',
  'author_id',
  'assignee_id',
  'status',
  'created_at',
  'updated_at',
];
const ISSUE_STATE_COLS = ['status', 'updated_at', 'resolved_at', 'resolved_by', 'revision'];

// ---------------------------------------------------------------------------------------------
// The workspace: who works where, and on which days.

interface Project {
  index: number;
  id: string;
  datasetId: string;
  ontologyId: string;
  weight: number;
  start: number;
  end: number;
  annotators: number[];
  reviewers: number[];
  /** Tasks imported and not yet started, in import order, with when they were created. */
  pool: { id: string; at: number }[];
  poolNext: number;
  batch: number;
  imported: number;
  events: number;
  depth: { annotate: number; review: number };
}

interface Workspace {
  users: string[];
  projects: Project[];
  /** works[u * DAYS + d]: whether person u works on day d. */
  works: Uint8Array;
}

function planWorkspace(random: () => number): Workspace {
  const ids = monotonicIds(random);
  const users = Array.from({ length: USERS }, (_, u) => ids(DAY0 - 60 * DAY_MS + u * MIN));
  const projects: Project[] = Array.from({ length: PROJECTS }, (_, p) => {
    // A few big projects and a long tail: the busiest has ~6% of the work.
    const weight = 1 / (1 + p / 8);
    const start = p < 12 ? 0 : Math.floor(random() * 240);
    const end = p >= 12 && random() < 0.35 ? Math.min(DAYS, start + 60 + Math.floor(random() * 200)) : DAYS;
    return {
      index: p,
      id: ids(DAY0 - 40 * DAY_MS + p * HOUR),
      datasetId: ids(DAY0 - 40 * DAY_MS + p * HOUR + 1),
      ontologyId: ids(DAY0 - 40 * DAY_MS + p * HOUR + 2),
      weight,
      start,
      end,
      annotators: [],
      reviewers: [],
      pool: [],
      poolNext: 0,
      batch: 0,
      imported: 0,
      events: 0,
      depth: { annotate: 0, review: 0 },
    };
  });
  // Each person works in 2–5 projects, the bigger ones more likely.
  const totalWeight = projects.reduce((s, p) => s + p.weight + 0.02, 0);
  for (let u = 0; u < USERS; u++) {
    const mine = new Set<Project>();
    const k = 2 + Math.floor(random() * 4);
    while (mine.size < k) {
      let x = random() * totalWeight;
      for (const p of projects) {
        x -= p.weight + 0.02;
        if (x <= 0) {
          mine.add(p);
          break;
        }
      }
    }
    for (const p of mine) (u < REVIEWERS ? p.reviewers : p.annotators).push(u);
  }
  for (const p of projects) {
    const add = (list: number[], from: number, to: number, min: number) => {
      while (list.length < min) {
        const u = from + Math.floor(random() * (to - from));
        if (!list.includes(u)) list.push(u);
      }
    };
    add(p.annotators, REVIEWERS, USERS, 4);
    add(p.reviewers, 0, REVIEWERS, 2);
  }
  const works = new Uint8Array(USERS * DAYS);
  for (let u = 0; u < USERS; u++) {
    for (let d = 0; d < DAYS; d++) {
      const weekday = new Date(dayStart(d)).getUTCDay() % 6 !== 0;
      works[u * DAYS + d] = random() < (weekday ? 0.88 : 0.1) ? 1 : 0;
    }
  }
  return { users, projects, works };
}

// ---------------------------------------------------------------------------------------------
// The event log, generated task by task (a task's whole life at once), emitted day by day.

interface Pass {
  user: number;
  stage: string;
  ms: number;
  first: number;
}

interface TaskState {
  id: string;
  project: Project;
  stage: string;
  status: string;
  assignee: string | null;
  enteredAt: number;
  updatedAt: number;
  revision: number;
  /** Its events generated and not yet emitted. */
  pending: number;
  /** Active time per (person, stage): task_time. */
  times: Map<string, { user: number; stage: string; ms: number; first: number; last: number }>;
}

interface GenEvent extends EventToCount {
  at: number;
  seq: number;
  id: string;
  toStageId: string | null;
  project: Project;
  task: TaskState | null;
  /** The active time of the pass this event ends. */
  pass?: Pass;
  /** issue_opened: the issue row. */
  issue?: Row;
}

interface Label {
  id: string;
  feature: string;
  author: number;
}

interface Imported {
  units: Row[];
  tasks: Row[];
}

function generator(ws: Workspace, random: () => number) {
  const buckets = new Map<number, GenEvent[]>();
  const live = new Set<TaskState>();
  const taskIds = monotonicIds(random);
  let seq = 0;
  let generated = 0;
  let imports: Imported = { units: [], tasks: [] };
  let importedTasks = 0;

  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const logNormal = (median: number, sigma: number, min: number, max: number) =>
    Math.min(max, Math.max(min, median * Math.exp(sigma * gauss())));
  const pickFeature = () => {
    let x = random();
    for (const [id, , share] of FEATURES) {
      x -= share;
      if (x <= 0) return id;
    }
    return FEATURES[0]![0];
  };
  /** Someone from the list, preferably at work on the day. */
  const pick = (list: readonly number[], at: number) => {
    const d = Math.min(DAYS - 1, dayIndex(at));
    let u = list[Math.floor(random() * list.length)]!;
    for (let i = 0; i < 6 && !ws.works[u * DAYS + d]; i++) u = list[Math.floor(random() * list.length)]!;
    return u;
  };

  const push = (e: Omit<GenEvent, 'seq' | 'id'>) => {
    const d = dayIndex(e.at);
    if (d >= DAYS) return; // after today: not happened yet
    let bucket = buckets.get(d);
    if (!bucket) {
      bucket = [];
      buckets.set(d, bucket);
    }
    bucket.push({ ...e, seq: seq++, id: '' });
    if (e.task) e.task.pending++;
    generated++;
  };

  /** Imports a batch of units (the project's dataset) and their tasks, each with its `created` event. */
  function importBatch(p: Project, at: number) {
    const iso = nowIso(at);
    p.pool = [];
    p.poolNext = 0;
    for (let k = 0; k < p.batch; k++) {
      const n = p.imported + k;
      const unitId = taskIds(at);
      const taskId = taskIds(at);
      imports.units.push([
        unitId,
        p.datasetId,
        'image',
        `frame_${n}.jpg`,
        'manifest',
        `bench/p${p.index}/${n}.jpg`,
        'image/jpeg',
        1920,
        1080,
        '{}',
        iso,
        iso,
      ]);
      imports.tasks.push([
        taskId,
        p.id,
        unitId,
        iso,
        'annotate',
        'new',
        Math.floor(random() * 101),
        iso,
        iso,
      ]);
      p.pool.push({ id: taskId, at });
      push({
        projectId: p.id,
        taskId,
        at,
        kind: 'created',
        stageId: 'annotate',
        toStageId: null,
        actorId: null,
        subjectId: null,
        data: {},
        project: p,
        task: null,
      });
    }
    p.imported += p.batch;
    importedTasks += p.batch;
  }

  /** A task's whole life from its first claim at t0: passes, reviews, rework, issues. */
  function workTask(p: Project, t0: number) {
    if (p.poolNext >= p.pool.length) importBatch(p, p.imported === 0 ? t0 - 30 * MIN : t0 - MIN);
    const pooled = p.pool[p.poolNext++]!;
    const s: TaskState = {
      id: pooled.id,
      project: p,
      stage: 'annotate',
      status: 'new',
      assignee: null,
      enteredAt: pooled.at,
      updatedAt: pooled.at,
      revision: 1,
      pending: 0,
      times: new Map(),
    };
    live.add(s);
    const user = (u: number | null) => (u === null ? null : ws.users[u]!);
    const emit = (
      at: number,
      kind: TaskEventKind,
      stageId: string,
      actor: number | null,
      subject: number | null,
      data: Record<string, unknown>,
      more: Partial<GenEvent> = {},
    ) =>
      push({
        projectId: p.id,
        taskId: s.id,
        at: Math.round(at),
        kind,
        stageId,
        toStageId: null,
        actorId: user(actor),
        subjectId: user(subject),
        data,
        project: p,
        task: s,
        ...more,
      });

    let t = t0;
    const labels: Label[] = [];
    let nextLabel = 1;
    let revision = 0;
    let reviews = 0;
    const submitted = new Set<string>();

    const addLabel = (who: number, into: Record<string, number>) => {
      const feature = pickFeature();
      labels.push({ id: `obj${nextLabel++}`, feature, author: who });
      into[feature] = (into[feature] ?? 0) + 1;
    };
    /** A labels_saved event: what changed, by feature, as the label service writes it. */
    const save = (who: number, stage: string, at: number) => {
      const created: Record<string, number> = {};
      const edited: Record<string, number> = {};
      const deleted: Record<string, number> = {};
      let added = 0;
      let changed = 0;
      let removed = 0;
      if (labels.length === 0) {
        for (let m = 1 + Math.floor(random() * 7); m > 0; m--, added++) addLabel(who, created);
      } else {
        const touched = new Set<Label>();
        for (let e = 1 + Math.floor(random() * 3); e > 0; e--)
          touched.add(labels[Math.floor(random() * labels.length)]!);
        for (const l of touched) edited[l.feature] = (edited[l.feature] ?? 0) + 1;
        changed = touched.size;
        if (random() < 0.25) {
          addLabel(who, created);
          added++;
        }
        if (random() < 0.1 && labels.length > 1) {
          const [gone] = labels.splice(Math.floor(random() * labels.length), 1);
          deleted[gone!.feature] = (deleted[gone!.feature] ?? 0) + 1;
          removed++;
        }
      }
      revision++;
      const data = { branch: 'main', revision, added, changed, removed, classificationsChanged: false };
      emit(at, 'labels_saved', stage, who, who, { ...data, created, edited, deleted });
    };
    const claim = (who: number, stage: string) => emit(t, 'claimed', stage, who, who, { via: 'next' });
    /** A short look that ends without submitting: skipped, released, or the lease lapsed. */
    const shortPass = (who: number, how: 'skipped' | 'released' | 'lease_expired') => {
      const first = t;
      const ms = logNormal(25_000, 0.6, 5_000, 5 * MIN);
      claim(who, 'annotate');
      if (how !== 'skipped' && random() < 0.5) save(who, 'annotate', t + ms / 2);
      t += how === 'lease_expired' ? 30 * MIN + ms : ms * 1.2;
      const pass = { user: who, stage: 'annotate', ms, first };
      if (how === 'lease_expired') emit(t, how, 'annotate', null, who, {}, { pass });
      else emit(t, how, 'annotate', who, who, how === 'skipped' ? { reason: '' } : {}, { pass });
      t += logNormal(20 * MIN, 1, MIN, 12 * HOUR);
    };
    const annotatePass = (who: number) => {
      const rework = revision > 0;
      const ms = logNormal(rework ? 70_000 : 150_000, 0.8, 10_000, 40 * MIN);
      const wall = ms * (1.1 + random() * 0.6);
      const first = t;
      claim(who, 'annotate');
      const saves = rework
        ? 1 + Math.floor(random() * 3)
        : Math.min(12, 2 + Math.floor(-Math.log(1 - random()) * 2.5));
      for (let i = 1; i <= saves; i++) save(who, 'annotate', t + (wall * i) / (saves + 1));
      t += wall;
      emit(
        t,
        'submitted',
        'annotate',
        who,
        who,
        {},
        { toStageId: 'review', pass: { user: who, stage: 'annotate', ms, first } },
      );
      submitted.add(ws.users[who]!);
    };
    /** Returns whether it was approved, and the issue opened (if any). */
    const reviewPass = (who: number, annotator: number, mustApprove: boolean) => {
      const ms = logNormal(60_000, 0.7, 8_000, 20 * MIN);
      const wall = ms * (1.1 + random() * 0.4);
      const first = t;
      claim(who, 'review');
      let rejectedLabels = 0;
      if (random() < 0.35) {
        labels.forEach((l, k) => {
          const ok = random() < 0.9;
          if (!ok) rejectedLabels++;
          emit(
            first + (wall * (k + 1)) / (labels.length + 2),
            ok ? 'label_approved' : 'label_rejected',
            'review',
            who,
            l.author,
            ok
              ? { labelId: l.id, featureId: l.feature }
              : { labelId: l.id, featureId: l.feature, reason: 'Wrong class' },
          );
        });
      }
      if (random() < 0.08 && labels.length > 0) save(who, 'review', first + wall * 0.9);
      let issue: string | null = null;
      if (random() < (rejectedLabels ? 0.5 : 0.06)) {
        const at = Math.round(first + wall * 0.95);
        issue = uuid7(at, Math.floor(random() * 0x1000), random);
        const iso = nowIso(at);
        emit(
          at,
          'issue_opened',
          'review',
          who,
          annotator,
          { issueId: issue, tags: [] },
          {
            issue: [
              issue,
              p.id,
              s.id,
              'review',
              'Please check the boxes',
              '[]',
              ws.users[who],
              ws.users[annotator],
              'open',
              iso,
              iso,
            ],
          },
        );
      }
      t = first + wall;
      const firstReview = reviews++ === 0;
      const approved = mustApprove || random() >= (rejectedLabels ? 0.75 : firstReview ? 0.15 : 0.06);
      const pass = { user: who, stage: 'review', ms, first };
      const work = { annotators: [...submitted].sort(), firstReview };
      emit(t, approved ? 'approved' : 'rejected', 'review', who, who, work, {
        toStageId: approved ? 'complete' : 'annotate',
        pass,
      });
      if (approved) emit(t, 'completed', 'complete', who, null, {});
      return { approved, issue };
    };

    let annotator = pick(p.annotators, t);
    while (random() < 0.05) {
      shortPass(annotator, 'skipped');
      annotator = pick(p.annotators, t);
    }
    const roll = random();
    if (roll < 0.02) shortPass(annotator, 'released');
    else if (roll < 0.035) {
      shortPass(annotator, 'lease_expired');
      annotator = pick(p.annotators, t);
    }
    for (let round = 0; ; round++) {
      annotatePass(annotator);
      t += logNormal(4 * HOUR, 1.2, 2 * MIN, 3 * DAY_MS);
      const { approved, issue } = reviewPass(pick(p.reviewers, t), annotator, round >= 5);
      if (approved) {
        if (issue && random() < 0.6) {
          t += logNormal(3 * HOUR, 1, 5 * MIN, 2 * DAY_MS);
          emit(t, 'issue_resolved', 'complete', annotator, null, { issueId: issue });
        }
        if (random() < 0.004) {
          // A manager reopens a completed task: another round of work and review.
          t += logNormal(3 * DAY_MS, 0.6, HOUR, 10 * DAY_MS);
          const manager = p.reviewers[0]!;
          emit(
            t,
            'reopened',
            'complete',
            manager,
            manager,
            { reason: 'Guidelines changed' },
            { toStageId: 'annotate' },
          );
          t += logNormal(2 * HOUR, 1, 5 * MIN, DAY_MS);
          if (random() < 0.3) annotator = pick(p.annotators, t);
          continue;
        }
        break;
      }
      t += logNormal(3 * HOUR, 1, 5 * MIN, 2 * DAY_MS);
      if (random() < 0.15) annotator = pick(p.annotators, t);
      if (issue && random() < 0.9) {
        emit(t, 'issue_resolved', 'annotate', annotator, null, { issueId: issue });
        t += 2_000;
      }
    }
  }

  /** Active projects on a day, with cumulative weights for picking one. */
  const activeOn = (d: number) => ws.projects.filter((p) => p.start <= d && d < p.end);
  const weekdayFactor = (d: number) => (new Date(dayStart(d)).getUTCDay() % 6 === 0 ? 0.15 : 1);
  const dayWeight = Array.from(
    { length: DAYS },
    (_, d) => weekdayFactor(d) * activeOn(d).reduce((s, p) => s + p.weight, 0),
  );
  const totalDayWeight = dayWeight.reduce((a, b) => a + b, 0);
  // Batches of a quarter of what a project will get through in its life (tasks ~ events / 13).
  for (const p of ws.projects) {
    let share = 0;
    for (let d = p.start; d < p.end; d++) share += (weekdayFactor(d) * p.weight) / totalDayWeight;
    p.batch = Math.max(200, Math.round((EVENTS * share) / 13 / 4));
  }

  let cumulative = 0;
  let tasksStarted = 0;
  const startTime = (d: number) =>
    dayStart(d) + (random() < 0.8 ? 7 * HOUR + random() * 12 * HOUR : HOUR + random() * 22 * HOUR);

  return {
    live,
    buckets,
    get importedTasks() {
      return importedTasks;
    },
    /** Starts the day's tasks; `emitted` so far decides how many on the last day. */
    generateDay(d: number, emitted: number): Imported {
      imports = { units: [], tasks: [] };
      const projects = activeOn(d);
      const weight = projects.reduce((s, p) => s + p.weight, 0);
      const pickProject = () => {
        let x = random() * weight;
        for (const p of projects) {
          x -= p.weight;
          if (x <= 0) return p;
        }
        return projects[projects.length - 1]!;
      };
      cumulative += dayWeight[d]!;
      if (d < DAYS - 1) {
        // Keep the events generated on track for EVENTS by the end of the year.
        const target = (EVENTS * cumulative) / totalDayWeight;
        const perTask = tasksStarted > 500 ? generated / tasksStarted : 13;
        const n = Math.max(0, Math.round((target - generated) / perTask));
        for (let i = 0; i < n; i++, tasksStarted++) workTask(pickProject(), startTime(d));
      } else {
        // The last day: as much as makes EVENTS exactly (the day's latest events are cut).
        while (emitted + (buckets.get(d)?.length ?? 0) < EVENTS) {
          workTask(pickProject(), startTime(d));
          tasksStarted++;
        }
      }
      return imports;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The counters

/** Every CHECK_EVERY days (and the last), the day's counters are also made by counterRows. */
const CHECK_EVERY = 30;

/**
 * One day's counter rows: each event through incrementsOf (the mapping every event recorder
 * uses), summed per counter as counterRows sums them. counterRows itself would do (and is run on
 * every CHECK_EVERY-th day to prove these identical), but its generic per-row keys and its dataset
 * lookups cost about 16 s per million events; here the dataset is the project's (each project's
 * units are in its one dataset) and the day the bucket's.
 */
function countersOf(events: readonly GenEvent[], day: string): CounterRows {
  const metricDays = new Map<string, MetricDaysTable>();
  const personDays = new Map<string, PersonDaysTable>();
  for (const e of events) {
    const p = e.project;
    for (const i of incrementsOf(e)) {
      const mk = `${p.index}\u0000${i.metric}\u0000${i.userId}\u0000${i.stageId}\u0000${i.featureId}`;
      const m = metricDays.get(mk);
      if (m) m.n += i.n;
      else
        metricDays.set(mk, {
          project_id: p.id,
          day,
          metric: i.metric,
          user_id: i.userId,
          stage_id: i.stageId,
          dataset_id: p.datasetId,
          feature_id: i.featureId,
          n: i.n,
        });
      const pk = `${p.index}\u0000${i.userId}`;
      let q = personDays.get(pk);
      if (!q) {
        q = { day, project_id: p.id, user_id: i.userId, ...zeroCounts(), active_ms: 0 };
        personDays.set(pk, q);
      }
      q[i.metric] += i.n;
    }
  }
  return { metricDays: [...metricDays.values()], personDays: [...personDays.values()] };
}

/** person_days rows as one entry per metric counted, to compare like metric_days. */
const perMetric = (rows: readonly PersonDaysTable[]) =>
  rows.flatMap((r) =>
    METRICS.filter((m) => r[m] !== 0).map((metric) => ({
      day: r.day,
      project_id: r.project_id,
      user_id: r.user_id,
      metric,
      n: r[metric],
    })),
  );

/** Where two sets of counter rows differ (null: the same rows and counts, in any order). */
function compareCounters(mine: CounterRows, theirs: CounterRows): string | null {
  const index = <R extends { n: number }>(rows: readonly R[]) =>
    new Map(
      rows.map((r) => [
        Object.entries(r)
          .filter(([k]) => k !== 'n')
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([, v]) => v)
          .join('|'),
        Number(r.n),
      ]),
    );
  for (const [what, a, b] of [
    ['metric_days', index(mine.metricDays), index(theirs.metricDays)],
    ['person_days', index(perMetric(mine.personDays)), index(perMetric(theirs.personDays))],
  ] as const) {
    if (a.size !== b.size) return `${what}: ${a.size} rows here, ${b.size} from counterRows`;
    for (const [k, n] of a)
      if (b.get(k) !== n) return `${what} ${k}: ${n} here, ${b.get(k)} from counterRows`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Loading

async function seedWorkspace(database: Database, ws: Workspace) {
  const db = database.db;
  const at = nowIso(DAY0 - 60 * DAY_MS);
  const users = benchUsers(ws.users, at);
  for (let i = 0; i < users.length; i += 100)
    await db
      .insertInto('users')
      .values(users.slice(i, i + 100))
      .execute();
  for (const p of ws.projects) {
    const created = nowIso(DAY0 - 40 * DAY_MS + p.index * HOUR);
    await seedProject(db, {
      projectId: p.id,
      name: `Project ${String(p.index + 1).padStart(2, '0')}`,
      ontologyId: p.ontologyId,
      ontology: ONTOLOGY,
      datasetId: p.datasetId,
      workflow: WORKFLOW,
      at: created,
    });
    await db
      .insertInto('project_datasets')
      .values({ project_id: p.id, dataset_id: p.datasetId, attached_at: created })
      .execute();
    const member = (u: number, role: 'annotator' | 'reviewer') => ({
      project_id: p.id,
      principal_type: 'user' as const,
      principal_id: ws.users[u]!,
      role,
      added_at: created,
      added_by: null,
    });
    await db
      .insertInto('project_members')
      .values([
        ...p.annotators.map((u) => member(u, 'annotator')),
        ...p.reviewers.map((u) => member(u, 'reviewer')),
      ])
      .execute();
  }
}

interface Loaded {
  busiest: Project;
  projects: Project[];
  events: number;
  seconds: number;
  /** The migrations after LOADED_AT deriving the long-period counters from the loaded ones. */
  deriveSeconds: number;
  settleSeconds: number;
  /** Days whose counters were compared with counterRows' (identical, or the load stops). */
  checkedDays: number;
}

/**
 * The schema the load writes: metric_days, person_days and time_by_day as they were before
 * migrations 0017–0019, which then derive the long-period counters (person_months, project_days,
 * user_days, active time in person_days, metric_months, user_months, user_weeks) from them, as they
 * do on an upgrade. The scenario test proves that derivation equal to what the counters' writers
 * keep incrementally.
 */
const LOADED_AT = '0016_person_days_wide';

async function migrateUpTo(db: Database['db'], name: string) {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** The workspace, then the year day by day: imports, events, counters, time, issues, queues. */
async function load(label: string, database: Database, loader: Loader): Promise<Loaded> {
  const random = mulberry32(SEED);
  const ws = planWorkspace(random);
  await seedWorkspace(database, ws);
  const gen = generator(ws, random);
  const eventIds = monotonicIds(mulberry32(SEED + 1));
  const iso = (ms: number) => nowIso(Math.round(ms));
  let emitted = 0;
  const started = performance.now();
  let reported = started;

  /** A task whose events are all out: its final state, and its active time per person and stage. */
  const finish = (s: TaskState, taskRows: Row[], timeRows: Row[]) => {
    const lease = s.status === 'assigned' ? iso(s.updatedAt + 30 * MIN) : null;
    taskRows.push([
      s.id,
      s.stage,
      s.status,
      s.assignee,
      lease,
      iso(s.enteredAt),
      iso(s.updatedAt),
      s.revision,
    ]);
    for (const t of s.times.values())
      timeRows.push([s.id, ws.users[t.user], t.stage, s.project.id, Math.round(t.ms), t.first, t.last]);
    gen.live.delete(s);
  };
  const writeTasks = async (taskRows: Row[], timeRows: Row[]) => {
    await loader.insert(
      'task_time',
      ['task_id', 'user_id', 'stage_id', 'project_id', 'active_ms', 'first_ms', 'last_ms'],
      [T, T, T, T, BIG, BIG, BIG],
      timeRows,
    );
    await loader.update('tasks', TASK_STATE_COLS, TASK_STATE_TYPES, taskRows);
  };

  // Transactions of a few hundred thousand events: one per day made SQLite checkpoint the same
  // index pages from its WAL every day.
  let open = false;
  let sinceCommit = 0;
  const commit = async () => {
    if (open) await loader.commit();
    open = false;
    sinceCommit = 0;
  };
  const begin = async () => {
    if (!open) await loader.begin();
    open = true;
  };
  let checkedDays = 0;

  for (let d = 0; d < DAYS; d++) {
    const imported = gen.generateDay(d, emitted);
    // On the days checked against counterRows, the day's tasks are committed first: counterRows
    // reads their datasets on the app's own connection.
    const check = d % CHECK_EVERY === 0 || d === DAYS - 1;
    if (check) await commit();
    await begin();
    await loader.insert('data_units', UNIT_COLS, UNIT_TYPES, imported.units);
    await loader.insert('tasks', TASK_COLS, TASK_TYPES, imported.tasks);
    if (check) {
      await commit();
      await begin();
    }
    const events = gen.buckets.get(d) ?? [];
    gen.buckets.delete(d);
    events.sort((a, b) => a.at - b.at || a.seq - b.seq);
    if (emitted + events.length > EVENTS) events.length = EVENTS - emitted;

    const day = dayName(d);
    const touched = new Set<TaskState>();
    const dayTime = new Map<string, Row>();
    const opened: Row[] = [];
    const resolved: Row[] = [];
    for (const e of events) {
      e.id = eventIds(e.at);
      const p = e.project;
      p.events++;
      if (e.kind === 'created') {
        p.depth.annotate++;
        continue;
      }
      const s = e.task!;
      s.pending--;
      touched.add(s);
      const move = (stage: string, status: string) => {
        s.stage = stage;
        s.status = status;
        s.assignee = null;
        s.enteredAt = e.at;
      };
      let changed = true;
      switch (e.kind) {
        case 'claimed':
          s.status = 'assigned';
          s.assignee = e.actorId;
          break;
        case 'skipped':
          s.status = 'skipped';
          s.assignee = null;
          break;
        case 'released':
        case 'lease_expired':
          s.status = 'released';
          s.assignee = null;
          break;
        case 'submitted':
          move('review', 'new');
          p.depth.annotate--;
          p.depth.review++;
          break;
        case 'approved':
          move('complete', 'completed');
          p.depth.review--;
          break;
        case 'rejected':
          move('annotate', 'reopened');
          p.depth.review--;
          p.depth.annotate++;
          break;
        case 'reopened':
          move('annotate', 'reopened');
          p.depth.annotate++;
          break;
        case 'issue_resolved':
          resolved.push([e.data.issueId, 'resolved', iso(e.at), iso(e.at), e.actorId, 2]);
          changed = false;
          break;
        default:
          changed = false;
      }
      if (changed) {
        s.revision++;
        s.updatedAt = e.at;
      }
      if (e.issue) opened.push(e.issue);
      if (e.pass) {
        const { user, stage, ms, first } = e.pass;
        const key = `${p.index} ${user} ${stage}`;
        const row = dayTime.get(key);
        if (row) row[4] = (row[4] as number) + ms;
        else dayTime.set(key, [p.id, day, ws.users[user], stage, ms]);
        const tkey = `${user} ${stage}`;
        const t = s.times.get(tkey);
        if (t) {
          t.ms += ms;
          t.first = Math.min(t.first, Math.round(first));
          t.last = Math.max(t.last, e.at);
        } else s.times.set(tkey, { user, stage, ms, first: Math.round(first), last: e.at });
      }
    }
    const counts = countersOf(events, day);
    if (check) {
      const difference = compareCounters(counts, await counterRows(database.db, events));
      if (difference)
        throw new Error(`${label}: day ${day}: the counters differ from counterRows: ${difference}`);
      checkedDays++;
    }
    const taskRows: Row[] = [];
    const timeRows: Row[] = [];
    for (const s of touched) if (s.pending === 0) finish(s, taskRows, timeRows);
    const depthRows: Row[] = [];
    for (const p of ws.projects) {
      if (p.imported === 0) continue;
      for (const stage of ['annotate', 'review'] as const)
        if (p.depth[stage] > 0)
          depthRows.push([p.id, day, stage, p.depth[stage], iso(dayStart(d) + DAY_MS - 5 * MIN)]);
    }
    await loader.insert(
      'task_events',
      EVENT_COLS,
      EVENT_COLS.map(() => T),
      events.map((e) => [
        e.id,
        e.projectId,
        e.taskId,
        e.kind,
        e.stageId,
        e.toStageId,
        e.actorId,
        e.subjectId,
        JSON.stringify(e.data),
        iso(e.at),
      ]),
    );
    await loader.insert(
      'metric_days',
      METRIC_COLS,
      [T, T, T, T, T, T, T, BIG],
      counts.metricDays.map((r) => [
        r.project_id,
        r.day,
        r.metric,
        r.user_id,
        r.stage_id,
        r.dataset_id,
        r.feature_id,
        r.n,
      ]),
      METRIC_UPSERT,
    );
    await loader.insert(
      'person_days',
      PERSON_COLS,
      [T, T, T, ...METRICS.map(() => BIG)],
      counts.personDays.map((r) => [r.day, r.project_id, r.user_id, ...METRICS.map((m) => r[m])]),
      PERSON_UPSERT,
    );
    await loader.insert(
      'issues',
      ISSUE_COLS,
      ISSUE_COLS.map(() => T),
      opened,
    );
    await loader.update('issues', ISSUE_STATE_COLS, [T, T, T, T, INT], resolved);
    await loader.insert(
      'time_by_day',
      ['project_id', 'day', 'user_id', 'stage_id', 'active_ms'],
      [T, T, T, T, BIG],
      [...dayTime.values()].map((r) => [r[0], r[1], r[2], r[3], Math.round(r[4] as number)]),
    );
    await writeTasks(taskRows, timeRows);
    await loader.insert(
      'queue_depth',
      ['project_id', 'day', 'stage_id', 'depth', 'counted_at'],
      [T, T, T, INT, T],
      depthRows,
    );
    emitted += events.length;
    sinceCommit += events.length;
    if (sinceCommit >= 300_000) await commit();
    const now = performance.now();
    if (now - reported > 15_000 || d === DAYS - 1) {
      reported = now;
      const s = (now - started) / 1000;
      console.error(
        `${label}: day ${d + 1}/${DAYS}, ${fmt(emitted)} events, ${fmt(gen.importedTasks)} tasks, ` +
          `${s.toFixed(0)} s (${fmt(emitted / s)} events/s), rss ${mb(process.memoryUsage().rss)}`,
      );
    }
  }
  // Tasks whose later events would come after today: as they stand now.
  const taskRows: Row[] = [];
  const timeRows: Row[] = [];
  for (const s of [...gen.live]) finish(s, taskRows, timeRows);
  await begin();
  await writeTasks(taskRows, timeRows);
  await commit();
  const seconds = (performance.now() - started) / 1000;
  const deriving = performance.now();
  await migrateToLatest(database.db);
  const deriveSeconds = (performance.now() - deriving) / 1000;
  const settling = performance.now();
  await loader.settle();
  const settleSeconds = (performance.now() - settling) / 1000;
  const busiest = ws.projects.reduce((a, b) => (b.events > a.events ? b : a));
  return {
    busiest,
    projects: ws.projects,
    events: emitted,
    seconds,
    deriveSeconds,
    settleSeconds,
    checkedDays,
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring

const sortedCopy = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]) => {
  const s = sortedCopy(xs);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
/** Nearest rank. */
const p95 = (xs: readonly number[]) => {
  const s = sortedCopy(xs);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
};

async function timed(warmUp: number, runs: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < warmUp; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Report totals that are plain event counts, checked against the log. */
const COUNTED_KINDS: Record<string, string> = {
  submitted: 'tasks_submitted',
  skipped: 'tasks_skipped',
  approved: 'tasks_approved',
  rejected: 'tasks_rejected',
  reopened: 'tasks_reopened',
  completed: 'tasks_completed',
  label_approved: 'labels_approved',
  label_rejected: 'labels_rejected',
  issue_opened: 'issues_opened',
  issue_resolved: 'issues_resolved',
};

interface Scenario {
  name: string;
  url: string;
  from: string;
  to: string;
  projectId: string | null;
}

interface Measured {
  scenario: Scenario;
  report: number[];
  baseline: number[];
  bytes: number;
  counterRows: number;
  events: number;
  matches: boolean;
}

async function measure(
  database: Database,
  app: Awaited<ReturnType<typeof buildApp>>,
  auth: object,
  s: Scenario,
) {
  const db = database.db;
  let body = '';
  const report = await timed(2, RUNS, async () => {
    const res = await app.inject({ method: 'GET', url: s.url, headers: auth as Record<string, string> });
    if (res.statusCode !== 200) throw new Error(`${s.name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    body = res.body;
  });
  // The baseline: the same period counted from the event log, by day, kind and person (and stage
  // for a project; by project for the workspace). Label counts would need each labels_saved
  // event's JSON on top, so this is a lower bound of what reading the log costs.
  const until = utcDay(Date.parse(`${s.to}T00:00:00.000Z`) + DAY_MS);
  let rows: { kind: string; n: number | string }[] = [];
  const naive = async () => {
    const q =
      s.projectId === null
        ? sql<{
            kind: string;
            n: number | string;
          }>`select substr(created_at, 1, 10) as day, project_id, actor_id,
            kind, count(*) as n from task_events where created_at >= ${s.from} and created_at < ${until}
            group by substr(created_at, 1, 10), project_id, actor_id, kind`
        : sql<{ kind: string; n: number | string }>`select substr(created_at, 1, 10) as day, kind, actor_id,
            stage_id, count(*) as n from task_events where project_id = ${s.projectId}
            and created_at >= ${s.from} and created_at < ${until}
            group by substr(created_at, 1, 10), kind, actor_id, stage_id`;
    rows = (await q.execute(db)).rows;
  };
  const baseline = await timed(1, BASELINE_RUNS, naive);
  const byKind = new Map<string, number>();
  for (const r of rows) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + Number(r.n));
  const totals = (JSON.parse(body) as { totals: Record<string, number> }).totals;
  const mismatches = Object.entries(COUNTED_KINDS).filter(
    ([kind, metric]) => (byKind.get(kind) ?? 0) !== totals[metric],
  );
  for (const [kind, metric] of mismatches)
    console.error(
      `${s.name}: ${metric} ${totals[metric]} in the report, ${byKind.get(kind) ?? 0} ${kind} events in the log`,
    );
  const counted =
    s.projectId === null
      ? await db
          .selectFrom('person_days')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('day', '>=', s.from)
          .where('day', '<=', s.to)
          .executeTakeFirstOrThrow()
      : await db
          .selectFrom('metric_days')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('project_id', '=', s.projectId)
          .where('day', '>=', s.from)
          .where('day', '<=', s.to)
          .executeTakeFirstOrThrow();
  return {
    scenario: s,
    report,
    baseline,
    bytes: body.length,
    counterRows: Number(counted.n),
    events: [...byKind.values()].reduce((a, b) => a + b, 0),
    matches: mismatches.length === 0,
  } satisfies Measured;
}

const TABLES = [
  'task_events',
  'tasks',
  'metric_days',
  'metric_months',
  'person_days',
  'person_months',
  'project_days',
  'user_days',
  'user_months',
  'user_weeks',
  'time_by_day',
  'task_time',
  'queue_depth',
  'issues',
] as const;

const ADMIN = { email: 'admin@bench.test', password: 'bench password 1' };

/** A bearer token for the workspace Admin: set up the workspace, or sign in to a kept one. */
async function adminAuth(app: Awaited<ReturnType<typeof buildApp>>, kept: boolean) {
  const signedIn = kept
    ? await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN })
    : await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { workspaceName: 'Bench', name: 'Admin', ...ADMIN },
      });
  if (signedIn.statusCode >= 300) throw new Error(`signing in: ${signedIn.statusCode} ${signedIn.body}`);
  const { csrfToken } = signedIn.json();
  const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
  const key = await app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: { cookie, 'x-csrf-token': csrfToken },
    payload: { name: 'bench' },
  });
  return { authorization: `Bearer ${key.json().token}` };
}

/** What a kept database holds: its busiest project and the log's last day (the load's today). */
async function reopened(database: Database): Promise<Reopened> {
  const deriving = performance.now();
  const migrated = await migrateToLatest(database.db);
  if (database.dialect === 'postgres' && migrated.length > 0) await sql`vacuum analyze`.execute(database.db);
  const deriveSeconds = (performance.now() - deriving) / 1000;
  const perProject = await database.db
    .selectFrom('task_events')
    .select(['project_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('project_id')
    .execute();
  const busiest = perProject.reduce((a, b) => (Number(b.n) > Number(a.n) ? b : a));
  const last = await database.db
    .selectFrom('queue_depth')
    .select((eb) => eb.fn.max('day').as('day'))
    .executeTakeFirstOrThrow();
  return {
    busiestId: busiest.project_id,
    busiestEvents: Number(busiest.n),
    events: perProject.reduce((a, r) => a + Number(r.n), 0),
    lastDay: String(last.day),
    migrated,
    deriveSeconds,
  };
}

interface Reopened {
  busiestId: string;
  busiestEvents: number;
  events: number;
  lastDay: string;
  migrated: string[];
  deriveSeconds: number;
}

function keptDatabase(url: string): BenchDatabase {
  return { database: openDatabase(url), url, drop: async () => {} };
}

async function benchDialect(dialect: Dialect) {
  const bench = REUSE === undefined ? await openBenchDatabase(dialect) : keptDatabase(REUSE);
  const { database } = bench;
  try {
    if (REUSE === undefined) await migrateUpTo(database.db, LOADED_AT);
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', GLOSS_DATA_DIR: tmpdir() });
    const deps = createDeps(config, database);
    const app = await buildApp(deps, { logger: false });
    await app.ready();
    const auth = await adminAuth(app, REUSE !== undefined);

    let loaded: Loaded | null = null;
    let kept: Reopened | null = null;
    if (REUSE === undefined) {
      const loader =
        dialect === 'sqlite'
          ? sqliteLoader(bench.url.replace(/^sqlite:/, ''))
          : await postgresLoader(bench.url);
      try {
        loaded = await load(dialect, database, loader);
      } finally {
        await loader.close();
      }
    } else kept = await reopened(database);
    const rowCounts: Record<string, number> = {};
    for (const t of TABLES) {
      const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(
        database.db,
      );
      rowCounts[t] = Number(r.rows[0]!.n);
    }
    const size =
      dialect === 'sqlite'
        ? statSync(bench.url.replace(/^sqlite:/, '')).size
        : Number(
            (await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(database.db))
              .rows[0]!.n,
          );
    const busiestId = loaded ? loaded.busiest.id : kept!.busiestId;
    if (loaded) {
      const busiest = loaded.busiest;
      console.error(
        `${dialect}: loaded ${fmt(loaded.events)} events in ${loaded.seconds.toFixed(0)} s ` +
          `(+ ${loaded.deriveSeconds.toFixed(0)} s migrations after ${LOADED_AT}, ` +
          `${loaded.settleSeconds.toFixed(0)} s ${dialect === 'sqlite' ? 'checkpoint' : 'vacuum analyze'}), ${mb(size)}; ` +
          `busiest project ${busiest.index + 1}: ${fmt(busiest.events)} events (${((100 * busiest.events) / loaded.events).toFixed(1)}%), ` +
          `${busiest.annotators.length} annotators, ${busiest.reviewers.length} reviewers; ` +
          `${loaded.projects.filter((p) => p.start <= DAYS - 30 && p.end === DAYS).length} projects active in the last 30 days; ` +
          `counters identical to counterRows' on the ${loaded.checkedDays} days checked`,
      );
    } else {
      console.error(
        `${dialect}: reusing ${bench.url}: ${fmt(kept!.events)} events, ${mb(size)}, last day ${kept!.lastDay}; ` +
          `migrated ${kept!.migrated.join(', ') || 'nothing'} in ${kept!.deriveSeconds.toFixed(0)} s; ` +
          `busiest project: ${fmt(kept!.busiestEvents)} events`,
      );
    }

    const lastDay = kept ? kept.lastDay : TODAY;
    const day = (back: number) => utcDay(Date.parse(`${lastDay}T00:00:00.000Z`) - back * DAY_MS);
    const project = (from: string) => `/api/v1/projects/${busiestId}/analytics?from=${from}&to=${lastDay}`;
    const workspace = (from: string) => `/api/v1/analytics/workspace?from=${from}&to=${lastDay}`;
    const scenarios: Scenario[] = [
      {
        name: 'project dashboard, busiest project, 30 days',
        url: project(day(29)),
        from: day(29),
        to: lastDay,
        projectId: busiestId,
      },
      {
        name: 'project dashboard, busiest project, 90 days',
        url: project(day(89)),
        from: day(89),
        to: lastDay,
        projectId: busiestId,
      },
      {
        name: 'project dashboard, busiest project, 365 days',
        url: project(day(364)),
        from: day(364),
        to: lastDay,
        projectId: busiestId,
      },
      {
        name: 'workspace report, 30 days',
        url: workspace(day(29)),
        from: day(29),
        to: lastDay,
        projectId: null,
      },
      {
        name: 'workspace report, 90 days',
        url: workspace(day(89)),
        from: day(89),
        to: lastDay,
        projectId: null,
      },
      {
        name: 'workspace report, 365 days',
        url: workspace(day(364)),
        from: day(364),
        to: lastDay,
        projectId: null,
      },
    ];
    const version =
      dialect === 'sqlite'
        ? `SQLite ${(await sql<{ v: string }>`select sqlite_version() as v`.execute(database.db)).rows[0]!.v}`
        : (await sql<{ v: string }>`select version() as v`.execute(database.db)).rows[0]!.v.split(' on ')[0]!;
    console.error(
      `${dialect}: ${version}, Node ${process.version}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} as the measuring starts`,
    );
    const measured: Measured[] = [];
    for (const s of scenarios) {
      const m = await measure(database, app, auth, s);
      measured.push(m);
      console.error(
        `${dialect}: ${s.name}: median ${median(m.report).toFixed(0)} ms, p95 ${p95(m.report).toFixed(0)} ms; ` +
          `baseline ${median(m.baseline).toFixed(0)} ms`,
      );
    }
    const writes = await measureCounterWrites(database, busiestId);
    console.error(
      `${dialect}: recording an event with its counters: median ${median(writes.withCounters).toFixed(2)} ms, ` +
        `without: ${median(writes.eventsOnly).toFixed(2)} ms a transaction`,
    );
    await app.close();
    return { dialect, loaded, kept, rowCounts, size, measured, writes };
  } finally {
    await database.close();
    if (KEEP) console.error(`${dialect}: kept the database at ${bench.url}`);
    else await bench.drop();
  }
}

const WRITE_TRANSACTIONS = 400;

interface WriteCost {
  /** ms per transaction: the events recorded with their counters, as the services record them. */
  withCounters: number[];
  /** ms per transaction: the same rows through the same call, of a kind that counts nothing. */
  eventsOnly: number[];
}

/**
 * What the counters add to the write path, on the loaded database: label saves (a labels_saved
 * event: two labels created in one class, one edited in another) and submits, each in its own
 * transaction as the services write them (recordTaskEvents: the events, then every counter table),
 * by the busiest project's annotators on its tasks, today — when the day's counter rows exist. The
 * baseline, alternating with them, records the same event as a claim, which counts nothing: the
 * same statements but the counters'.
 */
async function measureCounterWrites(database: Database, projectId: string): Promise<WriteCost> {
  const db = database.db;
  const people = await db
    .selectFrom('project_members')
    .select('principal_id')
    .where('project_id', '=', projectId)
    .where('role', '=', 'annotator')
    .execute();
  const tasks = await db
    .selectFrom('tasks')
    .select('id')
    .where('project_id', '=', projectId)
    .limit(200)
    .execute();
  const [created, edited] = [FEATURES[0]![0], FEATURES[1]![0]];
  const eventOf = (i: number): TaskEvent => ({
    projectId,
    taskId: tasks[i % tasks.length]!.id,
    kind: i % 2 === 0 ? 'labels_saved' : 'submitted',
    stageId: 'annotate',
    actorId: people[i % people.length]!.principal_id,
    data: i % 2 === 0 ? { created: { [created]: 2 }, edited: { [edited]: 1 } } : {},
  });
  const cost: WriteCost = { withCounters: [], eventsOnly: [] };
  const timedWrite = async (event: TaskEvent) => {
    const started = performance.now();
    await db.transaction().execute((trx) => recordTaskEvents(trx, [event], Date.now(), database.dialect));
    return performance.now() - started;
  };
  for (let i = 0; i < WRITE_TRANSACTIONS + 20; i++) {
    const event = eventOf(i);
    const counted = await timedWrite(event);
    const uncounted = await timedWrite({ ...event, kind: 'claimed', data: {} });
    if (i < 20) continue; // warm-up
    cost.withCounters.push(counted);
    cost.eventsOnly.push(uncounted);
  }
  return cost;
}

/** Whether PostgreSQL answers at `url` (a bench that silently skipped it would read as a pass). */
async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const dialects: Dialect[] = DIALECT === 'both' ? ['sqlite', 'postgres'] : [DIALECT as Dialect];
if (dialects.includes('postgres')) {
  const url = process.env.GLOSS_BENCH_PG_URL ?? DEFAULT_PG_URL;
  if (await reachable(url)) process.env.GLOSS_BENCH_PG_URL = url;
  else if (DIALECT === 'postgres')
    throw new Error(`PostgreSQL: nothing answers at ${url} (set GLOSS_BENCH_PG_URL)`);
  else {
    console.warn(`\n*** PostgreSQL SKIPPED: nothing answers at ${url} (set GLOSS_BENCH_PG_URL) ***\n`);
    dialects.pop();
  }
}
console.log(
  (REUSE === undefined
    ? `Analytics at ${fmt(EVENTS)} task events, ${USERS} people, ${PROJECTS} projects, ${DAYS} days ending ${TODAY}; `
    : `Analytics on the database an earlier run kept (${REUSE}), to its log's last day; `) +
    `reports: median and p95 of ${RUNS} runs through HTTP after 2 warm-ups; baseline (events counted from ` +
    `task_events): median of ${BASELINE_RUNS} after 1; budget ${BUDGET_MS} ms`,
);
const results = [];
for (const d of dialects) results.push(await benchDialect(d));

console.log(
  '\n| database | events | tasks | metric_days | metric_months | person_days | person_months | project_days | user_days | user_months | user_weeks | time_by_day | task_time | queue_depth | issues | load s | migrations s | settle s | size |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const c = r.rowCounts;
  console.log(
    `| ${r.dialect} | ${fmt(c.task_events!)} | ${fmt(c.tasks!)} | ${fmt(c.metric_days!)} | ${fmt(c.metric_months!)} | ${fmt(c.person_days!)} | ` +
      `${fmt(c.person_months!)} | ${fmt(c.project_days!)} | ${fmt(c.user_days!)} | ${fmt(c.user_months!)} | ${fmt(c.user_weeks!)} | ` +
      `${fmt(c.time_by_day!)} | ${fmt(c.task_time!)} | ${fmt(c.queue_depth!)} | ${fmt(c.issues!)} | ` +
      (r.loaded
        ? `${r.loaded.seconds.toFixed(0)} | ${r.loaded.deriveSeconds.toFixed(0)} | ${r.loaded.settleSeconds.toFixed(0)} | `
        : `kept | ${r.kept!.deriveSeconds.toFixed(0)} | – | `) +
      `${mb(r.size)} |`,
  );
}
console.log(
  '\n| database | report | events in period | counter rows | report ms median / p95 | response KB | baseline ms (log) | baseline ÷ report | counts match log | under 300 ms |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
let ok = true;
for (const r of results) {
  for (const m of r.measured) {
    const med = median(m.report);
    const base = median(m.baseline);
    const pass = med < BUDGET_MS;
    ok = ok && pass && m.matches;
    console.log(
      `| ${r.dialect} | ${m.scenario.name} | ${fmt(m.events)} | ${fmt(m.counterRows)} | ${med.toFixed(0)} / ${p95(m.report).toFixed(0)} | ` +
        `${(m.bytes / 1024).toFixed(0)} | ${base.toFixed(0)} | ${(base / med).toFixed(1)} | ${m.matches ? 'yes' : 'NO'} | ${pass ? 'PASS' : 'FAIL'} |`,
    );
  }
}
console.log(
  `\n| database | write | transactions | ms median / p95 | without counters, ms median / p95 | with ÷ without |`,
);
console.log('|---|---|---|---|---|---|');
for (const r of results) {
  const w = r.writes;
  console.log(
    `| ${r.dialect} | a label save or a submit, one event a transaction | ${w.withCounters.length} | ` +
      `${median(w.withCounters).toFixed(2)} / ${p95(w.withCounters).toFixed(2)} | ` +
      `${median(w.eventsOnly).toFixed(2)} / ${p95(w.eventsOnly).toFixed(2)} | ` +
      `${(median(w.withCounters) / median(w.eventsOnly)).toFixed(2)} |`,
  );
}
if (!dialects.includes('postgres'))
  console.warn('*** PostgreSQL was not run: the numbers above are SQLite only ***');
process.exitCode = ok ? 0 : 1;
