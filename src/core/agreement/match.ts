import type { Geometry } from '../labels/format.ts';
import { maxWeightAssignment } from './hungarian.ts';
import { iou } from './iou.ts';

export interface Matchable {
  id: string;
  featureId: string;
  geometry: Geometry;
}

export interface MatchResult<T> {
  /** In the order the `a` objects were given. */
  pairs: { a: T; b: T; iou: number }[];
  /** Each in input order. */
  unmatchedA: T[];
  unmatchedB: T[];
}

const byId = (x: Matchable, y: Matchable) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * Pairs two annotators' objects one-to-one, only within the same class (featureId), choosing the
 * pairing with the largest total IoU (Hungarian method) among pairs whose IoU is at least
 * `threshold` and above 0. Pairs under the threshold are scored as 0 before solving, not dropped
 * after: otherwise the solver could spend an object on a pair that is then thrown away, when a
 * qualifying partner was available.
 *
 * Ties (equal totals) are settled deterministically: within a class both sides are sorted by id
 * (stable, so equal ids keep input order) before solving, and the solver prefers the lowest
 * column; so the result does not depend on the order the objects were given in.
 */
export function matchObjects<T extends Matchable>(
  a: T[],
  b: T[],
  opts: { threshold: number },
): MatchResult<T> {
  // Indices rather than the objects themselves, so the same object given twice stays two objects.
  const partnerOfA = new Map<number, { b: number; iou: number }>();
  const matchedB = new Set<number>();
  const bByClass = groupByClass(b);
  for (const [featureId, as] of groupByClass(a)) {
    const bs = bByClass.get(featureId);
    if (!bs) continue;
    const rowsA = as.sort((i, j) => byId(a[i]!, a[j]!));
    const colsB = bs.sort((i, j) => byId(b[i]!, b[j]!));
    const scores = rowsA.map((i) => colsB.map((j) => iou(a[i]!.geometry, b[j]!.geometry)));
    const weights = scores.map((row) => row.map((s) => (s > 0 && s >= opts.threshold ? s : 0)));
    maxWeightAssignment(weights).forEach((c, r) => {
      if (c < 0 || weights[r]![c]! === 0) return;
      partnerOfA.set(rowsA[r]!, { b: colsB[c]!, iou: scores[r]![c]! });
      matchedB.add(colsB[c]!);
    });
  }
  const pairs: MatchResult<T>['pairs'] = [];
  const unmatchedA: T[] = [];
  a.forEach((x, i) => {
    const p = partnerOfA.get(i);
    if (p) pairs.push({ a: x, b: b[p.b]!, iou: p.iou });
    else unmatchedA.push(x);
  });
  return { pairs, unmatchedA, unmatchedB: b.filter((_, j) => !matchedB.has(j)) };
}

/** Indices of the objects in each class, in input order. */
function groupByClass(objects: readonly Matchable[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  objects.forEach((o, i) => {
    const g = groups.get(o.featureId);
    if (g) g.push(i);
    else groups.set(o.featureId, [i]);
  });
  return groups;
}
