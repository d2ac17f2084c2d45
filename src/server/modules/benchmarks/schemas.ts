import { z } from 'zod';
import { LabelDocumentSchema } from '../../../core/labels/index.ts';
import { MonitoringSettings, ScoringIn, ScreeningSettings } from './settings.ts';

// What the benchmark API answers with (inputs are next to the code that checks them).

const Shape = z.enum(['bounding_box', 'rotatable_box', 'polygon', 'polyline', 'point', 'keypoint_skeleton']);

export const BenchmarkSettingsOut = z
  .object({
    scoring: ScoringIn.describe('As saved; what is left out takes the default (docs/benchmark.md)'),
    screening: ScreeningSettings.nullable(),
    monitoring: MonitoringSettings.nullable(),
    revision: z.number().int().describe('0 until first saved'),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'BenchmarkSettings' });

export const GoldSetOut = z
  .object({
    id: z.string(),
    projectId: z.string(),
    name: z.string(),
    description: z.string(),
    taskCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    revision: z.number().int(),
  })
  .meta({ id: 'GoldSet' });

export const GoldSetDetailOut = GoldSetOut.extend({
  tasks: z.array(
    z.object({
      id: z.string(),
      dataUnitId: z.string(),
      title: z.string(),
      sourceTaskId: z
        .string()
        .nullable()
        .describe('The completed task the gold was taken from; null: imported'),
      sourceRevision: z.number().int().nullable(),
      objects: z.number().int(),
      classifications: z.number().int(),
      createdAt: z.string(),
    }),
  ),
}).meta({ id: 'GoldSetDetail' });

export const ScreeningAttemptOut = z
  .object({
    id: z.string(),
    userId: z.string(),
    number: z.number().int(),
    state: z.enum(['in_progress', 'passed', 'failed']),
    taskCount: z.number().int(),
    scored: z.number().int().describe('Gold tasks of the attempt scored so far'),
    passThreshold: z.number(),
    meanScore: z.number().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ScreeningAttempt' });

export const ScreeningStatusOut = z
  .object({
    screening: z
      .object({
        taskCount: z.number().int(),
        passThreshold: z.number(),
        maxAttempts: z.number().int(),
        feedback: z.boolean(),
      })
      .nullable()
      .describe('null: the project screens nobody'),
    attempts: z.array(ScreeningAttemptOut.extend({ name: z.string().nullable() })),
  })
  .meta({ id: 'ScreeningStatus' });

const ObjectOutcomeOut = z.object({
  kind: z.enum(['matched', 'wrong_class', 'missed', 'extra']),
  goldId: z.string().optional(),
  submittedId: z.string().optional(),
  featureId: z.string().describe('The gold object’s class (extra: the submitted object’s)'),
  submittedFeatureId: z.string().optional().describe('wrong_class: the class drawn'),
  shape: Shape,
  similarity: z.number().optional(),
  attributes: z.number().nullable().optional().describe('matched: share of attributes answered alike'),
  wrongAttributes: z.array(z.string()).optional(),
  score: z.number(),
  weight: z.number(),
});

export const TaskScoreOut = z
  .object({
    score: z.number(),
    counts: z.object({
      gold: z.number().int(),
      submitted: z.number().int(),
      matched: z.number().int(),
      missed: z.number().int(),
      extra: z.number().int(),
      wrongClass: z.number().int(),
      wrongAttribute: z.number().int(),
      questions: z.number().int(),
      questionsCorrect: z.number().int(),
    }),
    objects: z.array(ObjectOutcomeOut),
    questions: z.array(
      z.object({
        featureId: z.string(),
        gold: z.string().nullable(),
        submitted: z.string().nullable(),
        correct: z.boolean(),
        score: z.number(),
        weight: z.number(),
      }),
    ),
  })
  .meta({ id: 'TaskScore' });

export const GoldFeedbackOut = z
  .object({
    taskId: z.string().describe('The served gold task (deleted once scored)'),
    projectId: z.string(),
    stageId: z.string().describe('The annotate stage it was served in'),
    dataUnitId: z.string().nullable().describe('The gold data unit (null: its gold task was deleted since)'),
    userId: z.string(),
    purpose: z.enum(['screening', 'monitoring']),
    score: z.number(),
    scoredAt: z.string(),
    result: TaskScoreOut,
    gold: LabelDocumentSchema,
    submitted: LabelDocumentSchema,
    attempt: ScreeningAttemptOut.nullable(),
  })
  .meta({ id: 'GoldFeedback' });
