// Next-task claims at 1,000,000 tasks in one project: the service (`nextTask`, as the route calls
// it: policy, workflow, claim, event, presenting the task) next to a raw-SQL claim loop in the
// same process on a connection of its own (the same eligibility statement, update and event
// insert, hand-written, through better-sqlite3 / pg directly) — the limit the service can reach.
// Run: npm run bench:claims  (PostgreSQL too with GLOSS_BENCH_PG_URL).
import { tmpdir } from 'node:os';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { builtInWorkflow } from '../src/core/workflow/index.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, migrateToLatest } from '../src/server/db/database.ts';
import { newId, nowIso } from '../src/server/db/ids.ts';
import { namingStatements } from '../src/server/db/postgres-statements.ts';
import type { DB } from '../src/server/db/schema.ts';
import { reusingStatements } from '../src/server/db/sqlite-statements.ts';
import { type AppDeps, createDeps } from '../src/server/deps.ts';
import type { RequestContext } from '../src/server/http/context.ts';
import { nextTask } from '../src/server/modules/queue/work.ts';
import { addWorkflowVersion } from '../src/server/modules/queue/workflow-store.ts';
import { type Dialect, generatedRows, openBenchDatabase } from './bench-database.ts';
import { benchUsers } from './bench-rows.ts';

const TASKS = Number(process.env.GLOSS_BENCH_TASKS ?? 1_000_000);
const CLAIMS = Number(process.env.GLOSS_BENCH_CLAIMS ?? 4000);
/** Claims between two sweeps that complete what was claimed: the tasks a live crowd holds at once. */
const ROUND = 200;
const PG_CONCURRENCY = 8;
const STAGE = 'annotate';

/** Workspace, project (Annotate → Complete, In progress) and dataset through the API; users and tasks in bulk. */
async function seed(dialect: Dialect, database: Database, app: Awaited<ReturnType<typeof buildApp>>) {
  const call = async (method: 'POST' | 'PUT', url: string, payload: object, headers = {}) => {
    const res = await app.inject({ method, url, payload, headers });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const setup = await app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: {
      workspaceName: 'Bench',
      email: 'admin@bench.test',
      name: 'Admin',
      password: 'bench password 1',
    },
  });
  const { csrfToken } = setup.json();
  const cookie = String(setup.headers['set-cookie']).split(';')[0]!;
  const key = await call(
    'POST',
    '/api/v1/api-keys',
    { name: 'bench' },
    { cookie, 'x-csrf-token': csrfToken },
  );
  const auth = { authorization: `Bearer ${key.token}` };
  const project = await call('POST', '/api/v1/projects', { name: 'Claims' }, auth);
  const now = Date.now();
  await database.db
    .transaction()
    .execute((trx) =>
      addWorkflowVersion(
        trx,
        { projectId: project.id, workflow: builtInWorkflow('annotate')!, createdBy: null },
        now,
      ),
    );
  const dataset = await call('POST', '/api/v1/datasets', { name: 'Units' }, auth);
  await call('POST', `/api/v1/projects/${project.id}/datasets`, { datasetId: dataset.id }, auth);
  const { revision } = await (
    await app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}`, headers: auth })
  ).json();
  await call(
    'PUT',
    `/api/v1/projects/${project.id}/status`,
    { status: 'in_progress', reason: 'bench', revision },
    auth,
  );

  const at = nowIso(now);
  const users = benchUsers(
    Array.from({ length: ROUND }, () => newId(now)),
    at,
  );
  await database.db.insertInto('users').values(users).execute();
  await database.db
    .insertInto('project_members')
    .values(
      users.map((u) => ({
        project_id: project.id,
        principal_type: 'user',
        principal_id: u.id,
        role: 'annotator',
        added_at: at,
        added_by: null,
      })),
    )
    .execute();

  // Generated in the database: a million rows through bound parameters would take longer than the
  // whole measurement. Ids sort in creation order like UUIDv7s do; priorities are uniform 0–100.
  const started = performance.now();
  const { numbers: nums, padded: pad } = generatedRows(dialect, TASKS);
  const priority =
    dialect === 'sqlite' ? sql.raw('abs(random() % 101)') : sql.raw('floor(random() * 101)::int');
  await database.db.transaction().execute(async (trx) => {
    await sql`${nums} insert into data_units (id, dataset_id, kind, title, source, storage_key, external_url,
        mime_type, size_bytes, width, height, duration_ms, fps, frame_count, thumbnail_key, metadata,
        created_by, created_at, updated_at, revision)
      select ${pad('u')}, ${dataset.id}, 'text', 'unit ' || i, 'manifest', 'bench/' || i || '.md', null,
        'text/markdown', null, null, null, null, null, null, null, '{}', null, ${at}, ${at}, 1 from n`.execute(
      trx,
    );
    await sql`${nums} insert into tasks (id, project_id, data_unit_id, created_at, stage_id, status, priority,
        assignee_id, pinned, lease_expires_at, stage_entered_at, updated_at, revision)
      select ${pad('t')}, ${project.id}, ${pad('u')}, ${at}, ${STAGE}, 'new', ${priority}, null, 0, null,
        ${at}, ${at}, 1 from n`.execute(trx);
  });
  // PostgreSQL's autovacuum gathers statistics by itself; a SQLite deployment has none unless
  // someone runs ANALYZE, so its planner is measured as it runs in production: without.
  if (dialect === 'postgres') await sql`analyze`.execute(database.db);
  console.error(
    `${dialect}: ${TASKS} tasks seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const contexts: RequestContext[] = users.map((user) => ({
    actor: { id: user.id, role: user.role, managedGroupIds: [], memberGroupIds: [] },
    user,
    apiKeyId: null,
    ip: null,
    requestId: null,
  }));
  return { projectId: project.id as string, contexts };
}

/** A claim for one user; resolves when committed. */
type Claimer = (user: number) => Promise<void>;

interface Measured {
  rate: number;
  p50: number;
  p99: number;
}

/**
 * Runs `claims` claims per path in rounds of ROUND (each user claims once a round, `concurrency`
 * callers at a time), the paths taking turns round by round so that both meet the same disk,
 * cache and WAL conditions. Between rounds, untimed, the claimed tasks are completed in one
 * statement so the stage keeps about as many held tasks as a live crowd would — otherwise every
 * claim would scan past all earlier ones. Returns claims/s over the timed rounds and the latency
 * percentiles of each path.
 */
async function measure(
  paths: Claimer[],
  complete: () => Promise<void>,
  concurrency: number,
  claims: number,
): Promise<Measured[]> {
  const latencies = paths.map((): number[] => []);
  const elapsed = paths.map(() => 0);
  for (let done = 0; done < claims; done += ROUND) {
    for (const [i, claim] of paths.entries()) {
      let nextUser = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (nextUser < ROUND) {
            const user = nextUser++;
            const t0 = performance.now();
            await claim(user);
            latencies[i]!.push(performance.now() - t0);
          }
        }),
      );
      elapsed[i]! += performance.now() - started;
      await complete();
    }
  }
  return latencies.map((l, i) => {
    l.sort((a, b) => a - b);
    const pct = (p: number) => l[Math.min(l.length - 1, Math.floor((l.length * p) / 100))]!;
    return { rate: l.length / (elapsed[i]! / 1000), p50: pct(50), p99: pct(99) };
  });
}

// The statements claim.ts builds for an annotate stage, written out by hand: the caller's own task
// first (held or assigned), else the first eligible one; the task taken with its unit and dataset
// returned for presenting; then the event. $1 project, $2 stage, $3 now, $4 user.

const OWN = `from tasks
  where tasks.assignee_id = $4 and tasks.project_id = $1 and tasks.stage_id = $2
    and (tasks.pinned = 1 or tasks.lease_expires_at >= $3)
  order by tasks.priority desc, tasks.id asc limit 1`;

const ELIGIBLE = `from tasks
  where tasks.project_id = $1 and tasks.stage_id = $2
    and (tasks.assignee_id is null or (tasks.pinned = 0 and tasks.lease_expires_at < $3))
    and not exists (select s.task_id from task_skips s
      where s.task_id = tasks.id and s.user_id = $4 and s.stage_id = $2)
    and not exists (select w.task_id from task_workers w
      where w.task_id = tasks.id and w.user_id = $4 and w.stage_id <> $2)
  order by tasks.priority desc, tasks.id asc limit 1`;

const EVENT = `insert into task_events (id, project_id, task_id, kind, stage_id, to_stage_id, actor_id,
  subject_id, data, created_at) values ($1, $2, $3, 'claimed', $4, null, $5, $5, '{"via":"next"}', $6)`;

const UNIT = `inner join data_units u on u.id = tasks.data_unit_id inner join datasets d on d.id = u.dataset_id`;
const PICKED = `tasks.id, tasks.assignee_id, tasks.lease_expires_at, u.title, u.kind, u.dataset_id, d.name as dataset_name`;

async function rawClaimer(dialect: Dialect, url: string, projectId: string, userIds: string[]) {
  if (dialect === 'sqlite') {
    const db = new SqliteDatabase(url.replace(/^sqlite:/, ''));
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL'); // as the server's connection: the same fsync per commit
    // better-sqlite3 binds named parameters: $4 becomes @p4, bound from an object.
    const positional = (s: string) => s.replace(/\$(\d)/g, '@p$1');
    const join = (from: string) => from.replace('from tasks', `from tasks ${UNIT}`);
    const pick = db.prepare(
      positional(`select * from (select ${PICKED}, 1 as own ${join(OWN)})
        union all select * from (select ${PICKED}, 0 as own ${join(ELIGIBLE)}) limit 1`),
    );
    const take = db.prepare(`update tasks set assignee_id = ?, pinned = 0, lease_expires_at = ?,
      status = case when status = 'reopened' then 'reopened' else 'assigned' end, updated_at = ?,
      revision = revision + 1 where id = ? returning *`);
    const event = db.prepare(positional(EVENT));
    const claimTx = db.transaction((userId: string) => {
      const now = Date.now();
      const row = pick.get({ p1: projectId, p2: STAGE, p3: nowIso(now), p4: userId }) as
        | { id: string; own: number }
        | undefined;
      if (!row || row.own === 1) throw new Error('raw: no task left');
      take.get(userId, nowIso(now + 30 * 60_000), nowIso(now), row.id);
      event.run({ p1: newId(now), p2: projectId, p3: row.id, p4: STAGE, p5: userId, p6: nowIso(now) });
    });
    const claim: Claimer = async (user) => {
      claimTx.immediate(userIds[user]!);
    };
    return { claim, close: async () => db.close() };
  }
  const pool = new pg.Pool({ connectionString: url, max: PG_CONCURRENCY });
  const claim: Claimer = async (user) => {
    const userId = userIds[user]!;
    const client = await pool.connect();
    try {
      const now = Date.now();
      await client.query('begin');
      // Named statements, as the service sends its prepared ones (db/postgres-statements.ts):
      // parsed once per connection, the plan kept.
      const res = await client.query({
        name: 'raw_claim',
        text: `with own as (select tasks.id, tasks.assignee_id, tasks.lease_expires_at, 1 as own ${OWN} for update),
          picked as (select tasks.id, tasks.assignee_id, tasks.lease_expires_at, 0 as own
            ${ELIGIBLE.replace('order by', 'and not exists (select 1 from own) order by')} for update skip locked),
          target as (select * from own union all select * from picked)
         update tasks set assignee_id = $4,
           pinned = case when target.own = 1 then tasks.pinned else 0 end, lease_expires_at = $5,
           status = case when target.own = 1 or tasks.status = 'reopened' then tasks.status else 'assigned' end,
           updated_at = $3, revision = tasks.revision + 1 - target.own
         from target, data_units u, datasets d
         where tasks.id = target.id and u.id = tasks.data_unit_id and d.id = u.dataset_id
         returning tasks.*, target.own, target.assignee_id as previous, u.title, u.kind, u.dataset_id,
           d.name as dataset_name`,
        values: [projectId, STAGE, nowIso(now), userId, nowIso(now + 30 * 60_000)],
      });
      const row = res.rows[0];
      if (!row || row.own === 1) throw new Error('raw: no task left');
      await client.query({
        name: 'raw_event',
        text: EVENT,
        values: [newId(now), projectId, row.id, STAGE, userId, nowIso(now)],
      });
      await client.query('commit');
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
  };
  return { claim, close: () => pool.end() };
}

/**
 * GLOSS_BENCH_PROFILE=1: the service's claims also run once more on a logging connection, and the
 * statements are listed by total time — where a claim's time goes, query by query.
 */
function profiled(dialect: Dialect, url: string, deps: AppDeps) {
  const byStatement = new Map<string, { n: number; ms: number }>();
  const log = (e: LogEvent) => {
    const key = e.query.sql.replace(/\s+/g, ' ').slice(0, 160);
    const seen = byStatement.get(key) ?? { n: 0, ms: 0 };
    seen.n++;
    seen.ms += e.queryDurationMillis;
    byStatement.set(key, seen);
  };
  const db = new Kysely<DB>({
    dialect:
      dialect === 'sqlite'
        ? new SqliteDialect({ database: reusingStatements(new SqliteDatabase(url.replace(/^sqlite:/, ''))) })
        : new PostgresDialect({
            pool: namingStatements(new pg.Pool({ connectionString: url, max: PG_CONCURRENCY })),
          }),
    log,
  });
  const report = (claims: number) => {
    const rows = [...byStatement.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const total = rows.reduce((t, [, v]) => t + v.ms, 0);
    console.error(
      `${dialect}: SQL per claim ${(total / claims).toFixed(2)} ms in ${rows.reduce((t, [, v]) => t + v.n, 0) / claims} statements`,
    );
    for (const [q, v] of rows)
      console.error(`  ${(v.ms / claims).toFixed(3)} ms/claim  ${(v.n / claims).toFixed(1)}x  ${q}`);
  };
  return { deps: { ...deps, db }, report, close: () => db.destroy() };
}

async function benchDialect(dialect: Dialect) {
  const bench = await openBenchDatabase(dialect);
  const { database } = bench;
  try {
    await migrateToLatest(database.db);
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', GLOSS_DATA_DIR: tmpdir() });
    const deps = createDeps(config, database);
    const app = await buildApp(deps, { logger: false });
    await app.ready();
    const { projectId, contexts } = await seed(dialect, database, app);
    const complete = async () => {
      await database.db
        .updateTable('tasks')
        .set({ stage_id: 'complete', status: 'completed', assignee_id: null, lease_expires_at: null })
        .where('project_id', '=', projectId)
        .where('stage_id', '=', STAGE)
        .where('assignee_id', 'is not', null)
        .execute();
    };
    const concurrency = dialect === 'sqlite' ? 1 : PG_CONCURRENCY;
    const service: Claimer = async (user) => {
      const task = await nextTask(deps, contexts[user]!, projectId, STAGE);
      if (!task) throw new Error('service: no task left');
    };
    const raw = await rawClaimer(
      dialect,
      bench.url,
      projectId,
      contexts.map((c) => c.user.id),
    );
    // Warm up both (JIT, caches, prepared plans), then measure.
    await measure([service, raw.claim], complete, concurrency, ROUND * 2);
    const [s, r] = (await measure([service, raw.claim], complete, concurrency, CLAIMS)) as [
      Measured,
      Measured,
    ];
    if (process.env.GLOSS_BENCH_PROFILE) {
      const p = profiled(dialect, bench.url, deps);
      const logged: Claimer = async (user) => {
        if (!(await nextTask(p.deps, contexts[user]!, projectId, STAGE))) throw new Error('no task left');
      };
      await measure([logged], complete, concurrency, ROUND * 5);
      p.report(ROUND * 5);
      await p.close();
    }
    await raw.close();
    await app.close();
    const row = (name: string, m: Measured) =>
      `| ${dialect} | ${concurrency} | ${name} | ${m.rate.toFixed(0)} | ${m.p50.toFixed(2)} | ${m.p99.toFixed(2)} | ${(m.rate / r.rate).toFixed(2)} |`;
    console.log(row('raw SQL claim (limit)', r));
    console.log(row('nextTask (service)', s));
  } finally {
    await database.close();
    await bench.drop();
  }
}

const dialects: Dialect[] = ['sqlite'];
if (process.env.GLOSS_BENCH_PG_URL) dialects.push('postgres');
else console.warn('PostgreSQL skipped: set GLOSS_BENCH_PG_URL=postgres://… to bench it too');
console.log(`${TASKS} tasks in one project, ${CLAIMS} claims per path in rounds of ${ROUND}`);
console.log('| database | callers | path | claims/s | p50 ms | p99 ms | ratio to raw |');
console.log('|---|---|---|---|---|---|---|');
for (const d of dialects) await benchDialect(d);
