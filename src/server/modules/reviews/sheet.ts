import type { LabelDocument } from '../../../core/labels/index.ts';
import type { Stage } from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import { canonical, contentOf } from '../labels/authorship.ts';
import { MAIN_BRANCH, storedDocument } from '../labels/heads.ts';
import { headRevision } from '../labels/queries.ts';
import { mainRevisions, reviewsOf, type StoredReview } from './queries.ts';

// A task's review sheet: the labels under review — the objects of the main branch's head and its
// top-level classification answers — beside their review rows, and what a reviewer is shown of
// them: the status of each, and whether it changed since the decision on it was made.

export const CLASSIFICATION_PREFIX = 'classification:';

export interface ReviewLabel {
  /** The object's id, or `classification:<featureId>`. */
  labelId: string;
  kind: 'object' | 'classification';
  featureId: string;
  /** Who made it (a user id, or `model:<name>`); classification answers carry no author. */
  createdBy: string | null;
  /** Its content, canonical and without authorship: equal strings mean the label did not change. */
  content: string;
}

/** The labels of a document, objects first, each in document order. */
export function labelsOf(document: LabelDocument): ReviewLabel[] {
  return [
    ...document.objects.map(
      (o): ReviewLabel => ({
        labelId: o.id,
        kind: 'object',
        featureId: o.featureId,
        createdBy: o.createdBy,
        content: contentOf(o),
      }),
    ),
    ...document.classifications.map(
      (a): ReviewLabel => ({
        labelId: `${CLASSIFICATION_PREFIX}${a.featureId}`,
        kind: 'classification',
        featureId: a.featureId,
        createdBy: null,
        content: canonical(a),
      }),
    ),
  ];
}

export interface Sheet {
  /** The main branch's head revision (0 before the first save). */
  revision: number;
  labels: ReviewLabel[];
  byId: Map<string, ReviewLabel>;
  reviews: Map<string, StoredReview>;
}

export async function loadSheet(db: Executor, taskId: string): Promise<Sheet> {
  const head = await headRevision(db, taskId, MAIN_BRANCH);
  const rows = await reviewsOf(db, taskId);
  const labels = head ? labelsOf(storedDocument(head.document)) : [];
  return {
    revision: head?.revision ?? 0,
    labels,
    byId: new Map(labels.map((l) => [l.labelId, l])),
    reviews: new Map(rows.map((r) => [r.label_id, r])),
  };
}

/** One stay of a task in a review stage, and who is deciding in it. */
export interface Round {
  projectId: string;
  taskId: string;
  stage: Stage;
  /** When the task entered the stage: decisions from before belong to earlier rounds. */
  enteredAt: string | null;
  actorId: string;
}

/**
 * Whether the row holds a decision of this round: approved or rejected in this stage since the
 * task entered it. An earlier round's decision (the task came back, or moved on to a second
 * review stage) is still shown, but is pending again for this round's task-level decision.
 * Times compare to the millisecond: a decision, the task leaving the stage and its return would
 * all have to fall in one millisecond for an old decision to pass as this round's.
 */
export const decidedInRound = (row: StoredReview | undefined, round: Round): row is StoredReview =>
  row !== undefined &&
  (row.status === 'approved' || row.status === 'rejected') &&
  row.stage_id === round.stage.id &&
  (round.enteredAt === null || (row.decided_at ?? '') >= round.enteredAt);

/** A label review as the API shows it. */
export interface LabelReviewJson {
  labelId: string;
  kind: 'object' | 'classification';
  featureId: string;
  status: StoredReview['status'];
  reviewer: { id: string; name: string } | null;
  reason: string | null;
  tags: string[];
  decidedAt: string | null;
  stageId: string | null;
  changedSinceDecision: boolean;
  removed: boolean;
}

/** The labels of each main revision earlier decisions saw, by revision then label id. */
async function seenLabels(db: Executor, taskId: string, sheet: Sheet) {
  const revisions = new Set<number>();
  for (const row of sheet.reviews.values())
    if (row.label_revision !== null) revisions.add(row.label_revision);
  const docs = await mainRevisions(db, taskId, [...revisions]);
  return new Map(
    docs.map((d) => [d.revision, new Map(labelsOf(storedDocument(d.document)).map((l) => [l.labelId, l]))]),
  );
}

function present(
  labelId: string,
  label: Pick<ReviewLabel, 'kind' | 'featureId'>,
  row: StoredReview | undefined,
  flags: { changedSinceDecision: boolean; removed: boolean },
): LabelReviewJson {
  return {
    labelId,
    kind: label.kind,
    featureId: label.featureId,
    status: row?.status ?? 'new',
    reviewer: row?.reviewer_id ? { id: row.reviewer_id, name: row.reviewer_name ?? '' } : null,
    reason: row?.reason ?? null,
    tags: row ? (JSON.parse(row.tags) as string[]) : [],
    decidedAt: row?.decided_at ?? null,
    stageId: row?.stage_id ?? null,
    ...flags,
  };
}

/** What a removed label was, from the revision its decision saw (its id, for a classification). */
function removedLabel(
  labelId: string,
  seen: ReviewLabel | undefined,
): Pick<ReviewLabel, 'kind' | 'featureId'> {
  if (seen) return seen;
  const classification = labelId.startsWith(CLASSIFICATION_PREFIX);
  return {
    kind: classification ? 'classification' : 'object',
    featureId: classification ? labelId.slice(CLASSIFICATION_PREFIX.length) : '',
  };
}

/**
 * The sheet as the API shows it: every label of the head (document order) with its review, then
 * the decided labels the head no longer has. A label changed since its decision when it differs
 * from the revision that decision saw; a label without one, when the latest review saw the task
 * without it (it is new since). Nothing has changed before the first decision.
 */
export async function presentSheet(db: Executor, taskId: string, sheet: Sheet) {
  const seen = await seenLabels(db, taskId, sheet);
  const latest = seen.size > 0 ? Math.max(...seen.keys()) : null;
  const items = sheet.labels.map((label) => {
    const row = sheet.reviews.get(label.labelId);
    const at = row?.label_revision ?? latest;
    const before = at === null ? undefined : seen.get(at)?.get(label.labelId);
    const changedSinceDecision = at !== null && before?.content !== label.content;
    return present(label.labelId, label, row, { changedSinceDecision, removed: false });
  });
  for (const row of sheet.reviews.values()) {
    if (sheet.byId.has(row.label_id)) continue;
    const was = row.label_revision === null ? undefined : seen.get(row.label_revision)?.get(row.label_id);
    items.push(
      present(row.label_id, removedLabel(row.label_id, was), row, {
        changedSinceDecision: true,
        removed: true,
      }),
    );
  }
  return { labelRevision: sheet.revision, items };
}
