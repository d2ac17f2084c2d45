import type { Answer } from '../labels/format.ts';
import { compareAnswers } from './answers.ts';
import { type ScoringConfig, weightOf } from './config.ts';
import type { QuestionOutcome } from './types.ts';

/** Every top-level question answered on either side, sorted by feature id: right (1) or wrong (0). */
export function scoreQuestions(
  gold: readonly Answer[],
  submitted: readonly Answer[],
  config: ScoringConfig,
): QuestionOutcome[] {
  return compareAnswers(gold, submitted).map((a) => ({
    featureId: a.featureId,
    gold: a.gold,
    submitted: a.submitted,
    correct: a.alike,
    score: a.alike ? 1 : 0,
    weight: weightOf(config.questionWeights, a.featureId),
  }));
}
