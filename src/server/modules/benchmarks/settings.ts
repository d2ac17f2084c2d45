import { z } from 'zod';
import type { ScoringConfigInput } from '../../../core/benchmark/index.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import { invalid, revisionConflict } from '../../http/errors.ts';
import { currentWorkflow } from '../queue/workflow-store.ts';

// A project's benchmark settings: how submissions are scored against gold (src/core/benchmark),
// whom it screens before serving real tasks, and how often gold tasks are mixed into annotate
// stages. One row per project, JSON columns, a revision for concurrent edits.

const Ratio = z.number().min(0).max(1);
const Weight = z.number().min(0).max(100);
const FeatureKey = z.string().min(1).max(64);

export const ScoringIn = z
  .strictObject({
    thresholds: z
      .strictObject({
        bounding_box: Ratio.optional(),
        rotatable_box: Ratio.optional(),
        polygon: Ratio.optional(),
        polyline: Ratio.optional(),
        point: Ratio.optional(),
        keypoint_skeleton: Ratio.optional(),
      })
      .optional()
      .describe(
        'Minimum similarity (IoU for areas) for a submitted object to match a gold one, per shape type',
      ),
    pointTolerance: z
      .number()
      .min(0)
      .max(1000)
      .optional()
      .describe('Points, polylines, skeletons: pixels at which similarity is exp(-1/2)'),
    weights: z
      .strictObject({
        localisation: Weight.optional(),
        class: Weight.optional(),
        attributes: Weight.optional(),
      })
      .optional()
      .describe('Weights of the components of a matched object’s score'),
    classWeights: z.record(FeatureKey, Weight).optional().describe('Object class feature id → weight'),
    questionWeights: z.record(FeatureKey, Weight).optional().describe('Classification feature id → weight'),
  })
  .meta({ id: 'ScoringConfigInput' });

export const ScreeningSettings = z
  .strictObject({
    goldSetId: z.string().min(1).max(64),
    taskCount: z.number().int().min(1).max(500).describe('K: gold tasks per attempt'),
    passThreshold: Ratio.describe('The mean score an attempt needs to pass'),
    maxAttempts: z.number().int().min(1).max(100).describe('Attempts allowed (1: no retry)'),
    feedback: z
      .boolean()
      .describe('Training mode: after each screening task the annotator sees their labels against the gold'),
  })
  .meta({ id: 'ScreeningSettings' });
export type ScreeningSettings = z.infer<typeof ScreeningSettings>;

export const MonitoringSettings = z
  .strictObject({
    goldSetId: z.string().min(1).max(64),
    everyN: z
      .number()
      .int()
      .min(2)
      .max(10_000)
      .describe('One task in N an annotator is served is a gold task (N − 1 real tasks, then one gold)'),
    stageIds: z
      .array(z.string().min(1).max(64))
      .max(100)
      .describe('The annotate stages to mix gold into; empty: every annotate stage'),
  })
  .meta({ id: 'MonitoringSettings' });
export type MonitoringSettings = z.infer<typeof MonitoringSettings>;

export const BenchmarkSettingsIn = z.strictObject({
  revision: z.number().int().min(0).describe('The revision you read (0 before the first save)'),
  scoring: ScoringIn,
  screening: ScreeningSettings.nullable(),
  monitoring: MonitoringSettings.nullable(),
});
export type BenchmarkSettingsIn = z.infer<typeof BenchmarkSettingsIn>;

export interface BenchmarkSettings {
  scoring: ScoringConfigInput;
  screening: ScreeningSettings | null;
  monitoring: MonitoringSettings | null;
  revision: number;
  updatedAt: string | null;
}

const NONE: BenchmarkSettings = {
  scoring: {},
  screening: null,
  monitoring: null,
  revision: 0,
  updatedAt: null,
};

export async function benchmarkSettings(db: Executor, projectId: string): Promise<BenchmarkSettings> {
  const row = await db
    .selectFrom('benchmark_settings')
    .selectAll()
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!row) return NONE;
  return {
    scoring: JSON.parse(row.scoring) as ScoringConfigInput,
    screening: row.screening === null ? null : (JSON.parse(row.screening) as ScreeningSettings),
    monitoring: row.monitoring === null ? null : (JSON.parse(row.monitoring) as MonitoringSettings),
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}

/** Checks what the schema cannot: the gold sets are the project's, the stages its annotate stages. */
async function requireConsistent(trx: Executor, projectId: string, input: BenchmarkSettingsIn) {
  for (const key of ['screening', 'monitoring'] as const) {
    const use = input[key];
    if (!use) continue;
    const set = await trx
      .selectFrom('gold_sets')
      .leftJoin('gold_tasks', 'gold_tasks.gold_set_id', 'gold_sets.id')
      .select((eb) => eb.fn.count('gold_tasks.id').as('n'))
      .where('gold_sets.id', '=', use.goldSetId)
      .where('gold_sets.project_id', '=', projectId)
      .groupBy('gold_sets.id')
      .executeTakeFirst();
    if (!set) throw invalid(`${key}.goldSetId`, 'No gold set of this project has that id.');
    const n = Number(set.n);
    if (n === 0) throw invalid(`${key}.goldSetId`, 'That gold set has no gold tasks yet.');
    if (key === 'screening' && input.screening!.taskCount > n) {
      throw invalid('screening.taskCount', `An attempt needs more gold tasks than the set has (${n}).`);
    }
  }
  if (input.monitoring && input.monitoring.stageIds.length > 0) {
    const { workflow } = await currentWorkflow(trx, projectId);
    input.monitoring.stageIds.forEach((id, i) => {
      const stage = workflow.stages.find((s) => s.id === id);
      if (stage?.type !== 'annotate') {
        throw invalid(
          `monitoring.stageIds.${i}`,
          `“${id}” is not an annotate stage of the project’s workflow.`,
        );
      }
    });
  }
}

/** Replaces the settings when `input.revision` is the current one (409 revision_conflict otherwise). */
export async function saveBenchmarkSettings(
  trx: Executor,
  projectId: string,
  input: BenchmarkSettingsIn,
  userId: string,
  now: number,
): Promise<BenchmarkSettings> {
  const current = await benchmarkSettings(trx, projectId);
  if (current.revision !== input.revision) throw revisionConflict('Benchmark settings', current.revision);
  await requireConsistent(trx, projectId, input);
  const values = {
    scoring: JSON.stringify(input.scoring),
    screening: input.screening ? JSON.stringify(input.screening) : null,
    monitoring: input.monitoring ? JSON.stringify(input.monitoring) : null,
    revision: current.revision + 1,
    updated_by: userId,
    updated_at: nowIso(now),
  };
  if (current.revision === 0) {
    await trx
      .insertInto('benchmark_settings')
      .values({ project_id: projectId, ...values })
      .execute();
  } else {
    const done = await trx
      .updateTable('benchmark_settings')
      .set(values)
      .where('project_id', '=', projectId)
      .where('revision', '=', current.revision)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw revisionConflict('Benchmark settings', current.revision + 1);
  }
  return benchmarkSettings(trx, projectId);
}
