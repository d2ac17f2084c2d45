import { ErrorAlert } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Card } from '../../components/Page.tsx';
import { ReportTable } from '../../components/ReportTable.tsx';
import { Empty, Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { attemptStateLabel, formatPercent, NONE } from './format.ts';
import { type ScreeningAttempt, useScreeningStatus } from './queries.ts';

const TONES: Record<ScreeningAttempt['state'], 'accent' | 'success' | 'muted'> = {
  in_progress: 'accent',
  passed: 'success',
  failed: 'muted',
};

/** Screening attempts: everyone's for managers, the caller's own otherwise, with the rules. */
export function ScreeningAttemptsCard({ projectId, mine }: { projectId: string; mine: boolean }) {
  const status = useScreeningStatus(projectId);
  const rules = status.data?.screening;
  return (
    <Card title={mine ? 'My screening' : 'Screening attempts'}>
      {rules ? (
        <p className="card-description">
          An attempt is {rules.taskCount} gold {rules.taskCount === 1 ? 'task' : 'tasks'}; it passes with a
          mean of {formatPercent(rules.passThreshold)} or more. {rules.maxAttempts}{' '}
          {rules.maxAttempts === 1 ? 'attempt is' : 'attempts are'} allowed.
        </p>
      ) : status.data ? (
        <p className="card-description">This project screens nobody at the moment.</p>
      ) : null}
      <ErrorAlert error={status.error} />
      {status.isPending ? (
        <Loading label="Loading the screening attempts…" />
      ) : (status.data?.attempts.length ?? 0) === 0 ? (
        <Empty>No screening attempt yet.</Empty>
      ) : (
        <ReportTable
          caption="Screening attempts"
          headers={[
            ...(mine ? [] : ['Person']),
            '#Attempt',
            'State',
            '#Scored',
            '#Mean',
            'Started',
            'Finished',
          ]}
        >
          {status.data?.attempts.map((a) => (
            <tr key={a.id}>
              {mine ? null : <th scope="row">{a.name ?? a.userId}</th>}
              <td className="cell-number">{a.number}</td>
              <td>
                <Badge tone={TONES[a.state]}>{attemptStateLabel(a.state)}</Badge>
              </td>
              <td className="cell-number">
                {a.scored}/{a.taskCount}
              </td>
              <td className="cell-number">{formatPercent(a.meanScore)}</td>
              <td className="cell-nowrap">{formatDateTime(a.startedAt)}</td>
              <td className="cell-nowrap">{a.finishedAt ? formatDateTime(a.finishedAt) : NONE}</td>
            </tr>
          ))}
        </ReportTable>
      )}
    </Card>
  );
}
