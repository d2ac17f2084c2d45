import { z } from 'zod';

// The workflow document: the graph of stages a project's tasks move through. Pure data, shared
// by the server (which validates and stores it) and the web builder (which edits it and validates
// it with the same code). The structure is checked by zod here; the rules across stages and
// edges are in validate.ts.

export const WORKFLOW_FORMAT_VERSION = 1 as const;

export const STAGE_TYPES = [
  'annotate',
  'review',
  'consensus',
  'consensus_review',
  'router',
  'complete',
  'archive',
] as const;
export type StageType = (typeof STAGE_TYPES)[number];

export const STAGE_TYPE_LABELS: Record<StageType, string> = {
  annotate: 'Annotate',
  review: 'Review',
  consensus: 'Consensus',
  consensus_review: 'Consensus review',
  router: 'Router',
  complete: 'Complete',
  archive: 'Archive',
};

/** Stages where a task ends: no outgoing edges. */
export const TERMINAL_STAGE_TYPES: readonly StageType[] = ['complete', 'archive'];
/** Stages a workflow may start at. */
export const START_STAGE_TYPES: readonly StageType[] = ['annotate', 'consensus'];
/** Stages where people work on tasks (and so have workers, leases, queues). */
export const WORK_STAGE_TYPES: readonly StageType[] = ['annotate', 'review', 'consensus', 'consensus_review'];
/** Work stages whose workers are the project's reviewers (the others': its annotators). */
export const REVIEW_STAGE_TYPES: readonly StageType[] = ['review', 'consensus_review'];

export const EDGE_KINDS = ['done', 'approved', 'rejected', 'branch'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];
/** What a person's work in a stage can end with; routers instead pick a branch. */
export type Outcome = 'done' | 'approved' | 'rejected';

/** The edge kinds a stage of each type has, each exactly once (routers: one or more `branch`). */
export const REQUIRED_EDGE_KINDS: Record<StageType, readonly EdgeKind[]> = {
  annotate: ['done'],
  consensus: ['done'],
  review: ['approved', 'rejected'],
  consensus_review: ['approved', 'rejected'],
  router: ['branch'],
  complete: [],
  archive: [],
};

/** Bounds that keep a document (and every check and builder view over it) small. */
export const WORKFLOW_LIMITS = {
  stages: 100,
  edges: 500,
  branchesPerRouter: 20,
  idsPerBranch: 1000,
  nameLength: 100,
  minAnnotators: 2,
  maxAnnotators: 10,
  minLeaseMinutes: 1,
  maxLeaseMinutes: 1440,
  minDeadlineHours: 1,
  maxDeadlineHours: 8760,
} as const;

/** How a consensus stage shapes the labels of an object its annotators agree on. */
export const CONSENSUS_GEOMETRIES = ['best', 'mean'] as const;
export type ConsensusGeometry = (typeof CONSENSUS_GEOMETRIES)[number];

export const DEFAULT_LEASE_MINUTES = 30;

/** Who may work in a stage. Project Admins and Team Managers always may, whatever this says. */
export type StageWorkers = { mode: 'all' } | { mode: 'selected'; userIds: string[]; groupIds: string[] };

export interface StageSettings {
  /** Work stages. Default `{mode: 'all'}`: the project's annotators (annotate, consensus) or reviewers (review stages). */
  workers?: StageWorkers | undefined;
  /** Consensus (required): how many people label each task independently, 2–10. */
  annotatorCount?: number | undefined;
  /**
   * Consensus: how many branches must be in for the task to move on once the deadline has passed,
   * 1–annotatorCount (default: all). Without a deadline every branch is awaited.
   */
  minimumToProceed?: number | undefined;
  /** Consensus: hours after the task entered the stage when it moves on with the branches that are in. */
  deadlineHours?: number | undefined;
  /**
   * Consensus: a task whose agreement score (0–1) is at least this is accepted with the consensus
   * labels and passes the consensus review stages after it (default: none is, every task is reviewed).
   */
  autoAcceptThreshold?: number | undefined;
  /** Consensus: the geometry of an agreed object: the best-agreeing annotator's, or the members' mean (default best). */
  consensusGeometry?: ConsensusGeometry | undefined;
  /** Review: the percentage of tasks reviewed, 0–100 (default 100); the rest pass as approved. */
  sampleRate?: number | undefined;
  /** Work stages: minutes of inactivity after which a claim lapses, 1–1440 (default 30). */
  leaseMinutes?: number | undefined;
  /** Work stages: push-only; workers see only tasks assigned to them (default false). */
  hideUnassignedTasks?: boolean | undefined;
  /** Work stages: whoever worked a task in an earlier stage may be served it here (default false). */
  allowReassessment?: boolean | undefined;
  /**
   * Review stages ("reviewer edits"): whoever holds the task here may also change its labels (a new
   * revision of the main branch, authored by them), not only approve or reject them (default false).
   */
  allowReviewerEdits?: boolean | undefined;
  /**
   * Review stages ("self review"): people who submitted the task in an annotate or consensus stage
   * may review it here (default false: they are not served it, and their decisions are refused).
   */
  reviewOwnWork?: boolean | undefined;
}

/** Which settings each stage type takes; any other setting present is an issue. */
export const SETTINGS_BY_TYPE: Record<StageType, readonly (keyof StageSettings)[]> = {
  annotate: ['workers', 'leaseMinutes', 'hideUnassignedTasks', 'allowReassessment'],
  consensus: [
    'workers',
    'annotatorCount',
    'minimumToProceed',
    'deadlineHours',
    'autoAcceptThreshold',
    'consensusGeometry',
    'leaseMinutes',
    'hideUnassignedTasks',
    'allowReassessment',
  ],
  review: [
    'workers',
    'sampleRate',
    'leaseMinutes',
    'hideUnassignedTasks',
    'allowReassessment',
    'allowReviewerEdits',
    'reviewOwnWork',
  ],
  consensus_review: [
    'workers',
    'leaseMinutes',
    'hideUnassignedTasks',
    'allowReassessment',
    'allowReviewerEdits',
    'reviewOwnWork',
  ],
  router: [],
  complete: [],
  archive: [],
};

export interface Stage {
  /** Stable id: tasks, events and the builder refer to it; never reused for another stage. */
  id: string;
  name: string;
  type: StageType;
  /** The stage new tasks enter. Exactly one stage has it. */
  start?: boolean | undefined;
  settings: StageSettings;
  /** Where the builder draws the stage; no meaning to the engine. */
  position?: { x: number; y: number } | undefined;
}

export type RouterBranch =
  | { kind: 'percentage'; percent: number }
  | { kind: 'collaborator'; userIds: string[]; groupIds: string[] }
  | { kind: 'otherwise' };

export type Edge =
  | { from: string; to: string; kind: Outcome }
  | { from: string; to: string; kind: 'branch'; branch: RouterBranch };

export interface Workflow {
  formatVersion: typeof WORKFLOW_FORMAT_VERSION;
  stages: Stage[];
  edges: Edge[];
}

const L = WORKFLOW_LIMITS;

export const STAGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const StageId = z.string().regex(STAGE_ID_PATTERN, { error: 'must be 1–64 letters, digits, - or _' });
const PrincipalIds = z.array(z.string().min(1).max(64)).max(L.idsPerBranch);

const WorkersSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('all') }),
  z.strictObject({ mode: z.literal('selected'), userIds: PrincipalIds, groupIds: PrincipalIds }),
]);

// Ranges are left to validateWorkflow, so each comes with its own issue code.
const SettingsSchema = z.strictObject({
  workers: WorkersSchema.optional(),
  annotatorCount: z.number().optional(),
  minimumToProceed: z.number().optional(),
  deadlineHours: z.number().optional(),
  autoAcceptThreshold: z.number().optional(),
  consensusGeometry: z.enum(CONSENSUS_GEOMETRIES).optional(),
  sampleRate: z.number().optional(),
  leaseMinutes: z.number().optional(),
  hideUnassignedTasks: z.boolean().optional(),
  allowReassessment: z.boolean().optional(),
  allowReviewerEdits: z.boolean().optional(),
  reviewOwnWork: z.boolean().optional(),
});

export const StageSchema = z.strictObject({
  id: StageId,
  name: z.string().max(L.nameLength),
  type: z.enum(STAGE_TYPES),
  start: z.boolean().optional(),
  settings: SettingsSchema,
  position: z
    .strictObject({ x: z.number().min(-100_000).max(100_000), y: z.number().min(-100_000).max(100_000) })
    .optional(),
});

const BranchSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percentage'), percent: z.number() }),
  z.strictObject({ kind: z.literal('collaborator'), userIds: PrincipalIds, groupIds: PrincipalIds }),
  z.strictObject({ kind: z.literal('otherwise') }),
]);

export const EdgeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    from: z.string().max(64),
    to: z.string().max(64),
    kind: z.enum(['done', 'approved', 'rejected']),
  }),
  z.strictObject({
    from: z.string().max(64),
    to: z.string().max(64),
    kind: z.literal('branch'),
    branch: BranchSchema,
  }),
]);

/** The document's structure (types, keys, sizes). `validateWorkflow` adds the rules of the graph. */
export const WorkflowSchema = z
  .strictObject({
    formatVersion: z.literal(WORKFLOW_FORMAT_VERSION),
    stages: z.array(StageSchema).max(L.stages),
    edges: z.array(EdgeSchema).max(L.edges),
  })
  .meta({
    id: 'Workflow',
    description:
      'A workflow: the stages tasks move through and the edges between them (see docs/workflows.md)',
  }) as unknown as z.ZodType<Workflow>;

/** A stage's settings with every default filled in. */
export interface ResolvedStageSettings {
  workers: StageWorkers;
  annotatorCount: number;
  minimumToProceed: number;
  /** Null: no deadline. */
  deadlineHours: number | null;
  /** Null: never auto-accept. */
  autoAcceptThreshold: number | null;
  consensusGeometry: ConsensusGeometry;
  sampleRate: number;
  leaseMinutes: number;
  hideUnassignedTasks: boolean;
  allowReassessment: boolean;
  allowReviewerEdits: boolean;
  reviewOwnWork: boolean;
}

/** The settings the engine acts on: defaults filled in (consensus count is 1 outside consensus stages). */
export function resolveSettings(stage: Stage): ResolvedStageSettings {
  const s = stage.settings;
  const annotatorCount = stage.type === 'consensus' ? (s.annotatorCount ?? L.minAnnotators) : 1;
  return {
    workers: s.workers ?? { mode: 'all' },
    annotatorCount,
    minimumToProceed: stage.type === 'consensus' ? (s.minimumToProceed ?? annotatorCount) : 1,
    deadlineHours: stage.type === 'consensus' ? (s.deadlineHours ?? null) : null,
    autoAcceptThreshold: stage.type === 'consensus' ? (s.autoAcceptThreshold ?? null) : null,
    consensusGeometry: s.consensusGeometry ?? 'best',
    sampleRate: stage.type === 'review' ? (s.sampleRate ?? 100) : 100,
    leaseMinutes: s.leaseMinutes ?? DEFAULT_LEASE_MINUTES,
    hideUnassignedTasks: s.hideUnassignedTasks ?? false,
    allowReassessment: s.allowReassessment ?? false,
    allowReviewerEdits: s.allowReviewerEdits ?? false,
    reviewOwnWork: s.reviewOwnWork ?? false,
  };
}
