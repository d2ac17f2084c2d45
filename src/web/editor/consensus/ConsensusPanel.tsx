import { useId } from 'react';
import type { ObjectCluster, QuestionAgreement } from '../../../core/consensus/index.ts';
import type { LabelDocument } from '../../../core/labels/index.ts';
import type { OntologyDocument, Question } from '../../../core/ontology/index.ts';
import type { EditorStore } from '../../../editor/index.ts';
import { shortId } from '../ObjectList.tsx';
import { revealObject } from '../review/reveal.ts';
import { useEditorState } from '../use-editor.ts';
import { annotatorColour, describeAnswer, percent, questionName } from './describe.ts';
import {
  type Disagreement,
  disagreements,
  draftObjects,
  draftValue,
  draftVersion,
  type Severity,
} from './draft.ts';
import type { RoundBranch } from './queries.ts';
import type { Consensus } from './use-consensus.ts';

/**
 * Consensus review's panel: the task's agreement, each annotator (colour, agreement, shown in
 * the compare view or not, "Use as base"), and what they disagree on, each with the versions to
 * take into the draft. Resolving is the task's action below (Ctrl+Enter).
 */
export function ConsensusPanel({
  store,
  ontology,
  consensus,
}: {
  store: EditorStore;
  ontology: OntologyDocument;
  consensus: Consensus;
}) {
  const headingId = useId();
  const noteId = useId();
  const document = useEditorState(store, (s) => s.document);
  const { round, meta } = consensus;
  const rows = disagreements(round);
  const people = new Map(round.branches.map((b, i) => [b.annotatorId, { branch: b, index: i }]));
  const nameOf = (id: string) => {
    const p = people.get(id);
    return p?.branch.name ?? (p ? `Annotator ${p.index + 1}` : `User ${id.slice(0, 8)}…`);
  };
  const colourOf = (id: string) => annotatorColour(people.get(id)?.index ?? 0);
  const ctx: RowContext = { consensus, document, ontology, store, nameOf, colourOf };

  return (
    <section className="ed-panel cs-panel" aria-labelledby={headingId}>
      <div className="ed-panel-header">
        <h3 id={headingId}>Consensus</h3>
        <span className="ed-count" title="Mean agreement over the task’s objects and questions">
          Agreement {percent(round.score)}
        </span>
      </div>
      <ul className="cs-annotators" aria-label="Annotators">
        {round.branches.map((b, i) => (
          <AnnotatorRow
            key={b.annotatorId}
            branch={b}
            name={nameOf(b.annotatorId)}
            colour={annotatorColour(i)}
            base={meta.base === b.annotatorId}
            shown={!consensus.hidden.has(b.annotatorId)}
            consensus={consensus}
          />
        ))}
      </ul>
      <h4 className="cs-subheading">Disagreements ({rows.length})</h4>
      {rows.length === 0 ? (
        <p className="ed-hint">The annotators agree on everything.</p>
      ) : (
        <ul className="cs-disagreements" aria-label="Disagreements">
          {rows.map((d) =>
            d.kind === 'object' ? (
              <ObjectRow key={d.cluster.key} row={d} ctx={ctx} />
            ) : (
              <QuestionRow key={d.question.featureId} question={d.question} ctx={ctx} />
            ),
          )}
        </ul>
      )}
      <div className="ed-field cs-note">
        <label htmlFor={noteId}>Resolution note (optional)</label>
        <textarea
          id={noteId}
          rows={2}
          maxLength={2000}
          value={consensus.note}
          onChange={(e) => consensus.setNote(e.target.value)}
        />
      </div>
      <p className="ed-hint">
        The draft started from the consensus labels. Take versions into it, then resolve below (
        <kbd className="ed-key">Ctrl+Enter</kbd>): it becomes the task’s labels and each annotator is scored
        against it.
      </p>
    </section>
  );
}

interface RowContext {
  consensus: Consensus;
  document: LabelDocument;
  ontology: OntologyDocument;
  store: EditorStore;
  nameOf: (id: string) => string;
  colourOf: (id: string) => string;
}

function AnnotatorRow({
  branch,
  name,
  colour,
  base,
  shown,
  consensus,
}: {
  branch: RoundBranch;
  name: string;
  colour: string;
  base: boolean;
  shown: boolean;
  consensus: Consensus;
}) {
  return (
    <li className="cs-annotator" data-annotator={branch.annotatorId}>
      <label className="cs-annotator-show">
        <input
          type="checkbox"
          checked={shown}
          aria-label={`Show ${name}`}
          onChange={() => consensus.toggleHidden(branch.annotatorId)}
        />
        <span className="ed-swatch" style={{ background: colour }} aria-hidden="true" />
        <span className="cs-annotator-name">{name}</span>
      </label>
      <span className="cs-annotator-agreement" title="Agreement with the other annotators">
        {percent(branch.agreement)}
      </span>
      {base ? (
        <span className="cs-badge cs-badge-base">Base</span>
      ) : (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          aria-label={`Use as base: ${name}`}
          title={`Start the draft over from ${name}’s labels`}
          onClick={() => consensus.setBase(branch.annotatorId)}
        >
          Use as base
        </button>
      )}
    </li>
  );
}

const SEVERITY_TEXT: Record<Severity, string> = {
  missing: 'Not drawn by all',
  low: 'Drawn far apart',
  minor: 'Drawn differently',
};

function ObjectRow({ row, ctx }: { row: Extract<Disagreement, { kind: 'object' }>; ctx: RowContext }) {
  const { cluster, severity, attributes } = row;
  const { consensus, document, ontology, nameOf, colourOf } = ctx;
  const feature = ontology.objects.find((f) => f.featureId === cluster.featureId);
  const version = draftVersion(document, consensus.meta, consensus.round, cluster);
  const focused = consensus.focus === cluster.key;
  const pick = () => {
    consensus.setFocus(focused ? null : cluster.key);
    const [object] = draftObjects(document, consensus.meta, cluster.key);
    if (object) revealObject(ctx.store, object.id, { onlyIfOutside: true });
  };
  const first = cluster.members[0];
  return (
    <li
      className={`cs-row cs-row-${severity}${focused ? ' cs-row-focus' : ''}`}
      data-cluster-key={cluster.key}
      aria-current={focused ? 'true' : undefined}
    >
      <button type="button" className="cs-row-head" onClick={pick} aria-pressed={focused}>
        <span
          className="ed-swatch"
          style={{ background: feature?.color ?? 'transparent' }}
          aria-hidden="true"
        />
        <span className="cs-row-name">{feature?.name ?? cluster.featureId}</span>
        {first ? <span className="ed-row-id">{shortId(first.objectId)}</span> : null}
        <span className={`cs-badge cs-badge-${severity}`}>{SEVERITY_TEXT[severity]}</span>
      </button>
      <dl className="cs-facts">
        <div>
          <dt>Drawn by</dt>
          <dd>
            <People ids={cluster.members.map((m) => m.annotatorId)} nameOf={nameOf} colourOf={colourOf} />
          </dd>
        </div>
        {cluster.missing.length > 0 ? (
          <div className="cs-missing">
            <dt>Missing</dt>
            <dd>
              <People ids={cluster.missing} nameOf={nameOf} colourOf={colourOf} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{cluster.meanSimilarity === null ? 'Agreement' : 'Mean IoU'}</dt>
          <dd>
            {cluster.meanSimilarity === null ? percent(cluster.agreement) : cluster.meanSimilarity.toFixed(2)}
          </dd>
        </div>
        <div>
          <dt>In the draft</dt>
          <dd>
            {!version.present ? 'No' : version.from === null ? 'Yes (changed)' : `${nameOf(version.from)}’s`}
          </dd>
        </div>
      </dl>
      {attributes.length > 0 ? (
        <ul className="cs-attributes" aria-label="Attributes answered differently">
          {attributes.map((a) => (
            <AttributeRow
              key={a.featureId}
              cluster={cluster}
              attribute={a}
              questions={feature?.attributes ?? []}
              ctx={ctx}
            />
          ))}
        </ul>
      ) : null}
      <div className="cs-actions">
        {cluster.members.map((m) => (
          <button
            key={m.annotatorId}
            type="button"
            className="btn btn-small"
            disabled={version.from === m.annotatorId}
            onClick={() => consensus.takeObject(cluster.key, m.annotatorId)}
          >
            <span className="ed-swatch" style={{ background: colourOf(m.annotatorId) }} aria-hidden="true" />
            Take {nameOf(m.annotatorId)}’s
          </button>
        ))}
        <button
          type="button"
          className="btn btn-small btn-ghost"
          disabled={!version.present}
          onClick={() => consensus.dropObject(cluster.key)}
        >
          Drop
        </button>
      </div>
    </li>
  );
}

function AttributeRow({
  cluster,
  attribute,
  questions,
  ctx,
}: {
  cluster: ObjectCluster;
  attribute: QuestionAgreement;
  questions: readonly Question[];
  ctx: RowContext;
}) {
  const { consensus, nameOf, colourOf } = ctx;
  return (
    <li className="cs-attribute">
      <span className="cs-row-name">{questionName(questions, attribute.featureId)}</span>
      <ul className="cs-values" aria-label="Answers">
        {cluster.members.map((m) => (
          <li key={m.annotatorId}>
            <span className="ed-swatch" style={{ background: colourOf(m.annotatorId) }} aria-hidden="true" />
            <span className="cs-value-who">{nameOf(m.annotatorId)}:</span>{' '}
            {describeAnswer(attribute.values[m.annotatorId] ?? null, questions)}
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => consensus.takeAttribute(cluster.key, attribute.featureId, m.annotatorId)}
            >
              Take {nameOf(m.annotatorId)}’s
            </button>
          </li>
        ))}
      </ul>
    </li>
  );
}

function QuestionRow({ question, ctx }: { question: QuestionAgreement; ctx: RowContext }) {
  const { consensus, document, ontology, nameOf, colourOf } = ctx;
  const questions = ontology.classifications;
  const inDraft = draftValue(document, question.featureId);
  const focused = consensus.focus === question.featureId;
  return (
    <li
      className={`cs-row cs-row-question${focused ? ' cs-row-focus' : ''}`}
      data-question-id={question.featureId}
    >
      <button
        type="button"
        className="cs-row-head"
        aria-pressed={focused}
        onClick={() => consensus.setFocus(focused ? null : question.featureId)}
      >
        <span className="rv-question-mark" aria-hidden="true">
          ?
        </span>
        <span className="cs-row-name">{questionName(questions, question.featureId)}</span>
        <span className="cs-badge cs-badge-low">Answered differently</span>
      </button>
      <ul className="cs-values" aria-label="Answers">
        {consensus.round.branches.map((b) => {
          const value = question.values[b.annotatorId] ?? null;
          return (
            <li key={b.annotatorId}>
              <span
                className="ed-swatch"
                style={{ background: colourOf(b.annotatorId) }}
                aria-hidden="true"
              />
              <span className="cs-value-who">{nameOf(b.annotatorId)}:</span>{' '}
              {describeAnswer(value, questions)}
              <button
                type="button"
                className="btn btn-small btn-ghost"
                disabled={value === inDraft}
                onClick={() => consensus.takeAnswer(question.featureId, b.annotatorId)}
              >
                Take {nameOf(b.annotatorId)}’s
              </button>
            </li>
          );
        })}
      </ul>
      <p className="cs-draft-value">In the draft: {describeAnswer(inDraft, questions)}</p>
    </li>
  );
}

function People({
  ids,
  nameOf,
  colourOf,
}: {
  ids: readonly string[];
  nameOf: (id: string) => string;
  colourOf: (id: string) => string;
}) {
  return (
    <>
      {ids.map((id, i) => (
        <span key={id} className="cs-person">
          <span className="ed-swatch" style={{ background: colourOf(id) }} aria-hidden="true" />
          {nameOf(id)}
          {i < ids.length - 1 ? ', ' : ''}
        </span>
      ))}
    </>
  );
}
