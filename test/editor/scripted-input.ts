import type { Geometry } from '../../src/core/labels/format.ts';
import { type EditorStore, type PointerInput, toScreen } from '../../src/editor/index.ts';

// Scripted pointer input for engine tests, written in image coordinates so a test reads the same
// whatever the zoom: each point becomes the screen position the canvas would report.

export const at = (
  s: EditorStore,
  x: number,
  y: number,
  extra: Partial<PointerInput> = {},
): PointerInput => ({
  ...toScreen(s.getState().viewport, [x, y]),
  ...extra,
});

export function click(s: EditorStore, x: number, y: number, extra: Partial<PointerInput> = {}) {
  s.pointerDown(at(s, x, y, extra));
  s.pointerUp(at(s, x, y, extra));
}

/** Press at `from`, move there from in `steps` even steps, release at `to`. */
export function drag(
  s: EditorStore,
  from: [number, number],
  to: [number, number],
  extra: Partial<PointerInput> = {},
  steps = 5,
) {
  s.pointerDown(at(s, ...from, extra));
  for (let i = 1; i <= steps; i++) {
    const x = from[0] + ((to[0] - from[0]) * i) / steps;
    const y = from[1] + ((to[1] - from[1]) * i) / steps;
    s.pointerMove(at(s, x, y, extra));
  }
  s.pointerUp(at(s, ...to, extra));
}

/** Geometry with numbers rounded to 1/1000, to compare what float maths produced. */
export const rounded = (g: Geometry) =>
  JSON.parse(JSON.stringify(g, (_k, v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)));
