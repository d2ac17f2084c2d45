import { DEFAULT_POINT_TOLERANCE, DEFAULT_THRESHOLD } from '../consensus/types.ts';
import type { GeometryType } from '../labels/format.ts';

export interface ScoringConfig {
  /** Minimum similarity for a submitted object to match a gold one, per gold shape type. */
  thresholds: Record<GeometryType, number>;
  /** Points/polylines/skeletons: px at which similarity is exp(-1/2) (as consensus). */
  pointTolerance: number;
  /** Component weights of a matched object's score. */
  weights: { localisation: number; class: number; attributes: number };
  /** Object class (feature id) → weight of its objects; missing = 1. */
  classWeights: Record<string, number>;
  /** Classification question (top-level feature id) → weight; missing = 1. */
  questionWeights: Record<string, number>;
}

export type ScoringConfigInput = Partial<Omit<ScoringConfig, 'thresholds' | 'weights'>> & {
  thresholds?: Partial<Record<GeometryType, number>>;
  weights?: Partial<ScoringConfig['weights']>;
};

// Frozen so that no caller can change the defaults for every later score by mutating them.
export const DEFAULT_SCORING: ScoringConfig = Object.freeze({
  thresholds: Object.freeze({
    bounding_box: DEFAULT_THRESHOLD,
    rotatable_box: DEFAULT_THRESHOLD,
    polygon: DEFAULT_THRESHOLD,
    polyline: DEFAULT_THRESHOLD,
    point: DEFAULT_THRESHOLD,
    keypoint_skeleton: DEFAULT_THRESHOLD,
  }),
  pointTolerance: DEFAULT_POINT_TOLERANCE,
  weights: Object.freeze({ localisation: 1, class: 1, attributes: 1 }),
  classWeights: Object.freeze({}),
  questionWeights: Object.freeze({}),
});

/** Fills defaults; does not validate ranges (the server's zod schema does). */
export function resolveScoring(input?: ScoringConfigInput | null): ScoringConfig {
  return {
    thresholds: { ...DEFAULT_SCORING.thresholds, ...definedOnly(input?.thresholds) },
    pointTolerance: input?.pointTolerance ?? DEFAULT_SCORING.pointTolerance,
    weights: { ...DEFAULT_SCORING.weights, ...definedOnly(input?.weights) },
    classWeights: { ...input?.classWeights },
    questionWeights: { ...input?.questionWeights },
  };
}

/** A partial object with its undefined entries dropped, so spreading it never blanks a default. */
function definedOnly<T extends object>(o: T | null | undefined): Partial<T> {
  if (!o) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The weight of `key` in a weight table, 1 when it has none. Own keys only: a class named like an
 * Object.prototype member ("constructor") must not pick up a function as its weight.
 */
export const weightOf = (table: Readonly<Record<string, number>>, key: string): number =>
  (Object.hasOwn(table, key) ? table[key] : undefined) ?? 1;
