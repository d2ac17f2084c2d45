import {
  type Edge,
  type EdgeKind,
  type Outcome,
  REQUIRED_EDGE_KINDS,
  type RouterBranch,
  SETTINGS_BY_TYPE,
  STAGE_TYPE_LABELS,
  START_STAGE_TYPES,
  type Stage,
  type StageSettings,
  type StageType,
  WORKFLOW_FORMAT_VERSION,
  type Workflow,
  type WorkflowIssue,
} from '../../../core/workflow/index.ts';

// Edits of a workflow document as pure functions (each returns a new document), so the builder's
// canvas, its side panel and the tests all change a workflow the same way.

export const emptyWorkflow = (): Workflow => ({
  formatVersion: WORKFLOW_FORMAT_VERSION,
  stages: [],
  edges: [],
});

const OUTCOME_PHRASES: Record<Outcome, string> = { done: 'done', approved: 'approved', rejected: 'rejected' };

/** "When approved, go to": the label of the select that sets a stage's edge of one kind. */
export const thenGoToLabel = (kind: Outcome) => `When ${OUTCOME_PHRASES[kind]}, go to`;

/** The plain (non-branch) edge kinds a stage needs. */
export const outcomesOf = (type: StageType): Outcome[] =>
  REQUIRED_EDGE_KINDS[type].filter((k): k is Outcome => k !== 'branch');

/** A new stage of `type`: named after the type (numbered when taken), with a fresh id. */
export function addStage(w: Workflow, type: StageType): { workflow: Workflow; stageId: string } {
  const ids = new Set(w.stages.map((s) => s.id));
  const names = new Set(w.stages.map((s) => s.name.trim().toLowerCase()));
  const idOf = (n: number) => (n === 1 ? type : `${type}-${n}`);
  const nameOf = (n: number) => (n === 1 ? STAGE_TYPE_LABELS[type] : `${STAGE_TYPE_LABELS[type]} ${n}`);
  let n = 1;
  while (ids.has(idOf(n)) || names.has(nameOf(n).toLowerCase())) n++;
  const id = idOf(n);
  const stage: Stage = {
    id,
    name: nameOf(n),
    type,
    settings: type === 'consensus' ? { annotatorCount: 2 } : {},
  };
  // The first stage that can start a workflow starts it, so a new workflow has no "no start" issue.
  if (START_STAGE_TYPES.includes(type) && !w.stages.some((s) => s.start)) stage.start = true;
  return { workflow: { ...w, stages: [...w.stages, stage] }, stageId: id };
}

export function updateStage(w: Workflow, stageId: string, change: (s: Stage) => Stage): Workflow {
  return { ...w, stages: w.stages.map((s) => (s.id === stageId ? change(s) : s)) };
}

/** Sets (or, with `undefined`, removes) one setting of a stage. */
export function setSetting<K extends keyof StageSettings>(
  w: Workflow,
  stageId: string,
  key: K,
  value: StageSettings[K],
): Workflow {
  return updateStage(w, stageId, (s) => {
    const settings = { ...s.settings };
    if (value === undefined) delete settings[key];
    else settings[key] = value;
    return { ...s, settings };
  });
}

/** Makes `stageId` the one start stage (or clears its flag). */
export function setStart(w: Workflow, stageId: string, start: boolean): Workflow {
  return {
    ...w,
    stages: w.stages.map((s) => {
      const { start: _old, ...rest } = s;
      if (s.id === stageId) return start ? { ...rest, start: true } : rest;
      return start ? rest : s;
    }),
  };
}

/** Removes a stage and every edge to or from it. */
export function removeStage(w: Workflow, stageId: string): Workflow {
  return {
    ...w,
    stages: w.stages.filter((s) => s.id !== stageId),
    edges: w.edges.filter((e) => e.from !== stageId && e.to !== stageId),
  };
}

/** Points a stage's `kind` edge at `to` (replacing the one there), or removes it when `to` is empty. */
export function setOutcomeEdge(w: Workflow, from: string, kind: Outcome, to: string): Workflow {
  const index = w.edges.findIndex((e) => e.from === from && e.kind === kind);
  const edges = [...w.edges];
  if (!to) {
    if (index >= 0) edges.splice(index, 1);
  } else if (index >= 0) edges[index] = { from, to, kind };
  else edges.push({ from, to, kind });
  return { ...w, edges };
}

export function removeEdge(w: Workflow, index: number): Workflow {
  return { ...w, edges: w.edges.filter((_, i) => i !== index) };
}

/** The edges leaving a router, each with its index in `w.edges`. */
export const branchesOf = (w: Workflow, routerId: string) =>
  w.edges
    .map((edge, index) => ({ edge, index }))
    .filter(
      (x): x is { edge: Extract<Edge, { kind: 'branch' }>; index: number } =>
        x.edge.from === routerId && x.edge.kind === 'branch',
    );

/** A new branch of a router; `to` may be empty until chosen (then the branch is an issue to fix). */
export function addBranch(w: Workflow, from: string, branch: RouterBranch, to = ''): Workflow {
  return { ...w, edges: [...w.edges, { from, to, kind: 'branch', branch }] };
}

export function updateEdge(w: Workflow, index: number, change: (e: Edge) => Edge): Workflow {
  return { ...w, edges: w.edges.map((e, i) => (i === index ? change(e) : e)) };
}

/** The branch a connection drawn from a router's handle gets: "otherwise" first, then 10%. */
export const defaultBranch = (w: Workflow, routerId: string): RouterBranch =>
  branchesOf(w, routerId).some((b) => b.edge.branch.kind === 'otherwise')
    ? { kind: 'percentage', percent: 10 }
    : { kind: 'otherwise' };

/** Connects `from` to `to` by the handle `kind`, as a drag on the canvas does. */
export function connect(w: Workflow, from: string, kind: EdgeKind, to: string): Workflow {
  if (kind === 'branch') return addBranch(w, from, defaultBranch(w, from), to);
  return setOutcomeEdge(w, from, kind, to);
}

/** Drops settings the stage type does not take (e.g. left from a document edited by hand). */
export const applicableSettings = (s: Stage) => SETTINGS_BY_TYPE[s.type];

export const branchLabel = (b: RouterBranch) =>
  b.kind === 'percentage' ? `${b.percent}%` : b.kind === 'collaborator' ? 'collaborators' : 'otherwise';

export const edgeLabel = (e: Edge) => (e.kind === 'branch' ? branchLabel(e.branch) : e.kind);

const GAP_X = 260;
const GAP_Y = 150;

/**
 * Where each stage is drawn: its own `position`, or else a column by its distance (in edges) from
 * the start stage, left to right; stages no path reaches go in a last column.
 */
export function layout(w: Workflow): Map<string, { x: number; y: number }> {
  const depth = new Map<string, number>();
  const start = w.stages.find((s) => s.start) ?? w.stages[0];
  if (start) {
    depth.set(start.id, 0);
    const queue = [start.id];
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const e of w.edges)
        if (e.from === id && !depth.has(e.to) && w.stages.some((s) => s.id === e.to)) {
          depth.set(e.to, depth.get(id)! + 1);
          queue.push(e.to);
        }
    }
  }
  const lastColumn = Math.max(-1, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  const out = new Map<string, { x: number; y: number }>();
  for (const s of w.stages) {
    if (s.position) {
      out.set(s.id, s.position);
      continue;
    }
    const column = depth.get(s.id) ?? lastColumn;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    out.set(s.id, { x: column * GAP_X, y: row * GAP_Y });
  }
  return out;
}

export const setPosition = (w: Workflow, stageId: string, position: { x: number; y: number }) =>
  updateStage(w, stageId, (s) => ({
    ...s,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  }));

// Where an issue belongs, from its path: `stages[2].name`, `stages[2].settings.leaseMinutes`,
// `edges[4].branch.percent`, or a whole stage (`stages[2]`, with stageId).

const STAGE_PATH = /^stages\[(\d+)\](?:\.(.+))?$/;
const EDGE_PATH = /^edges\[(\d+)\](?:\.(.+))?$/;

/** Issues about one field of a stage (`name`, `start`, `settings.sampleRate`, …). */
export function stageFieldIssues(
  w: Workflow,
  issues: readonly WorkflowIssue[],
  stageId: string,
  field: string,
) {
  return issues.filter((i) => {
    const m = i.path ? STAGE_PATH.exec(i.path) : null;
    return m && w.stages[Number(m[1])]?.id === stageId && (m[2] === field || m[2]?.startsWith(`${field}.`));
  });
}

/** Issues about one edge (by index). */
export const edgeIssues = (issues: readonly WorkflowIssue[], index: number) =>
  issues.filter((i) => {
    const m = i.path ? EDGE_PATH.exec(i.path) : null;
    return m !== null && Number(m[1]) === index;
  });

/** A stage's "missing edge" issue for one kind (the select of that kind shows it). */
export const missingEdgeIssues = (issues: readonly WorkflowIssue[], stageId: string, kind: Outcome) =>
  issues.filter((i) => i.code === 'missing_edge' && i.stageId === stageId && i.message.includes(`“${kind}”`));

/** Everything said about a stage, to show on its node. */
export const stageIssues = (issues: readonly WorkflowIssue[], stageId: string) =>
  issues.filter((i) => i.stageId === stageId);

/** The issue as a sentence that says where: “Review”: needs a “done” edge. */
export function issueText(w: Workflow, i: WorkflowIssue): string {
  const stage = i.stageId ? w.stages.find((s) => s.id === i.stageId) : undefined;
  if (!stage) return i.message;
  const name = stage.name.trim() || stage.id;
  return i.message.includes(`“${name}”`) ? i.message : `${name}: ${i.message}`;
}

/** Stage ids of `before` that `after` no longer has. */
export const removedStages = (before: Workflow, after: Workflow) =>
  before.stages.filter((s) => !after.stages.some((t) => t.id === s.id));
