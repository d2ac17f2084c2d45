import { maxWeightAssignment } from '../agreement/hungarian.ts';
import { compare } from '../consensus/answers.ts';
import { beyondReach, objectSimilarity } from '../consensus/similarity.ts';
import type { LabelObject } from '../labels/format.ts';
import { boundsOf } from '../labels/geometry.ts';
import type { ScoringConfig } from './config.ts';

/** A gold object and the submitted object paired with it, by index into their documents. */
export interface Pair {
  gold: number;
  submitted: number;
  similarity: number;
}

/** Which objects may pair: those with the same group key. */
export type Grouping = (o: LabelObject) => string;
export const sameClass: Grouping = (o) => o.featureId;
export const anyClass: Grouping = () => '';

// beyondReach passes over pairs whose similarity is 0 or under 1e-13. A threshold this high
// could never admit them; under it (a threshold of 0) every pair is measured in full, so that
// the "similarity > 0" rule holds exactly.
const PRUNE_FLOOR = 1e-12;

type Scoring = Pick<ScoringConfig, 'thresholds' | 'pointTolerance'>;

/**
 * Pairs the given gold and submitted objects (indices into `gold` and `submitted`) one-to-one
 * within each group, maximising total similarity over qualifying pairs: similarity above 0 and at
 * least the threshold of the gold object's shape type.
 */
export function pairObjects(
  gold: readonly LabelObject[],
  submitted: readonly LabelObject[],
  candidates: { gold: readonly number[]; submitted: readonly number[] },
  group: Grouping,
  config: Scoring,
): Pair[] {
  const submittedGroups = groupSorted(submitted, candidates.submitted, group);
  const pairs: Pair[] = [];
  for (const [key, rows] of groupSorted(gold, candidates.gold, group)) {
    const cols = submittedGroups.get(key);
    if (cols) pairs.push(...solve(gold, submitted, rows, cols, config));
  }
  return pairs;
}

/**
 * Indices per group, each sorted by object id (stable): with the solver's lowest-column tie
 * order, equal totals then settle the same way whatever order the documents list objects in.
 */
function groupSorted(
  objects: readonly LabelObject[],
  indices: readonly number[],
  group: Grouping,
): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const sorted = [...indices].sort((i, j) => compare(objects[i]!.id, objects[j]!.id));
  for (const i of sorted) {
    const key = group(objects[i]!);
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  return groups;
}

function solve(
  gold: readonly LabelObject[],
  submitted: readonly LabelObject[],
  rows: readonly number[],
  cols: readonly number[],
  config: Scoring,
): Pair[] {
  // Weak pairs weigh 0 before solving, not after, so the solver never spends an object on them.
  const weights = qualifyingSimilarities(
    rows.map((r) => gold[r]!),
    cols.map((c) => submitted[c]!),
    config,
  );
  // Most objects overlap few others; solving only rows and columns with some weight keeps the
  // cubic solver on the contested part.
  const liveRows = rows.flatMap((_, r) => (weights[r]!.some((w) => w > 0) ? [r] : []));
  const liveCols = cols.flatMap((_, c) => (weights.some((row) => row[c]! > 0) ? [c] : []));
  const solved = maxWeightAssignment(liveRows.map((r) => liveCols.map((c) => weights[r]![c]!)));
  return solved.flatMap((k, i) => {
    if (k < 0) return [];
    const r = liveRows[i]!;
    const c = liveCols[k]!;
    const similarity = weights[r]![c]!;
    return similarity > 0 ? [{ gold: rows[r]!, submitted: cols[c]!, similarity }] : [];
  });
}

/** gold × submitted similarities, 0 where a pair does not qualify. */
function qualifyingSimilarities(
  gold: readonly LabelObject[],
  submitted: readonly LabelObject[],
  config: Scoring,
): number[][] {
  const tolerance = config.pointTolerance;
  const submittedBounds = submitted.map((s) => boundsOf(s.geometry));
  return gold.map(({ geometry: g }) => {
    const threshold = config.thresholds[g.type];
    const bounds = threshold >= PRUNE_FLOOR ? boundsOf(g) : null;
    return submitted.map((s, c) => {
      if (bounds && beyondReach(g, bounds, submittedBounds[c]!, tolerance)) return 0;
      const similarity = objectSimilarity(g, s.geometry, tolerance);
      return similarity > 0 && similarity >= threshold ? similarity : 0;
    });
  });
}
