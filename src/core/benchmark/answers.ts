import { answeredFeatureIds, answerTo, canonicalAnswer } from '../consensus/answers.ts';
import type { Answer } from '../labels/format.ts';

/** One question answered (or not) on each side, as canonical values. */
export interface AnswerComparison {
  featureId: string;
  gold: string | null;
  submitted: string | null;
  alike: boolean;
}

/** Every question answered on either side, sorted by feature id, with both sides' canonical answers. */
export function compareAnswers(gold: readonly Answer[], submitted: readonly Answer[]): AnswerComparison[] {
  return answeredFeatureIds([gold, submitted]).map((featureId) => {
    const g = canonicalAnswer(answerTo(gold, featureId));
    const s = canonicalAnswer(answerTo(submitted, featureId));
    return { featureId, gold: g, submitted: s, alike: g === s };
  });
}

/** Whether an answer list holds any answer that carries something. */
export const hasAnswers = (answers: readonly Answer[]): boolean =>
  answers.some((a) => canonicalAnswer(a) !== null);
