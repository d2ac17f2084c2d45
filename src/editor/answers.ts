import type { Answer } from '../core/labels/format.ts';
import type { Question } from '../core/ontology/format.ts';

// Answers to nested questions, edited immutably. A path alternates question and option ids down
// the tree: [questionId] or [questionId, optionId, subQuestionId, …]. Sub-answers live in the
// parent answer's `answers`, whichever chosen option asked them (as in the label format).

export type QuestionPath = readonly string[];

export function findQuestion(questions: readonly Question[], path: QuestionPath): Question | undefined {
  const [questionId, optionId, ...rest] = path;
  const question = questions.find((q) => q.featureId === questionId);
  if (!question || optionId === undefined) return question;
  const option = question.options?.find((o) => o.featureId === optionId);
  return option ? findQuestion(option.questions ?? [], rest) : undefined;
}

/** The answer at `path`; a sub-answer only counts while its option is chosen. */
export function answerAt(answers: readonly Answer[], path: QuestionPath): Answer | undefined {
  const [questionId, optionId, ...rest] = path;
  const answer = answers.find((a) => a.featureId === questionId);
  if (!answer || optionId === undefined) return answer;
  if (!answer.optionIds?.includes(optionId)) return undefined;
  return answerAt(answer.answers ?? [], rest);
}

type Edit = (answer: Answer | undefined, question: Question) => Answer | undefined;

/**
 * Rebuilds the answers with the one at `path` replaced by `edit`'s result (undefined removes it).
 * Editing under an option that is not chosen changes nothing: its questions are not being asked.
 */
function editAt(answers: readonly Answer[], questions: readonly Question[], path: QuestionPath, edit: Edit) {
  const [questionId, optionId, ...rest] = path;
  const question = questions.find((q) => q.featureId === questionId);
  if (!question) return [...answers];
  const current = answers.find((a) => a.featureId === questionId);
  if (optionId === undefined) return placeAnswer(answers, questions, question, edit(current, question));
  const option = question.options?.find((o) => o.featureId === optionId);
  if (!option || !current?.optionIds?.includes(optionId)) return [...answers];
  const sub = editAt(current.answers ?? [], option.questions ?? [], rest, edit);
  const { answers: _dropped, ...parent } = current;
  const next: Answer = sub.length > 0 ? { ...parent, answers: sub } : parent;
  return placeAnswer(answers, questions, question, next);
}

/** Puts `next` where the question's answer is, or in ontology order when it is new. */
function placeAnswer(
  answers: readonly Answer[],
  questions: readonly Question[],
  question: Question,
  next: Answer | undefined,
): Answer[] {
  const i = answers.findIndex((a) => a.featureId === question.featureId);
  if (i >= 0) {
    return next ? answers.map((a, j) => (j === i ? next : a)) : answers.filter((_, j) => j !== i);
  }
  if (!next) return [...answers];
  const order = new Map(questions.map((q, j) => [q.featureId, j]));
  const rank = order.get(question.featureId) ?? Number.POSITIVE_INFINITY;
  const at = answers.findIndex((a) => (order.get(a.featureId) ?? Number.POSITIVE_INFINITY) > rank);
  const out = [...answers];
  out.splice(at < 0 ? out.length : at, 0, next);
  return out;
}

/** Sub-answers minus those to the questions of `optionId`: unchoosing an option withdraws its questions. */
function dropSubAnswers(answer: Answer, question: Question, optionId: string): Answer {
  const asked = new Set(
    (question.options?.find((o) => o.featureId === optionId)?.questions ?? []).map((q) => q.featureId),
  );
  const kept = (answer.answers ?? []).filter((a) => !asked.has(a.featureId));
  const { answers: _dropped, ...rest } = answer;
  return kept.length > 0 ? { ...rest, answers: kept } : rest;
}

/**
 * Radio: chooses the option (replacing the previous choice and its sub-answers); choosing the
 * chosen one clears the answer. Checklist: toggles it; unchecking drops the sub-answers to that
 * option's questions, and unchecking the last removes the answer. Text questions are unchanged.
 */
export function toggleOption(
  answers: readonly Answer[],
  questions: readonly Question[],
  path: QuestionPath,
  optionId: string,
): Answer[] {
  return editAt(answers, questions, path, (answer, question) => {
    const options = question.options ?? [];
    if (question.kind === 'text' || !options.some((o) => o.featureId === optionId)) return answer;
    const chosen = answer?.optionIds ?? [];
    if (question.kind === 'radio') {
      return chosen.includes(optionId) ? undefined : { featureId: question.featureId, optionIds: [optionId] };
    }
    if (chosen.includes(optionId)) {
      const left = chosen.filter((id) => id !== optionId);
      if (left.length === 0 || !answer) return undefined;
      return { ...dropSubAnswers(answer, question, optionId), optionIds: left };
    }
    const picked = new Set([...chosen, optionId]);
    // Ontology order, so the same choices always read (and diff) the same way.
    const optionIds = options.map((o) => o.featureId).filter((id) => picked.has(id));
    return { ...(answer ?? { featureId: question.featureId }), optionIds };
  });
}

/** Sets a text question's answer; '' removes it. */
export function setText(
  answers: readonly Answer[],
  questions: readonly Question[],
  path: QuestionPath,
  text: string,
): Answer[] {
  return editAt(answers, questions, path, (answer, question) => {
    if (question.kind !== 'text') return answer;
    return text === '' ? undefined : { featureId: question.featureId, text };
  });
}

const isAnswered = (answer: Answer | undefined, question: Question): boolean => {
  if (!answer) return false;
  if (question.kind === 'text') return (answer.text ?? '').trim() !== '';
  return (answer.optionIds ?? []).length > 0;
};

/**
 * Paths of required questions left unanswered, at every level of the chosen options (the rule
 * submit-mode validation applies). Archived questions are retired, so they are never missing.
 */
export function missingRequired(answers: readonly Answer[], questions: readonly Question[]): QuestionPath[] {
  const out: QuestionPath[] = [];
  const walk = (level: readonly Answer[], asked: readonly Question[], prefix: readonly string[]) => {
    for (const q of asked) {
      if (q.archived) continue;
      const answer = level.find((a) => a.featureId === q.featureId);
      const path = [...prefix, q.featureId];
      if (q.required && !isAnswered(answer, q)) out.push(path);
      if (!answer) continue;
      for (const o of q.options ?? []) {
        if (answer.optionIds?.includes(o.featureId)) {
          walk(answer.answers ?? [], o.questions ?? [], [...path, o.featureId]);
        }
      }
    }
  };
  walk(answers, questions, []);
  return out;
}
