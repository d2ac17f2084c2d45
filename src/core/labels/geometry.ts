import type { Geometry, Point } from './format.ts';

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Why a geometry is degenerate, and the field of the geometry at fault (`w`, `points`, …). */
export interface Degeneracy {
  field: string;
  reason: string;
}

/** Absolute shoelace area of a polygon (closed implicitly). */
export function polygonArea(points: readonly Point[]): number {
  if (points.length < 3) return 0;
  // Summing triangles fanned from the first point keeps the products small, so far-from-origin
  // polygons lose less precision than with the textbook formula.
  const [ox, oy] = points[0]!;
  let twice = 0;
  for (let i = 1; i + 1 < points.length; i++) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[i + 1]!;
    twice += (ax - ox) * (by - oy) - (bx - ox) * (ay - oy);
  }
  return Math.abs(twice) / 2;
}

const distinctCount = (points: readonly (readonly [number, number])[]) =>
  new Set(points.map(([x, y]) => `${x},${y}`)).size;

function zeroSize(w: number, h: number): Degeneracy | null {
  if (w === 0) return { field: 'w', reason: 'is 0: a box needs a width' };
  if (h === 0) return { field: 'h', reason: 'is 0: a box needs a height' };
  return null;
}

function polygonDegeneracy(points: readonly Point[]): Degeneracy | null {
  const n = distinctCount(points);
  if (n < 3) return { field: 'points', reason: `has ${n} distinct points; a polygon needs at least 3` };
  const b = pointBounds(points);
  const extent = Math.max(b.maxX - b.minX, b.maxY - b.minY);
  // Relative to the polygon's size, so rounding in collinear float points still counts as zero.
  if (polygonArea(points) <= 1e-9 * extent * extent) {
    return {
      field: 'points',
      reason: 'encloses no area: its points lie on one line or its edges cancel out',
    };
  }
  return null;
}

function polylineDegeneracy(points: readonly Point[]): Degeneracy | null {
  const n = distinctCount(points);
  return n < 2 ? { field: 'points', reason: `has ${n} distinct points; a polyline needs at least 2` } : null;
}

function skeletonDegeneracy(keypoints: readonly { pointId: string }[]): Degeneracy | null {
  if (keypoints.length === 0) return { field: 'keypoints', reason: 'has no keypoints' };
  const seen = new Set<string>();
  for (const [i, k] of keypoints.entries()) {
    if (seen.has(k.pointId)) {
      return { field: `keypoints[${i}].pointId`, reason: `repeats the skeleton point ${k.pointId}` };
    }
    seen.add(k.pointId);
  }
  return null;
}

/** What makes a geometry degenerate, with the field at fault, or null when it is not. */
export function degeneracy(g: Geometry): Degeneracy | null {
  switch (g.type) {
    case 'bounding_box':
    case 'rotatable_box':
      return zeroSize(g.w, g.h);
    case 'polygon':
      return polygonDegeneracy(g.points);
    case 'polyline':
      return polylineDegeneracy(g.points);
    case 'point':
      return null;
    case 'keypoint_skeleton':
      return skeletonDegeneracy(g.keypoints);
  }
}

/**
 * Why the geometry is degenerate, or null: zero-size boxes, < 3 distinct polygon points or zero
 * area, < 2 distinct polyline points, no keypoints or a skeleton point placed twice.
 */
export function degenerateReason(g: Geometry): string | null {
  const d = degeneracy(g);
  return d ? `${d.field}: ${d.reason}` : null;
}

function pointBounds(points: readonly (readonly [number, number])[]): Bounds {
  // An empty shape has nowhere to be; empty bounds at the origin keep callers free of Infinity.
  if (points.length === 0) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { minX, minY, maxX, maxY };
}

function rotatedBoxBounds(cx: number, cy: number, w: number, h: number, angle: number): Bounds {
  const rad = (angle * Math.PI) / 180;
  const cos = Math.abs(Math.cos(rad));
  const sin = Math.abs(Math.sin(rad));
  const halfX = (w * cos + h * sin) / 2;
  const halfY = (w * sin + h * cos) / 2;
  return { minX: cx - halfX, minY: cy - halfY, maxX: cx + halfX, maxY: cy + halfY };
}

/**
 * A rotated box's corners, clockwise from the one that is top-left before rotation. Image y points
 * down, so a positive angle turns the box clockwise on screen.
 */
export function rotatedBoxCorners(cx: number, cy: number, w: number, h: number, angle: number): Point[] {
  const rad = (angle * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const corner = (dx: number, dy: number): Point => [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos];
  return [corner(-w / 2, -h / 2), corner(w / 2, -h / 2), corner(w / 2, h / 2), corner(-w / 2, h / 2)];
}

/** The axis-aligned box around a geometry, in image pixels (a rotated box's corners included). */
export function boundsOf(g: Geometry): Bounds {
  switch (g.type) {
    case 'bounding_box':
      return { minX: g.x, minY: g.y, maxX: g.x + g.w, maxY: g.y + g.h };
    case 'rotatable_box':
      return rotatedBoxBounds(g.cx, g.cy, g.w, g.h, g.angle);
    case 'polygon':
    case 'polyline':
      return pointBounds(g.points);
    case 'point':
      return { minX: g.x, minY: g.y, maxX: g.x, maxY: g.y };
    case 'keypoint_skeleton':
      return pointBounds(g.keypoints.map((k) => [k.x, k.y] as const));
  }
}
