// The project agreement report (issue 7) at 10,000 consensus tasks of three annotators (~5
// objects and 2 questions each): `agreementReport`, which reads the rounds the consensus stage
// stored when it closed, next to a baseline measured in the same run on the same database —
// the same numbers recomputed from the stored label documents (every task's three branch heads
// read, parsed, and run through taskAgreement from src/core/consensus), which is what the report
// would cost without stored rounds. Budget: 2 s per report.
// Run: npm run bench:agreement  (PostgreSQL too when GLOSS_BENCH_PG_URL, default
// postgres://postgres@127.0.0.1:5432/test, is reachable; GLOSS_BENCH_TASKS sizes it).
import { sql } from 'kysely';
import pg from 'pg';
import { type Branch, type TaskAgreement, taskAgreement } from '../src/core/consensus/index.ts';
import type { Answer, LabelDocument, LabelObject } from '../src/core/labels/index.ts';
import type { OntologyDocument } from '../src/core/ontology/index.ts';
import type { Workflow } from '../src/core/workflow/index.ts';
import { type Database, type Executor, migrateToLatest } from '../src/server/db/database.ts';
import { nowIso } from '../src/server/db/ids.ts';
import type {
  ConsensusRoundsTable,
  ConsensusScoresTable,
  LabelRevisionsTable,
} from '../src/server/db/schema.ts';
import {
  type AgreementReport,
  agreementReport,
  annotatorSummaries,
  DISPUTED_LIMIT,
  disputedRounds,
  emptyTally,
  reportStage,
} from '../src/server/modules/consensus/report.ts';
import { projectOntology, storedDocument } from '../src/server/modules/labels/heads.ts';
import { mulberry32 } from '../test/helpers/seeded-random.ts';
import { type Dialect, openBenchDatabase } from './bench-database.ts';
import { benchUsers, seedProject } from './bench-rows.ts';

const TASKS = Number(process.env.GLOSS_BENCH_TASKS ?? 10_000);
const RUNS = 7;
const BASELINE_RUNS = 3;
const BUDGET_MS = 2000;
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

const PROJECT = '00000000-0000-7000-8000-0000000000a1';
const DATASET = '00000000-0000-7000-8000-0000000000a2';
const ONTOLOGY_ID = '00000000-0000-7000-8000-0000000000a3';
const ANNOTATORS = [
  '00000000-0000-7000-8000-0000000000b1',
  '00000000-0000-7000-8000-0000000000b2',
  '00000000-0000-7000-8000-0000000000b3',
];
const STAGE = 'label';

const ONTOLOGY: OntologyDocument = {
  formatVersion: 1,
  objects: [
    { featureId: 'car_box', name: 'Car', shape: 'bounding_box', color: '#1f77b4', attributes: [] },
    { featureId: 'road_poly', name: 'Road', shape: 'polygon', color: '#2ca02c', attributes: [] },
  ],
  classifications: [
    {
      featureId: 'weather',
      name: 'Weather',
      kind: 'radio',
      options: ['sun', 'rain', 'fog'].map((f) => ({ featureId: `w_${f}`, label: f })),
    },
    {
      featureId: 'daytime',
      name: 'Time of day',
      kind: 'radio',
      options: ['day', 'night'].map((f) => ({ featureId: `t_${f}`, label: f })),
    },
  ],
};

const WORKFLOW: Workflow = {
  formatVersion: 1,
  stages: [
    { id: STAGE, name: 'Label', type: 'consensus', start: true, settings: { annotatorCount: 3 } },
    { id: 'settle', name: 'Settle', type: 'consensus_review', settings: {} },
    { id: 'done', name: 'Done', type: 'complete', settings: {} },
  ],
  edges: [
    { from: STAGE, to: 'settle', kind: 'done' },
    { from: 'settle', to: 'done', kind: 'approved' },
    { from: 'settle', to: STAGE, kind: 'rejected' },
  ],
};

const pad = (prefix: string, i: number) => `${prefix}${String(i).padStart(9, '0')}`;

/**
 * One task's three branches: a hidden truth of 3 boxes and 2 eight-vertex polygons and two
 * answers; each annotator keeps an object with p 0.9 (moved by up to 3 px), adds a stray box with
 * p 0.1, and gives the true answer with p 0.85.
 */
function branchesFor(random: () => number, at: string): Branch[] {
  const jitter = () => (random() - 0.5) * 6;
  const boxes = Array.from({ length: 3 }, () => ({
    x: random() * 500,
    y: random() * 400,
    w: 20 + random() * 80,
    h: 20 + random() * 60,
  }));
  const roads = Array.from({ length: 2 }, () => ({
    cx: 100 + random() * 400,
    cy: 100 + random() * 300,
    r: 30 + random() * 50,
  }));
  const truth = { weather: Math.floor(random() * 3), daytime: Math.floor(random() * 2) };
  return ANNOTATORS.map((annotatorId) => {
    const stamp = { createdBy: annotatorId, createdAt: at, updatedBy: annotatorId, updatedAt: at };
    const objects: LabelObject[] = [];
    boxes.forEach((b, k) => {
      if (random() < 0.9)
        objects.push({
          id: `box_${k}`,
          featureId: 'car_box',
          geometry: {
            type: 'bounding_box',
            x: b.x + jitter(),
            y: b.y + jitter(),
            w: b.w + jitter(),
            h: b.h + jitter(),
          },
          attributes: [],
          ...stamp,
        });
    });
    roads.forEach((r, k) => {
      if (random() < 0.9)
        objects.push({
          id: `road_${k}`,
          featureId: 'road_poly',
          geometry: {
            type: 'polygon',
            points: Array.from({ length: 8 }, (_, v): [number, number] => [
              r.cx + r.r * Math.cos((v / 8) * 2 * Math.PI) + jitter(),
              r.cy + r.r * Math.sin((v / 8) * 2 * Math.PI) + jitter(),
            ]),
          },
          attributes: [],
          ...stamp,
        });
    });
    if (random() < 0.1)
      objects.push({
        id: 'stray',
        featureId: 'car_box',
        geometry: { type: 'bounding_box', x: random() * 500, y: random() * 400, w: 30, h: 30 },
        attributes: [],
        ...stamp,
      });
    const pick = (right: number, n: number) => (random() < 0.85 ? right : Math.floor(random() * n));
    const classifications: Answer[] = [
      { featureId: 'weather', optionIds: [`w_${['sun', 'rain', 'fog'][pick(truth.weather, 3)]}`] },
      { featureId: 'daytime', optionIds: [`t_${['day', 'night'][pick(truth.daytime, 2)]}`] },
    ];
    const document: LabelDocument = { formatVersion: 1, objects, classifications };
    return { annotatorId, document };
  });
}

/** Multi-row inserts of `chunk` rows (under SQLite's 32,766 bound parameters). */
async function insertChunked<T>(rows: T[], chunk: number, insert: (rows: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += chunk) await insert(rows.slice(i, i + chunk));
}

/** Project, ontology, workflow, users as rows; units, tasks, branch heads, rounds and scores in bulk. */
async function seed(dialect: Dialect, database: Database) {
  const db = database.db;
  const at = nowIso(Date.now());
  await seedProject(db, {
    projectId: PROJECT,
    name: 'Agreement bench',
    ontologyId: ONTOLOGY_ID,
    ontology: ONTOLOGY,
    datasetId: DATASET,
    workflow: WORKFLOW,
    at,
  });
  await db.insertInto('users').values(benchUsers(ANNOTATORS, at)).execute();

  // Each task's branches, and the round closing would have stored for them (taskAgreement of
  // the same documents), so the report and the baseline describe the same data.
  const random = mulberry32(2026);
  const revisions: LabelRevisionsTable[] = [];
  const rounds: ConsensusRoundsTable[] = [];
  const scores: ConsensusScoresTable[] = [];
  for (let i = 1; i <= TASKS; i++) {
    const taskId = pad('t', i);
    const branches = branchesFor(random, at);
    const agreement = taskAgreement(branches);
    const state = agreement.score >= 0.8 ? 'accepted' : i % 2 === 0 ? 'resolved' : 'review';
    const roundId = pad('r', i);
    for (const b of branches) {
      revisions.push({
        task_id: taskId,
        branch: `annotator:${b.annotatorId}`,
        revision: 1,
        base_revision: null,
        format_version: 1,
        document: JSON.stringify(b.document),
        author_id: b.annotatorId,
        model_name: null,
        changes: '{}',
        created_at: at,
      });
    }
    rounds.push({
      id: roundId,
      project_id: PROJECT,
      task_id: taskId,
      stage_id: STAGE,
      closed_at: at,
      closed_by: 'all_in',
      branches: JSON.stringify(
        branches.map((b) => ({
          annotatorId: b.annotatorId,
          branch: `annotator:${b.annotatorId}`,
          revision: 1,
        })),
      ),
      score: agreement.score,
      agreement: JSON.stringify(agreement),
      state,
      latest: 1,
      consensus_revision: 1,
      resolved_at: null,
      resolved_by: null,
      resolution: null,
    });
    for (const a of agreement.annotators) {
      const resolved = state === 'resolved';
      scores.push({
        round_id: roundId,
        project_id: PROJECT,
        stage_id: STAGE,
        user_id: a.annotatorId,
        latest: 1,
        agreement: a.agreement,
        resolved_agreement: resolved ? Math.min(1, a.agreement + random() * 0.2) : null,
        won: resolved ? Math.floor(random() * 7) : null,
        overruled: resolved ? Math.floor(random() * 3) : null,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    const units = Array.from({ length: TASKS }, (_, k) => ({
      id: pad('u', k + 1),
      dataset_id: DATASET,
      kind: 'image' as const,
      title: `image ${k + 1}.jpg`,
      source: 'manifest' as const,
      storage_key: `bench/${k + 1}.jpg`,
      external_url: null,
      mime_type: 'image/jpeg',
      size_bytes: null,
      width: 640,
      height: 480,
      duration_ms: null,
      fps: null,
      frame_count: null,
      thumbnail_key: null,
      metadata: '{}',
      created_by: null,
      created_at: at,
      updated_at: at,
      revision: 1,
    }));
    await insertChunked(units, 1000, (rows) => trx.insertInto('data_units').values(rows).execute());
    const tasks = units.map((u, k) => ({
      id: pad('t', k + 1),
      project_id: PROJECT,
      data_unit_id: u.id,
      created_at: at,
      stage_id: 'done',
      status: 'completed',
      stage_entered_at: at,
      updated_at: at,
    }));
    await insertChunked(tasks, 2000, (rows) => trx.insertInto('tasks').values(rows).execute());
    await insertChunked(revisions, 2000, (rows) => trx.insertInto('label_revisions').values(rows).execute());
    await insertChunked(rounds, 1000, (rows) => trx.insertInto('consensus_rounds').values(rows).execute());
    await insertChunked(scores, 2000, (rows) => trx.insertInto('consensus_scores').values(rows).execute());
  });
  // As in the other benches: PostgreSQL's autovacuum would have statistics; SQLite runs without.
  if (dialect === 'postgres') await sql`analyze`.execute(db);
  const agreementBytes = rounds.reduce((s, r) => s + r.agreement.length, 0);
  const documentBytes = revisions.reduce((s, r) => s + r.document.length, 0);
  return { agreementBytes, documentBytes };
}

/**
 * The baseline: the report with its round numbers recomputed from the label documents — every
 * branch head read and parsed, each task's taskAgreement run again — instead of read from the
 * stored rounds (the per-annotator and disputed queries are the report's own).
 */
async function recomputedReport(db: Executor, projectId: string): Promise<AgreementReport> {
  const stage = await reportStage(db, projectId);
  const stageId = stage.stageId!;
  const [heads, states, ontology, annotators, disputed] = await Promise.all([
    db
      .selectFrom('label_revisions as r')
      .innerJoin('consensus_rounds as c', 'c.task_id', 'r.task_id')
      .select(['r.task_id', 'r.branch', 'r.revision', 'r.document'])
      .where('c.project_id', '=', projectId)
      .where('c.stage_id', '=', stageId)
      .where('c.latest', '=', 1)
      .where('r.branch', 'like', 'annotator:%')
      .orderBy('r.task_id')
      .orderBy('r.branch')
      .orderBy('r.revision')
      .execute(),
    db
      .selectFrom('consensus_rounds')
      .select(['task_id', 'state'])
      .where('project_id', '=', projectId)
      .where('stage_id', '=', stageId)
      .where('latest', '=', 1)
      .execute(),
    projectOntology(db, projectId),
    annotatorSummaries(db, projectId, stageId),
    disputedRounds(db, projectId, stageId, DISPUTED_LIMIT),
  ]);
  const stateOf = new Map(states.map((s) => [s.task_id, s.state]));
  const tally = emptyTally();
  const flush = (taskId: string, byBranch: Map<string, string>) => {
    const branches = [...byBranch].map(([branch, text]) => ({
      annotatorId: branch.slice('annotator:'.length),
      document: storedDocument(text),
    }));
    const agreement: TaskAgreement = taskAgreement(branches);
    tally.add(agreement.score, stateOf.get(taskId)!, agreement);
  };
  let current: string | null = null;
  let byBranch = new Map<string, string>();
  for (const h of heads) {
    if (h.task_id !== current) {
      if (current !== null) flush(current, byBranch);
      current = h.task_id;
      byBranch = new Map();
    }
    byBranch.set(h.branch, h.document); // ordered by revision: the head wins
  }
  if (current !== null) flush(current, byBranch);
  return { ...stage, ...tally.finish(ontology), annotators, disputed };
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The report's numbers rounded, so the two paths can be compared despite summation order. */
const comparable = (r: AgreementReport) =>
  JSON.stringify(r, (_, v) => (typeof v === 'number' ? Number(v.toFixed(9)) : v));

async function benchDialect(dialect: Dialect): Promise<boolean> {
  const bench = await openBenchDatabase(dialect);
  const db = bench.database.db;
  try {
    await migrateToLatest(db);
    const started = performance.now();
    const sizes = await seed(dialect, bench.database);
    console.error(
      `${dialect}: ${TASKS} consensus tasks seeded in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `(stored agreement JSON ${(sizes.agreementBytes / 2 ** 20).toFixed(1)} MB, branch documents ${(sizes.documentBytes / 2 ** 20).toFixed(1)} MB)`,
    );
    const report = await agreementReport(db, PROJECT); // warm-up
    const times = await timed(RUNS, () => agreementReport(db, PROJECT));
    const recomputed = await recomputedReport(db, PROJECT); // warm-up
    const baseline = await timed(BASELINE_RUNS, () => recomputedReport(db, PROJECT));
    const same = comparable(report) === comparable(recomputed);
    const ms = median(times);
    const base = median(baseline);
    const pass = ms < BUDGET_MS;
    console.log(
      `| ${dialect} | ${TASKS} | ${ms.toFixed(0)} (${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}) | ` +
        `${base.toFixed(0)} | ${(ms / base).toFixed(3)} | ${same ? 'yes' : 'NO'} | ${pass ? 'PASS' : 'FAIL'} |`,
    );
    if (!same) console.error(`${dialect}: the stored and recomputed reports differ`);
    console.error(
      `${dialect}: ${report.tasks} tasks (${report.accepted} accepted, ${report.inReview} in review, ${report.resolved} resolved), ` +
        `mean score ${report.score.mean?.toFixed(3)}, alpha ${report.questions.map((q) => `${q.name} ${q.alpha?.toFixed(3)}`).join(', ')}; ` +
        `${report.classes.map((c) => `${c.name} ${c.alpha?.toFixed(3)} over ${c.units} objects`).join(', ')}`,
    );
    return pass && same;
  } finally {
    await bench.database.close();
    await bench.drop();
  }
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

const dialects: Dialect[] = ['sqlite'];
const pgUrl = process.env.GLOSS_BENCH_PG_URL ?? DEFAULT_PG_URL;
if (await reachable(pgUrl)) {
  process.env.GLOSS_BENCH_PG_URL = pgUrl;
  dialects.push('postgres');
} else {
  console.warn(`\n*** PostgreSQL SKIPPED: nothing answers at ${pgUrl} (set GLOSS_BENCH_PG_URL) ***\n`);
}
console.log(
  `Agreement report of ${TASKS} consensus tasks (3 annotators, ~5 objects and 2 questions each): median of ${RUNS} runs after a warm-up; baseline median of ${BASELINE_RUNS}; budget ${BUDGET_MS} ms`,
);
console.log(
  '| database | tasks | agreementReport ms (min–max) | recomputed from documents ms (baseline) | ratio | same numbers | budget |',
);
console.log('|---|---|---|---|---|---|---|');
let ok = true;
for (const d of dialects) ok = (await benchDialect(d)) && ok;
if (!dialects.includes('postgres'))
  console.warn('*** PostgreSQL was SKIPPED: the numbers above are SQLite only ***');
process.exitCode = ok ? 0 : 1;
