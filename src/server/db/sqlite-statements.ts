import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';

// Kysely prepares every query it runs, and better-sqlite3 compiles the SQL on every prepare():
// for the short statements of a request, compiling costs more than running. Statements are
// reusable, so the compiled ones are kept by their SQL text. The cache is bounded because
// `in (…)` lists of varying length make many distinct texts; SQLite recompiles a kept statement
// by itself when the schema changes under it.

export const STATEMENT_CACHE_SIZE = 500;

/** The database as Kysely's SQLite dialect sees it, preparing each SQL text once. */
export function reusingStatements(
  sqlite: SqliteDatabase.Database,
  size = STATEMENT_CACHE_SIZE,
): KyselySqliteDatabase & { cachedStatements(): number } {
  const kept = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    cachedStatements: () => kept.size,
    prepare(sql: string): SqliteStatement {
      const hit = kept.get(sql);
      // A statement still being iterated (a streamed query) cannot run a second time meanwhile.
      if (hit?.busy) return sqlite.prepare(sql);
      if (hit) {
        kept.delete(sql); // re-inserted last: the map's order is least recently used first
        kept.set(sql, hit);
        return hit;
      }
      const statement = sqlite.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > size) kept.delete(kept.keys().next().value!);
      return statement;
    },
  };
}
