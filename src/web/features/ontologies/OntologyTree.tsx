import { useState } from 'react';
import {
  hotkeyProblem,
  issuesOn,
  newFeatureId,
  type ObjectFeature,
  ONTOLOGY_LIMITS,
  type OntologyDocument,
  type OntologyIssue,
  QUESTION_KIND_LABELS,
  QUESTION_KINDS,
  type Question,
  type QuestionKind,
  type QuestionOption,
  RESERVED_SHAPES,
  SHAPE_LABELS,
  SHAPES,
  type Shape,
  type Skeleton,
} from '../../../core/ontology/index.ts';
import { EditorCheckbox, EditorInput, EditorSelect, ItemActions, NodeMessages } from './fields.tsx';

// The ontology as an editable tree: objects (with attributes and, for skeletons, points and
// edges) and classifications; questions hold options, options hold sub-questions. Every change
// goes through `edit`, which applies it to a copy of the document.

export type Edit = (change: (draft: OntologyDocument) => void) => void;

/** Colours handed to new objects in turn, distinct enough to tell apart on an image. */
const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45'];

export function move<T>(list: T[], from: number, to: number) {
  if (to < 0 || to >= list.length) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item!);
}

export const newObject = (index: number): ObjectFeature => ({
  featureId: newFeatureId(),
  name: '',
  shape: 'bounding_box',
  color: PALETTE[index % PALETTE.length]!,
  attributes: [],
});

export const newQuestion = (kind: QuestionKind): Question => ({
  featureId: newFeatureId(),
  name: '',
  kind,
  ...(kind === 'text' ? {} : { options: [] }),
});

const label = (what: string, name: string) => (name.trim() ? `${what} “${name.trim()}”` : what);

interface Common {
  edit: Edit;
  issues: readonly OntologyIssue[];
}

// ---- Objects ------------------------------------------------------------------------------

export function ObjectNode({
  object,
  index,
  count,
  objects,
  edit,
  issues,
}: Common & { object: ObjectFeature; index: number; count: number; objects: readonly ObjectFeature[] }) {
  const path = `objects[${index}]`;
  const change = (fn: (o: ObjectFeature) => void) => edit((d) => fn(d.objects[index]!));
  const what = label('object', object.name);
  const hotkeyIssues = hotkeyMessages(object, index, objects);
  return (
    <fieldset className={`node node-object${object.archived ? ' node-archived' : ''}`}>
      <legend>
        <span className="swatch" style={{ background: object.color }} aria-hidden="true" />
        {object.name.trim() || 'New object'}
        {object.archived ? <span className="node-tag">archived</span> : null}
      </legend>
      <div className="node-head">
        <div className="node-fields">
          <EditorInput
            label="Object name"
            className="field-grow"
            value={object.name}
            maxLength={ONTOLOGY_LIMITS.nameLength}
            autoComplete="off"
            issues={issuesOn(issues, `${path}.name`)}
            onChange={(e) => change((o) => (o.name = e.target.value))}
          />
          <EditorSelect
            label="Shape"
            value={object.shape}
            issues={issuesOn(issues, `${path}.shape`)}
            onChange={(e) =>
              change((o) => {
                o.shape = e.target.value as Shape;
                if (o.shape === 'keypoint_skeleton' && !o.skeleton) {
                  o.skeleton = { points: [{ id: newFeatureId(), name: '' }], edges: [] };
                }
                if (o.shape !== 'keypoint_skeleton') delete o.skeleton;
              })
            }
          >
            {SHAPES.map((s) => (
              <option key={s} value={s} disabled={RESERVED_SHAPES.includes(s) && object.shape !== s}>
                {RESERVED_SHAPES.includes(s) ? `${SHAPE_LABELS[s]} (coming later)` : SHAPE_LABELS[s]}
              </option>
            ))}
          </EditorSelect>
          <EditorInput
            label="Colour"
            type="color"
            className="field-colour"
            value={object.color}
            issues={issuesOn(issues, `${path}.color`)}
            onChange={(e) => change((o) => (o.color = e.target.value))}
          />
          <EditorInput
            label="Hotkey"
            className="field-hotkey"
            value={object.hotkey ?? ''}
            maxLength={1}
            autoComplete="off"
            issues={hotkeyIssues}
            onChange={(e) =>
              change((o) => {
                const key = e.target.value.slice(-1);
                if (key) o.hotkey = key;
                else delete o.hotkey;
              })
            }
          />
        </div>
        <ItemActions
          what={what}
          index={index}
          count={count}
          onMove={(to) => edit((d) => move(d.objects, index, to))}
          onRemove={() => edit((d) => void d.objects.splice(index, 1))}
        />
      </div>
      <div className="node-flags">
        <EditorCheckbox
          label="Required"
          checked={object.required === true}
          onChange={(v) => change((o) => setFlag(o, 'required', v))}
        />
        <EditorCheckbox
          label="Archived"
          checked={object.archived === true}
          onChange={(v) => change((o) => setFlag(o, 'archived', v))}
        />
        <span className="node-id" title="Feature id">
          id {object.featureId}
        </span>
      </div>
      {object.shape === 'keypoint_skeleton' || object.skeleton ? (
        <SkeletonEditor
          skeleton={object.skeleton}
          path={`${path}.skeleton`}
          issues={issues}
          edit={(fn) =>
            change((o) => {
              o.skeleton ??= { points: [], edges: [] };
              fn(o.skeleton);
            })
          }
        />
      ) : null}
      <NodeMessages issues={issuesOn(issues, `${path}.skeleton`)} />
      <QuestionList
        title="Attributes"
        questions={object.attributes}
        path={`${path}.attributes`}
        level={1}
        isAttribute
        addLabel="Add attribute"
        newKind="radio"
        issues={issues}
        edit={(fn) => change((o) => fn(o.attributes))}
      />
    </fieldset>
  );
}

function setFlag<
  T extends { required?: boolean | undefined; archived?: boolean | undefined; dynamic?: boolean | undefined },
>(target: T, flag: 'required' | 'archived' | 'dynamic', on: boolean) {
  if (on) target[flag] = true;
  else delete target[flag];
}

/** Hotkey problems, naming the object that already has the key rather than its index. */
function hotkeyMessages(
  object: ObjectFeature,
  index: number,
  objects: readonly ObjectFeature[],
): OntologyIssue[] {
  const path = `objects[${index}].hotkey`;
  if (!object.hotkey) return [];
  const problem = hotkeyProblem(object.hotkey);
  if (problem) return [{ path, message: problem }];
  const other = objects.findIndex(
    (o, i) => i !== index && o.hotkey?.toLowerCase() === object.hotkey!.toLowerCase(),
  );
  if (other === -1) return [];
  const name = objects[other]!.name.trim() || `object ${other + 1}`;
  return [{ path, message: `“${object.hotkey}” is also the hotkey of ${name}` }];
}

function SkeletonEditor({
  skeleton = { points: [], edges: [] },
  path,
  issues,
  edit,
}: {
  skeleton: Skeleton | undefined;
  path: string;
  issues: readonly OntologyIssue[];
  edit: (fn: (s: Skeleton) => void) => void;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const nameOf = (id: string) => skeleton.points.find((p) => p.id === id)?.name.trim() || id;
  const canConnect =
    from !== '' &&
    to !== '' &&
    from !== to &&
    !skeleton.edges.some(([a, b]) => (a === from && b === to) || (a === to && b === from));
  return (
    <fieldset className="subnode skeleton">
      <legend>Skeleton</legend>
      <NodeMessages issues={issuesOn(issues, `${path}.points`)} />
      <ol className="skeleton-points">
        {skeleton.points.map((p, i) => (
          <li key={p.id} className="row">
            <EditorInput
              label="Point name"
              className="field-grow"
              value={p.name}
              maxLength={ONTOLOGY_LIMITS.nameLength}
              autoComplete="off"
              issues={issuesOn(issues, `${path}.points[${i}].name`)}
              onChange={(e) => edit((s) => (s.points[i]!.name = e.target.value))}
            />
            <button
              type="button"
              className="btn btn-small btn-danger-outline"
              aria-label={`Remove point ${p.name.trim() || i + 1}`}
              onClick={() =>
                edit((s) => {
                  s.points.splice(i, 1);
                  s.edges = s.edges.filter(([a, b]) => a !== p.id && b !== p.id);
                })
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div>
        <button
          type="button"
          className="btn btn-small"
          disabled={skeleton.points.length >= ONTOLOGY_LIMITS.skeletonPoints}
          onClick={() => edit((s) => void s.points.push({ id: newFeatureId(), name: '' }))}
        >
          Add point
        </button>
      </div>
      <h4 className="subnode-title">Edges</h4>
      {skeleton.edges.length === 0 ? <p className="muted">No edges yet.</p> : null}
      <ul className="skeleton-edges">
        {skeleton.edges.map(([a, b], i) => (
          <li key={`${a}-${b}`} className="row">
            <span>
              {nameOf(a)} — {nameOf(b)}
            </span>
            <NodeMessages issues={issuesOn(issues, `${path}.edges[${i}]`)} />
            <button
              type="button"
              className="btn btn-small btn-danger-outline"
              aria-label={`Remove edge ${nameOf(a)} to ${nameOf(b)}`}
              onClick={() => edit((s) => void s.edges.splice(i, 1))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {skeleton.points.length >= 2 ? (
        <div className="row row-end">
          <EditorSelect label="From point" value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">Choose…</option>
            {skeleton.points.map((p, i) => (
              <option key={p.id} value={p.id}>
                {p.name.trim() || `Point ${i + 1}`}
              </option>
            ))}
          </EditorSelect>
          <EditorSelect label="To point" value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">Choose…</option>
            {skeleton.points.map((p, i) => (
              <option key={p.id} value={p.id}>
                {p.name.trim() || `Point ${i + 1}`}
              </option>
            ))}
          </EditorSelect>
          <button
            type="button"
            className="btn btn-small"
            disabled={!canConnect}
            onClick={() => {
              edit((s) => void s.edges.push([from, to]));
              setFrom('');
              setTo('');
            }}
          >
            Add edge
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}

// ---- Questions ----------------------------------------------------------------------------

export function QuestionList({
  title,
  questions,
  path,
  level,
  isAttribute,
  addLabel,
  newKind,
  issues,
  edit,
}: {
  title: string;
  questions: readonly Question[];
  path: string;
  level: number;
  isAttribute: boolean;
  addLabel: string;
  newKind: QuestionKind;
  issues: readonly OntologyIssue[];
  edit: (fn: (list: Question[]) => void) => void;
}) {
  return (
    <div className="question-list">
      {questions.length > 0 ? <h4 className="subnode-title">{title}</h4> : null}
      {questions.map((q, i) => (
        <QuestionNode
          key={q.featureId}
          question={q}
          index={i}
          count={questions.length}
          path={`${path}[${i}]`}
          level={level}
          isAttribute={isAttribute}
          issues={issues}
          editList={edit}
        />
      ))}
      <div>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => edit((list) => void list.push(newQuestion(newKind)))}
        >
          {addLabel}
        </button>
      </div>
    </div>
  );
}

function QuestionNode({
  question,
  index,
  count,
  path,
  level,
  isAttribute,
  issues,
  editList,
}: {
  question: Question;
  index: number;
  count: number;
  path: string;
  level: number;
  isAttribute: boolean;
  issues: readonly OntologyIssue[];
  editList: (fn: (list: Question[]) => void) => void;
}) {
  const change = (fn: (q: Question) => void) => editList((list) => fn(list[index]!));
  const options = question.options ?? [];
  const what = label('question', question.name);
  return (
    <fieldset className={`node node-question${question.archived ? ' node-archived' : ''}`}>
      <legend>
        {question.name.trim() || 'New question'}
        <span className="node-tag">{QUESTION_KIND_LABELS[question.kind]}</span>
        {question.archived ? <span className="node-tag">archived</span> : null}
      </legend>
      <div className="node-head">
        <div className="node-fields">
          <EditorInput
            label="Question"
            className="field-grow"
            value={question.name}
            maxLength={ONTOLOGY_LIMITS.nameLength}
            autoComplete="off"
            issues={issuesOn(issues, `${path}.name`)}
            onChange={(e) => change((q) => (q.name = e.target.value))}
          />
          <EditorSelect
            label="Answer type"
            value={question.kind}
            onChange={(e) =>
              change((q) => {
                q.kind = e.target.value as QuestionKind;
                // Options are kept when switching to text, so nothing typed is lost; the
                // validator asks for them to be removed before saving.
                if (q.kind !== 'text') q.options ??= [];
                else if (q.options?.length === 0) delete q.options;
              })
            }
          >
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {QUESTION_KIND_LABELS[k]}
              </option>
            ))}
          </EditorSelect>
        </div>
        <ItemActions
          what={what}
          index={index}
          count={count}
          onMove={(to) => editList((list) => move(list, index, to))}
          onRemove={() => editList((list) => void list.splice(index, 1))}
        />
      </div>
      <div className="node-flags">
        <EditorCheckbox
          label="Required"
          checked={question.required === true}
          onChange={(v) => change((q) => setFlag(q, 'required', v))}
        />
        {isAttribute ? (
          <EditorCheckbox
            label="Dynamic (may change per video frame)"
            checked={question.dynamic === true}
            onChange={(v) => change((q) => setFlag(q, 'dynamic', v))}
          />
        ) : null}
        <EditorCheckbox
          label="Archived"
          checked={question.archived === true}
          onChange={(v) => change((q) => setFlag(q, 'archived', v))}
        />
        <span className="node-id" title="Feature id">
          id {question.featureId}
        </span>
      </div>
      <NodeMessages
        issues={[...issuesOn(issues, `${path}.options`), ...issuesOn(issues, `${path}.dynamic`)]}
      />
      {question.kind !== 'text' || options.length > 0 ? (
        <div className="option-list">
          {/* Above the options, so the newest question's button is always the last one on the page. */}
          <div className="list-head">
            <span className="subnode-title">Options</span>
            {question.kind !== 'text' ? (
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  change((q) => {
                    q.options = [...(q.options ?? []), { featureId: newFeatureId(), label: '' }];
                  })
                }
              >
                Add option
              </button>
            ) : null}
          </div>
          {options.map((o, j) => (
            <OptionNode
              key={o.featureId}
              option={o}
              index={j}
              count={options.length}
              path={`${path}.options[${j}]`}
              level={level}
              isAttribute={isAttribute}
              issues={issues}
              editOptions={(fn) =>
                change((q) => {
                  q.options ??= [];
                  fn(q.options);
                })
              }
            />
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}

function OptionNode({
  option,
  index,
  count,
  path,
  level,
  isAttribute,
  issues,
  editOptions,
}: {
  option: QuestionOption;
  index: number;
  count: number;
  path: string;
  level: number;
  isAttribute: boolean;
  issues: readonly OntologyIssue[];
  editOptions: (fn: (list: QuestionOption[]) => void) => void;
}) {
  const change = (fn: (o: QuestionOption) => void) => editOptions((list) => fn(list[index]!));
  const questions = option.questions ?? [];
  const mayNest = level < ONTOLOGY_LIMITS.questionDepth;
  return (
    <fieldset className="option">
      <legend className="visually-hidden">{label('Option', option.label)}</legend>
      <div className="node-head">
        <div className="node-fields">
          <EditorInput
            label="Option label"
            className="field-grow"
            value={option.label}
            maxLength={ONTOLOGY_LIMITS.nameLength}
            autoComplete="off"
            issues={issuesOn(issues, `${path}.label`)}
            onChange={(e) => change((o) => (o.label = e.target.value))}
          />
          {mayNest ? (
            <button
              type="button"
              className="btn btn-small btn-ghost add-sub"
              onClick={() =>
                change((o) => {
                  o.questions = [...(o.questions ?? []), newQuestion('text')];
                })
              }
            >
              Add sub-question
            </button>
          ) : null}
        </div>
        <ItemActions
          what={label('option', option.label)}
          index={index}
          count={count}
          onMove={(to) => editOptions((list) => move(list, index, to))}
          onRemove={() => editOptions((list) => void list.splice(index, 1))}
        />
      </div>
      {questions.length > 0 ? (
        <div className="sub-questions">
          {questions.map((q, k) => (
            <QuestionNode
              key={q.featureId}
              question={q}
              index={k}
              count={questions.length}
              path={`${path}.questions[${k}]`}
              level={level + 1}
              isAttribute={isAttribute}
              issues={issues}
              editList={(fn) =>
                change((o) => {
                  o.questions ??= [];
                  fn(o.questions);
                  if (o.questions.length === 0) delete o.questions;
                })
              }
            />
          ))}
          <NodeMessages issues={issuesOn(issues, `${path}.questions`)} />
        </div>
      ) : null}
    </fieldset>
  );
}
