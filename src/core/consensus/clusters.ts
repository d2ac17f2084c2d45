import { maxWeightAssignment } from '../agreement/hungarian.ts';
import type { LabelObject } from '../labels/format.ts';
import { type Bounds, boundsOf } from '../labels/geometry.ts';
import { compare } from './answers.ts';
import { beyondReach, objectSimilarity } from './similarity.ts';
import type { Branch } from './types.ts';

/** A cluster as built, before it is scored: members and their pairwise similarities. */
export interface BuiltCluster {
  key: string;
  featureId: string;
  /** Ascending branch index. */
  members: { branch: number; object: LabelObject }[];
  /** similarities[j][i] (i < j): how alike members i and j are; computed while matching, kept for scoring. */
  similarities: number[][];
  /** The union of the members' bounds, to pass over far-away clusters cheaply. */
  bounds: Bounds;
}

const byId = (x: LabelObject, y: LabelObject) => compare(x.id, y.id);

/**
 * Groups the branches' objects into clusters, class by class in featureId order. The first branch
 * seeds the clusters; each later branch's objects join existing clusters by the largest total
 * weight, the weight being the mean similarity to the cluster's members so far when that reaches
 * `threshold` (and is above 0); the rest start new clusters. Objects are taken in id order, so
 * the result depends on the order of the branches but not on the order of objects within one.
 */
export function buildClusters(
  branches: readonly Branch[],
  opts: { threshold: number; pointTolerance: number },
): BuiltCluster[] {
  const featureIds = [...new Set(branches.flatMap((b) => b.document.objects.map((o) => o.featureId)))].sort(
    compare,
  );
  const keys = new Set<string>();
  const all: BuiltCluster[] = [];
  for (const featureId of featureIds) {
    const clusters: BuiltCluster[] = [];
    branches.forEach((b, branch) => {
      const objects = b.document.objects.filter((o) => o.featureId === featureId).sort(byId);
      const joined = assign(objects, clusters, opts);
      objects.forEach((object, i) => {
        const j = joined[i];
        if (j) {
          j.cluster.members.push({ branch, object });
          j.cluster.similarities.push(j.similarities);
          j.cluster.bounds = union(j.cluster.bounds, boundsOf(object.geometry));
        } else {
          clusters.push({
            key: uniqueKey(`${featureId}:${object.id}`, b.annotatorId, keys),
            featureId,
            members: [{ branch, object }],
            similarities: [[]],
            bounds: boundsOf(object.geometry),
          });
        }
      });
    });
    all.push(...clusters);
  }
  return all;
}

/** For each object, the cluster it joins with its similarities to that cluster's members, or null. */
function assign(
  objects: readonly LabelObject[],
  clusters: readonly BuiltCluster[],
  opts: { threshold: number; pointTolerance: number },
): ({ cluster: BuiltCluster; similarities: number[] } | null)[] {
  const joined: ({ cluster: BuiltCluster; similarities: number[] } | null)[] = objects.map(() => null);
  if (clusters.length === 0) return joined;
  const similarities = objects.map((o) => {
    const bounds = boundsOf(o.geometry);
    return clusters.map((c) =>
      beyondReach(o.geometry, bounds, c.bounds, opts.pointTolerance)
        ? null
        : c.members.map((m) => objectSimilarity(o.geometry, m.object.geometry, opts.pointTolerance)),
    );
  });
  const weights = similarities.map((row) =>
    row.map((sims) => {
      if (sims === null) return 0;
      const w = sims.reduce((s, x) => s + x, 0) / sims.length;
      // Weak pairs weigh 0 before solving, not after, so the solver never spends an object on them.
      return w > 0 && w >= opts.threshold ? w : 0;
    }),
  );
  // Most objects overlap few clusters; solving only rows and columns with some weight keeps the
  // cubic solver on the contested part of the class.
  const rows = weights.flatMap((row, r) => (row.some((w) => w > 0) ? [r] : []));
  const cols = clusters.flatMap((_, c) => (weights.some((row) => row[c]! > 0) ? [c] : []));
  const solved = maxWeightAssignment(rows.map((r) => cols.map((c) => weights[r]![c]!)));
  solved.forEach((k, i) => {
    if (k < 0) return;
    const r = rows[i]!;
    const c = cols[k]!;
    const sims = similarities[r]![c];
    if (weights[r]![c]! > 0 && sims) joined[r] = { cluster: clusters[c]!, similarities: sims };
  });
  return joined;
}

/**
 * Branches made from the same pre-labels share object ids, so two clusters can start from objects
 * with one id (one annotator moved the object away from where the others left it). The later one
 * gets the annotator's id appended; object ids hold no ':' so that cannot collide in turn.
 */
function uniqueKey(key: string, annotatorId: string, taken: Set<string>): string {
  let k = taken.has(key) ? `${key}:${annotatorId}` : key;
  for (let n = 2; taken.has(k); n++) k = `${key}:${annotatorId}:${n}`;
  taken.add(k);
  return k;
}

const union = (a: Bounds, b: Bounds): Bounds => ({
  minX: Math.min(a.minX, b.minX),
  minY: Math.min(a.minY, b.minY),
  maxX: Math.max(a.maxX, b.maxX),
  maxY: Math.max(a.maxY, b.maxY),
});
