import { lazy, type ReactNode, Suspense } from 'react';
import { Card } from '../Page.tsx';
import { Empty, Loading } from '../States.tsx';
import type { TrendRow, TrendSeries } from './TrendChart.tsx';

const TrendChart = lazy(() => import('./TrendChart.tsx'));

/** A chart of series over time in a card, with the same numbers as a table for screen readers. */
export function TrendCard({
  title,
  description,
  rows,
  series,
  kind,
  unit = '',
}: {
  title: string;
  description?: ReactNode;
  rows: readonly TrendRow[];
  series: readonly TrendSeries[];
  kind: 'bar' | 'line';
  unit?: string;
}) {
  return (
    <Card title={title}>
      {description ? <p className="card-description">{description}</p> : null}
      {rows.length === 0 ? (
        <Empty>Nothing in this period.</Empty>
      ) : (
        <>
          <Suspense fallback={<Loading label="Loading the chart…" />}>
            <TrendChart rows={rows} series={series} kind={kind} unit={unit} />
          </Suspense>
          <table className="visually-hidden">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                {series.map((s) => (
                  <th key={s.key} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  {series.map((s) => (
                    <td key={s.key}>
                      {r[s.key] === null || r[s.key] === undefined ? '' : `${r[s.key]}${unit}`}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
