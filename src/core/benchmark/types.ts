import type { GeometryType } from '../labels/format.ts';

export type ObjectOutcome =
  | {
      kind: 'matched';
      goldId: string;
      submittedId: string;
      featureId: string;
      shape: GeometryType;
      similarity: number;
      attributes: number | null;
      wrongAttributes: string[];
      score: number;
      weight: number;
    }
  | {
      kind: 'wrong_class';
      goldId: string;
      submittedId: string;
      featureId: string;
      submittedFeatureId: string;
      shape: GeometryType;
      similarity: number;
      score: number;
      weight: number;
    }
  | { kind: 'missed'; goldId: string; featureId: string; shape: GeometryType; score: 0; weight: number }
  | { kind: 'extra'; submittedId: string; featureId: string; shape: GeometryType; score: 0; weight: number };

export interface QuestionOutcome {
  featureId: string;
  /** canonicalAnswer of each side (null = unanswered). */
  gold: string | null;
  submitted: string | null;
  correct: boolean;
  score: 0 | 1;
  weight: number;
}

export interface TaskScore {
  /** 0..1, the weighted mean of every outcome's score; 1 when there is nothing to score. */
  score: number;
  counts: {
    gold: number;
    submitted: number;
    matched: number;
    missed: number;
    extra: number;
    wrongClass: number;
    wrongAttribute: number;
    questions: number;
    questionsCorrect: number;
  };
  /** Gold order for matched/wrong_class/missed, then extras in submitted order. */
  objects: ObjectOutcome[];
  /** Sorted by featureId. */
  questions: QuestionOutcome[];
}
