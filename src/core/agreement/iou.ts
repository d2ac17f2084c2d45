import polygonClipping, { type Polygon as ClipPolygon, type MultiPolygon } from 'polygon-clipping';
import type { Geometry, Point } from '../labels/format.ts';
import { boundsOf, polygonArea, rotatedBoxCorners } from '../labels/geometry.ts';

/** An axis-aligned box by its corners; the fast path for box × box. */
interface Rect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Geometry types that enclose an area, so overlap is defined for them. */
type AreaGeometry = Extract<Geometry, { type: 'bounding_box' | 'rotatable_box' | 'polygon' }>;

function assertArea(g: Geometry): asserts g is AreaGeometry {
  if (g.type !== 'bounding_box' && g.type !== 'rotatable_box' && g.type !== 'polygon') {
    throw new TypeError(`iou is defined for bounding_box, rotatable_box and polygon, not ${g.type}`);
  }
}

/**
 * The shape as an axis-aligned rectangle when it is one. A rotatable box turned by a multiple of
 * 90° is one too; taking it this way avoids cos(90°) ≈ 6e-17 noise, so the same square drawn as
 * either kind of box scores exactly 1.
 */
function asRect(g: AreaGeometry): Rect | null {
  if (g.type === 'bounding_box') return { minX: g.x, minY: g.y, maxX: g.x + g.w, maxY: g.y + g.h };
  if (g.type === 'rotatable_box') {
    const quarter = g.angle / 90;
    if (!Number.isInteger(quarter)) return null;
    // Odd quarter turns swap width and height about the centre.
    const [w, h] = quarter % 2 === 0 ? [g.w, g.h] : [g.h, g.w];
    return { minX: g.cx - w / 2, minY: g.cy - h / 2, maxX: g.cx + w / 2, maxY: g.cy + h / 2 };
  }
  return null;
}

const rectArea = (r: Rect) => Math.max(0, r.maxX - r.minX) * Math.max(0, r.maxY - r.minY);

function rectIntersectionArea(a: Rect, b: Rect): number {
  const w = Math.min(a.maxX, b.maxX) - Math.max(a.minX, b.minX);
  const h = Math.min(a.maxY, b.maxY) - Math.max(a.minY, b.minY);
  return w > 0 && h > 0 ? w * h : 0;
}

function ring(g: AreaGeometry): Point[] {
  switch (g.type) {
    case 'bounding_box':
      return [
        [g.x, g.y],
        [g.x + g.w, g.y],
        [g.x + g.w, g.y + g.h],
        [g.x, g.y + g.h],
      ];
    case 'rotatable_box':
      return rotatedBoxCorners(g.cx, g.cy, g.w, g.h, g.angle);
    case 'polygon':
      return g.points;
  }
}

/** Area of a clipping result: each polygon's outer ring less its holes. */
function multiPolygonArea(mp: MultiPolygon): number {
  let total = 0;
  for (const [outer, ...holes] of mp) {
    if (!outer) continue;
    total += polygonArea(outer);
    for (const hole of holes) total -= polygonArea(hole);
  }
  return total;
}

/**
 * A shape's area as the clipper sees it. For a polygon we take the area of its self-union, not the
 * shoelace sum: a self-crossing ring (a bow-tie) cancels out under shoelace but covers area when
 * clipped, and the two must agree or iou(a, a) would not be 1.
 */
function clippedArea(g: AreaGeometry, shape: ClipPolygon): number {
  return g.type === 'polygon' ? multiPolygonArea(polygonClipping.union(shape)) : polygonArea(shape[0]!);
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

/**
 * Intersection over union of two area shapes, in [0, 1]: 0 when they do not overlap (touching
 * edges included) or either encloses no area. Bounding, rotatable boxes and polygons mix freely;
 * other geometry types throw a TypeError, since a point or line has no area to overlap.
 */
export function iou(a: Geometry, b: Geometry): number {
  assertArea(a);
  assertArea(b);
  const ra = asRect(a);
  const rb = asRect(b);
  if (ra && rb) {
    const inter = rectIntersectionArea(ra, rb);
    if (inter === 0) return 0;
    return clamp01(inter / (rectArea(ra) + rectArea(rb) - inter));
  }
  // Disjoint bounds are the common case when matching many objects; skipping the clipper for
  // them keeps a 200 × 200 match cheap.
  if (!overlaps(boundsOf(a), boundsOf(b))) return 0;
  // The same pair is clipped the same way whichever comes first (iou is symmetric).
  const [first, second] = JSON.stringify(a) <= JSON.stringify(b) ? [a, b] : [b, a];
  for (const [i, attempt] of CLIP_ATTEMPTS.entries()) {
    try {
      return overlapOnGrid(first, second, attempt);
    } catch (err) {
      if (i === CLIP_ATTEMPTS.length - 1) throw err;
    }
  }
  return 0;
}

/**
 * How to clip, tried in turn when polygon-clipping fails to close a ring. It can when two vertices
 * differ only in the last bits (rotated corners: 1.4999999999999998 vs 1.5000000000000004): a
 * coarser grid merges them. It can too when a vertex of one shape lies exactly on an edge of the
 * other (a box corner on a polygon's edge): moving the second shape by a hair (in image pixels,
 * along no axis) takes it off the edge, changing the result by about as little.
 */
const CLIP_ATTEMPTS: readonly { grid: number; nudge: number }[] = [
  { grid: 1e-6, nudge: 0 },
  { grid: 1e-3, nudge: 0 },
  { grid: 1e-2, nudge: 0 },
  { grid: 1e-9, nudge: 1e-7 },
  { grid: 1e-9, nudge: 1e-5 },
];

const snapped = (points: readonly Point[], grid: number, nudge = 0): Point[] =>
  points.map(([x, y]) => [
    Math.round((x + nudge) / grid) * grid,
    Math.round((y + nudge * 0.7548776662466927) / grid) * grid,
  ]);

function overlapOnGrid(a: AreaGeometry, b: AreaGeometry, { grid, nudge }: { grid: number; nudge: number }) {
  const pa: ClipPolygon = [snapped(ring(a), grid)];
  const pb: ClipPolygon = [snapped(ring(b), grid, nudge)];
  const areaA = clippedArea(a, pa);
  const areaB = clippedArea(b, pb);
  if (!(areaA > 0 && areaB > 0)) return 0;
  const inter = multiPolygonArea(polygonClipping.intersection(pa, pb));
  if (!(inter > 0)) return 0;
  return clamp01(inter / (areaA + areaB - inter));
}

// Float rounding in the clipper can push a near-identical pair a hair past 1.
const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
