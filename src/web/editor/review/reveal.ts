import { boundsOf } from '../../../core/labels/geometry.ts';
import type { EditorStore } from '../../../editor/index.ts';

/** Share of the view a revealed label may take at most (it is zoomed out until it fits). */
const FILL = 0.6;

/**
 * Selects an object and brings it into view: centred, at the current zoom unless it would not
 * fit (then zoomed out until it takes FILL of the view). Nothing happens for an id the document
 * no longer has. `onlyIfOutside` leaves the view alone when the object is already wholly in it.
 */
export function revealObject(
  store: EditorStore,
  id: string,
  opts: { onlyIfOutside?: boolean } = {},
): boolean {
  const object = store.getState().document.objects.find((o) => o.id === id);
  if (!object) return false;
  store.select([id]);
  const { view } = store.getState();
  if (view.width <= 0 || view.height <= 0) return true;
  const b = boundsOf(object.geometry);
  const before = store.getState().viewport;
  if (opts.onlyIfOutside) {
    const left = b.minX * before.scale + before.x;
    const top = b.minY * before.scale + before.y;
    const right = b.maxX * before.scale + before.x;
    const bottom = b.maxY * before.scale + before.y;
    if (left >= 0 && top >= 0 && right <= view.width && bottom <= view.height) return true;
  }
  const width = Math.max(1, b.maxX - b.minX);
  const height = Math.max(1, b.maxY - b.minY);
  const fits = Math.min((view.width * FILL) / width, (view.height * FILL) / height);
  if (before.scale > fits) store.zoomBy(fits / before.scale);
  const v = store.getState().viewport;
  const cx = ((b.minX + b.maxX) / 2) * v.scale + v.x;
  const cy = ((b.minY + b.maxY) / 2) * v.scale + v.y;
  store.panBy(view.width / 2 - cx, view.height / 2 - cy);
  return true;
}

/** Centres the view on a point of the image (an issue's pin), at the current zoom. */
export function revealPoint(store: EditorStore, p: { x: number; y: number }): void {
  const { view, viewport: v } = store.getState();
  if (view.width <= 0 || view.height <= 0) return;
  store.panBy(view.width / 2 - (p.x * v.scale + v.x), view.height / 2 - (p.y * v.scale + v.y));
}
