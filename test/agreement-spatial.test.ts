import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxWeightAssignment } from '../src/core/agreement/hungarian.ts';
import { iou } from '../src/core/agreement/iou.ts';
import { matchObjects } from '../src/core/agreement/match.ts';
import type { Geometry, Point } from '../src/core/labels/format.ts';

const box = (x: number, y: number, w: number, h: number): Geometry => ({ type: 'bounding_box', x, y, w, h });
const rbox = (cx: number, cy: number, w: number, h: number, angle: number): Geometry => ({
  type: 'rotatable_box',
  cx,
  cy,
  w,
  h,
  angle,
});
const poly = (...points: Point[]): Geometry => ({ type: 'polygon', points });

// An L: the 2×2 square [0,2]² without its top-right unit square; area 3.
const L = poly([0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]);
// The same L mirrored left to right: the bottom strip plus the top-right square.
const mirroredL = poly([0, 0], [2, 0], [2, 2], [1, 2], [1, 1], [0, 1]);

describe('iou', () => {
  it('is 1 for identical shapes of every kind', () => {
    expect(iou(box(1, 2, 3, 4), box(1, 2, 3, 4))).toBe(1);
    expect(iou(rbox(5, 5, 4, 2, 30), rbox(5, 5, 4, 2, 30))).toBeCloseTo(1, 12);
    expect(iou(L, L)).toBeCloseTo(1, 12);
  });

  it('is 1/3 for two unit squares offset by half a side (overlap 1/2, union 3/2)', () => {
    expect(iou(box(0, 0, 1, 1), box(0.5, 0, 1, 1))).toBeCloseTo(1 / 3, 12);
    expect(iou(poly([0, 0], [1, 0], [1, 1], [0, 1]), box(0.5, 0, 1, 1))).toBeCloseTo(1 / 3, 12);
  });

  it('is 0 when shapes are apart or only touch along an edge', () => {
    expect(iou(box(0, 0, 1, 1), box(5, 5, 1, 1))).toBe(0);
    expect(iou(box(0, 0, 1, 1), box(1, 0, 1, 1))).toBe(0);
    expect(iou(L, box(1, 1, 1, 1))).toBe(0); // the L's missing corner
  });

  it('treats a box turned 90° about its centre as the box with width and height swapped', () => {
    // A square: the turn maps it onto itself.
    expect(iou(box(0, 0, 2, 2), rbox(1, 1, 2, 2, 90))).toBe(1);
    // A 4×2 box turned 90° is a 2×4 box on the same centre: overlap 2×2 = 4, union 8 + 8 - 4 = 12.
    expect(iou(box(0, 0, 4, 2), rbox(2, 1, 4, 2, 90))).toBeCloseTo(4 / 12, 12);
    expect(iou(box(0, 0, 4, 2), rbox(2, 1, 4, 2, 180))).toBe(1);
  });

  it('gives 1/√2 for a unit square against the same square turned 45°', () => {
    // The turned square reaches |x| + |y| ≤ √2/2 from the centre, cutting a right triangle with
    // legs 1 - √2/2 off each corner of the upright one. The octagon left over has area
    // 1 - 4 · (1 - √2/2)² / 2 = 1 - (3 - 2√2) = 2√2 - 2; the union is 2 - (2√2 - 2) = 4 - 2√2; so
    // IoU = (2√2 - 2) / (4 - 2√2) = (√2 - 1) / (√2 (√2 - 1)) = 1/√2 ≈ 0.7071.
    expect(iou(box(0, 0, 1, 1), rbox(0.5, 0.5, 1, 1, 45))).toBeCloseTo(Math.SQRT1_2, 9);
    expect(iou(rbox(0.5, 0.5, 1, 1, 45), rbox(0.5, 0.5, 1, 1, 0))).toBeCloseTo(Math.SQRT1_2, 9);
  });

  it('handles non-convex polygons (an L shape)', () => {
    // L inside its 2×2 bounding square: 3 / 4.
    expect(iou(L, box(0, 0, 2, 2))).toBeCloseTo(3 / 4, 12);
    // L against the unit square in its corner: 1 / 3.
    expect(iou(L, box(0, 0, 1, 1))).toBeCloseTo(1 / 3, 12);
    // L against its mirror: they share the 2×1 bottom strip (area 2) and together cover the
    // 2×2 square (area 4): 1/2.
    expect(iou(L, mirroredL)).toBeCloseTo(1 / 2, 12);
  });

  it('is 0 for shapes that enclose no area', () => {
    expect(iou(box(0, 0, 0, 5), box(0, 0, 1, 5))).toBe(0);
    expect(iou(rbox(0, 0, 0, 5, 30), rbox(0, 0, 1, 5, 30))).toBe(0);
    expect(iou(poly([0, 0], [1, 1], [2, 2]), box(0, 0, 2, 2))).toBe(0);
    expect(iou(poly([0, 0], [1, 1]), poly([0, 0], [1, 1]))).toBe(0);
  });

  it('throws a TypeError naming a geometry type that has no area', () => {
    expect(() => iou({ type: 'point', x: 1, y: 1 } as Geometry, box(0, 0, 1, 1))).toThrow(TypeError);
    expect(() =>
      iou(box(0, 0, 1, 1), {
        type: 'polyline',
        points: [
          [0, 0],
          [1, 1],
        ],
      }),
    ).toThrow(/polyline/);
  });
});

const coord = fc.integer({ min: -20, max: 20 });
const size = fc.integer({ min: 1, max: 15 });
const arbBox = fc.record({ x: coord, y: coord, w: size, h: size }).map((b) => box(b.x, b.y, b.w, b.h));
const arbRotated = fc
  .record({ cx: coord, cy: coord, w: size, h: size, angle: fc.integer({ min: -360, max: 360 }) })
  .map((b) => rbox(b.cx, b.cy, b.w, b.h, b.angle));
// Triangles and quads with integer corners; may be non-convex or self-crossing, which iou must
// cope with too. Zero-area draws are filtered where the property needs area.
const arbPolygon = fc
  .array(fc.tuple(coord, coord), { minLength: 3, maxLength: 5 })
  .map((points) => poly(...points));
const arbShape = fc.oneof(arbBox, arbRotated, arbPolygon);

describe('iou properties', () => {
  it('copes with rotated corners that differ only in the last bits (a clipper failure fast-check found)', () => {
    // cos(-270°) leaves corners at 1.4999999999999998 and 1.5000000000000004, on which
    // polygon-clipping could not close its output ring; vertices are now snapped before clipping.
    const a: Geometry = { type: 'rotatable_box', cx: 0, cy: 0, w: 11, h: 9, angle: -270 };
    const b: Geometry = {
      type: 'polygon',
      points: [
        [-2, -19],
        [0, 4],
        [-17, 13],
      ],
    };
    const ab = iou(a, b);
    expect(ab).toBeGreaterThan(0);
    expect(iou(b, a)).toBeCloseTo(ab, 9);
  });

  it('copes with a box corner lying exactly on a crossing polygon’s edge (a clipper failure fast-check found)', () => {
    const corner: Geometry = { type: 'bounding_box', x: 0, y: 1, w: 1, h: 4 };
    const bowTie: Geometry = {
      type: 'polygon',
      points: [
        [-7, 11],
        [-13, -9],
        [-18, -11],
        [9, 13],
      ],
    };
    // They only touch, at the box's corner (0, 5): no overlap, give or take the nudge.
    const ab = iou(corner, bowTie);
    expect(ab).toBeCloseTo(0, 6);
    expect(iou(bowTie, corner)).toBe(ab);
    // Moved into the polygon's lobe, the box overlaps it as the clipper says.
    const inside: Geometry = { ...corner, y: 7 };
    expect(iou(inside, bowTie)).toBeGreaterThan(0);
  });

  it('lies in [0, 1] and is symmetric', () => {
    fc.assert(
      fc.property(arbShape, arbShape, (a, b) => {
        const ab = iou(a, b);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
        expect(iou(b, a)).toBeCloseTo(ab, 9);
      }),
      { numRuns: 2000 },
    );
  });

  it('is 1 for a shape against itself when it encloses area', () => {
    fc.assert(
      fc.property(arbShape, (a) => {
        fc.pre(iou(a, box(-100, -100, 200, 200)) > 0);
        expect(iou(a, a)).toBeCloseTo(1, 9);
      }),
      { numRuns: 2000 },
    );
  });
});

interface Obj {
  id: string;
  featureId: string;
  geometry: Geometry;
}
const obj = (id: string, geometry: Geometry, featureId = 'car'): Obj => ({ id, featureId, geometry });
const ids = (r: ReturnType<typeof matchObjects<Obj>>) => r.pairs.map((p) => `${p.a.id}-${p.b.id}`);

/** The textbook greedy matcher: repeatedly take the highest remaining IoU. */
function greedyTotal(a: Obj[], b: Obj[], threshold: number): number {
  const candidates = a
    .flatMap((x) => b.map((y) => ({ x, y, s: iou(x.geometry, y.geometry) })))
    .filter((c) => c.s > 0 && c.s >= threshold)
    .sort((p, q) => q.s - p.s);
  const used = new Set<Obj>();
  let total = 0;
  for (const c of candidates) {
    if (used.has(c.x) || used.has(c.y)) continue;
    used.add(c.x).add(c.y);
    total += c.s;
  }
  return total;
}

describe('matchObjects', () => {
  // Strips of height 1 on one row, so each IoU is an interval ratio:
  //   A1 = [1, 10]  B1 = [0, 10]  → 9 / 10   = 0.9   (the single best pair)
  //   A1 = [1, 10]  B2 = [1, 11.25] → 9 / 10.25 ≈ 0.878
  //   A2 = [0, 8]   B1 = [0, 10]  → 8 / 10   = 0.8
  //   A2 = [0, 8]   B2 = [1, 11.25] → 7 / 11.25 ≈ 0.622 (under the 0.7 threshold)
  // Greedy takes A1–B1 and is left with A2–B2, which fails the threshold: total 0.9.
  // The optimum crosses over: A1–B2 + A2–B1 ≈ 1.678.
  const A1 = obj('A1', box(1, 0, 9, 1));
  const A2 = obj('A2', box(0, 0, 8, 1));
  const B1 = obj('B1', box(0, 0, 10, 1));
  const B2 = obj('B2', box(1, 0, 10.25, 1));

  it('maximises total IoU where greedy matching would not', () => {
    const r = matchObjects([A1, A2], [B1, B2], { threshold: 0.7 });
    expect(ids(r)).toEqual(['A1-B2', 'A2-B1']);
    const total = r.pairs.reduce((s, p) => s + p.iou, 0);
    expect(total).toBeCloseTo(9 / 10.25 + 0.8, 12);
    expect(greedyTotal([A1, A2], [B1, B2], 0.7)).toBeCloseTo(0.9, 12);
    expect(total).toBeGreaterThan(greedyTotal([A1, A2], [B1, B2], 0.7));
    expect(r.unmatchedA).toEqual([]);
    expect(r.unmatchedB).toEqual([]);
  });

  it('only pairs objects of the same class', () => {
    const a = [obj('a1', box(0, 0, 2, 2), 'car'), obj('a2', box(10, 0, 2, 2), 'person')];
    const b = [obj('b1', box(0, 0, 2, 2), 'person'), obj('b2', box(10, 0, 2, 2), 'person')];
    const r = matchObjects(a, b, { threshold: 0.5 });
    expect(ids(r)).toEqual(['a2-b2']);
    expect(r.unmatchedA.map((o) => o.id)).toEqual(['a1']);
    expect(r.unmatchedB.map((o) => o.id)).toEqual(['b1']);
  });

  it('leaves pairs under the threshold unmatched, and keeps those exactly at it', () => {
    const a = [obj('a', box(0, 0, 1, 1))];
    const b = [obj('b', box(0.5, 0, 1, 1))]; // IoU 1/3
    expect(matchObjects(a, b, { threshold: 0.5 }).pairs).toEqual([]);
    expect(matchObjects(a, b, { threshold: 0.5 }).unmatchedA).toEqual(a);
    expect(matchObjects(a, b, { threshold: 0.5 }).unmatchedB).toEqual(b);
    expect(ids(matchObjects(a, b, { threshold: iou(a[0]!.geometry, b[0]!.geometry) }))).toEqual(['a-b']);
  });

  it('never pairs objects that do not overlap, even with a threshold of 0', () => {
    const r = matchObjects([obj('a', box(0, 0, 1, 1))], [obj('b', box(5, 5, 1, 1))], { threshold: 0 });
    expect(r.pairs).toEqual([]);
    expect(r.unmatchedA).toHaveLength(1);
    expect(r.unmatchedB).toHaveLength(1);
  });

  it('handles unequal counts on either side', () => {
    const a = [obj('a1', box(0, 0, 2, 2)), obj('a2', box(10, 0, 2, 2)), obj('a3', box(20, 0, 2, 2))];
    const b = [obj('b1', box(10.1, 0, 2, 2))];
    const r = matchObjects(a, b, { threshold: 0.5 });
    expect(ids(r)).toEqual(['a2-b1']);
    expect(r.unmatchedA.map((o) => o.id)).toEqual(['a1', 'a3']);
    const flipped = matchObjects(b, a, { threshold: 0.5 });
    expect(ids(flipped)).toEqual(['b1-a2']);
    expect(flipped.unmatchedB.map((o) => o.id)).toEqual(['a1', 'a3']);
  });

  it('returns everything unmatched for empty inputs', () => {
    const a = [obj('a', box(0, 0, 1, 1))];
    expect(matchObjects([], [], { threshold: 0.5 })).toEqual({ pairs: [], unmatchedA: [], unmatchedB: [] });
    expect(matchObjects(a, [], { threshold: 0.5 })).toEqual({ pairs: [], unmatchedA: a, unmatchedB: [] });
    expect(matchObjects([], a, { threshold: 0.5 })).toEqual({ pairs: [], unmatchedA: [], unmatchedB: a });
  });

  it('settles ties the same way whatever the input order', () => {
    // Two identical boxes on each side: every pairing totals 2. Sorted by id, the lowest ids pair.
    const a = [obj('a1', box(0, 0, 1, 1)), obj('a2', box(0, 0, 1, 1))];
    const b = [obj('b1', box(0, 0, 1, 1)), obj('b2', box(0, 0, 1, 1))];
    const forward = ids(matchObjects(a, b, { threshold: 0.5 }));
    expect(forward).toEqual(['a1-b1', 'a2-b2']);
    const reversed = ids(matchObjects([...a].reverse(), [...b].reverse(), { threshold: 0.5 }));
    expect([...reversed].sort()).toEqual(forward);
  });

  it('matches 200 × 200 objects, each to its own counterpart', () => {
    // A 20 × 10 grid of boxes; the other side is the same grid nudged by 1 px and shuffled.
    const a: Obj[] = [];
    const b: Obj[] = [];
    for (let i = 0; i < 200; i++) {
      const x = (i % 20) * 30;
      const y = Math.floor(i / 20) * 30;
      a.push(obj(`a${i}`, i % 2 ? box(x, y, 20, 20) : rbox(x + 10, y + 10, 20, 20, 10), `c${i % 3}`));
      b.push(obj(`b${(i * 7) % 200}`, box(x + 1, y + 1, 20, 20), `c${i % 3}`));
    }
    const shuffled = [...b].sort((p, q) => (p.id < q.id ? -1 : 1));
    const r = matchObjects(a, shuffled, { threshold: 0.5 });
    expect(r.pairs).toHaveLength(200);
    for (const p of r.pairs) {
      expect(b.indexOf(p.b)).toBe(a.indexOf(p.a));
    }
  });
});

describe('maxWeightAssignment', () => {
  it('solves square, wide and tall matrices', () => {
    expect(
      maxWeightAssignment([
        [0.9, 0.88],
        [0.8, 0],
      ]),
    ).toEqual([1, 0]);
    expect(maxWeightAssignment([[1, 5, 2]])).toEqual([1]);
    expect(maxWeightAssignment([[1], [5], [2]])).toEqual([-1, 0, -1]);
    expect(maxWeightAssignment([])).toEqual([]);
  });
});
