import { describe, expect, it } from 'vitest';
import type { LabelObject } from '../../src/core/labels/index.ts';
import { factorFor, levelFor } from '../../src/web/editor/image-levels.ts';
import { changedRegion } from '../../src/web/editor/labels-raster.ts';

// The canvas's caches decide what to redraw from these pure functions; a wrong answer shows
// stale labels or a blurred image, which no other test would notice.

const box = (id: string, x: number, y: number): LabelObject => ({
  id,
  featureId: 'feat-box',
  geometry: { type: 'bounding_box', x, y, w: 10, h: 10 },
  attributes: [],
  createdBy: 'u1',
  createdAt: '2026-01-01T00:00:00Z',
  updatedBy: 'u1',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('changedRegion', () => {
  const a = box('aaaa', 0, 0);
  const b = box('bbbb', 100, 100);
  const c = box('cccc', 200, 0);

  it('is null when the same objects are drawn in the same order', () => {
    expect(changedRegion([a, b], [a, b], 1)).toBeNull();
  });

  it('covers an object replaced by a moved copy, old and new place, padded for its stroke', () => {
    const moved = { ...b, geometry: { ...b.geometry, x: 120 } } as LabelObject;
    const dirty = changedRegion([a, b, c], [a, moved, c], 1);
    expect(dirty).toEqual({ minX: 94, minY: 94, maxX: 136, maxY: 116 });
  });

  it('covers added and removed objects', () => {
    expect(changedRegion([a], [a, c], 1)).toEqual({ minX: 194, minY: -6, maxX: 216, maxY: 16 });
    expect(changedRegion([a, c], [a], 1)).toEqual({ minX: 194, minY: -6, maxX: 216, maxY: 16 });
  });

  it('pads in image pixels that stay 6 screen pixels at any zoom', () => {
    expect(changedRegion([a], [], 2)).toEqual({ minX: -3, minY: -3, maxX: 13, maxY: 13 });
  });

  it('gives up (undefined: redraw all) when kept objects change order', () => {
    expect(changedRegion([a, b, c], [b, a, c], 1)).toBeUndefined();
    expect(changedRegion([a, b], [b, a, box('dddd', 5, 5)], 1)).toBeUndefined();
  });
});

describe('image copies', () => {
  const image = { width: 4000, height: 3000 };

  it('decodes first the smallest power-of-two copy still as large as the view needs', () => {
    expect(factorFor(1, image)).toBe(1);
    expect(factorFor(0.6, image)).toBe(1);
    expect(factorFor(0.5, image)).toBe(0.5);
    expect(factorFor(0.25, image)).toBe(0.25);
    expect(factorFor(0.2, image)).toBe(0.25);
    // Never below 256 pixels on the short side, however far out the view is zoomed.
    expect(factorFor(0.001, image)).toBe(0.125);
  });

  it('draws from the smallest copy with a pixel per screen pixel, else the largest there is', () => {
    const copy = (factor: number) => ({ bitmap: { factor } as unknown as ImageBitmap, factor });
    const levels = { copies: [copy(1), copy(0.5), copy(0.25)] };
    expect(levelFor(levels, 0.2)).toBe(levels.copies[2]?.bitmap);
    expect(levelFor(levels, 0.25)).toBe(levels.copies[2]?.bitmap);
    expect(levelFor(levels, 0.3)).toBe(levels.copies[1]?.bitmap);
    expect(levelFor(levels, 3)).toBe(levels.copies[0]?.bitmap);
    // Only the first (small) copy decoded so far: it is drawn, enlarged, until the rest arrive.
    const early = { copies: [copy(0.25)] };
    expect(levelFor(early, 1)).toBe(early.copies[0]?.bitmap);
  });
});
