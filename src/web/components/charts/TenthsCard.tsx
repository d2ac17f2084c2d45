import { lazy, Suspense } from 'react';
import { Card } from '../Page.tsx';
import { Loading } from '../States.tsx';

const TenthsChart = lazy(() => import('./TenthsChart.tsx'));

export interface TenthsBin {
  /** "0–10%" … "90–100%". */
  label: string;
  count: number;
}

/** Counts of a 0–1 score in tenths ([0, .1), [.1, .2) … [.9, 1]) with their labels. */
export function tenthsBins(counts: readonly number[]): TenthsBin[] {
  return counts.map((count, i) => ({ label: `${i * 10}–${(i + 1) * 10}%`, count }));
}

/**
 * A card with how many things reached each tenth of a score: a bar chart (its own chunk) and, for
 * screen readers, the same counts as a table.
 */
export function TenthsCard({
  title,
  description,
  counts,
  scoreName,
  unit,
}: {
  title: string;
  description: string;
  counts: readonly number[];
  /** The score's name, e.g. "Agreement"; `unit` what is counted, e.g. "Tasks". */
  scoreName: string;
  unit: string;
}) {
  const bins = tenthsBins(counts);
  return (
    <Card title={title}>
      <p className="card-description">{description}</p>
      <Suspense fallback={<Loading label="Loading the chart…" />}>
        <TenthsChart bins={bins} unit={unit} />
      </Suspense>
      <table className="visually-hidden">
        <caption>
          {unit} by {scoreName.toLowerCase()}
        </caption>
        <thead>
          <tr>
            <th scope="col">{scoreName}</th>
            <th scope="col">{unit}</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
