import type { Geometry, Point } from '../../core/labels/format.ts';
import { isPlainKey, type KeyInput, type PointerInput, type Tool, type ToolContext } from './tool.ts';

// Press, drag, release: the box spans the press and release points. Shared by the two box tools,
// which differ only in how they write that span down.

/** Boxes narrower or shorter than this (image pixels) are slips of the hand, not boxes. */
export const MIN_BOX_SIZE = 2;

type BoxShape = 'bounding_box' | 'rotatable_box';

export function spanGeometry(shape: BoxShape, [ax, ay]: Point, [bx, by]: Point): Geometry {
  const x = Math.min(ax, bx);
  const y = Math.min(ay, by);
  const w = Math.abs(bx - ax);
  const h = Math.abs(by - ay);
  return shape === 'bounding_box'
    ? { type: 'bounding_box', x, y, w, h }
    : { type: 'rotatable_box', cx: x + w / 2, cy: y + h / 2, w, h, angle: 0 };
}

export class DragBoxTool implements Tool {
  private drag: { featureId: string; start: Point } | null = null;

  constructor(private readonly shape: BoxShape) {}

  pointerDown(ctx: ToolContext, p: PointerInput): void {
    if ((p.button ?? 0) !== 0) return;
    const feature = ctx.activeFeatureFor(this.shape);
    if (!feature) return;
    const start = ctx.toImageClamped(p);
    this.drag = { featureId: feature.featureId, start };
    ctx.setDraft({ featureId: feature.featureId, geometry: spanGeometry(this.shape, start, start) });
  }

  pointerMove(ctx: ToolContext, p: PointerInput): void {
    if (!this.drag) return;
    const geometry = spanGeometry(this.shape, this.drag.start, ctx.toImageClamped(p));
    ctx.setDraft({ featureId: this.drag.featureId, geometry });
  }

  pointerUp(ctx: ToolContext, p: PointerInput): void {
    if (!this.drag) return;
    const { featureId, start } = this.drag;
    const geometry = spanGeometry(this.shape, start, ctx.toImageClamped(p));
    this.cancel(ctx);
    if (geometry.type !== 'bounding_box' && geometry.type !== 'rotatable_box') return;
    if (geometry.w >= MIN_BOX_SIZE && geometry.h >= MIN_BOX_SIZE) ctx.create(featureId, geometry);
  }

  doubleClick(): void {}

  key(ctx: ToolContext, k: KeyInput): boolean {
    if (!this.drag || k.key !== 'Escape' || !isPlainKey(k)) return false;
    this.cancel(ctx);
    return true;
  }

  undoDraft(ctx: ToolContext): boolean {
    if (!this.drag) return false;
    this.cancel(ctx);
    return true;
  }

  cancel(ctx: ToolContext): void {
    if (!this.drag) return;
    this.drag = null;
    ctx.setDraft(null);
  }
}
