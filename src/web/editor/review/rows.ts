import type { LabelDocument } from '../../../core/labels/index.ts';
import type { OntologyDocument } from '../../../core/ontology/index.ts';
import type { LabelReview, ReviewDecision, ReviewStatus, TaskReviews } from './queries.ts';

// What the review panel lists: every label of the document on screen (objects in drawing order,
// then the task's top-level classification answers) with its review, and the labels decided
// before that are gone now.

export interface ReviewRow {
  labelId: string;
  kind: 'object' | 'classification';
  featureId: string;
  name: string;
  color: string | null;
  status: ReviewStatus;
  /** Changed since the decision it carries (a label never decided is simply New). */
  changed: boolean;
  review: LabelReview | undefined;
}

export const CLASSIFICATION_PREFIX = 'classification:';

export const classificationLabelId = (featureId: string) => `${CLASSIFICATION_PREFIX}${featureId}`;

export function reviewRows(
  doc: LabelDocument,
  ontology: OntologyDocument,
  items: readonly LabelReview[],
): { rows: ReviewRow[]; removed: LabelReview[] } {
  const byId = new Map(items.map((r) => [r.labelId, r]));
  const objectFeatures = new Map(ontology.objects.map((f) => [f.featureId, f]));
  const questions = new Map(ontology.classifications.map((q) => [q.featureId, q]));
  const row = (
    labelId: string,
    kind: ReviewRow['kind'],
    featureId: string,
    name: string,
    color: string | null,
  ): ReviewRow => {
    const review = byId.get(labelId);
    const status = review?.status ?? 'new';
    return {
      labelId,
      kind,
      featureId,
      name,
      color,
      status,
      changed: review?.changedSinceDecision === true && status !== 'new',
      review,
    };
  };
  const rows = [
    ...doc.objects.map((o) => {
      const f = objectFeatures.get(o.featureId);
      return row(o.id, 'object', o.featureId, f?.name || 'Unknown class', f?.color ?? null);
    }),
    ...doc.classifications.map((a) =>
      row(
        classificationLabelId(a.featureId),
        'classification',
        a.featureId,
        questions.get(a.featureId)?.name || 'Unknown question',
        null,
      ),
    ),
  ];
  const present = new Set(rows.map((r) => r.labelId));
  const removed = items.filter((r) => r.removed && !present.has(r.labelId));
  return { rows, removed };
}

/** Still to decide in this round: never decided, sent back and fixed, reopened, or changed since. */
export const isPending = (row: ReviewRow) =>
  row.changed || (row.status !== 'approved' && row.status !== 'rejected');

/** The reviews as they will be once `decisions` land (shown while the request is on its way). */
export function withDecisions(
  data: TaskReviews,
  rows: readonly ReviewRow[],
  decisions: readonly ReviewDecision[],
  reviewer: { id: string; name: string },
): TaskReviews {
  const decided = new Map(decisions.map((d) => [d.labelId, d]));
  const now = new Date().toISOString();
  const apply = (base: LabelReview, d: ReviewDecision): LabelReview => ({
    ...base,
    status: d.decision === 'approve' ? 'approved' : 'rejected',
    reason: d.decision === 'reject' ? (d.reason ?? null) : null,
    tags: d.decision === 'reject' ? (d.tags ?? []) : [],
    reviewer,
    decidedAt: now,
    changedSinceDecision: false,
    removed: false,
  });
  const items = data.items.map((r) => {
    const d = decided.get(r.labelId);
    return d ? apply(r, d) : r;
  });
  const known = new Set(items.map((r) => r.labelId));
  for (const row of rows) {
    const d = decided.get(row.labelId);
    if (!d || known.has(row.labelId)) continue;
    const base: LabelReview = {
      labelId: row.labelId,
      kind: row.kind,
      featureId: row.featureId,
      status: 'new',
      reviewer: null,
      reason: null,
      tags: [],
      decidedAt: null,
      stageId: null,
      changedSinceDecision: false,
      removed: false,
    };
    items.push(apply(base, d));
  }
  return { ...data, items };
}
