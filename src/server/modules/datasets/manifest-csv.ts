import { parse } from 'csv-parse/sync';
import { AppError } from '../../http/errors.ts';
import { CSV_COLUMNS, ENTRY_ERROR } from './units.ts';

/**
 * A CSV manifest as manifest entries: a header row naming some of kind, key, url, title,
 * metadata (a JSON object), then one data unit per row. Empty cells are absent fields. A row
 * that cannot become an entry (bad metadata JSON) fails on its own, with its index.
 */
export function csvManifestEntries(text: string): unknown[] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    throw new AppError(400, 'invalid_csv', `body: is not valid CSV (${(err as Error).message})`, 'body');
  }
  const header = rows.shift();
  if (!header) throw new AppError(400, 'invalid_csv', 'body: the CSV has no header row', 'body');
  const columns = header.map((h) => h.toLowerCase());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0 || new Set(columns).size !== columns.length) {
    throw new AppError(
      400,
      'invalid_csv',
      `body: the header must name distinct columns among ${CSV_COLUMNS.join(', ')} (got ${header.join(', ')})`,
      'body',
    );
  }
  return rows.map((cells) => {
    const entry: Record<string, unknown> & { [ENTRY_ERROR]?: string } = {};
    if (cells.length > columns.length) {
      entry[ENTRY_ERROR] = `row has ${cells.length} cells but the header names ${columns.length}`;
      return entry;
    }
    for (const [i, column] of columns.entries()) {
      const cell = cells[i] ?? '';
      if (cell === '') continue;
      if (column === 'metadata') {
        try {
          entry.metadata = JSON.parse(cell);
        } catch {
          entry[ENTRY_ERROR] = 'metadata: is not valid JSON';
        }
      } else entry[column] = cell;
    }
    return entry;
  });
}
