import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OntologyDocument } from '../../src/core/ontology/format.ts';
import {
  EditorStore,
  FIT_MARGIN,
  fitViewport,
  MAX_SCALE,
  MIN_SCALE,
  toImage,
  toScreen,
  zoomAt,
} from '../../src/editor/index.ts';

const ontology: OntologyDocument = { formatVersion: 1, objects: [], classifications: [] };

const editor = (image = { width: 4000, height: 3000 }, view = { width: 1200, height: 800 }) =>
  new EditorStore({
    ontology,
    document: { formatVersion: 1, objects: [], classifications: [] },
    image,
    view,
    userId: 'alice',
  });

const close = (a: number, b: number, scale: number) =>
  Math.abs(a - b) <= (1e-6 * Math.max(1, Math.abs(a), Math.abs(b))) / Math.min(1, scale);

const viewportArb = fc.record({
  scale: fc.double({ min: MIN_SCALE, max: MAX_SCALE, noNaN: true }),
  x: fc.double({ min: -1e5, max: 1e5, noNaN: true }),
  y: fc.double({ min: -1e5, max: 1e5, noNaN: true }),
});
const screenArb = fc.record({
  x: fc.double({ min: 0, max: 2000, noNaN: true }),
  y: fc.double({ min: 0, max: 2000, noNaN: true }),
});

describe('viewport', () => {
  it('screen and image coordinates convert both ways', () => {
    const v = { scale: 2, x: 10, y: -20 };
    expect(toScreen(v, [5, 5])).toEqual({ x: 20, y: -10 });
    expect(toImage(v, { x: 20, y: -10 })).toEqual([5, 5]);
  });

  it('zooming keeps the image point under the cursor fixed, and the scale within bounds', () => {
    fc.assert(
      fc.property(
        viewportArb,
        screenArb,
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (v, cursor, factor) => {
          const before = toImage(v, cursor);
          const next = zoomAt(v, factor, cursor);
          const after = toImage(next, cursor);
          expect(next.scale).toBeGreaterThanOrEqual(MIN_SCALE);
          expect(next.scale).toBeLessThanOrEqual(MAX_SCALE);
          expect(close(after[0], before[0], next.scale)).toBe(true);
          expect(close(after[1], before[1], next.scale)).toBe(true);
        },
      ),
    );
  });

  it('the wheel zooms at the cursor: a run of notches in and out leaves the point under it in place', () => {
    fc.assert(
      fc.property(
        screenArb,
        fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 1, maxLength: 30 }),
        (cursor, deltas) => {
          const s = editor();
          const before = toImage(s.getState().viewport, cursor);
          for (const deltaY of deltas) s.wheel({ ...cursor, deltaY });
          const v = s.getState().viewport;
          const after = toImage(v, cursor);
          expect(close(after[0], before[0], v.scale)).toBe(true);
          expect(close(after[1], before[1], v.scale)).toBe(true);
        },
      ),
    );
  });

  it('one wheel notch zooms by a factor between 1.1 and 1.2; down zooms out', () => {
    const s = editor();
    const scale = s.getState().viewport.scale;
    s.wheel({ x: 100, y: 100, deltaY: -100 });
    const ratio = s.getState().viewport.scale / scale;
    expect(ratio).toBeGreaterThanOrEqual(1.1);
    expect(ratio).toBeLessThanOrEqual(1.2);
    s.wheel({ x: 100, y: 100, deltaY: 100 });
    s.wheel({ x: 100, y: 100, deltaY: 100 });
    expect(s.getState().viewport.scale).toBeLessThan(scale);
  });

  it('zoom stops at the scale limits', () => {
    const s = editor();
    for (let i = 0; i < 200; i++) s.wheel({ x: 50, y: 50, deltaY: -300 });
    expect(s.getState().viewport.scale).toBe(MAX_SCALE);
    for (let i = 0; i < 200; i++) s.wheel({ x: 50, y: 50, deltaY: 300 });
    expect(s.getState().viewport.scale).toBe(MIN_SCALE);
  });

  it('Shift+wheel pans', () => {
    const s = editor();
    const v = s.getState().viewport;
    s.wheel({ x: 10, y: 10, deltaY: 40, shift: true });
    s.wheel({ x: 10, y: 10, deltaY: 0, deltaX: 25, shift: true });
    expect(s.getState().viewport).toEqual({ scale: v.scale, x: v.x - 25, y: v.y - 40 });
  });

  it('fit shows the whole image, centred, with a margin', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20000 }),
        fc.integer({ min: 1, max: 20000 }),
        fc.integer({ min: 300, max: 3000 }),
        fc.integer({ min: 300, max: 3000 }),
        (iw, ih, vw, vh) => {
          const v = fitViewport({ width: iw, height: ih }, { width: vw, height: vh });
          if (v.scale === MIN_SCALE || v.scale === MAX_SCALE) return;
          const topLeft = toScreen(v, [0, 0]);
          const bottomRight = toScreen(v, [iw, ih]);
          expect(topLeft.x).toBeCloseTo(vw - bottomRight.x, 6);
          expect(topLeft.y).toBeCloseTo(vh - bottomRight.y, 6);
          expect(Math.min(topLeft.x, topLeft.y)).toBeCloseTo(FIT_MARGIN, 6);
        },
      ),
    );
  });

  it('the view follows fit as the canvas resizes, until the user zooms or pans', () => {
    const s = editor();
    s.setViewSize({ width: 2000, height: 1500 });
    expect(s.getState().viewport).toEqual(
      fitViewport({ width: 4000, height: 3000 }, { width: 2000, height: 1500 }),
    );
    s.panBy(10, 0);
    const panned = s.getState().viewport;
    s.setViewSize({ width: 1000, height: 700 });
    expect(s.getState().viewport).toBe(panned);
    expect(s.getState().view).toEqual({ width: 1000, height: 700 });
    s.fit();
    expect(s.getState().viewport).toEqual(
      fitViewport({ width: 4000, height: 3000 }, { width: 1000, height: 700 }),
    );
  });
});
