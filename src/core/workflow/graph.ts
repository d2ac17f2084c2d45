import type { Outcome, Stage, Workflow } from './format.ts';

// Reading a (valid) workflow: where a task goes next, and what changed between two versions.
// Pure and deterministic: randomness (the router's roll) is an argument.

/** What a router needs to pick a branch: a roll in [0, 1) and who last worked the task. */
export interface RouterPick {
  roll: number;
  /** The collaborator the task is routed by (usually who last submitted it). */
  userId?: string | undefined;
  /** The groups that collaborator belongs to. */
  groupIds?: readonly string[] | undefined;
}

export const stageById = (w: Workflow, id: string): Stage | undefined => w.stages.find((s) => s.id === id);

/** The stage new tasks enter. */
export const startStage = (w: Workflow): Stage | undefined => w.stages.find((s) => s.start === true);

/**
 * Where a task leaves `stageId` for: a work stage's `outcome` edge, or for a router the branch
 * `pick` selects. Collaborator branches come first, in edge order: the first one naming the user or
 * one of their groups wins. Otherwise the roll falls into the percentage branches laid end to end
 * in edge order (roll 0.1 with branches 10 %, 90 % → the second); beyond them, the `otherwise`
 * branch. Null when the stage has no such edge (a terminal stage, a wrong outcome, an unknown
 * stage, or a router whose branches do not cover the pick).
 */
export function nextStage(w: Workflow, stageId: string, outcome: Outcome | RouterPick): string | null {
  const stage = stageById(w, stageId);
  if (!stage) return null;
  const edges = w.edges.filter((e) => e.from === stageId && stageById(w, e.to) !== undefined);
  if (typeof outcome === 'string') {
    if (stage.type === 'router') return null;
    return edges.find((e) => e.kind === outcome)?.to ?? null;
  }
  if (stage.type !== 'router') return null;
  const branches = edges.flatMap((e) => (e.kind === 'branch' ? [{ to: e.to, branch: e.branch }] : []));
  const { userId, groupIds = [] } = outcome;
  for (const { to, branch } of branches)
    if (
      branch.kind === 'collaborator' &&
      ((userId !== undefined && branch.userIds.includes(userId)) ||
        branch.groupIds.some((g) => groupIds.includes(g)))
    )
      return to;
  const roll = Math.min(Math.max(outcome.roll, 0), 1) * 100;
  let upTo = 0;
  for (const { to, branch } of branches)
    if (branch.kind === 'percentage') {
      upTo += branch.percent;
      if (roll < upTo) return to;
    }
  return branches.find((b) => b.branch.kind === 'otherwise')?.to ?? null;
}

/**
 * The stage a task settles in after `outcome` in `stageId`: `nextStage`, then through any routers
 * (tasks never wait in a router), asking `pick` for each router passed. Null as for `nextStage`,
 * or if routers were passed more often than the workflow has stages (a router loop).
 */
export function settleStage(
  w: Workflow,
  stageId: string,
  outcome: Outcome,
  pick: (routerId: string) => RouterPick,
): string | null {
  let at = nextStage(w, stageId, outcome);
  for (let hops = 0; at !== null && stageById(w, at)?.type === 'router'; hops++) {
    if (hops >= w.stages.length) return null;
    at = nextStage(w, at, pick(at));
  }
  return at;
}

export interface WorkflowChanges {
  /** Stages of `old` missing from `next`: their tasks must be mapped to surviving stages. */
  removedStageIds: string[];
  /** Stages in both whose type changed: refused (a stage's type never changes). */
  typeChanged: string[];
  /** Stages new in `next`. */
  addedStageIds: string[];
}

/** What a new version of a workflow changes, by stage id (names may change freely). */
export function compareWorkflows(old: Workflow, next: Workflow): WorkflowChanges {
  const nextById = new Map(next.stages.map((s) => [s.id, s]));
  const oldIds = new Set(old.stages.map((s) => s.id));
  const removedStageIds: string[] = [];
  const typeChanged: string[] = [];
  for (const s of old.stages) {
    const n = nextById.get(s.id);
    if (!n) removedStageIds.push(s.id);
    else if (n.type !== s.type) typeChanged.push(s.id);
  }
  const addedStageIds = next.stages.filter((s) => !oldIds.has(s.id)).map((s) => s.id);
  return { removedStageIds, typeChanged, addedStageIds };
}
