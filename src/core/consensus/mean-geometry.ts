import type { Geometry, Keypoint, Point } from '../labels/format.ts';

const avg = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * The mean of several drawings of one object, or null when none is defined: mixed types, polygons
 * or polylines with different point counts, or rotation angles that cancel out (0° and 180°).
 * Keypoints are taken in order of first appearance, so put the preferred drawing first.
 */
export function meanGeometry(geometries: readonly Geometry[]): Geometry | null {
  const first = geometries[0];
  if (!first || geometries.some((g) => g.type !== first.type)) return null;
  switch (first.type) {
    case 'bounding_box': {
      const gs = geometries as Extract<Geometry, { type: 'bounding_box' }>[];
      return {
        type: 'bounding_box',
        x: avg(gs.map((g) => g.x)),
        y: avg(gs.map((g) => g.y)),
        w: avg(gs.map((g) => g.w)),
        h: avg(gs.map((g) => g.h)),
      };
    }
    case 'rotatable_box': {
      const gs = geometries as Extract<Geometry, { type: 'rotatable_box' }>[];
      const angle = circularMean(gs.map((g) => g.angle));
      if (angle === null) return null;
      return {
        type: 'rotatable_box',
        cx: avg(gs.map((g) => g.cx)),
        cy: avg(gs.map((g) => g.cy)),
        w: avg(gs.map((g) => g.w)),
        h: avg(gs.map((g) => g.h)),
        angle,
      };
    }
    case 'point': {
      const gs = geometries as Extract<Geometry, { type: 'point' }>[];
      return { type: 'point', x: avg(gs.map((g) => g.x)), y: avg(gs.map((g) => g.y)) };
    }
    case 'polygon':
    case 'polyline': {
      const gs = geometries as Extract<Geometry, { type: 'polygon' | 'polyline' }>[];
      const points = pointwiseMean(gs.map((g) => g.points));
      return points && { type: first.type, points };
    }
    case 'keypoint_skeleton': {
      const gs = geometries as Extract<Geometry, { type: 'keypoint_skeleton' }>[];
      return { type: 'keypoint_skeleton', keypoints: meanKeypoints(gs.map((g) => g.keypoints)) };
    }
  }
}

/**
 * Mean direction in degrees, normalised to [-180, 180): an arithmetic mean would put 170° and
 * -170° at 0°, the opposite way round. Null when the directions cancel out.
 */
export function circularMean(degrees: readonly number[]): number | null {
  let sin = 0;
  let cos = 0;
  for (const d of degrees) {
    const r = (d * Math.PI) / 180;
    sin += Math.sin(r);
    cos += Math.cos(r);
  }
  if (Math.hypot(sin, cos) < 1e-9 * degrees.length) return null;
  return normaliseAngle((Math.atan2(sin, cos) * 180) / Math.PI);
}

const normaliseAngle = (d: number) => ((((d + 180) % 360) + 360) % 360) - 180;

function pointwiseMean(lines: readonly (readonly Point[])[]): Point[] | null {
  const count = lines[0]!.length;
  if (lines.some((l) => l.length !== count)) return null;
  return Array.from(
    { length: count },
    (_, i): Point => [avg(lines.map((l) => l[i]![0])), avg(lines.map((l) => l[i]![1]))],
  );
}

function meanKeypoints(skeletons: readonly (readonly Keypoint[])[]): Keypoint[] {
  const byId = new Map<string, Keypoint[]>();
  for (const skeleton of skeletons) {
    for (const k of skeleton) {
      const list = byId.get(k.pointId);
      if (list) list.push(k);
      else byId.set(k.pointId, [k]);
    }
  }
  return [...byId].map(([pointId, ks]) => ({
    pointId,
    x: avg(ks.map((k) => k.x)),
    y: avg(ks.map((k) => k.y)),
    // Strictly more than half: an even split falls to hidden, the cautious reading.
    visible: 2 * ks.filter((k) => k.visible).length > ks.length,
  }));
}
