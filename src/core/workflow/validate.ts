import type { z } from 'zod';
import {
  type Edge,
  REQUIRED_EDGE_KINDS,
  SETTINGS_BY_TYPE,
  STAGE_TYPE_LABELS,
  START_STAGE_TYPES,
  type Stage,
  type StageSettings,
  TERMINAL_STAGE_TYPES,
  WORKFLOW_LIMITS,
  type Workflow,
  WorkflowSchema,
} from './format.ts';

/** Every issue code `validateWorkflow` reports (docs/workflows.md explains each). */
export const WORKFLOW_ISSUE_CODES = [
  'invalid_format',
  'too_many_stages',
  'too_many_edges',
  'no_start',
  'multiple_starts',
  'start_type',
  'duplicate_stage_id',
  'empty_stage_name',
  'duplicate_stage_name',
  'unknown_stage',
  'self_loop',
  'edge_kind_not_allowed',
  'terminal_has_edges',
  'missing_edge',
  'duplicate_edge',
  'router_no_branches',
  'router_too_many_branches',
  'router_percent',
  'router_percent_total',
  'router_multiple_otherwise',
  'router_uncovered',
  'branch_no_collaborators',
  'router_loop',
  'no_terminal',
  'unreachable_stage',
  'dead_end',
  'setting_not_applicable',
  'workers_empty',
  'annotator_count',
  'minimum_to_proceed',
  'deadline_hours',
  'auto_accept_threshold',
  'sample_rate',
  'lease_minutes',
] as const;
export type WorkflowIssueCode = (typeof WORKFLOW_ISSUE_CODES)[number];

/** One problem: a machine code, a sentence, and where (a path such as `edges[3].to`, and the stage). */
export interface WorkflowIssue {
  code: WorkflowIssueCode;
  message: string;
  path?: string | undefined;
  stageId?: string | undefined;
}

/** `['stages', 2, 'name']` → `stages[2].name`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

const zodIssues = (error: z.ZodError): WorkflowIssue[] =>
  error.issues.map((i) => {
    const keys = i.code === 'unrecognized_keys' ? i.keys : [];
    const path = keys.length > 0 ? [...i.path, keys[0]!] : i.path;
    const message = keys.length > 0 ? 'is not a field of the workflow format' : i.message;
    return { code: 'invalid_format', path: formatPath(path), message };
  });

const keyOf = (s: string) => s.trim().toLowerCase();
const isInt = (n: number) => Number.isInteger(n);
const label = (s: Stage) => `“${s.name.trim() || s.id}”`;
/** `Annotate` → `an Annotate`. */
const a = (word: string) => `${/^[AEIOU]/.test(word) ? 'an' : 'a'} ${word}`;

/**
 * Checks a workflow: its structure first (zod), then the rules of the graph and of each stage's
 * settings. Returns every problem found; an empty list means the workflow is valid.
 */
export function validateWorkflow(input: unknown): WorkflowIssue[] {
  // Refuse oversized documents before walking them.
  if (typeof input === 'object' && input !== null) {
    const { stages, edges } = input as { stages?: unknown; edges?: unknown };
    const size: WorkflowIssue[] = [];
    if (Array.isArray(stages) && stages.length > WORKFLOW_LIMITS.stages)
      size.push({
        code: 'too_many_stages',
        path: 'stages',
        message: `has ${stages.length} stages; at most ${WORKFLOW_LIMITS.stages} are allowed`,
      });
    if (Array.isArray(edges) && edges.length > WORKFLOW_LIMITS.edges)
      size.push({
        code: 'too_many_edges',
        path: 'edges',
        message: `has ${edges.length} edges; at most ${WORKFLOW_LIMITS.edges} are allowed`,
      });
    if (size.length > 0) return size;
  }
  const parsed = WorkflowSchema.safeParse(input);
  if (!parsed.success) return zodIssues(parsed.error);
  return checkGraph(parsed.data);
}

/** True when `validateWorkflow` finds nothing. */
export const isValidWorkflow = (input: unknown): input is Workflow => validateWorkflow(input).length === 0;

function checkGraph(w: Workflow): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  const add = (code: WorkflowIssueCode, message: string, path?: string, stageId?: string) =>
    issues.push({
      code,
      message,
      ...(path !== undefined && { path }),
      ...(stageId !== undefined && { stageId }),
    });

  // Stages: ids, names, start, settings.
  const byId = new Map<string, Stage>();
  const names = new Map<string, string>();
  w.stages.forEach((s, i) => {
    const path = `stages[${i}]`;
    if (byId.has(s.id)) add('duplicate_stage_id', `repeats the stage id ${s.id}`, `${path}.id`, s.id);
    else byId.set(s.id, s);
    const name = keyOf(s.name);
    if (!name) add('empty_stage_name', 'a stage needs a name', `${path}.name`, s.id);
    else if (names.has(name))
      add('duplicate_stage_name', `repeats the stage name “${s.name.trim()}”`, `${path}.name`, s.id);
    else names.set(name, s.id);
    checkSettings(s, path, add);
  });

  const starts = w.stages.map((s, i) => [s, i] as const).filter(([s]) => s.start === true);
  if (starts.length === 0) add('no_start', 'the workflow needs a start stage', 'stages');
  else if (starts.length > 1)
    for (const [s, i] of starts.slice(1))
      add(
        'multiple_starts',
        `only one stage can be the start; ${label(starts[0]![0])} already is`,
        `stages[${i}].start`,
        s.id,
      );
  const start = starts[0]?.[0];
  if (start && !START_STAGE_TYPES.includes(start.type))
    add(
      'start_type',
      `a workflow starts with an Annotate or Consensus stage, not ${STAGE_TYPE_LABELS[start.type]}`,
      `stages[${starts[0]![1]}].type`,
      start.id,
    );
  if (!w.stages.some((s) => TERMINAL_STAGE_TYPES.includes(s.type)))
    add('no_terminal', 'the workflow needs a Complete or Archive stage', 'stages');

  // Edges: known ends, kinds allowed for the source.
  const out = new Map<string, [Edge, number][]>();
  w.edges.forEach((e, i) => {
    const path = `edges[${i}]`;
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from)
      add('unknown_stage', `starts at ${e.from}, which is not a stage of the workflow`, `${path}.from`);
    if (!to && e.to === '')
      add('unknown_stage', 'leads nowhere yet: choose the stage it goes to', `${path}.to`);
    else if (!to)
      add('unknown_stage', `leads to ${e.to}, which is not a stage of the workflow`, `${path}.to`);
    if (!from || !to) return;
    if (e.from === e.to) {
      add('self_loop', `leads from ${label(from)} back to itself`, path, from.id);
      return;
    }
    if (TERMINAL_STAGE_TYPES.includes(from.type)) {
      add(
        'terminal_has_edges',
        `${label(from)} is ${a(STAGE_TYPE_LABELS[from.type])} stage: tasks end there`,
        path,
        from.id,
      );
      return;
    }
    if (!REQUIRED_EDGE_KINDS[from.type].includes(e.kind)) {
      const allowed = REQUIRED_EDGE_KINDS[from.type].map((k) => `“${k}”`).join(' and ');
      add(
        'edge_kind_not_allowed',
        `${a(STAGE_TYPE_LABELS[from.type])} stage has ${allowed} edges, not “${e.kind}”`,
        `${path}.kind`,
        from.id,
      );
      return;
    }
    const list = out.get(from.id) ?? [];
    list.push([e, i]);
    out.set(from.id, list);
  });

  // Each stage has its edges: plain kinds exactly once; routers valid branches.
  w.stages.forEach((s, i) => {
    if (byId.get(s.id) !== s) return;
    const edges = out.get(s.id) ?? [];
    if (s.type === 'router') {
      checkRouter(s, i, edges, add);
      return;
    }
    for (const kind of REQUIRED_EDGE_KINDS[s.type]) {
      const withKind = edges.filter(([e]) => e.kind === kind);
      if (withKind.length === 0)
        add('missing_edge', `${label(s)} needs a “${kind}” edge`, `stages[${i}]`, s.id);
      for (const [, j] of withKind.slice(1))
        add('duplicate_edge', `${label(s)} already has a “${kind}” edge`, `edges[${j}]`, s.id);
    }
  });

  // Routers may not lead to one another in a circle (a task would pass through them for ever).
  const routerLoop = findRouterLoop(w, byId, out);
  if (routerLoop)
    add(
      'router_loop',
      `routers lead to one another in a circle: ${routerLoop.map((id) => label(byId.get(id)!)).join(' → ')}`,
      'edges',
      routerLoop[0],
    );

  // Reachability: from the start to every stage; from every stage to a terminal.
  const succ = new Map<string, string[]>();
  const pred = new Map<string, string[]>();
  for (const [from, edges] of out)
    for (const [e] of edges) {
      succ.set(from, [...(succ.get(from) ?? []), e.to]);
      pred.set(e.to, [...(pred.get(e.to) ?? []), from]);
    }
  if (start && starts.length === 1) {
    const reached = walk([start.id], succ);
    w.stages.forEach((s, i) => {
      if (!reached.has(s.id) && byId.get(s.id) === s)
        add('unreachable_stage', `no path leads from the start to ${label(s)}`, `stages[${i}]`, s.id);
    });
  }
  const terminals = w.stages.filter((s) => TERMINAL_STAGE_TYPES.includes(s.type)).map((s) => s.id);
  if (terminals.length > 0) {
    const canEnd = walk(terminals, pred);
    w.stages.forEach((s, i) => {
      if (!canEnd.has(s.id) && byId.get(s.id) === s)
        add(
          'dead_end',
          `no path leads from ${label(s)} to a Complete or Archive stage`,
          `stages[${i}]`,
          s.id,
        );
    });
  }
  return issues;
}

type Add = (code: WorkflowIssueCode, message: string, path?: string, stageId?: string) => void;

function walk(from: string[], next: Map<string, string[]>): Set<string> {
  const seen = new Set(from);
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const n of next.get(id) ?? [])
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
  }
  return seen;
}

function checkRouter(s: Stage, i: number, edges: [Edge, number][], add: Add) {
  const at = `stages[${i}]`;
  if (edges.length === 0) {
    add('router_no_branches', `${label(s)} needs at least one branch`, at, s.id);
    return;
  }
  if (edges.length > WORKFLOW_LIMITS.branchesPerRouter)
    add(
      'router_too_many_branches',
      `${label(s)} has ${edges.length} branches; at most ${WORKFLOW_LIMITS.branchesPerRouter} are allowed`,
      at,
      s.id,
    );
  let total = 0;
  let percentages = 0;
  let otherwise = 0;
  for (const [e, j] of edges) {
    if (e.kind !== 'branch') continue;
    const b = e.branch;
    if (b.kind === 'percentage') {
      percentages++;
      if (!(b.percent > 0 && b.percent <= 100))
        add(
          'router_percent',
          'a percentage branch takes more than 0 and at most 100 percent',
          `edges[${j}].branch.percent`,
          s.id,
        );
      else total += b.percent;
    } else if (b.kind === 'collaborator') {
      if (b.userIds.length === 0 && b.groupIds.length === 0)
        add(
          'branch_no_collaborators',
          'a collaborator branch names at least one user or group',
          `edges[${j}].branch`,
          s.id,
        );
    } else {
      otherwise++;
      if (otherwise > 1)
        add(
          'router_multiple_otherwise',
          `${label(s)} already has an “otherwise” branch`,
          `edges[${j}].branch`,
          s.id,
        );
    }
  }
  // Rounding: percentages like 33.3 + 33.3 + 33.4 must still make 100.
  const rounded = Math.round(total * 1e6) / 1e6;
  if (percentages > 0 && (rounded > 100 || (rounded !== 100 && otherwise === 0)))
    add(
      'router_percent_total',
      otherwise === 0
        ? `the percentages of ${label(s)} add up to ${rounded}, not 100 (or add an “otherwise” branch)`
        : `the percentages of ${label(s)} add up to ${rounded}, more than 100`,
      at,
      s.id,
    );
  else if (percentages === 0 && otherwise === 0)
    add(
      'router_uncovered',
      `${label(s)} needs an “otherwise” branch for tasks no collaborator branch matches`,
      at,
      s.id,
    );
}

function findRouterLoop(w: Workflow, byId: Map<string, Stage>, out: Map<string, [Edge, number][]>) {
  const isRouter = (id: string) => byId.get(id)?.type === 'router';
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 'open');
    path.push(id);
    for (const [e] of out.get(id) ?? []) {
      if (!isRouter(e.to)) continue;
      const st = state.get(e.to);
      if (st === 'open') return [...path.slice(path.indexOf(e.to)), e.to];
      if (st === undefined) {
        const found = visit(e.to);
        if (found) return found;
      }
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };
  for (const s of w.stages)
    if (s.type === 'router' && !state.has(s.id)) {
      const found = visit(s.id);
      if (found) return found;
    }
  return null;
}

function checkSettings(s: Stage, path: string, add: Add) {
  const settings = s.settings;
  const allowed = SETTINGS_BY_TYPE[s.type];
  for (const key of Object.keys(settings) as (keyof StageSettings)[]) {
    if (settings[key] === undefined || allowed.includes(key)) continue;
    add(
      'setting_not_applicable',
      `${a(STAGE_TYPE_LABELS[s.type])} stage has no “${key}” setting`,
      `${path}.settings.${key}`,
      s.id,
    );
  }
  const at = (key: string) => `${path}.settings.${key}`;
  const w = settings.workers;
  if (
    w?.mode === 'selected' &&
    w.userIds.length === 0 &&
    w.groupIds.length === 0 &&
    allowed.includes('workers')
  )
    add('workers_empty', 'select at least one user or group who may work in this stage', at('workers'), s.id);
  if (s.type === 'consensus') {
    const n = settings.annotatorCount;
    const { minAnnotators: lo, maxAnnotators: hi } = WORKFLOW_LIMITS;
    if (n === undefined)
      add(
        'annotator_count',
        `a Consensus stage needs its number of annotators (${lo}–${hi})`,
        at('annotatorCount'),
        s.id,
      );
    else if (!isInt(n) || n < lo || n > hi)
      add('annotator_count', `must be a whole number from ${lo} to ${hi}`, at('annotatorCount'), s.id);
    const m = settings.minimumToProceed;
    if (m !== undefined) {
      const max = n !== undefined && isInt(n) && n >= lo && n <= hi ? n : hi;
      if (!isInt(m) || m < 1 || m > max)
        add(
          'minimum_to_proceed',
          `must be a whole number from 1 to ${max} (the number of annotators)`,
          at('minimumToProceed'),
          s.id,
        );
    }
    const d = settings.deadlineHours;
    const { minDeadlineHours: dlo, maxDeadlineHours: dhi } = WORKFLOW_LIMITS;
    if (d !== undefined && (!isInt(d) || d < dlo || d > dhi))
      add(
        'deadline_hours',
        `must be a whole number of hours from ${dlo} to ${dhi}`,
        at('deadlineHours'),
        s.id,
      );
    const t = settings.autoAcceptThreshold;
    if (t !== undefined && !(t >= 0 && t <= 1))
      add('auto_accept_threshold', 'must be an agreement score from 0 to 1', at('autoAcceptThreshold'), s.id);
  }
  const rate = settings.sampleRate;
  if (rate !== undefined && allowed.includes('sampleRate') && !(rate >= 0 && rate <= 100))
    add('sample_rate', 'must be a percentage from 0 to 100', at('sampleRate'), s.id);
  const lease = settings.leaseMinutes;
  const { minLeaseMinutes: lo, maxLeaseMinutes: hi } = WORKFLOW_LIMITS;
  if (lease !== undefined && allowed.includes('leaseMinutes') && (!isInt(lease) || lease < lo || lease > hi))
    add('lease_minutes', `must be a whole number of minutes from ${lo} to ${hi}`, at('leaseMinutes'), s.id);
}
