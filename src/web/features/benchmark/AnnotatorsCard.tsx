import type { ReactNode } from 'react';
import { Badge } from '../../components/Badge.tsx';
import { Card } from '../../components/Page.tsx';
import { ReportTable } from '../../components/ReportTable.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { attemptStateLabel, formatPercent, NONE } from './format.ts';
import type { BenchmarkReport } from './queries.ts';

/**
 * Each annotator's scores, worst mean first, flagged below the report's threshold; a name narrows
 * the whole report (over time, classes, shapes) to that person.
 */
export function AnnotatorsCard({
  report,
  download,
  onPick,
}: {
  report: BenchmarkReport;
  download: ReactNode;
  onPick: (user: { id: string; name: string }) => void;
}) {
  return (
    <Card title="Annotators" actions={download}>
      <p className="card-description">Flagged: a mean score below {formatPercent(report.threshold)}.</p>
      <ReportTable
        caption="Benchmark scores per annotator"
        headers={['Annotator', '#Scores', '#Mean', '#Last', 'Last scored', 'Screening', 'Flag']}
      >
        {report.annotators.map((a) => (
          <tr key={a.userId}>
            <th scope="row">
              <button
                type="button"
                className="btn-link"
                title="Show only this annotator’s scores"
                onClick={() => onPick({ id: a.userId, name: a.name ?? a.userId })}
              >
                {a.name ?? a.userId}
              </button>
            </th>
            <td className="cell-number">{a.scores.toLocaleString()}</td>
            <td className="cell-number">{formatPercent(a.meanScore)}</td>
            <td className="cell-number">{formatPercent(a.lastScore)}</td>
            <td className="cell-nowrap">{formatDateTime(a.lastScoredAt)}</td>
            <td>
              {a.screening ? (
                <>
                  {attemptStateLabel(a.screening.state)}
                  <span className="cell-muted"> (attempt {a.screening.attempt})</span>
                </>
              ) : (
                NONE
              )}
            </td>
            <td>{a.flagged ? <Badge tone="accent">Below threshold</Badge> : null}</td>
          </tr>
        ))}
      </ReportTable>
    </Card>
  );
}
