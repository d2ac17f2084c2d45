import type { LabelDocument } from '../labels/format.ts';

export interface Branch {
  annotatorId: string;
  document: LabelDocument;
}

export interface ConsensusOptions {
  /** Minimum similarity for two objects to be the same object (default 0.5). */
  threshold?: number;
  /** Points, polylines, keypoints: distance (px) at which similarity is exp(-1/2) ≈ 0.61 (default 10). */
  pointTolerance?: number;
}

export const DEFAULT_THRESHOLD = 0.5;
export const DEFAULT_POINT_TOLERANCE = 10;

/** One object as several annotators drew it: at most one member per annotator. */
export interface ObjectCluster {
  /** Stable within the task: `${featureId}:${objectId of the first member}`. */
  key: string;
  featureId: string;
  /** Branch order. */
  members: { annotatorId: string; objectId: string }[];
  /** Annotator ids without it, branch order. */
  missing: string[];
  /** Mean over all annotator pairs: similarity if both drew it, 0 if one did, 1 if neither (cannot happen for 2). */
  agreement: number;
  /** Mean similarity over pairs that both drew it; null with fewer than two members. */
  meanSimilarity: number | null;
  /** The object's attributes compared across its members (same shape as questions). */
  attributes: QuestionAgreement[];
}

/** A top-level classification question (nested answers are part of its value). */
export interface QuestionAgreement {
  featureId: string;
  /** annotatorId → canonical value of the whole answer tree (see canonicalAnswer), null when unanswered. */
  values: Record<string, string | null>;
  /** Share of annotator pairs with equal values (null == null counts as equal). */
  agreement: number;
  /** The most common value (ties: the value of the annotator with the highest task agreement); may be null. */
  majority: string | null;
}

export interface ClassAgreement {
  featureId: string;
  clusters: number;
  agreement: number;
  meanSimilarity: number | null;
}

export interface AnnotatorAgreement {
  annotatorId: string;
  agreement: number;
}

export interface TaskAgreement {
  /** Branch order. */
  annotatorIds: string[];
  /** Mean of the unit agreements (object clusters and questions); 1 when there are no units. */
  score: number;
  objects: ObjectCluster[];
  /** Sorted by featureId. */
  classes: ClassAgreement[];
  /** Sorted by featureId; the union of questions any branch answered. */
  questions: QuestionAgreement[];
  /** Per annotator: mean over units of their pairwise agreement with each other annotator. */
  annotators: AnnotatorAgreement[];
}
