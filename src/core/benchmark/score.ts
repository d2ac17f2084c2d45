import type { LabelDocument, LabelObject } from '../labels/format.ts';
import { DEFAULT_SCORING, type ScoringConfig } from './config.ts';
import { extraOutcome, matchedOutcome, missedOutcome, wrongClassOutcome } from './items.ts';
import { anyClass, type Pair, pairObjects, sameClass } from './pairing.ts';
import { scoreQuestions } from './questions.ts';
import type { ObjectOutcome, QuestionOutcome, TaskScore } from './types.ts';

/**
 * How well a submission reproduces the gold labels of a task: objects are paired within their
 * class first, what is left is paired class-blind (wrong class), the rest is missed or extra;
 * top-level questions are right or wrong. See docs/benchmark.md for the rules.
 */
export function scoreAgainstGold(
  gold: LabelDocument,
  submitted: LabelDocument,
  config: ScoringConfig = DEFAULT_SCORING,
): TaskScore {
  const objects = scoreObjects(gold.objects, submitted.objects, config);
  const questions = scoreQuestions(gold.classifications, submitted.classifications, config);
  return {
    score: weightedMean([...objects, ...questions]),
    counts: countOutcomes(objects, questions, gold, submitted),
    objects,
    questions,
  };
}

function scoreObjects(
  gold: readonly LabelObject[],
  submitted: readonly LabelObject[],
  config: ScoringConfig,
): ObjectOutcome[] {
  const all = { gold: indices(gold.length), submitted: indices(submitted.length) };
  const matched = byGold(pairObjects(gold, submitted, all, sameClass, config));
  const left = {
    gold: all.gold.filter((g) => !matched.has(g)),
    submitted: without(all.submitted, matched),
  };
  const wrongClass = byGold(pairObjects(gold, submitted, left, anyClass, config));
  const outcomes = gold.map((g, i): ObjectOutcome => {
    const m = matched.get(i);
    if (m) return matchedOutcome(g, submitted[m.submitted]!, m.similarity, config);
    const w = wrongClass.get(i);
    if (w) return wrongClassOutcome(g, submitted[w.submitted]!, w.similarity, config);
    return missedOutcome(g, config);
  });
  const extras = without(left.submitted, wrongClass).map((s) => extraOutcome(submitted[s]!, config));
  return [...outcomes, ...extras];
}

const indices = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

const byGold = (pairs: readonly Pair[]): Map<number, Pair> => new Map(pairs.map((p) => [p.gold, p]));

/** The submitted indices not taken by any of the pairs. */
function without(submitted: readonly number[], pairs: ReadonlyMap<number, Pair>): number[] {
  const taken = new Set([...pairs.values()].map((p) => p.submitted));
  return submitted.filter((s) => !taken.has(s));
}

function weightedMean(outcomes: readonly { score: number; weight: number }[]): number {
  let total = 0;
  let weight = 0;
  for (const o of outcomes) {
    total += o.weight * o.score;
    weight += o.weight;
  }
  return weight === 0 ? 1 : total / weight;
}

function countOutcomes(
  objects: readonly ObjectOutcome[],
  questions: readonly QuestionOutcome[],
  gold: LabelDocument,
  submitted: LabelDocument,
): TaskScore['counts'] {
  const kind = (k: ObjectOutcome['kind']) => objects.filter((o) => o.kind === k).length;
  return {
    gold: gold.objects.length,
    submitted: submitted.objects.length,
    matched: kind('matched'),
    missed: kind('missed'),
    extra: kind('extra'),
    wrongClass: kind('wrong_class'),
    wrongAttribute: objects.filter((o) => o.kind === 'matched' && o.wrongAttributes.length > 0).length,
    questions: questions.length,
    questionsCorrect: questions.filter((q) => q.correct).length,
  };
}
