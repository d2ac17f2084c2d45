import { iou } from '../agreement/iou.ts';
import type { Geometry, Keypoint, Point } from '../labels/format.ts';
import { type Bounds, boundsOf } from '../labels/geometry.ts';
import { DEFAULT_POINT_TOLERANCE } from './types.ts';

type AreaType = 'bounding_box' | 'rotatable_box' | 'polygon';
const isArea = (g: Geometry): g is Extract<Geometry, { type: AreaType }> =>
  g.type === 'bounding_box' || g.type === 'rotatable_box' || g.type === 'polygon';

/**
 * How alike two drawings of one object are, in [0, 1] and symmetric. Area shapes compare by IoU
 * (boxes and polygons mix); points, polylines and skeletons by a Gaussian kernel on distance, so a
 * few pixels off still scores high and `pointTolerance` sets how many. Other kind pairs are 0.
 */
export function objectSimilarity(
  a: Geometry,
  b: Geometry,
  pointTolerance: number = DEFAULT_POINT_TOLERANCE,
): number {
  if (isArea(a) && isArea(b)) return iou(a, b);
  if (a.type === 'point' && b.type === 'point')
    return closeness(Math.hypot(a.x - b.x, a.y - b.y), pointTolerance);
  if (a.type === 'polyline' && b.type === 'polyline') {
    if (beyondReach(a, boundsOf(a), boundsOf(b), pointTolerance)) return 0;
    return polylineSimilarity(a.points, b.points, pointTolerance);
  }
  if (a.type === 'keypoint_skeleton' && b.type === 'keypoint_skeleton') {
    return skeletonSimilarity(a.keypoints, b.keypoints, pointTolerance);
  }
  return 0;
}

/** exp(-d²/2t²); a tolerance of 0 (or less) means only an exact hit counts, instead of 0/0. */
function closeness(d: number, t: number): number {
  if (d === 0) return 1;
  return t > 0 ? Math.exp(-(d * d) / (2 * t * t)) : 0;
}

// Past this many tolerances apart the kernel is below 1e-13, far under any threshold.
const FAR = 8;

/**
 * Whether shapes with these bounds are certainly unalike: area shapes whose bounds do not overlap
 * (IoU exactly 0), other shapes more than FAR tolerances apart. Checking bounds first keeps a
 * 200 × 200 comparison from measuring every pair of far-apart shapes in full.
 */
export function beyondReach(g: Geometry, a: Bounds, b: Bounds, pointTolerance: number): boolean {
  const gx = Math.max(a.minX - b.maxX, b.minX - a.maxX);
  const gy = Math.max(a.minY - b.maxY, b.minY - a.maxY);
  // Touching edges enclose no common area, as in iou.
  if (isArea(g)) return gx >= 0 || gy >= 0;
  const gap = Math.hypot(Math.max(0, gx), Math.max(0, gy));
  if (gap === 0) return false;
  return pointTolerance <= 0 || gap > FAR * pointTolerance;
}

function polylineSimilarity(p: readonly Point[], q: readonly Point[], t: number): number {
  if (p.length === 0 || q.length === 0) return p.length === q.length ? 1 : 0;
  // Averaging both directions makes it symmetric and catches a line that covers only part of the other.
  const d = (meanDistanceTo(p, q) + meanDistanceTo(q, p)) / 2;
  return closeness(d, t);
}

function meanDistanceTo(from: readonly Point[], line: readonly Point[]): number {
  let total = 0;
  for (const pt of from) total += distanceToPolyline(pt, line);
  return total / from.length;
}

function distanceToPolyline([x, y]: Point, line: readonly Point[]): number {
  if (line.length === 1) return Math.hypot(x - line[0]![0], y - line[0]![1]);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i + 1 < line.length; i++) {
    const d = distanceToSegment(x, y, line[i]!, line[i + 1]!);
    if (d < best) best = d;
  }
  return best;
}

function distanceToSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const s = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2));
  return Math.hypot(x - (ax + s * dx), y - (ay + s * dy));
}

function skeletonSimilarity(a: readonly Keypoint[], b: readonly Keypoint[], t: number): number {
  const pa = new Map(a.map((k) => [k.pointId, k]));
  const pb = new Map(b.map((k) => [k.pointId, k]));
  // Summed in sorted id order so that (a, b) and (b, a) add the same terms in the same order.
  const ids = [...new Set([...pa.keys(), ...pb.keys()])].sort();
  if (ids.length === 0) return 1;
  let total = 0;
  for (const id of ids) {
    const ka = pa.get(id);
    const kb = pb.get(id);
    if (ka && kb) total += closeness(Math.hypot(ka.x - kb.x, ka.y - kb.y), t);
  }
  return total / ids.length;
}
