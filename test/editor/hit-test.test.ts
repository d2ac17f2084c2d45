import { describe, expect, it } from 'vitest';
import type { Geometry, LabelObject, Point } from '../../src/core/labels/format.ts';
import { geometryContains, hitTestHandles, hitTestObjects, nearestEdge } from '../../src/editor/index.ts';

const object = (id: string, geometry: Geometry): LabelObject => ({
  id,
  featureId: 'feat-any',
  geometry,
  attributes: [],
  createdBy: 'bob',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'bob',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

/** A deterministic generator, so a failure reproduces. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A star-shaped polygon of `n` vertices around (cx, cy): concave, so the inside test has work to do. */
function star(rand: () => number, cx: number, cy: number, n: number): Point[] {
  return Array.from({ length: n }, (_, i) => {
    const angle = (i / n) * Math.PI * 2;
    const r = (i % 2 === 0 ? 40 : 15) + rand() * 10;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)] as Point;
  });
}

/** The reference: no bounds, no cache, plain ray casting over every edge. */
function insideSlow(points: readonly Point[], [x, y]: Point): boolean {
  let inside = false;
  for (let i = 0; i < points.length; i++) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[(i + 1) % points.length]!;
    if (ay > y !== by > y && x < ax + ((y - ay) * (bx - ax)) / (by - ay)) inside = !inside;
  }
  return inside;
}

describe('hit-test', () => {
  it('boxes, rotated boxes, polygons, polylines, points and keypoints', () => {
    const t = 2;
    expect(geometryContains({ type: 'bounding_box', x: 0, y: 0, w: 10, h: 10 }, [11, 5], t)).toBe(true);
    expect(geometryContains({ type: 'bounding_box', x: 0, y: 0, w: 10, h: 10 }, [13, 5], t)).toBe(false);
    const turned: Geometry = { type: 'rotatable_box', cx: 50, cy: 50, w: 100, h: 10, angle: 45 };
    expect(geometryContains(turned, [80, 80], t)).toBe(true);
    expect(geometryContains(turned, [80, 50], t)).toBe(false);
    const l: Geometry = {
      type: 'polygon',
      points: [
        [0, 0],
        [100, 0],
        [100, 20],
        [20, 20],
        [20, 100],
        [0, 100],
      ],
    };
    expect(geometryContains(l, [10, 90], t)).toBe(true);
    expect(geometryContains(l, [60, 60], t)).toBe(false);
    expect(geometryContains(l, [60, 21.5], t)).toBe(true);
    const line: Geometry = {
      type: 'polyline',
      points: [
        [0, 0],
        [100, 0],
        [100, 100],
      ],
    };
    expect(geometryContains(line, [50, 1], t)).toBe(true);
    expect(geometryContains(line, [50, 50], t)).toBe(false);
    expect(geometryContains({ type: 'point', x: 5, y: 5 }, [6, 6], t)).toBe(true);
    expect(geometryContains({ type: 'point', x: 5, y: 5 }, [8, 8], t)).toBe(false);
    const skeleton: Geometry = {
      type: 'keypoint_skeleton',
      keypoints: [
        { pointId: 'a', x: 0, y: 0, visible: true },
        { pointId: 'b', x: 50, y: 50, visible: false },
      ],
    };
    expect(geometryContains(skeleton, [49, 51], t)).toBe(true);
    expect(geometryContains(skeleton, [25, 25], t)).toBe(false);
  });

  it('the nearest edge and the point on it', () => {
    const points: Point[] = [
      [0, 0],
      [10, 0],
      [10, 10],
    ];
    expect(nearestEdge(points, false, [5, 3])).toEqual({ index: 0, point: [5, 0], distance: 3 });
    expect(nearestEdge(points, true, [4, 6])?.index).toBe(2);
  });

  it('handles: the nearest within tolerance, the first listed on a tie', () => {
    const handles = [
      { kind: 'vertex' as const, objectId: 'o', index: 0, x: 0, y: 0 },
      { kind: 'midpoint' as const, objectId: 'o', index: 0, x: 0, y: 0 },
      { kind: 'vertex' as const, objectId: 'o', index: 1, x: 10, y: 0 },
    ];
    expect(hitTestHandles(handles, [1, 1], 3)).toBe(handles[0]);
    expect(hitTestHandles(handles, [8, 1], 3)).toBe(handles[2]);
    expect(hitTestHandles(handles, [5, 0], 3)).toBeNull();
  });

  it('2,000 polygons of 20 vertices: 1,000 hit tests agree with a brute-force reference', () => {
    const rand = random(42);
    const objects = Array.from({ length: 2000 }, (_, i) =>
      object(`poly-${i}`, { type: 'polygon', points: star(rand, rand() * 4000, rand() * 3000, 20) }),
    );
    const hidden = new Set(['poly-7', 'poly-1999']);
    const locked = new Set(['poly-100']);
    let hits = 0;
    for (let i = 0; i < 1000; i++) {
      // Half the probes aim at a polygon's centre, so hits and overlaps get exercised.
      const target = objects[Math.floor(rand() * objects.length)]!.geometry as { points: Point[] };
      const probe: Point =
        i % 2 === 0
          ? [
              (target.points[0]![0] + target.points[10]![0]) / 2,
              (target.points[5]![1] + target.points[15]![1]) / 2,
            ]
          : [rand() * 4000, rand() * 3000];
      const got = hitTestObjects(objects, probe, { tolerance: 0, hidden, locked });
      const expected =
        objects.findLast(
          (o) =>
            !hidden.has(o.id) &&
            !locked.has(o.id) &&
            insideSlow((o.geometry as { points: Point[] }).points, probe),
        ) ?? null;
      expect(got?.id ?? null).toBe(expected?.id ?? null);
      if (got) hits++;
    }
    expect(hits).toBeGreaterThan(400);
  });
});
