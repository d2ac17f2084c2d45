import { z } from 'zod';
import { LabelDocumentSchema } from '../../../core/labels/index.ts';

// The shapes of a task's consensus round (what the consensus reviewer compares) and of the
// reviewer's resolution.

const QuestionAgreementOut = z
  .object({
    featureId: z.string(),
    values: z
      .record(z.string(), z.string().nullable())
      .describe('Annotator id → the canonical form of their answer (null: unanswered)'),
    agreement: z.number().describe('Share of annotator pairs that answered alike, 0–1'),
    majority: z.string().nullable(),
  })
  .meta({ id: 'QuestionAgreement' });

const ObjectClusterOut = z
  .object({
    key: z.string().describe('Stable within the round: the class and the first member’s object id'),
    featureId: z.string(),
    members: z.array(z.object({ annotatorId: z.string(), objectId: z.string() })),
    missing: z.array(z.string()).describe('Annotators who did not draw this object'),
    agreement: z.number().describe('Mean pairwise agreement on this object (0 where one of a pair lacks it)'),
    meanSimilarity: z.number().nullable().describe('Mean IoU (or point similarity) of the members'),
    attributes: z.array(QuestionAgreementOut),
  })
  .meta({ id: 'ObjectCluster' });

export const TaskAgreementOut = z
  .object({
    annotatorIds: z.array(z.string()),
    score: z.number().describe('The task’s agreement, 0–1: the mean over its objects and questions'),
    objects: z.array(ObjectClusterOut),
    classes: z.array(
      z.object({
        featureId: z.string(),
        clusters: z.number(),
        agreement: z.number(),
        meanSimilarity: z.number().nullable(),
      }),
    ),
    questions: z.array(QuestionAgreementOut),
    annotators: z.array(z.object({ annotatorId: z.string(), agreement: z.number() })),
  })
  .meta({ id: 'TaskAgreement' });

const Taken = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('object'),
    clusterKey: z.string().min(1).max(200),
    from: z.string().min(1).max(64).describe('The annotator whose version was taken'),
  }),
  z.strictObject({
    kind: z.literal('question'),
    featureId: z.string().min(1).max(64),
    from: z.string().min(1).max(64),
  }),
  z.strictObject({
    kind: z.literal('attribute'),
    clusterKey: z.string().min(1).max(200).describe('The object whose attribute was taken'),
    featureId: z.string().min(1).max(64).describe('The attribute'),
    from: z.string().min(1).max(64),
  }),
]);

export const ResolveIn = z.strictObject({
  roundId: z.string().min(1).max(64).describe('The round you compared (409 round_changed unless the latest)'),
  baseRevision: z
    .number()
    .int()
    .min(0)
    .describe('The main branch’s revision you started from (409 revision_conflict unless the head)'),
  document: LabelDocumentSchema,
  base: z.string().min(1).max(64).describe('The annotator whose branch you started from'),
  taken: z
    .array(Taken)
    .max(10_000)
    .default([])
    .describe('Objects and answers you took from other annotators'),
  note: z.string().trim().max(2000).optional(),
  nextHolderId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('Who holds the task in the stage it goes to (as for approve)'),
  keepHolder: z.boolean().optional().describe('Keep holding the task in the stage it goes to'),
});
export type ResolveInput = z.infer<typeof ResolveIn>;

const ResolutionOut = z
  .object({
    resolvedBy: z.object({ id: z.string(), name: z.string().nullable() }),
    resolvedAt: z.string(),
    base: z.string(),
    taken: z.array(Taken),
    note: z.string().nullable(),
    revision: z.number().int().describe('The main branch’s revision the resolution saved'),
    annotators: z.array(
      z.object({
        annotatorId: z.string(),
        agreement: z.number().describe('Agreement of their branch with the resolved labels, 0–1'),
        won: z.number().int().describe('Objects and answers of theirs the resolution kept'),
        overruled: z.number().int().describe('Objects and answers of theirs it did not'),
      }),
    ),
  })
  .meta({ id: 'ConsensusResolution' });
export type Resolution = z.infer<typeof ResolutionOut>;

export const ConsensusRoundOut = z
  .object({
    roundId: z.string(),
    taskId: z.string(),
    stageId: z.string().describe('The consensus stage that closed'),
    closedAt: z.string(),
    closedBy: z.enum(['all_in', 'deadline']),
    state: z.enum(['accepted', 'review', 'resolved']),
    score: z.number(),
    branches: z.array(
      z.object({
        annotatorId: z.string(),
        name: z.string().nullable(),
        branch: z.string(),
        revision: z.number().int(),
        agreement: z.number().describe('With the other annotators, 0–1'),
        document: LabelDocumentSchema,
      }),
    ),
    agreement: TaskAgreementOut,
    consensus: LabelDocumentSchema.describe('The labels the annotators agree on (what auto-accept keeps)'),
    consensusRevision: z.number().int(),
    mainRevision: z.number().int().describe('The main branch’s head now'),
    resolution: ResolutionOut.nullable(),
  })
  .meta({ id: 'ConsensusRound' });
