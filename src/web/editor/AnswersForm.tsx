import { useId, useState } from 'react';
import { type Answer, LABEL_LIMITS } from '../../core/labels/format.ts';
import type { Question, QuestionOption } from '../../core/ontology/format.ts';
import { answerAt, type QuestionPath, setText, toggleOption } from '../../editor/index.ts';

// Questions and their answers as a form: radio buttons, checkboxes and text inputs, with the
// sub-questions of each chosen option indented beneath it. Serves the object panel (attributes)
// and the classifications panel alike; every change goes out whole through `onChange`.

export interface AnswersFormProps {
  questions: readonly Question[];
  answers: readonly Answer[];
  /** The new answers. `coalesceKey` is set while typing, so a word is one undo step, not one per letter. */
  onChange: (next: Answer[], coalesceKey?: string) => void;
  readOnly?: boolean;
  /** Required questions still unanswered (from `missingRequired`), flagged in the form. */
  missing?: readonly QuestionPath[];
}

/** What every question of one form shares. */
interface FormContext {
  questions: readonly Question[];
  answers: readonly Answer[];
  onChange: (next: Answer[], coalesceKey?: string) => void;
  readOnly: boolean;
  missing: ReadonlySet<string>;
  /** Unique per form, so two forms on a page never share element ids or radio group names. */
  idPrefix: string;
}

const pathKey = (path: QuestionPath) => path.join('/');

/** Archived questions stay out of the way unless an old label still answers them. */
const shownQuestions = (questions: readonly Question[], answers: readonly Answer[], parent: QuestionPath) =>
  questions.filter((q) => !q.archived || answerAt(answers, [...parent, q.featureId]) !== undefined);

export function AnswersForm({ questions, answers, onChange, readOnly = false, missing }: AnswersFormProps) {
  const idPrefix = useId();
  const ctx: FormContext = {
    questions,
    answers,
    onChange,
    readOnly,
    missing: new Set((missing ?? []).map(pathKey)),
    idPrefix,
  };
  return (
    <div className="ed-answers">
      <QuestionList ctx={ctx} questions={questions} parent={[]} />
    </div>
  );
}

function QuestionList({
  ctx,
  questions,
  parent,
}: {
  ctx: FormContext;
  questions: readonly Question[];
  parent: QuestionPath;
}) {
  return shownQuestions(questions, ctx.answers, parent).map((q) => {
    const path = [...parent, q.featureId];
    return q.kind === 'text' ? (
      <TextQuestion key={q.featureId} ctx={ctx} question={q} path={path} />
    ) : (
      <ChoiceQuestion key={q.featureId} ctx={ctx} question={q} path={path} />
    );
  });
}

/**
 * Says a question is required: flagged when it is still unanswered (`missing`), otherwise only
 * for screen readers (sighted users see the asterisk, which CSS draws so that it stays out of the
 * question's accessible name).
 */
function RequiredNote({ id, kind, missing }: { id: string; kind: Question['kind']; missing: boolean }) {
  if (!missing) {
    return (
      <span id={id} className="visually-hidden">
        Required.
      </span>
    );
  }
  return (
    <p id={id} className="ed-missing">
      {kind === 'text' ? 'Required: enter an answer.' : 'Required: choose an answer.'}
    </p>
  );
}

function ChoiceQuestion({
  ctx,
  question,
  path,
}: {
  ctx: FormContext;
  question: Question;
  path: QuestionPath;
}) {
  const key = pathKey(path);
  const baseId = `${ctx.idPrefix}-${key}`;
  const isMissing = ctx.missing.has(key);
  const chosen = new Set(answerAt(ctx.answers, path)?.optionIds ?? []);
  return (
    <fieldset
      className={`ed-question${isMissing ? ' ed-question-missing' : ''}`}
      aria-labelledby={`${baseId}-name`}
      aria-describedby={question.required ? `${baseId}-required` : undefined}
    >
      <legend id={`${baseId}-name`} className={question.required ? 'ed-required' : undefined}>
        {question.name}
      </legend>
      {(question.options ?? []).map((option) => (
        <ChoiceOption
          key={option.featureId}
          ctx={ctx}
          question={question}
          path={path}
          option={option}
          chosen={chosen.has(option.featureId)}
          groupName={baseId}
        />
      ))}
      {question.required ? (
        <RequiredNote id={`${baseId}-required`} kind={question.kind} missing={isMissing} />
      ) : null}
    </fieldset>
  );
}

function ChoiceOption({
  ctx,
  question,
  path,
  option,
  chosen,
  groupName,
}: {
  ctx: FormContext;
  question: Question;
  path: QuestionPath;
  option: QuestionOption;
  chosen: boolean;
  groupName: string;
}) {
  const toggle = () => ctx.onChange(toggleOption(ctx.answers, ctx.questions, path, option.featureId));
  const radio = question.kind === 'radio';
  const subQuestions = chosen ? (option.questions ?? []) : [];
  return (
    <div className="ed-option">
      <label className="ed-check">
        <input
          type={radio ? 'radio' : 'checkbox'}
          name={radio ? groupName : undefined}
          value={option.featureId}
          checked={chosen}
          disabled={ctx.readOnly}
          onChange={toggle}
          // A radio button already chosen fires no change event when pressed again; pressing it
          // clears the answer (a wrong choice can be taken back, as with a checkbox).
          onClick={radio && chosen ? toggle : undefined}
        />
        <span>{option.label}</span>
      </label>
      {subQuestions.length > 0 ? (
        <div className="ed-subquestions">
          <QuestionList ctx={ctx} questions={subQuestions} parent={[...path, option.featureId]} />
        </div>
      ) : null}
    </div>
  );
}

function TextQuestion({ ctx, question, path }: { ctx: FormContext; question: Question; path: QuestionPath }) {
  const key = pathKey(path);
  const id = `${ctx.idPrefix}-${key}`;
  const isMissing = ctx.missing.has(key);
  const text = answerAt(ctx.answers, path)?.text ?? '';
  // The input keeps what was typed, so nothing on the way back through the store (a re-render
  // mid-word) moves the caret. When the answers' text changes from elsewhere (undo, a reload) the
  // input takes it at once, during this render.
  const [local, setLocal] = useState({ text, value: text });
  let value = local.value;
  if (local.text !== text) {
    value = text;
    setLocal({ text, value: text });
  }
  return (
    <div className={`ed-question ed-question-text${isMissing ? ' ed-question-missing' : ''}`}>
      <label htmlFor={id} className={question.required ? 'ed-required' : undefined}>
        {question.name}
      </label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        value={value}
        maxLength={LABEL_LIMITS.textLength}
        readOnly={ctx.readOnly}
        aria-required={question.required ? true : undefined}
        aria-invalid={isMissing ? true : undefined}
        aria-describedby={isMissing ? `${id}-required` : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setLocal({ text: next, value: next });
          ctx.onChange(setText(ctx.answers, ctx.questions, path, next), `text:${key}`);
        }}
      />
      {isMissing ? <RequiredNote id={`${id}-required`} kind="text" missing /> : null}
    </div>
  );
}
