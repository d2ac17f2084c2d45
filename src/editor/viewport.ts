import type { Point } from '../core/labels/format.ts';

/** How image pixels map to the canvas: screen = image * scale + (x, y). */
export interface Viewport {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Below 0.02 a large image is a speck; above 64 one pixel fills the canvas. */
export const MIN_SCALE = 0.02;
export const MAX_SCALE = 64;
/** Zoom per wheel notch: small enough to aim, large enough to cross 0.02..64 in ~60 notches. */
export const WHEEL_ZOOM_STEP = 1.15;
/** One wheel notch in pixel-mode deltaY (Chrome, Firefox and Safari agree on roughly 100). */
export const WHEEL_NOTCH = 100;
/** Room left around a fitted image, so its edges (and handles on them) stay reachable. */
export const FIT_MARGIN = 24;

export const clampScale = (scale: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

export const toImage = (v: Viewport, p: { x: number; y: number }): Point => [
  (p.x - v.x) / v.scale,
  (p.y - v.y) / v.scale,
];

export const toScreen = (v: Viewport, [x, y]: readonly [number, number]): { x: number; y: number } => ({
  x: x * v.scale + v.x,
  y: y * v.scale + v.y,
});

/** Zooms by `factor` keeping the image point under `at` (screen) where it is. */
export function zoomAt(v: Viewport, factor: number, at: { x: number; y: number }): Viewport {
  const scale = clampScale(v.scale * factor);
  const ratio = scale / v.scale;
  return { scale, x: at.x - (at.x - v.x) * ratio, y: at.y - (at.y - v.y) * ratio };
}

export const panBy = (v: Viewport, dx: number, dy: number): Viewport => ({
  scale: v.scale,
  x: v.x + dx,
  y: v.y + dy,
});

/** The wheel's zoom factor: notches compound, and one event is capped at three so a fling stays usable. */
export function wheelZoomFactor(deltaY: number): number {
  const notches = Math.max(-3, Math.min(3, -deltaY / WHEEL_NOTCH));
  return WHEEL_ZOOM_STEP ** notches;
}

/** The whole image, as large as fits, centred with FIT_MARGIN around it (less on tiny canvases). */
export function fitViewport(image: Size, view: Size): Viewport {
  const margin = Math.min(FIT_MARGIN, view.width / 10, view.height / 10);
  const room = { width: Math.max(1, view.width - 2 * margin), height: Math.max(1, view.height - 2 * margin) };
  const w = Math.max(1, image.width);
  const h = Math.max(1, image.height);
  const scale = clampScale(Math.min(room.width / w, room.height / h));
  return { scale, x: (view.width - image.width * scale) / 2, y: (view.height - image.height * scale) / 2 };
}
