import type { ReactNode } from 'react';
import { Card } from '../../components/Page.tsx';
import { ReportTable } from '../../components/ReportTable.tsx';
import { Empty } from '../../components/States.tsx';
import { formatPercent } from './format.ts';
import type { ReportBreakdown } from './queries.ts';

/** Scores per object class or per shape type, worst first, with what went wrong. */
export function BreakdownCard({
  title,
  keyLabel,
  rows,
  nameOf,
  download,
}: {
  title: string;
  keyLabel: string;
  rows: readonly ReportBreakdown[];
  nameOf: (key: string) => string;
  download: ReactNode;
}) {
  return (
    <Card title={title} actions={download}>
      {rows.length === 0 ? (
        <Empty>No object was scored.</Empty>
      ) : (
        <ReportTable
          caption={`${title}, worst first`}
          headers={[keyLabel, '#Objects', '#Mean score', '#Missed', '#Extra', '#Wrong class']}
        >
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{nameOf(r.key)}</th>
              <td className="cell-number">{r.items.toLocaleString()}</td>
              <td className="cell-number">{formatPercent(r.meanScore)}</td>
              <td className="cell-number">{r.missed.toLocaleString()}</td>
              <td className="cell-number">{r.extra.toLocaleString()}</td>
              <td className="cell-number">{r.wrongClass.toLocaleString()}</td>
            </tr>
          ))}
        </ReportTable>
      )}
    </Card>
  );
}
