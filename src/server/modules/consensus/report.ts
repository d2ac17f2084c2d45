import { z } from 'zod';
import { type CodedValue, krippendorffAlpha } from '../../../core/agreement/index.ts';
import type { TaskAgreement } from '../../../core/consensus/index.ts';
import type { OntologyDocument } from '../../../core/ontology/index.ts';
import type { Executor } from '../../db/database.ts';
import type { ConsensusRoundsTable } from '../../db/schema.ts';
import { invalid } from '../../http/errors.ts';
import { projectOntology } from '../labels/heads.ts';
import { currentWorkflow } from '../queue/workflow-store.ts';

// The project agreement report (issue 7): how far the annotators of a consensus stage agree,
// read from the rounds the stage kept when it closed on each task (src/server/modules/consensus/
// close.ts) rather than recomputed from the label documents. Only a task's latest round counts.
// Per-person numbers are aggregated in SQL from consensus_scores; the per-question and per-class
// reliability (Krippendorff's alpha) needs every round's TaskAgreement, parsed once each.

export const HISTOGRAM_BINS = 10;
export const DISPUTED_LIMIT = 20;

export type RoundState = ConsensusRoundsTable['state'];
const ROUND_STATES = ['accepted', 'review', 'resolved'] as const;

const StageRef = z.object({ id: z.string(), name: z.string() });

const QuestionReliabilityOut = z.object({
  featureId: z.string(),
  name: z
    .string()
    .describe('The question’s name in the project’s ontology (its feature id if no longer there)'),
  alpha: z
    .number()
    .nullable()
    .describe(
      'Krippendorff’s alpha (nominal) over the tasks; null when undefined (no variation or no pairs)',
    ),
  units: z.number().int().describe('Tasks where at least one annotator answered the question'),
  agreement: z.number().describe('Mean of the tasks’ agreement on the question, 0–1'),
});

const ClassReliabilityOut = z.object({
  featureId: z.string(),
  name: z
    .string()
    .describe('The object class’s name in the project’s ontology (its feature id if no longer there)'),
  alpha: z
    .number()
    .nullable()
    .describe('Krippendorff’s alpha (nominal) on drew it / did not, over the objects; null when undefined'),
  units: z.number().int().describe('Objects (clusters of the annotators’ drawings) across all tasks'),
  meanSimilarity: z
    .number()
    .nullable()
    .describe('Mean of the objects’ mean similarity (IoU or point similarity)'),
});

const AnnotatorSummaryOut = z.object({
  userId: z.string(),
  name: z.string(),
  tasks: z.number().int(),
  agreement: z.number().describe('Mean agreement with the other annotators of each task, 0–1'),
  resolvedAgreement: z
    .number()
    .nullable()
    .describe('Mean agreement with the resolved labels over resolved tasks; null if none is resolved'),
  won: z.number().int().describe('Units where the resolution kept this annotator’s version'),
  overruled: z.number().int().describe('Units where the resolution differs from this annotator’s version'),
});

const DisputedRoundOut = z.object({
  taskId: z.string(),
  dataUnitName: z.string(),
  score: z.number(),
  state: z.enum(ROUND_STATES),
  closedAt: z.string(),
});

export const AgreementReportOut = z
  .object({
    stageId: z.string().nullable().describe('The consensus stage reported on; null if the workflow has none'),
    stages: z.array(StageRef).describe('The consensus stages of the project’s current workflow'),
    tasks: z.number().int().describe('Tasks with a closed round in the stage (their latest round counts)'),
    accepted: z.number().int(),
    inReview: z.number().int(),
    resolved: z.number().int(),
    score: z.object({
      mean: z.number().nullable(),
      median: z.number().nullable(),
      histogram: z
        .array(z.number().int())
        .length(HISTOGRAM_BINS)
        .describe('Task counts by score: [0, .1), [.1, .2) … [.9, 1]'),
    }),
    questions: z.array(QuestionReliabilityOut),
    classes: z.array(ClassReliabilityOut),
    annotators: z.array(AnnotatorSummaryOut),
    disputed: z
      .array(DisputedRoundOut)
      .describe(`The ${DISPUTED_LIMIT} lowest-scoring tasks (ties by task id)`),
  })
  .meta({ id: 'AgreementReport' });

export type AgreementReport = z.infer<typeof AgreementReportOut>;
export type QuestionReliability = z.infer<typeof QuestionReliabilityOut>;
export type ClassReliability = z.infer<typeof ClassReliabilityOut>;
export type AnnotatorSummary = z.infer<typeof AnnotatorSummaryOut>;

export interface ReportStage {
  stageId: string | null;
  stages: { id: string; name: string }[];
}

/** The stage to report on: the one asked for (a consensus stage of the current workflow), else the first. */
export async function reportStage(db: Executor, projectId: string, stageId?: string): Promise<ReportStage> {
  const { workflow } = await currentWorkflow(db, projectId);
  const stages = workflow.stages
    .filter((s) => s.type === 'consensus')
    .map((s) => ({ id: s.id, name: s.name }));
  if (stageId === undefined) return { stageId: stages[0]?.id ?? null, stages };
  if (!stages.some((s) => s.id === stageId)) {
    throw invalid('stageId', 'must be a consensus stage of the project’s current workflow');
  }
  return { stageId, stages };
}

export async function agreementReport(
  db: Executor,
  projectId: string,
  stageId?: string,
): Promise<AgreementReport> {
  const stage = await reportStage(db, projectId, stageId);
  if (stage.stageId === null) return { ...stage, ...emptyTally().finish(null), annotators: [], disputed: [] };
  const id = stage.stageId;
  // Independent reads: on PostgreSQL they overlap with the JSON work on the rounds.
  const [summary, annotators, disputed] = await Promise.all([
    roundSummary(db, projectId, id),
    annotatorSummaries(db, projectId, id),
    disputedRounds(db, projectId, id, DISPUTED_LIMIT),
  ]);
  return { ...stage, ...summary, annotators, disputed };
}

/** Counts, scores and per-question / per-class reliability of the stage's latest rounds. */
export async function roundSummary(db: Executor, projectId: string, stageId: string) {
  // Only the columns the numbers need: the agreement JSON is most of a row, and is needed.
  const [rows, ontology] = await Promise.all([
    db
      .selectFrom('consensus_rounds')
      .select(['score', 'state', 'agreement'])
      .where('project_id', '=', projectId)
      .where('stage_id', '=', stageId)
      .where('latest', '=', 1)
      .execute(),
    projectOntology(db, projectId),
  ]);
  const tally = emptyTally();
  for (const r of rows) tally.add(r.score, r.state, JSON.parse(r.agreement) as TaskAgreement);
  return tally.finish(ontology);
}

/** Per annotator over the stage's latest rounds, aggregated in SQL; by name, then id. */
export async function annotatorSummaries(
  db: Executor,
  projectId: string,
  stageId: string,
): Promise<AnnotatorSummary[]> {
  const rows = await db
    .selectFrom('consensus_scores as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select((eb) => [
      's.user_id',
      'u.name',
      eb.fn.countAll().as('tasks'),
      eb.fn.avg('s.agreement').as('agreement'),
      eb.fn.avg('s.resolved_agreement').as('resolved_agreement'),
      eb.fn.sum('s.won').as('won'),
      eb.fn.sum('s.overruled').as('overruled'),
    ])
    .where('s.project_id', '=', projectId)
    .where('s.stage_id', '=', stageId)
    .where('s.latest', '=', 1)
    .groupBy(['s.user_id', 'u.name'])
    .orderBy('u.name')
    .orderBy('s.user_id')
    .execute();
  // PostgreSQL returns count and sum as bigint strings (and avg of a double as a number).
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    tasks: num(r.tasks) ?? 0,
    agreement: num(r.agreement) ?? 0,
    resolvedAgreement: num(r.resolved_agreement),
    won: num(r.won) ?? 0,
    overruled: num(r.overruled) ?? 0,
  }));
}

/** Every latest round of the stage with its data unit, lowest score first (ties by task id); `limit` for the disputed list. */
export async function disputedRounds(db: Executor, projectId: string, stageId: string, limit?: number) {
  let query = db
    .selectFrom('consensus_rounds as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .innerJoin('data_units as u', 'u.id', 't.data_unit_id')
    .select(['r.task_id', 'u.title', 'r.score', 'r.state', 'r.closed_at'])
    .where('r.project_id', '=', projectId)
    .where('r.stage_id', '=', stageId)
    .where('r.latest', '=', 1)
    .orderBy('r.score')
    .orderBy('r.task_id');
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    taskId: r.task_id,
    dataUnitName: r.title,
    score: r.score,
    state: r.state,
    closedAt: r.closed_at,
  }));
}

/** Every latest round of the stage for the CSV download, by task id. */
export async function roundListing(db: Executor, projectId: string, stageId: string) {
  const rows = await db
    .selectFrom('consensus_rounds as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .innerJoin('data_units as u', 'u.id', 't.data_unit_id')
    .select((eb) => [
      'r.task_id',
      'u.title',
      'r.score',
      'r.state',
      'r.closed_at',
      'r.closed_by',
      eb
        .selectFrom('consensus_scores as s')
        .select(eb.fn.countAll().as('n'))
        .whereRef('s.round_id', '=', 'r.id')
        .as('annotators'),
    ])
    .where('r.project_id', '=', projectId)
    .where('r.stage_id', '=', stageId)
    .where('r.latest', '=', 1)
    .orderBy('r.task_id')
    .execute();
  return rows.map((r) => ({
    taskId: r.task_id,
    dataUnitName: r.title,
    score: r.score,
    state: r.state,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    annotators: Number(r.annotators ?? 0),
  }));
}

/**
 * Reliability units gathered task by task. Krippendorff's alpha depends only on the values each
 * unit received (its coincidences), not on who gave them, so a unit's values go in the first rows
 * of the reliability matrix rather than one row per annotator of the stage: the same alpha, with
 * as many rows as the largest task has annotators instead of every annotator who ever worked the
 * stage (mostly empty cells).
 */
interface QuestionUnits {
  /** Per task: the annotators' values (null = unanswered, which alpha treats as missing). */
  units: (string | null)[][];
  agreementSum: number;
}

interface ClassUnits {
  /** Per cluster: how many annotators drew it and how many of the task's others did not. */
  drew: number[];
  left: number[];
  width: number;
  similaritySum: number;
  similarityCount: number;
}

export interface RoundTally {
  add(score: number, state: RoundState, agreement: TaskAgreement): void;
  finish(
    ontology: OntologyDocument | null,
  ): Omit<AgreementReport, 'stageId' | 'stages' | 'annotators' | 'disputed'>;
}

/** Accumulates rounds one at a time (so each TaskAgreement is looked at once) into the report's numbers. */
export function emptyTally(): RoundTally {
  const scores: number[] = [];
  const histogram = new Array<number>(HISTOGRAM_BINS).fill(0);
  const counts = { accepted: 0, review: 0, resolved: 0 };
  const questions = new Map<string, QuestionUnits>();
  const classes = new Map<string, ClassUnits>();

  const add = (score: number, state: RoundState, agreement: TaskAgreement) => {
    scores.push(score);
    // The epsilon keeps a score that is 0.7 up to rounding (a mean of unit scores) in the 0.7 bin.
    histogram[Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor(score * HISTOGRAM_BINS + 1e-9)))]! += 1;
    if (state in counts) counts[state] += 1;
    const annotatorIds = agreement.annotatorIds;
    for (const q of agreement.questions) {
      let entry = questions.get(q.featureId);
      if (!entry) {
        entry = { units: [], agreementSum: 0 };
        questions.set(q.featureId, entry);
      }
      entry.units.push(annotatorIds.map((a) => q.values[a] ?? null));
      entry.agreementSum += q.agreement;
    }
    for (const o of agreement.objects) {
      let entry = classes.get(o.featureId);
      if (!entry) {
        entry = { drew: [], left: [], width: 0, similaritySum: 0, similarityCount: 0 };
        classes.set(o.featureId, entry);
      }
      entry.drew.push(o.members.length);
      entry.left.push(o.missing.length);
      entry.width = Math.max(entry.width, o.members.length + o.missing.length);
      if (o.meanSimilarity !== null) {
        entry.similaritySum += o.meanSimilarity;
        entry.similarityCount += 1;
      }
    }
  };

  const finish = (ontology: OntologyDocument | null) => {
    const sorted = Float64Array.from(scores).sort();
    const n = sorted.length;
    const mean = n === 0 ? null : scores.reduce((s, x) => s + x, 0) / n;
    const median =
      n === 0 ? null : n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
    const questionNames = new Map(ontology?.classifications.map((q) => [q.featureId, q.name]));
    const classNames = new Map(ontology?.objects.map((o) => [o.featureId, o.name]));
    return {
      tasks: n,
      accepted: counts.accepted,
      inReview: counts.review,
      resolved: counts.resolved,
      score: { mean, median, histogram },
      questions: inOntologyOrder(questions, questionNames).map(([featureId, q]) => ({
        featureId,
        name: questionNames.get(featureId) ?? featureId,
        alpha: nominalAlpha(slotRows(q.units)),
        units: q.units.length,
        agreement: q.agreementSum / q.units.length,
      })),
      classes: inOntologyOrder(classes, classNames).map(([featureId, c]) => ({
        featureId,
        name: classNames.get(featureId) ?? featureId,
        alpha: nominalAlpha(presenceRows(c)),
        units: c.drew.length,
        meanSimilarity: c.similarityCount === 0 ? null : c.similaritySum / c.similarityCount,
      })),
    };
  };
  return { add, finish };
}

/** Features as the ontology lists them, then any it no longer has, by feature id. */
function inOntologyOrder<T>(found: Map<string, T>, names: Map<string, string>): [string, T][] {
  const order = new Map([...names.keys()].map((id, i) => [id, i]));
  return [...found].sort(([a], [b]) => {
    const ia = order.get(a) ?? Number.POSITIVE_INFINITY;
    const ib = order.get(b) ?? Number.POSITIVE_INFINITY;
    return ia !== ib ? ia - ib : a < b ? -1 : a > b ? 1 : 0;
  });
}

/** Units' values as reliability rows: row r holds each unit's r-th value (null past its end). */
function slotRows(units: readonly (readonly (string | null)[])[]): CodedValue[][] {
  const width = units.reduce((w, u) => Math.max(w, u.length), 0);
  return Array.from({ length: width }, (_, r) => units.map((u) => u[r] ?? null));
}

/** Drew it (1) / did not (0) per cluster, as reliability rows: the ones first, then the zeros. */
function presenceRows(c: ClassUnits): CodedValue[][] {
  return Array.from({ length: c.width }, (_, r) =>
    c.drew.map((ones, u) => (r < ones ? 1 : r < ones + c.left[u]! ? 0 : null)),
  );
}

/** Alpha, or null where Krippendorff leaves it undefined (NaN: no pairable values, or no variation). */
function nominalAlpha(rows: CodedValue[][]): number | null {
  if (rows.length === 0) return null;
  const alpha = krippendorffAlpha(rows, 'nominal');
  return Number.isNaN(alpha) ? null : alpha;
}
