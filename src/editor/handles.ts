import type { Geometry, LabelObject, Point } from '../core/labels/format.ts';
import { rotatedBoxCorners } from '../core/labels/geometry.ts';

// The grips of a selected object and what dragging each one does to its geometry. Positions are
// image coordinates; only the rotate grip's distance from the box depends on the zoom, since it has
// to stay clear of the box on screen.

export type Handle =
  | { kind: 'corner' | 'edge'; objectId: string; index: number; x: number; y: number }
  | { kind: 'rotate'; objectId: string; x: number; y: number }
  | { kind: 'vertex'; objectId: string; index: number; x: number; y: number }
  | { kind: 'midpoint'; objectId: string; index: number; x: number; y: number };

/** How far above a rotatable box's top edge its rotate grip sits, in screen pixels. */
export const ROTATE_HANDLE_OFFSET = 24;
/** Shift-drag on the rotate grip snaps to multiples of this many degrees. */
export const ROTATE_SNAP_DEGREES = 15;

/** Fewest points a shape keeps when vertices are deleted (below that it is degenerate). */
export const MIN_VERTICES = { polygon: 3, polyline: 2, keypoint_skeleton: 1 } as const;

const middle = (a: readonly [number, number], b: readonly [number, number]): Point => [
  (a[0] + b[0]) / 2,
  (a[1] + b[1]) / 2,
];

/** The corners clockwise from the top-left, then edges top, right, bottom, left. */
function boxGrips(objectId: string, corners: readonly Point[]): Handle[] {
  const out: Handle[] = corners.map(([x, y], index) => ({ kind: 'corner', objectId, index, x, y }));
  corners.forEach((c, index) => {
    const [x, y] = middle(c, corners[(index + 1) % 4]!);
    out.push({ kind: 'edge', objectId, index, x, y });
  });
  return out;
}

function pathGrips(objectId: string, points: readonly Point[], closed: boolean): Handle[] {
  const out: Handle[] = points.map(([x, y], index) => ({ kind: 'vertex', objectId, index, x, y }));
  const edges = closed ? points.length : points.length - 1;
  for (let index = 0; index < edges; index++) {
    const [x, y] = middle(points[index]!, points[(index + 1) % points.length]!);
    out.push({ kind: 'midpoint', objectId, index, x, y });
  }
  return out;
}

/**
 * The handles of an object, vertices before midpoints and corners before edges: where two overlap
 * the first listed wins a hit. A single point has none; dragging it moves it.
 */
export function handlesOf(o: LabelObject, scale: number): Handle[] {
  const g = o.geometry;
  switch (g.type) {
    case 'bounding_box': {
      const { x, y, w, h } = g;
      return boxGrips(o.id, [
        [x, y],
        [x + w, y],
        [x + w, y + h],
        [x, y + h],
      ]);
    }
    case 'rotatable_box': {
      const grips = boxGrips(o.id, rotatedBoxCorners(g.cx, g.cy, g.w, g.h, g.angle));
      const [x, y] = fromLocal(g, [0, -g.h / 2 - ROTATE_HANDLE_OFFSET / scale]);
      grips.push({ kind: 'rotate', objectId: o.id, x, y });
      return grips;
    }
    case 'polygon':
      return pathGrips(o.id, g.points, true);
    case 'polyline':
      return pathGrips(o.id, g.points, false);
    case 'point':
      return [];
    case 'keypoint_skeleton':
      return g.keypoints.map(({ x, y }, index) => ({ kind: 'vertex', objectId: o.id, index, x, y }));
  }
}

type RotatedBox = Extract<Geometry, { type: 'rotatable_box' }>;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Box-local coordinates (origin at the centre, axes along the box's sides) to image coordinates. */
function fromLocal(b: RotatedBox, [lx, ly]: readonly [number, number]): Point {
  const cos = Math.cos(radians(b.angle));
  const sin = Math.sin(radians(b.angle));
  return [b.cx + lx * cos - ly * sin, b.cy + lx * sin + ly * cos];
}

export function toLocal(b: RotatedBox, [x, y]: readonly [number, number]): Point {
  const cos = Math.cos(radians(b.angle));
  const sin = Math.sin(radians(b.angle));
  const dx = x - b.cx;
  const dy = y - b.cy;
  return [dx * cos + dy * sin, -dx * sin + dy * cos];
}

/** Degrees in [-180, 180), the range the label format keeps angles in. */
export function normalizeAngle(degrees: number): number {
  const a = (((degrees + 180) % 360) + 360) % 360;
  return a - 180;
}

/** The sides' coordinates of a box in its own frame: [left, top, right, bottom]. */
type Sides = [number, number, number, number];

/** Which side each grip moves, by index: corners clockwise from the top-left, edges top, right, bottom, left. */
const MOVES_X = { corner: ['left', 'right', 'right', 'left'], edge: [null, 'right', null, 'left'] } as const;
const MOVES_Y = { corner: ['top', 'top', 'bottom', 'bottom'], edge: ['top', null, 'bottom', null] } as const;

/** Moves the sides the grip controls to `to` (box frame); the opposite sides stay put. */
function dragSides(sides: Sides, kind: 'corner' | 'edge', index: number, [tx, ty]: Point): Sides {
  const [left, top, right, bottom] = sides;
  const x = MOVES_X[kind][index];
  const y = MOVES_Y[kind][index];
  return [
    x === 'left' ? tx : left,
    y === 'top' ? ty : top,
    x === 'right' ? tx : right,
    y === 'bottom' ? ty : bottom,
  ];
}

function resize(g: Geometry, kind: 'corner' | 'edge', index: number, to: Point): Geometry {
  if (g.type === 'bounding_box') {
    const [l, t, r, b] = dragSides([g.x, g.y, g.x + g.w, g.y + g.h], kind, index, to);
    // Dragging past the opposite side flips the box rather than giving it a negative size.
    return { ...g, x: Math.min(l, r), y: Math.min(t, b), w: Math.abs(r - l), h: Math.abs(b - t) };
  }
  if (g.type !== 'rotatable_box') return g;
  const [l, t, r, b] = dragSides([-g.w / 2, -g.h / 2, g.w / 2, g.h / 2], kind, index, toLocal(g, to));
  const [cx, cy] = fromLocal(g, [(l + r) / 2, (t + b) / 2]);
  return { ...g, cx, cy, w: Math.abs(r - l), h: Math.abs(b - t) };
}

function rotate(g: Geometry, to: Point, snap: boolean): Geometry {
  if (g.type !== 'rotatable_box') return g;
  // The grip sits straight above the centre at angle 0, which atan2 calls -90°.
  const raw = (Math.atan2(to[1] - g.cy, to[0] - g.cx) * 180) / Math.PI + 90;
  const angle = normalizeAngle(snap ? Math.round(raw / ROTATE_SNAP_DEGREES) * ROTATE_SNAP_DEGREES : raw);
  return { ...g, angle };
}

export function moveVertex(g: Geometry, index: number, [x, y]: Point): Geometry {
  if (g.type === 'polygon' || g.type === 'polyline') {
    if (index < 0 || index >= g.points.length) return g;
    return { ...g, points: g.points.map((p, i) => (i === index ? ([x, y] as Point) : p)) };
  }
  if (g.type === 'keypoint_skeleton') {
    if (index < 0 || index >= g.keypoints.length) return g;
    return { ...g, keypoints: g.keypoints.map((k, i) => (i === index ? { ...k, x, y } : k)) };
  }
  return g;
}

/** Inserts a vertex so that it becomes `points[index]`. */
export function insertVertex(g: Geometry, index: number, p: Point): Geometry {
  if (g.type !== 'polygon' && g.type !== 'polyline') return g;
  const points = [...g.points];
  points.splice(index, 0, p);
  return { ...g, points };
}

/** The geometry without vertex (or keypoint) `index`, or null when that would leave too few. */
export function removeVertex(g: Geometry, index: number): Geometry | null {
  if (g.type === 'polygon' || g.type === 'polyline') {
    if (index < 0 || index >= g.points.length || g.points.length <= MIN_VERTICES[g.type]) return null;
    return { ...g, points: g.points.filter((_, i) => i !== index) };
  }
  if (g.type === 'keypoint_skeleton') {
    if (index < 0 || index >= g.keypoints.length || g.keypoints.length <= MIN_VERTICES[g.type]) return null;
    return { ...g, keypoints: g.keypoints.filter((_, i) => i !== index) };
  }
  return null;
}

/**
 * What `g` (as it was when the drag began) becomes with `handle` dragged to `to` (image
 * coordinates). A midpoint drag inserts the vertex it creates, then moves it with the pointer.
 */
export function dragHandle(g: Geometry, handle: Handle, to: Point, opts: { snap?: boolean } = {}): Geometry {
  switch (handle.kind) {
    case 'corner':
    case 'edge':
      return resize(g, handle.kind, handle.index, to);
    case 'rotate':
      return rotate(g, to, opts.snap === true);
    case 'vertex':
      return moveVertex(g, handle.index, to);
    case 'midpoint':
      return insertVertex(g, handle.index + 1, to);
  }
}
