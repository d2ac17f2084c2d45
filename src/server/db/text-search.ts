import { type Expression, type RawBuilder, sql } from 'kysely';

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards in `text` taken literally. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Case-insensitive "contains" over one or more text columns, written the same on SQLite and
 * PostgreSQL (LIKE with an explicit escape character; PostgreSQL's LIKE is case-sensitive).
 */
export function containsText(columns: Expression<string>[], text: string): RawBuilder<boolean> {
  const pattern = likePattern(text);
  const tests = columns.map((c) => sql`lower(${c}) like ${pattern} escape '\\'`);
  return sql<boolean>`(${sql.join(tests, sql` or `)})`;
}
