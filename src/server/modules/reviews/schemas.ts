import { z } from 'zod';

// The shapes of review decisions, shared by the reviews routes and the queue's reject route.

export const REVIEW_LIMITS = {
  reasonLength: 2000,
  tags: 10,
  tagLength: 50,
  decisions: 10_000,
} as const;

const L = REVIEW_LIMITS;

/** Issue tags name common rejection reasons (a project keeps a list to pick from). */
export const IssueTags = z
  .array(
    z
      .string()
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(L.tagLength, { error: `must be at most ${L.tagLength} characters` }),
  )
  .max(L.tags, { error: `must have at most ${L.tags} tags` })
  .transform((tags) => [...new Set(tags)]);

export const ReviewReason = z
  .string()
  .trim()
  .max(L.reasonLength, { error: `must be at most ${L.reasonLength} characters` });

export const LabelId = z
  .string()
  .min(1, { error: 'must not be empty' })
  .max(200)
  .describe('An object id, or classification:<featureId> for a top-level classification answer');

export const DecisionIn = z.strictObject({
  labelId: LabelId,
  decision: z.enum(['approve', 'reject']),
  reason: ReviewReason.optional().describe('Why it is rejected (a rejection needs a reason or a tag)'),
  tags: IssueTags.optional(),
});

export const DecideIn = z.strictObject({
  labelRevision: z
    .number()
    .int()
    .min(0)
    .describe('The main branch’s revision you reviewed (409 revision_conflict unless the head)'),
  decisions: z
    .array(DecisionIn)
    .min(1, { error: 'must have at least one decision' })
    .max(L.decisions, { error: `must have at most ${L.decisions} decisions` }),
});
export type DecideInput = z.infer<typeof DecideIn>;

const LabelReviewOut = z
  .object({
    labelId: z.string(),
    kind: z.enum(['object', 'classification']),
    featureId: z.string(),
    status: z.enum(['new', 'approved', 'rejected', 'resolved', 'reopened']),
    reviewer: z.object({ id: z.string(), name: z.string() }).nullable(),
    reason: z.string().nullable(),
    tags: z.array(z.string()),
    decidedAt: z.string().nullable(),
    stageId: z.string().nullable().describe('The stage the decision was made in'),
    changedSinceDecision: z
      .boolean()
      .describe('The label differs from the revision the last decision saw, or is new since'),
    removed: z.boolean().describe('Decided before, no longer in the labels'),
  })
  .meta({ id: 'LabelReview' });

export const ReviewSheetOut = z
  .object({
    labelRevision: z.number().int().describe('The main branch’s head revision (0 before the first save)'),
    items: z.array(LabelReviewOut),
  })
  .meta({ id: 'ReviewSheet' });
