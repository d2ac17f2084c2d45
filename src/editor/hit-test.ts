import type { Geometry, LabelObject, Point } from '../core/labels/format.ts';
import { type Bounds, boundsOf } from '../core/labels/geometry.ts';
import { type Handle, toLocal } from './handles.ts';

// What is under the pointer. Geometries are immutable, so their bounds are cached by identity: a
// test against thousands of objects is then mostly rectangle checks, and only the few objects
// whose bounds contain the point get the exact (per-vertex) test.

/** How near (screen pixels) the pointer must be to an edge, a point or a handle to hit it. */
export const HIT_TOLERANCE = 6;

const boundsCache = new WeakMap<Geometry, Bounds>();

export function cachedBounds(g: Geometry): Bounds {
  let b = boundsCache.get(g);
  if (!b) {
    b = boundsOf(g);
    boundsCache.set(g, b);
  }
  return b;
}

export interface HitOptions {
  /** In image pixels (HIT_TOLERANCE divided by the viewport's scale). */
  tolerance: number;
  hidden?: ReadonlySet<string>;
  locked?: ReadonlySet<string>;
}

const squaredDistance = (a: readonly [number, number], b: readonly [number, number]) =>
  (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

/** The point of segment ab nearest to p. */
export function nearestOnSegment(p: Point, a: Point, b: Point): Point {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return [a[0] + t * dx, a[1] + t * dy];
}

/** The edge of a path nearest to `at` (edge i joins points i and i+1), with the nearest point on it. */
export function nearestEdge(
  points: readonly Point[],
  closed: boolean,
  at: Point,
): { index: number; point: Point; distance: number } | null {
  let best: { index: number; point: Point; distance: number } | null = null;
  const edges = closed ? points.length : points.length - 1;
  for (let i = 0; i < edges; i++) {
    const point = nearestOnSegment(at, points[i]!, points[(i + 1) % points.length]!);
    const distance = Math.sqrt(squaredDistance(point, at));
    if (!best || distance < best.distance) best = { index: i, point, distance };
  }
  return best;
}

function nearPath(points: readonly Point[], closed: boolean, at: Point, tolerance: number): boolean {
  const t2 = tolerance * tolerance;
  const edges = closed ? points.length : points.length - 1;
  for (let i = 0; i < edges; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    if (squaredDistance(nearestOnSegment(at, a, b), at) <= t2) return true;
  }
  return edges === 0 && points.length === 1 && squaredDistance(points[0]!, at) <= t2;
}

/** Even-odd rule, so self-intersecting polygons behave as they are drawn (filled with the same rule). */
function insidePolygon(points: readonly Point[], [x, y]: Point): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether the drawn shape covers `at`, or passes within `tolerance` of it. */
export function geometryContains(g: Geometry, at: Point, tolerance: number): boolean {
  const b = cachedBounds(g);
  const [x, y] = at;
  if (x < b.minX - tolerance || x > b.maxX + tolerance || y < b.minY - tolerance || y > b.maxY + tolerance) {
    return false;
  }
  switch (g.type) {
    case 'bounding_box':
    case 'point':
      // Bounds are the box itself (or the point), so the prefilter was the exact test.
      return true;
    case 'rotatable_box': {
      const [lx, ly] = toLocal(g, at);
      return Math.abs(lx) <= g.w / 2 + tolerance && Math.abs(ly) <= g.h / 2 + tolerance;
    }
    case 'polygon':
      return insidePolygon(g.points, at) || nearPath(g.points, true, at, tolerance);
    case 'polyline':
      return nearPath(g.points, false, at, tolerance);
    case 'keypoint_skeleton': {
      const t2 = tolerance * tolerance;
      return g.keypoints.some((k) => squaredDistance([k.x, k.y], at) <= t2);
    }
  }
}

/** The topmost (last drawn) visible, unlocked object under `at`, or null. */
export function hitTestObjects(
  objects: readonly LabelObject[],
  at: Point,
  opts: HitOptions,
): LabelObject | null {
  for (let i = objects.length - 1; i >= 0; i--) {
    const o = objects[i]!;
    if (opts.hidden?.has(o.id) || opts.locked?.has(o.id)) continue;
    if (geometryContains(o.geometry, at, opts.tolerance)) return o;
  }
  return null;
}

/** The handle nearest to `at` within `tolerance`; on a tie the one listed first. */
export function hitTestHandles(handles: readonly Handle[], at: Point, tolerance: number): Handle | null {
  let best: Handle | null = null;
  let bestDistance = tolerance * tolerance;
  for (const h of handles) {
    const d = squaredDistance([h.x, h.y], at);
    if (d < bestDistance || (d === bestDistance && !best)) {
      best = h;
      bestDistance = d;
    }
  }
  return best;
}
