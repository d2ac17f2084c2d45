import { z } from 'zod';
import { invalid } from './errors.ts';

export const PageQuery = z.strictObject({
  cursor: z.string().max(512).optional().describe('Opaque cursor from a previous page’s nextCursor'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A cursor is the sort key of the last row seen, opaque to clients. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (cursor === undefined) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => (typeof k === 'string' && !k.includes('\0')) || typeof k === 'number')
    ) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw invalid('cursor', 'is not a cursor this endpoint returned');
}

/** Fetch `limit + 1` rows, then call this: it trims the extra row and builds the next cursor. */
export function toPage<T, R>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => (string | number)[],
  present: (row: T) => R,
) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items: items.map(present), nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
}
