import { useState } from 'react';
import { ErrorAlert } from '../../components/Alert.tsx';
import { TenthsCard } from '../../components/charts/TenthsCard.tsx';
import { Card } from '../../components/Page.tsx';
import { Empty, Loading } from '../../components/States.tsx';
import { useOntologyVersion } from '../../editor/queries.ts';
import type { Project } from '../projects/queries.ts';
import { AnnotatorsCard } from './AnnotatorsCard.tsx';
import { BreakdownCard } from './BreakdownCard.tsx';
import { type BenchmarkTable, csvHref, formatPercent, shapeLabel } from './format.ts';
import { type BenchmarkReport, type ReportFilters, useBenchmarkReport } from './queries.ts';
import { OverTimeCard } from './ReportCharts.tsx';
import { ReportFiltersBar } from './ReportFilters.tsx';

const ANY: ReportFilters = { purpose: '', from: '', to: '', user: null };

/**
 * The benchmark report. Managers get everyone's: the spread, scores over time per annotator, the
 * annotators (flagged below the threshold), the worst classes and shapes, each with its CSV.
 * Anyone else gets their own scores: the server scopes the report to them.
 */
export function ReportSection({ project, manager }: { project: Project; manager: boolean }) {
  const [filters, setFilters] = useState<ReportFilters>(ANY);
  const report = useBenchmarkReport(project.id, filters);
  const ontology = useOntologyVersion(project.ontology);
  const data = report.data;
  const className = (featureId: string) =>
    ontology.data?.objects.find((o) => o.featureId === featureId)?.name ?? featureId;
  const csv = (table: BenchmarkTable, what: string) => (
    <a className="btn btn-small" href={csvHref(project.id, table, filters)} download>
      Download CSV<span className="visually-hidden"> of {what}</span>
    </a>
  );

  return (
    <div className="card-stack benchmark-report" aria-busy={report.isPlaceholderData || undefined}>
      <Card title={manager ? 'Benchmark report' : 'My scores'} actions={csv('scores', 'every score')}>
        <ReportFiltersBar filters={filters} onChange={setFilters} />
        <ErrorAlert error={report.error} />
        {report.isPending ? (
          <Loading label="Loading the report…" />
        ) : data && data.scores > 0 ? (
          <Summary report={data} manager={manager} />
        ) : null}
        {data && data.scores === 0 ? <Empty>No benchmark scores yet.</Empty> : null}
      </Card>
      {data && data.scores > 0 ? (
        <>
          <OverTimeCard report={data} title={manager ? 'Scores over time' : 'My scores over time'} />
          {manager ? (
            <>
              <TenthsCard
                title="Score distribution"
                description="How many scored gold tasks reached each score."
                counts={data.histogram}
                scoreName="Score"
                unit="Scored tasks"
              />
              <AnnotatorsCard
                report={data}
                download={csv('annotators', 'annotators')}
                onPick={(user) => setFilters({ ...filters, user })}
              />
            </>
          ) : null}
          <BreakdownCard
            title="Worst classes"
            keyLabel="Class"
            rows={data.classes}
            nameOf={className}
            download={csv('classes', 'object classes')}
          />
          <BreakdownCard
            title="Worst shapes"
            keyLabel="Shape"
            rows={data.shapes}
            nameOf={shapeLabel}
            download={csv('shapes', 'shape types')}
          />
        </>
      ) : null}
    </div>
  );
}

function Summary({ report, manager }: { report: BenchmarkReport; manager: boolean }) {
  const last = report.annotators[0];
  const figures: [string, string][] = manager
    ? [
        ['Scored gold tasks', report.scores.toLocaleString()],
        ['Mean score', formatPercent(report.meanScore)],
        ['Annotators', report.annotators.length.toLocaleString()],
        ['Flagged annotators', report.annotators.filter((a) => a.flagged).length.toLocaleString()],
      ]
    : [
        ['Scored gold tasks', report.scores.toLocaleString()],
        ['Mean score', formatPercent(report.meanScore)],
        ['Last score', formatPercent(last?.lastScore ?? null)],
      ];
  return (
    <dl className="summary-list benchmark-figures">
      {figures.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
