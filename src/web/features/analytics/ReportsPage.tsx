import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/Alert.tsx';
import { TrendCard } from '../../components/charts/TrendCard.tsx';
import { type Column, DataTableCard } from '../../components/DataTable.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { type ProjectFilters, useProjectList } from '../projects/queries.ts';
import { countRows, type Period } from './chart-rows.ts';
import { hrs, mins, n, pct } from './columns.tsx';
import { Figures } from './Figures.tsx';
import { FiltersBar, OptionFilter, useGroupOptions } from './FiltersBar.tsx';
import { dayLabel, duration, hours, percent, shownPercent } from './format.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import {
  lastDays,
  useWorkspaceAnalytics,
  type WorkspaceAnalytics,
  type WorkspaceFilters,
  type WorkspacePersonRow,
  type WorkspaceProjectRow,
} from './queries.ts';
import { THROUGHPUT_KEYS, throughputSeries } from './series.ts';
import './analytics.css';

/** The projects to filter by: the first page by name (the caller's visible projects). */
const ALL_PROJECTS: ProjectFilters = { q: '', status: '', tag: '', datasetId: '', sort: 'name' };

function projectColumns(teamWide: boolean): Column<WorkspaceProjectRow>[] {
  return [
    {
      header: 'Project',
      value: (r) => r.name,
      format: (v, r) => <Link to={`/projects/${r.projectId}?tab=analytics`}>{v}</Link>,
    },
    n('Submitted', (r) => r.tasks_submitted),
    ...(teamWide ? [n<WorkspaceProjectRow>('Completed', (r) => r.tasks_completed)] : []),
    n('Reviews', (r) => r.tasks_approved + r.tasks_rejected),
    pct('Rejection rate', (r) => r.rejectionRate),
    pct('First-pass yield', (r) => r.firstPassYield),
    n('People active', (r) => r.people),
    hrs('Active time', (r) => r.activeMs),
    ...(teamWide
      ? [
          n<WorkspaceProjectRow>('Tasks remaining', (r) => r.remaining),
          n<WorkspaceProjectRow>('Open issues', (r) => r.openIssues),
        ]
      : []),
  ];
}

const personColumns = (onPick: (r: WorkspacePersonRow) => void): Column<WorkspacePersonRow>[] => [
  {
    header: 'Person',
    value: (r) => r.name ?? r.userId,
    format: (v, r) => (
      <button
        type="button"
        className="btn-link"
        title="Show only this person’s numbers"
        onClick={() => onPick(r)}
      >
        {v}
      </button>
    ),
  },
  n('Projects', (r) => r.projects),
  n('Days active', (r) => r.daysActive),
  hrs('Active time', (r) => r.activeMs),
  mins('Active per day', (r) => r.activeMsPerDay),
  n('Submitted', (r) => r.tasks_submitted),
  n('Reviews', (r) => r.tasks_approved + r.tasks_rejected),
  n('Labels created', (r) => r.labels_created),
  pct('Rejection rate', (r) => r.rejectionRate),
  pct('First-pass yield', (r) => r.firstPassYield),
];

/**
 * The workspace report: throughput, utilisation and quality across every project. Workspace
 * Admins see everyone; Workforce Managers the members of the groups they manage (the server
 * scopes the numbers).
 */
export function ReportsPage() {
  const [filters, setFilters] = useState<WorkspaceFilters>({
    ...lastDays(30),
    projectId: '',
    groupId: '',
    user: null,
  });
  const [period, setPeriod] = useState<Period>('day');
  const report = useWorkspaceAnalytics(filters);
  const groups = useGroupOptions(true);
  const projects = useProjectList(ALL_PROJECTS);
  const projectOptions = (projects.data?.pages ?? []).flatMap((p) =>
    p.items.map((x) => ({ id: x.id, name: x.name })),
  );
  const data = report.data;
  const set = (patch: Partial<WorkspaceFilters>) => setFilters({ ...filters, ...patch });

  return (
    <>
      <PageHeader
        title="Reports"
        description={
          data?.scope.kind === 'groups'
            ? 'Throughput, utilisation and quality of the people in the groups you manage, across every project.'
            : 'Throughput, utilisation and quality across every project.'
        }
      />
      <div className="card-stack analytics" aria-busy={report.isPlaceholderData || undefined}>
        <Card title="Workspace report">
          <FiltersBar filters={filters} onChange={setFilters}>
            <OptionFilter
              label="Project"
              anyLabel="Every project"
              value={filters.projectId}
              options={projectOptions}
              onChange={(projectId) => set({ projectId })}
            />
            <OptionFilter
              label="Group"
              anyLabel="Everyone"
              value={filters.groupId}
              options={groups}
              onChange={(groupId) => set({ groupId })}
            />
          </FiltersBar>
          <ErrorAlert error={report.error} />
          {report.isPending ? <Loading label="Loading the report…" /> : null}
          {data ? <WorkspaceFigures report={data} /> : null}
        </Card>
        {data ? (
          <>
            <PeriodPicker period={period} onChange={setPeriod} />
            <TrendCard
              title="Throughput"
              rows={countRows(period === 'day' ? data.days : data.weeks, THROUGHPUT_KEYS, period)}
              series={throughputSeries(data.scope.kind === 'all' && !filters.groupId && !filters.user)}
              kind="bar"
            />
            <TrendCard
              title="Workforce utilisation"
              description={`People active out of ${data.scope.people.toLocaleString()}, and their active hours.`}
              rows={(period === 'day' ? data.days : data.weeks).map((r) => ({
                label: 'day' in r ? dayLabel(r.day) : `Week of ${dayLabel(r.week)}`,
                people: r.activePeople,
                hours: hours(r.activeMs),
              }))}
              series={[
                { key: 'people', name: 'People active' },
                { key: 'hours', name: 'Active hours' },
              ]}
              kind="line"
            />
            <TrendCard
              title="Quality"
              description="Share of review decisions that were rejections, and of reviewed tasks approved at their first review."
              rows={(period === 'day' ? data.days : data.weeks).map((r) => ({
                label: 'day' in r ? dayLabel(r.day) : `Week of ${dayLabel(r.week)}`,
                rejection: percent(r.rejectionRate),
                firstPass: percent(r.firstPassYield),
              }))}
              series={[
                { key: 'rejection', name: 'Rejection rate' },
                { key: 'firstPass', name: 'First-pass yield' },
              ]}
              kind="line"
              unit="%"
            />
            <DataTableCard
              title="Projects"
              rows={data.projects}
              columns={projectColumns(data.projects.some((p) => p.remaining !== null))}
              rowKey={(r) => r.projectId}
              filename="workspace-projects.csv"
            />
            <DataTableCard
              title="People"
              description="Pick a name to see only that person’s numbers."
              rows={data.people}
              columns={personColumns((r) => set({ user: { id: r.userId, name: r.name ?? r.userId } }))}
              rowKey={(r) => r.userId}
              filename="workspace-people.csv"
            />
          </>
        ) : null}
      </div>
    </>
  );
}

function WorkspaceFigures({ report }: { report: WorkspaceAnalytics }) {
  const t = report.totals;
  return (
    <Figures
      figures={[
        ['Tasks submitted', t.tasks_submitted.toLocaleString()],
        ...(report.scope.kind === 'all'
          ? ([['Tasks completed', t.tasks_completed.toLocaleString()]] as const)
          : []),
        ['Reviews', (t.tasks_approved + t.tasks_rejected).toLocaleString()],
        ['Rejection rate', shownPercent(t.rejectionRate)],
        ['First-pass yield', shownPercent(t.firstPassYield)],
        ['People active', `${t.activePeople.toLocaleString()} of ${report.scope.people.toLocaleString()}`],
        ['Active time', duration(t.activeMs)],
      ]}
    />
  );
}
