import type { Column } from '../../components/DataTable.tsx';
import { hours, minutes, percent, withUnit } from './format.ts';
import type { ClassRow, IssueRow, PersonRow, StageRow } from './queries.ts';

// The analytics tables. Each column's value is what the CSV holds and the table shows.

export const n = <T,>(header: string, value: (r: T) => number | null): Column<T> => ({
  header,
  value,
  numeric: true,
});
export const hrs = <T,>(header: string, value: (r: T) => number | null): Column<T> => ({
  header: `${header} (h)`,
  value: (r) => hours(value(r)),
  numeric: true,
  format: withUnit(' h'),
});
export const mins = <T,>(header: string, value: (r: T) => number | null | undefined): Column<T> => ({
  header: `${header} (min)`,
  value: (r) => minutes(value(r)),
  numeric: true,
  format: withUnit(' min'),
});
export const pct = <T,>(header: string, value: (r: T) => number | null): Column<T> => ({
  header: `${header} (%)`,
  value: (r) => percent(value(r)),
  numeric: true,
  format: withUnit('%'),
});

type Timed = {
  time: { tasks: number; meanMs: number | null; medianMs: number | null; p90Ms: number | null };
};
const timeColumns = <T extends Timed>(): Column<T>[] => [
  mins<T>('Mean per task', (r) => r.time.meanMs),
  mins<T>('Median per task', (r) => r.time.medianMs),
  mins<T>('p90 per task', (r) => r.time.p90Ms),
];

export function peopleColumns(onPick?: (row: PersonRow) => void): Column<PersonRow>[] {
  return [
    {
      header: 'Person',
      value: (r) => r.name ?? r.userId,
      format: (v, r) =>
        onPick ? (
          <button
            type="button"
            className="btn-link"
            title="Show only this person’s numbers"
            onClick={() => onPick(r)}
          >
            {v}
          </button>
        ) : (
          v
        ),
    },
    n('Submitted', (r) => r.tasks_submitted),
    n('Skipped', (r) => r.tasks_skipped),
    n('Approved (as reviewer)', (r) => r.tasks_approved),
    n('Rejected (as reviewer)', (r) => r.tasks_rejected),
    n('Labels created', (r) => r.labels_created),
    n('Labels edited', (r) => r.labels_edited),
    n('Labels deleted', (r) => r.labels_deleted),
    n('Their labels approved', (r) => r.labels_approved),
    n('Their labels rejected', (r) => r.labels_rejected),
    pct('Rejection rate', (r) => r.rejectionRate),
    pct('First-pass yield', (r) => r.firstPassYield),
    mins('Active time', (r) => r.activeMs),
    ...timeColumns<PersonRow>(),
  ];
}

export const stageColumns: Column<StageRow>[] = [
  { header: 'Stage', value: (r) => r.stageName },
  n('Submitted', (r) => r.tasks_submitted),
  n('Skipped', (r) => r.tasks_skipped),
  n('Approved', (r) => r.tasks_approved),
  n('Rejected', (r) => r.tasks_rejected),
  n('Completed', (r) => r.tasks_completed),
  n('Tasks timed', (r) => r.time.tasks),
  mins('Total time', (r) => r.time.totalMs),
  ...timeColumns<StageRow>(),
];

export const classColumns: Column<ClassRow>[] = [
  { header: 'Class', value: (r) => r.name },
  n('Created', (r) => r.labels_created),
  n('Edited', (r) => r.labels_edited),
  n('Deleted', (r) => r.labels_deleted),
  n('Approved', (r) => r.labels_approved),
  n('Rejected', (r) => r.labels_rejected),
  pct('Rejection rate', (r) => r.rejectionRate),
];

export const issueColumns = (who: string): Column<IssueRow>[] => [
  { header: who, value: (r) => r.name ?? r.userId },
  n('Open', (r) => r.open),
  n('Resolved', (r) => r.resolved),
];

type PeriodRow = Record<string, unknown> & {
  activeMs: number;
  tasks_submitted: number;
  tasks_skipped: number;
  tasks_approved: number;
  tasks_rejected: number;
  tasks_completed: number;
  labels_created: number;
};

export const periodColumns = <T extends PeriodRow>(period: 'day' | 'week', team: boolean): Column<T>[] => [
  { header: period === 'day' ? 'Day' : 'Week of', value: (r) => String(r[period]) },
  n('Submitted', (r) => r.tasks_submitted),
  n('Skipped', (r) => r.tasks_skipped),
  n('Approved', (r) => r.tasks_approved),
  n('Rejected', (r) => r.tasks_rejected),
  ...(team ? [n<T>('Completed', (r) => r.tasks_completed)] : []),
  n('Labels created', (r) => r.labels_created),
  mins('Active time', (r) => r.activeMs),
];
