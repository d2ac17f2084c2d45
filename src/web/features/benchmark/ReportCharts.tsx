import { lazy, Suspense } from 'react';
import { Card } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { formatDate } from '../../lib/format.ts';
import { overTime } from './chart-data.ts';
import type { BenchmarkReport } from './queries.ts';

// recharts is a large part of a bundle; only the charts load it, in chunks of their own.
const ScoreOverTime = lazy(() => import('./BenchmarkCharts.tsx').then((m) => ({ default: m.ScoreOverTime })));

export function OverTimeCard({ report, title }: { report: BenchmarkReport; title: string }) {
  const { rows, series } = overTime(report);
  return (
    <Card title={title}>
      <p className="card-description">The mean score of each day’s scored gold tasks.</p>
      <Suspense fallback={<Loading label="Loading the chart…" />}>
        <ScoreOverTime rows={rows} series={series} />
      </Suspense>
      <table className="visually-hidden">
        <caption>Mean score per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.day}>
              <th scope="row">{formatDate(`${r.day}T12:00:00Z`)}</th>
              {series.map((s) => (
                <td key={s.key}>{r[s.key] === undefined ? '' : `${r[s.key]}%`}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
