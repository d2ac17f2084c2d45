import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.ts';
import { namingStatements } from './postgres-statements.ts';
import type { DB } from './schema.ts';
import { reusingStatements } from './sqlite-statements.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  close(): Promise<void>;
}

export type Executor = Kysely<DB> | Transaction<DB>;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** `sqlite:/path/to.db`, `file:/path/to.db`, a bare path, or `postgres://…`. */
export function openDatabase(url: string): Database {
  if (isPostgresUrl(url)) return openPostgres(url);
  return openSqlite(url.replace(/^(sqlite|file):(\/\/)?/, ''));
}

function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss, and an
  // annotator's saved work must survive that. Measured cost is small at our write rates.
  sqlite.pragma('synchronous = FULL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.GLOSS_PG_POOL_SIZE ?? 10) });
  // An idle pooled connection can die (server restart, failover); without a listener pg's error
  // event would crash the process. The pool drops the dead client and opens a new one on demand.
  pool.on('error', (err) => console.warn(`PostgreSQL: idle connection lost: ${err.message}`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: namingStatements(pool) }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** A unique-index violation on either dialect, for turning a lost race into a clean 409. */
export function isUniqueViolation(err: unknown): boolean {
  if (!err || typeof err !== 'object' || !('code' in err)) return false;
  const code = (err as { code: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
