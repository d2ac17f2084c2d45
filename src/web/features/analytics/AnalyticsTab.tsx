import { useState } from 'react';
import { reviewQuality } from '../../../core/analytics/metrics.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { TrendCard } from '../../components/charts/TrendCard.tsx';
import { DataTableCard } from '../../components/DataTable.tsx';
import { Card } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { useOntologyVersion } from '../../editor/queries.ts';
import { useCurrentUser } from '../auth/session.tsx';
import type { Project } from '../projects/queries.ts';
import { useProjectWorkflow } from '../workflows/queries.ts';
import { activeRows, countRows, type Period, queueRows } from './chart-rows.ts';
import { classColumns, issueColumns, peopleColumns, periodColumns, stageColumns } from './columns.tsx';
import { Figures } from './Figures.tsx';
import { FiltersBar, OptionFilter, useGroupOptions } from './FiltersBar.tsx';
import { dayLabel, duration, shownPercent } from './format.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { mayViewTeamAnalytics } from './permissions.ts';
import { type AnalyticsFilters, lastDays, type ProjectAnalytics, useProjectAnalytics } from './queries.ts';
import { THROUGHPUT_KEYS, throughputSeries } from './series.ts';
import './analytics.css';

/**
 * The project's numbers. Team Managers and project Admins get the team, with drill-down to a
 * person; everyone else their own (the server scopes the report: this only picks the wording).
 */
export function AnalyticsTab({ project }: { project: Project }) {
  const me = useCurrentUser();
  const team = mayViewTeamAnalytics(me, project);
  const [filters, setFilters] = useState<AnalyticsFilters>({
    ...lastDays(30),
    stageId: '',
    datasetId: '',
    featureId: '',
    groupId: '',
    user: null,
  });
  const [period, setPeriod] = useState<Period>('day');
  const report = useProjectAnalytics(project.id, filters);
  const workflow = useProjectWorkflow(project.id);
  const ontology = useOntologyVersion(project.ontology);
  const groups = useGroupOptions(team);
  const stages = (workflow.data?.workflow.stages ?? []).map((s) => ({ id: s.id, name: s.name }));
  const stageName = (id: string) => stages.find((s) => s.id === id)?.name ?? id;
  const classes = (ontology.data?.objects ?? []).map((o) => ({ id: o.featureId, name: o.name }));
  const data = report.data;
  const slug = project.name.replace(/[^\w-]+/g, '-').toLowerCase();
  const set = (patch: Partial<AnalyticsFilters>) => setFilters({ ...filters, ...patch });

  return (
    <div className="card-stack analytics" aria-busy={report.isPlaceholderData || undefined}>
      <Card title={team ? 'Project analytics' : 'My numbers'}>
        <FiltersBar filters={filters} onChange={setFilters}>
          <OptionFilter
            label="Stage"
            anyLabel="Every stage"
            value={filters.stageId}
            options={stages}
            onChange={(stageId) => set({ stageId })}
          />
          <OptionFilter
            label="Dataset"
            anyLabel="Every dataset"
            value={filters.datasetId}
            options={project.datasets.map((d) => ({ id: d.id, name: d.name }))}
            onChange={(datasetId) => set({ datasetId })}
          />
          <OptionFilter
            label="Class"
            anyLabel="Every class"
            value={filters.featureId}
            options={classes}
            onChange={(featureId) => set({ featureId })}
          />
          {team ? (
            <OptionFilter
              label="Group"
              anyLabel="Everyone"
              value={filters.groupId}
              options={groups}
              onChange={(groupId) => set({ groupId })}
            />
          ) : null}
        </FiltersBar>
        <ErrorAlert error={report.error} />
        {report.isPending ? <Loading label="Loading the numbers…" /> : null}
        {data ? <ProjectFigures report={data} team={team} /> : null}
      </Card>
      {data ? (
        <>
          <PeriodPicker period={period} onChange={setPeriod} />
          <TrendCard
            title="Throughput"
            description={
              team
                ? 'Tasks submitted, reviewed and completed.'
                : 'Tasks you submitted, approved and rejected.'
            }
            rows={countRows(period === 'day' ? data.days : data.weeks, THROUGHPUT_KEYS, period)}
            series={throughputSeries(data.forecast !== null)}
            kind="bar"
          />
          <ActiveTimeCard rows={period === 'day' ? data.days : data.weeks} period={period} />
          {data.queue ? <QueueCard queue={data.queue} stageName={stageName} /> : null}
          <DataTableCard
            title={team ? 'People' : 'My work'}
            description={
              team
                ? 'Pick a name to see only that person’s numbers. Rejection rate and first-pass yield are of the reviews of their tasks.'
                : undefined
            }
            rows={data.people}
            columns={peopleColumns(
              team ? (r) => set({ user: { id: r.userId, name: r.name ?? r.userId } }) : undefined,
            )}
            rowKey={(r) => r.userId}
            filename={`${slug}-people.csv`}
          />
          <DataTableCard
            title="Stages"
            rows={data.stages}
            columns={stageColumns}
            rowKey={(r) => r.stageId}
            filename={`${slug}-stages.csv`}
          />
          <DataTableCard
            title="Classes"
            rows={data.classes}
            columns={classColumns}
            rowKey={(r) => r.featureId}
            filename={`${slug}-classes.csv`}
          />
          <DataTableCard
            title="Issues by reviewer"
            description="Issues raised in the period, by who raised them, as they stand now."
            rows={data.issues.byReviewer}
            columns={issueColumns('Raised by')}
            rowKey={(r) => r.userId}
            filename={`${slug}-issues-by-reviewer.csv`}
          />
          <DataTableCard
            title="Issues by annotator"
            description="Issues raised in the period, by whom they are for, as they stand now."
            rows={data.issues.byAnnotator}
            columns={issueColumns('For')}
            rowKey={(r) => r.userId}
            filename={`${slug}-issues-by-annotator.csv`}
          />
          {period === 'day' ? (
            <DataTableCard
              title="Per day"
              rows={data.days}
              columns={periodColumns('day', team)}
              rowKey={(r) => r.day}
              filename={`${slug}-days.csv`}
            />
          ) : (
            <DataTableCard
              title="Per week"
              rows={data.weeks}
              columns={periodColumns('week', team)}
              rowKey={(r) => r.week}
              filename={`${slug}-weeks.csv`}
            />
          )}
        </>
      ) : null}
    </div>
  );
}

function ActiveTimeCard({
  rows,
  period,
}: {
  rows: ProjectAnalytics['days'] | ProjectAnalytics['weeks'];
  period: Period;
}) {
  const active = activeRows(rows, period);
  return (
    <TrendCard
      title="Active time"
      description="Active work in the editor (the clock stops a minute after the last input, and while the tab is hidden)."
      rows={active.rows}
      series={[{ key: 'time', name: 'Active time' }]}
      kind="line"
      unit={active.unit}
    />
  );
}

function QueueCard({
  queue,
  stageName,
}: {
  queue: NonNullable<ProjectAnalytics['queue']>;
  stageName: (id: string) => string;
}) {
  const { rows, series } = queueRows(queue, stageName);
  return (
    <TrendCard
      title="Queue depth"
      description="Tasks waiting in each stage, as counted through each day (the last count of the day)."
      rows={rows}
      series={series}
      kind="line"
    />
  );
}

function ProjectFigures({ report, team }: { report: ProjectAnalytics; team: boolean }) {
  const t = report.totals;
  const quality = reviewQuality(t);
  const time = report.people.length === 1 ? report.people[0]!.time : null;
  const forecast = report.forecast;
  return (
    <>
      <Figures
        figures={[
          ['Tasks submitted', t.tasks_submitted.toLocaleString()],
          // Completions are the whole team's: not for a group or one person.
          ...(forecast ? ([['Tasks completed', t.tasks_completed.toLocaleString()]] as const) : []),
          // An annotator's own numbers have reviews only if they review too.
          ...(team || t.tasks_approved + t.tasks_rejected > 0
            ? ([
                ['Reviews: approved', t.tasks_approved.toLocaleString()],
                ['Reviews: rejected', t.tasks_rejected.toLocaleString()],
              ] as const)
            : []),
          ['Rejection rate', shownPercent(quality.rejectionRate)],
          ['First-pass yield', shownPercent(quality.firstPassYield)],
          ['Labels created', t.labels_created.toLocaleString()],
          ['Active time', duration(t.activeMs)],
          ...(time ? ([['Median per task', duration(time.medianMs)]] as const) : []),
          ...(forecast
            ? ([
                ['Tasks remaining', forecast.remaining.toLocaleString()],
                [
                  'Forecast finish',
                  forecast.finishDay ? dayLabel(forecast.finishDay) : 'No completions in 14 days',
                ],
              ] as const)
            : []),
        ]}
      />
      {forecast?.finishDay ? (
        <p className="card-description">
          At the last {forecast.windowDays} days’ pace of{' '}
          {forecast.perDay.toLocaleString(undefined, { maximumFractionDigits: 1 })} completed tasks a day.
        </p>
      ) : null}
    </>
  );
}
