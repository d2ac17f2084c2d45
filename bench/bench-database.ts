import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type Database, openDatabase } from '../src/server/db/database.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface BenchDatabase {
  database: Database;
  url: string;
  /** Removes the database (its folder, or the PostgreSQL database the bench created). */
  drop(): Promise<void>;
}

/** A fresh database for one bench run: a file in a temporary folder, or a new PostgreSQL database on GLOSS_BENCH_PG_URL's server. */
export async function openBenchDatabase(dialect: Dialect): Promise<BenchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-bench-'));
    const url = `sqlite:${join(dir, 'bench.db')}`;
    return {
      database: openDatabase(url),
      url,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.GLOSS_BENCH_PG_URL!;
  const name = `gloss_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    database: openDatabase(url.toString()),
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Rows generated inside the database (a million through bound parameters would take longer than
 * what is measured): `numbers` starts a statement with a CTE n(i) of 1..count; `padded(prefix)`
 * is an id from i that sorts in creation order, as UUIDv7s do.
 */
export function generatedRows(dialect: Dialect, count: number) {
  return {
    numbers:
      dialect === 'sqlite'
        ? sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count})`
        : sql`with n(i) as (select generate_series(1, ${count}::int))`,
    padded: (prefix: string) =>
      dialect === 'sqlite'
        ? sql.raw(`printf('${prefix}%09d', i)`)
        : sql.raw(`'${prefix}' || lpad(i::text, 9, '0')`),
  };
}
