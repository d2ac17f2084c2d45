import { type Compilable, CompiledQuery, type RawBuilder } from 'kysely';
import type { DialectName, Executor } from './database.ts';
import { nameStatement } from './postgres-statements.ts';

// Kysely builds and compiles a query anew on every call: 20–100 µs for the claim's statements,
// more than SQLite takes to run them. A hot path builds its statement once per shape instead,
// with a named placeholder wherever a value goes, and binds the values on each run.
//
// A statement is cached under its dialect, the names of its values and its shape (the choices
// that change the SQL, such as a stage's type), serialised whole: a value that slips into the
// shape costs cache entries, never a wrong statement. Build functions live at module level and
// get only the placeholders and the shape, so no closure can bake a value into cached SQL; a
// placeholder that does not end up as a bound parameter (used in the SQL text, or not at all)
// fails the build.

const MARK = '\u0000gloss-placeholder:';
const MAX_SHAPES = 200;

/** The values of a statement, each standing for itself while the statement is built. */
export type Placeholders<V> = { readonly [K in keyof V]: V[K] };

type Built<R> = Compilable<R> | RawBuilder<R>;

type Slot = { value: string } | { constant: unknown };

interface Compiled {
  sql: string;
  slots: Slot[];
}

function compile<V, S, R>(
  build: (db: Executor, p: Placeholders<V>, shape: S) => Built<R>,
  db: Executor,
  names: readonly string[],
  shape: S,
): Compiled {
  const p = Object.fromEntries(names.map((n) => [n, `${MARK}${n}`])) as Placeholders<V>;
  const built = build(db, p, shape);
  const { sql, parameters } = 'isRawBuilder' in built ? built.compile(db) : built.compile();
  if (sql.includes(MARK))
    throw new Error(`prepared statement: a placeholder is part of the SQL text: ${sql}`);
  const slots = parameters.map(
    (v): Slot =>
      typeof v === 'string' && v.startsWith(MARK) ? { value: v.slice(MARK.length) } : { constant: v },
  );
  const unbound = names.filter((n) => !slots.some((s) => 'value' in s && s.value === n));
  if (unbound.length > 0) throw new Error(`prepared statement: values not bound: ${unbound.join(', ')}`);
  return { sql, slots };
}

/**
 * A statement built once per dialect, shape and set of value names: `build` gets a placeholder
 * for each of the values and puts it where the value goes. Runs with the values and returns the
 * rows (none for writes without RETURNING).
 */
export function prepared<V extends object, R, S = null>(
  build: (db: Executor, p: Placeholders<V>, shape: S) => Built<R>,
) {
  const cache = new Map<string, Compiled>();
  return async (db: Executor, dialect: DialectName, values: V, shape: S = null as S): Promise<R[]> => {
    const names = Object.keys(values).sort();
    const key = `${dialect} ${names.join(',')} ${JSON.stringify(shape)}`;
    let statement = cache.get(key);
    if (!statement) {
      statement = compile(build, db, names, shape);
      if (dialect === 'postgres') nameStatement(statement.sql);
      cache.set(key, statement);
      if (cache.size > MAX_SHAPES) cache.delete(cache.keys().next().value!);
    }
    const named = values as Record<string, unknown>;
    const parameters = statement.slots.map((s) => ('value' in s ? named[s.value] : s.constant));
    const result = await db.executeQuery<R>(CompiledQuery.raw(statement.sql, parameters));
    return result.rows;
  };
}
