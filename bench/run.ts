import { tmpdir } from 'node:os';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, migrateToLatest } from '../src/server/db/database.ts';
import { newId, nowIso } from '../src/server/db/ids.ts';
import { createDeps } from '../src/server/deps.ts';
import { type Dialect, openBenchDatabase } from './bench-database.ts';

const USERS = 2000;
const AUDIT_ROWS = 20_000;
const SECONDS = Number(process.env.GLOSS_BENCH_SECONDS ?? 2);
const CONCURRENCY = 8;

interface Scenario {
  name: string;
  url: string;
  headers: Record<string, string>;
}

/** The bench database as this bench uses it: the Database itself, with its drop. */
async function openRunDatabase(dialect: Dialect): Promise<Database & { drop(): Promise<void> }> {
  const bench = await openBenchDatabase(dialect);
  return { ...bench.database, drop: bench.drop };
}

/** Bulk rows straight into the tables: the bench measures reads, not the cost of seeding. */
async function seed(database: Database, adminId: string) {
  const now = Date.now();
  const roles = ['tasker', 'tasker', 'tasker', 'member'] as const;
  for (let start = 0; start < USERS; start += 500) {
    const rows = Array.from({ length: Math.min(500, USERS - start) }, (_, k) => {
      const i = start + k;
      return {
        id: newId(now + i),
        email: `annotator${String(i).padStart(5, '0')}@bench.test`,
        name: `Annotator ${i}`,
        role: roles[i % roles.length]!,
        status: 'active' as const,
        password_hash: null,
        invited_by: adminId,
        created_at: nowIso(now),
        updated_at: nowIso(now),
        deactivated_at: null,
        last_login_at: null,
        revision: 1,
      };
    });
    await database.db.insertInto('users').values(rows).execute();
  }
  for (let start = 0; start < AUDIT_ROWS; start += 1000) {
    const rows = Array.from({ length: 1000 }, (_, k) => ({
      id: newId(now + start + k),
      at: nowIso(now + start + k),
      actor_id: adminId,
      actor_kind: 'user' as const,
      api_key_id: null,
      action: k % 2 ? 'user.invite' : 'group.update',
      target_type: 'user',
      target_id: newId(),
      ip: '127.0.0.1',
      request_id: null,
      before: null,
      after: '{"role":"tasker"}',
    }));
    await database.db.insertInto('audit_log').values(rows).execute();
  }
  // A live database has statistics (autovacuum on PostgreSQL); without them the planner guesses.
  await sql`analyze`.execute(database.db);
}

async function measure(app: Awaited<ReturnType<typeof buildApp>>, s: Scenario, concurrency: number) {
  const hit = async () => {
    const res = await app.inject({ method: 'GET', url: s.url, headers: s.headers });
    if (res.statusCode !== 200) throw new Error(`${s.name}: ${res.statusCode} ${res.body}`);
  };
  for (let i = 0; i < 100; i++) await hit();
  let done = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await hit();
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

async function benchDialect(dialect: 'sqlite' | 'postgres') {
  const database = await openRunDatabase(dialect);
  try {
    await migrateToLatest(database.db);
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', GLOSS_DATA_DIR: tmpdir() });
    const deps = createDeps(config, database);
    const app = await buildApp(deps, { logger: false });
    await app.ready();
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
    const { user, csrfToken } = setup.json();
    const cookie = String(setup.headers['set-cookie']).split(';')[0]!;
    const key = await app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: { name: 'bench' },
    });
    const bearer = { authorization: `Bearer ${key.json().token}` };
    await seed(database, user.id);

    const scenarios: Scenario[] = [
      { name: 'GET /api/health (baseline)', url: '/api/health', headers: {} },
      { name: 'session check, cookie', url: '/api/v1/auth/session', headers: { cookie } },
      { name: 'session check, API key', url: '/api/v1/auth/session', headers: bearer },
      { name: `users page (50 of ${USERS})`, url: '/api/v1/users?limit=50', headers: { cookie } },
      { name: 'users search', url: '/api/v1/users?q=annotator19&limit=50', headers: { cookie } },
      { name: `audit page (50 of ${AUDIT_ROWS})`, url: '/api/v1/audit?limit=50', headers: { cookie } },
      {
        name: 'audit filtered by action',
        url: '/api/v1/audit?action=user.invite&limit=50',
        headers: { cookie },
      },
    ];
    const rows: string[] = [];
    for (const concurrency of [1, CONCURRENCY]) {
      let baseline = 0;
      for (const s of scenarios) {
        const rate = await measure(app, s, concurrency);
        if (!baseline) baseline = rate;
        rows.push(
          `| ${dialect} | ${concurrency} | ${s.name} | ${rate.toFixed(0)} | ${(rate / baseline).toFixed(2)} |`,
        );
        console.log(rows.at(-1));
      }
    }
    await app.close();
    return rows;
  } finally {
    await database.close();
    await database.drop();
  }
}

const dialects: ('sqlite' | 'postgres')[] = ['sqlite'];
if (process.env.GLOSS_BENCH_PG_URL) dialects.push('postgres');
else console.warn('PostgreSQL skipped: set GLOSS_BENCH_PG_URL=postgres://… to bench it too');
console.log('| database | concurrency | scenario | requests/s | ratio to health |');
console.log('|---|---|---|---|---|');
for (const d of dialects) await benchDialect(d);
