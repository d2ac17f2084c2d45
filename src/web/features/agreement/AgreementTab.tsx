import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { TenthsCard } from '../../components/charts/TenthsCard.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Card } from '../../components/Page.tsx';
import { ReportTable } from '../../components/ReportTable.tsx';
import { Empty, Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../lib/format.ts';
import type { Project } from '../projects/queries.ts';
import {
  ALPHA_UNDEFINED,
  type CsvTable,
  csvHref,
  formatAlpha,
  formatPercent,
  formatSimilarity,
  NONE,
} from './format.ts';
import { type AgreementReport, type RoundState, useAgreementReport } from './queries.ts';
import './agreement.css';

// recharts is a large part of a bundle; only this tab's histogram loads it.
const STATE_LABELS: Record<RoundState, string> = {
  accepted: 'Auto-accepted',
  review: 'In review',
  resolved: 'Resolved',
};
const STATE_TONES: Record<RoundState, 'success' | 'accent' | 'neutral'> = {
  accepted: 'success',
  review: 'accent',
  resolved: 'neutral',
};

/**
 * How closely the annotators of a consensus stage agreed: summary figures, the spread of task
 * scores, and tables per annotator, question, object class and the most disputed tasks, each
 * with its CSV. The stage is kept in the URL (`?tab=agreement&stage=…`).
 */
export function AgreementTab({ project }: { project: Project }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('stage') ?? '';
  const report = useAgreementReport(project.id, asked);
  const data = report.data;

  const pickStage = (stageId: string) => {
    const next = new URLSearchParams(params);
    next.set('stage', stageId);
    setParams(next, { replace: true });
  };

  if (report.isPending) return <Loading label="Loading the agreement report…" />;
  if (!data) return <ErrorAlert error={report.error} />;
  const stageId = data.stageId;
  if (stageId === null) {
    return (
      <Card title="Agreement">
        <Empty>The workflow has no consensus stage, so there is no agreement to report.</Empty>
      </Card>
    );
  }
  const csv = (table: CsvTable, what: string) => (
    <a className="btn btn-small" href={csvHref(project.id, stageId, table)} download>
      Download CSV<span className="visually-hidden"> of {what}</span>
    </a>
  );

  return (
    <div className="card-stack agreement" aria-busy={report.isPlaceholderData || undefined}>
      <ErrorAlert error={report.error} />
      <Card title="Agreement">
        <search className="filters agreement-filters" aria-label="Choose the stage">
          <SelectField label="Consensus stage" value={stageId} onChange={(e) => pickStage(e.target.value)}>
            {data.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        </search>
        <Summary report={data} />
      </Card>
      {data.tasks === 0 ? (
        <Card>
          <Empty>No task has closed a consensus round in this stage yet.</Empty>
        </Card>
      ) : (
        <>
          <TenthsCard
            title="Task agreement"
            description="How many tasks reached each level of agreement."
            counts={data.score.histogram}
            scoreName="Agreement"
            unit="Tasks"
          />
          <AnnotatorsCard report={data} download={csv('annotators', 'annotators')} />
          <QuestionsCard report={data} download={csv('questions', 'questions')} />
          <ClassesCard report={data} download={csv('classes', 'object classes')} />
          <DisputedCard report={data} download={csv('tasks', 'every task’s score')} />
        </>
      )}
    </div>
  );
}

function Summary({ report }: { report: AgreementReport }) {
  const figures: [string, string][] = [
    ['Tasks', report.tasks.toLocaleString()],
    ['Auto-accepted', report.accepted.toLocaleString()],
    ['In review', report.inReview.toLocaleString()],
    ['Resolved', report.resolved.toLocaleString()],
    ['Mean agreement', formatPercent(report.score.mean)],
    ['Median agreement', formatPercent(report.score.median)],
  ];
  return (
    <dl className="summary-list agreement-figures">
      {figures.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A table's cell for alpha: "—" with why, when Krippendorff leaves it undefined. */
function Alpha({ value }: { value: number | null }) {
  return value === null ? <span title={ALPHA_UNDEFINED}>{NONE}</span> : formatAlpha(value);
}

function AnnotatorsCard({ report, download }: { report: AgreementReport; download: ReactNode }) {
  return (
    <Card title="Annotators" actions={download}>
      {report.annotators.length === 0 ? (
        <Empty>No annotator worked in this stage yet.</Empty>
      ) : (
        <ReportTable
          caption="Agreement per annotator"
          headers={['Annotator', '#Tasks', '#With others', '#With resolved labels', '#Won', '#Overruled']}
        >
          {report.annotators.map((a) => (
            <tr key={a.userId}>
              <th scope="row">{a.name}</th>
              <td className="cell-number">{a.tasks.toLocaleString()}</td>
              <td className="cell-number">{formatPercent(a.agreement)}</td>
              <td className="cell-number">
                {a.resolvedAgreement === null ? (
                  <span title="None of their tasks has been resolved">{NONE}</span>
                ) : (
                  formatPercent(a.resolvedAgreement)
                )}
              </td>
              <td className="cell-number">{a.won.toLocaleString()}</td>
              <td className="cell-number">{a.overruled.toLocaleString()}</td>
            </tr>
          ))}
        </ReportTable>
      )}
    </Card>
  );
}

function QuestionsCard({ report, download }: { report: AgreementReport; download: ReactNode }) {
  return (
    <Card title="Questions" actions={download}>
      {report.questions.length === 0 ? (
        <Empty>No question was answered in this stage.</Empty>
      ) : (
        <ReportTable
          caption="Agreement per question"
          headers={['Question', '#Krippendorff’s alpha', '#Tasks', '#Mean agreement']}
        >
          {report.questions.map((q) => (
            <tr key={q.featureId}>
              <th scope="row">{q.name}</th>
              <td className="cell-number">
                <Alpha value={q.alpha} />
              </td>
              <td className="cell-number">{q.units.toLocaleString()}</td>
              <td className="cell-number">{formatPercent(q.agreement)}</td>
            </tr>
          ))}
        </ReportTable>
      )}
    </Card>
  );
}

function ClassesCard({ report, download }: { report: AgreementReport; download: ReactNode }) {
  return (
    <Card title="Object classes" actions={download}>
      {report.classes.length === 0 ? (
        <Empty>No object was drawn in this stage.</Empty>
      ) : (
        <ReportTable
          caption="Agreement per object class"
          headers={['Class', '#Krippendorff’s alpha', '#Objects', '#Mean IoU']}
        >
          {report.classes.map((c) => (
            <tr key={c.featureId}>
              <th scope="row">{c.name}</th>
              <td className="cell-number">
                <Alpha value={c.alpha} />
              </td>
              <td className="cell-number">{c.units.toLocaleString()}</td>
              <td className="cell-number">
                {c.meanSimilarity === null ? (
                  <span title="No object was drawn by two annotators">{NONE}</span>
                ) : (
                  formatSimilarity(c.meanSimilarity)
                )}
              </td>
            </tr>
          ))}
        </ReportTable>
      )}
    </Card>
  );
}

function DisputedCard({ report, download }: { report: AgreementReport; download: ReactNode }) {
  return (
    <Card title="Most disputed tasks" actions={download}>
      <p className="card-description">The tasks whose annotators agreed least; the CSV has every task.</p>
      <ReportTable caption="Most disputed tasks" headers={['Data unit', '#Agreement', 'State', 'Closed']}>
        {report.disputed.map((d) => (
          <tr key={d.taskId}>
            <th scope="row" className="cell-name">
              <Link to={`/tasks/${d.taskId}`}>{d.dataUnitName}</Link>
            </th>
            <td className="cell-number">{formatPercent(d.score)}</td>
            <td>
              <Badge tone={STATE_TONES[d.state]}>{STATE_LABELS[d.state]}</Badge>
            </td>
            <td className="cell-nowrap">{formatDateTime(d.closedAt)}</td>
          </tr>
        ))}
      </ReportTable>
    </Card>
  );
}
