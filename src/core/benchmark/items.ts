import type { LabelObject } from '../labels/format.ts';
import { compareAnswers, hasAnswers } from './answers.ts';
import { type ScoringConfig, weightOf } from './config.ts';
import type { ObjectOutcome } from './types.ts';

type Outcome<K extends ObjectOutcome['kind']> = Extract<ObjectOutcome, { kind: K }>;

/**
 * Weighted mean of the components that count: a null value (nothing to compare) or a weight of 0
 * leaves its component out. With nothing left there is nothing the object could have got wrong,
 * so it scores 1.
 */
export function componentMean(parts: readonly (readonly [weight: number, value: number | null])[]): number {
  let total = 0;
  let weight = 0;
  for (const [w, v] of parts) {
    if (v === null || w === 0) continue;
    total += w * v;
    weight += w;
  }
  return weight === 0 ? 1 : total / weight;
}

export function matchedOutcome(
  gold: LabelObject,
  submitted: LabelObject,
  similarity: number,
  config: ScoringConfig,
): Outcome<'matched'> {
  const answers = compareAnswers(gold.attributes, submitted.attributes);
  const alike = answers.filter((a) => a.alike).length;
  const attributes = answers.length === 0 ? null : alike / answers.length;
  const { localisation, class: cls, attributes: wA } = config.weights;
  return {
    kind: 'matched',
    goldId: gold.id,
    submittedId: submitted.id,
    featureId: gold.featureId,
    shape: gold.geometry.type,
    similarity,
    attributes,
    wrongAttributes: answers.filter((a) => !a.alike).map((a) => a.featureId),
    score: componentMean([
      [localisation, similarity],
      [cls, 1],
      [wA, attributes],
    ]),
    weight: weightOf(config.classWeights, gold.featureId),
  };
}

/**
 * The class is wrong (0) and attributes of different classes are not comparable (0); the
 * attribute component still counts against the object when the gold one had attributes to get right.
 */
export function wrongClassOutcome(
  gold: LabelObject,
  submitted: LabelObject,
  similarity: number,
  config: ScoringConfig,
): Outcome<'wrong_class'> {
  const { localisation, class: cls, attributes: wA } = config.weights;
  return {
    kind: 'wrong_class',
    goldId: gold.id,
    submittedId: submitted.id,
    featureId: gold.featureId,
    submittedFeatureId: submitted.featureId,
    shape: gold.geometry.type,
    similarity,
    score: componentMean([
      [localisation, similarity],
      [cls, 0],
      [wA, hasAnswers(gold.attributes) ? 0 : null],
    ]),
    weight: weightOf(config.classWeights, gold.featureId),
  };
}

export const missedOutcome = (gold: LabelObject, config: ScoringConfig): Outcome<'missed'> => ({
  kind: 'missed',
  goldId: gold.id,
  featureId: gold.featureId,
  shape: gold.geometry.type,
  score: 0,
  weight: weightOf(config.classWeights, gold.featureId),
});

export const extraOutcome = (submitted: LabelObject, config: ScoringConfig): Outcome<'extra'> => ({
  kind: 'extra',
  submittedId: submitted.id,
  featureId: submitted.featureId,
  shape: submitted.geometry.type,
  score: 0,
  weight: weightOf(config.classWeights, submitted.featureId),
});
