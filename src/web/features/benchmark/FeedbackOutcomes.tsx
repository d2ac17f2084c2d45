import type { OntologyDocument } from '../../../core/ontology/index.ts';
import { Card } from '../../components/Page.tsx';
import { Empty } from '../../components/States.tsx';
import { describeObject, describeQuestion } from './describe-outcome.ts';
import { formatPercent } from './format.ts';
import type { GoldFeedback } from './queries.ts';

const KIND_MARK = { matched: '✓', wrong_class: '≠', missed: '−', extra: '+' } as const;

/** The counts, then every object and question outcome in words. */
export function FeedbackOutcomes({
  feedback,
  ontology,
}: {
  feedback: GoldFeedback;
  ontology: OntologyDocument | null;
}) {
  const { counts, objects, questions } = feedback.result;
  const figures: [string, string][] = [
    ['Score', formatPercent(feedback.score)],
    ['Matched', `${counts.matched} of ${counts.gold}`],
    ['Missed', String(counts.missed)],
    ['Extra', String(counts.extra)],
    ['Wrong class', String(counts.wrongClass)],
    ['Wrong attribute', String(counts.wrongAttribute)],
    ['Questions right', `${counts.questionsCorrect} of ${counts.questions}`],
  ];
  return (
    <>
      <Card title="Score">
        <dl className="summary-list benchmark-figures">
          {figures.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title="Objects">
        {objects.length === 0 ? (
          <Empty>Neither the gold nor your labels have objects.</Empty>
        ) : (
          <ul className="benchmark-outcomes">
            {objects.map((o, i) => (
              <li key={o.goldId ?? o.submittedId ?? i} data-kind={o.kind}>
                <span className="benchmark-mark" aria-hidden="true">
                  {KIND_MARK[o.kind]}
                </span>
                {describeObject(o, ontology)}
                <span className="cell-muted"> — score {formatPercent(o.score)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {questions.length > 0 ? (
        <Card title="Questions">
          <ul className="benchmark-outcomes">
            {questions.map((q) => (
              <li key={q.featureId} data-kind={q.correct ? 'matched' : 'missed'}>
                <span className="benchmark-mark" aria-hidden="true">
                  {q.correct ? '✓' : '✗'}
                </span>
                {describeQuestion(q, ontology)}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
