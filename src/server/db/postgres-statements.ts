import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

// PostgreSQL parses and plans every unnamed statement anew; for the claim's CTE that costs more
// server time than running it. The statements built once (db/prepared.ts) are sent as named
// statements instead: pg parses each once per connection and PostgreSQL keeps its plan. The
// names are bounded: past the cap, new texts run unnamed as before.

const MAX_NAMED = 2000;
const names = new Map<string, string>();

/** Runs `sql` as a named statement from now on (within the cap). */
export function nameStatement(sql: string) {
  if (names.has(sql) || names.size >= MAX_NAMED) return;
  names.set(sql, `gloss_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`);
}

/** The pool as Kysely's PostgreSQL dialect sees it, sending named statements by name. */
export function namingStatements(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloads (text or cursor) pass through as they came
    query: ((textOrCursor: any, values?: unknown[]) => {
      const name = typeof textOrCursor === 'string' ? names.get(textOrCursor) : undefined;
      return name
        ? client.query({ name, text: textOrCursor, values: values ?? [] })
        : client.query(textOrCursor, values);
    }) as unknown as PostgresPoolClient['query'],
    release: () => client.release(),
  });
  return {
    end: () => pool.end(),
    async connect() {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (!wrapped) {
        wrapped = wrap(client);
        clients.set(client, wrapped);
      }
      return wrapped;
    },
  };
}
