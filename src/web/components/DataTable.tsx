import type { ReactNode } from 'react';
import { type CsvValue, downloadCsv, toCsv } from '../lib/csv.ts';
import { Card } from './Page.tsx';
import { ReportTable } from './ReportTable.tsx';
import { Empty } from './States.tsx';

/**
 * A column: its value is what the CSV holds and the table shows (through `format`, which only
 * adds a unit or a link), so the two always agree.
 */
export interface Column<T> {
  header: string;
  value: (row: T) => CsvValue;
  numeric?: boolean;
  format?: (value: CsvValue, row: T) => ReactNode;
}

/** A card with a table of `rows` and a button that downloads the same table as CSV. */
export function DataTableCard<T>({
  title,
  description,
  rows,
  columns,
  rowKey,
  filename,
  empty = 'Nothing to show for these filters.',
}: {
  title: string;
  description?: ReactNode;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  filename: string;
  empty?: string;
}) {
  const headers = columns.map((c) => c.header);
  const download = () =>
    downloadCsv(
      filename,
      toCsv(
        headers,
        rows.map((r) => columns.map((c) => c.value(r))),
      ),
    );
  return (
    <Card
      title={title}
      actions={
        rows.length > 0 ? (
          <button type="button" className="btn btn-small" onClick={download}>
            Download CSV<span className="visually-hidden"> of {title}</span>
          </button>
        ) : null
      }
    >
      {description ? <p className="card-description">{description}</p> : null}
      {rows.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <ReportTable caption={title} headers={columns.map((c) => (c.numeric ? `#${c.header}` : c.header))}>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c, i) => {
                const v = c.value(r);
                const shown = c.format ? c.format(v, r) : (v ?? '–');
                return i === 0 ? (
                  <th key={c.header} scope="row">
                    {shown}
                  </th>
                ) : (
                  <td key={c.header} className={c.numeric ? 'cell-number' : undefined}>
                    {shown}
                  </td>
                );
              })}
            </tr>
          ))}
        </ReportTable>
      )}
    </Card>
  );
}
