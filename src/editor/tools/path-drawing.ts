import type { Point } from '../../core/labels/format.ts';
import { degenerateReason } from '../../core/labels/geometry.ts';
import { MIN_VERTICES } from '../handles.ts';
import {
  DRAG_THRESHOLD,
  isPlainKey,
  type KeyInput,
  type PointerInput,
  type Tool,
  type ToolContext,
} from './tool.ts';

// Click by click: each click adds a vertex, and a rubber band follows the pointer from the last
// one. Shared by polygon (closes on its first vertex) and polyline (open).

/** Clicking this near (screen pixels) a polygon's first vertex closes it. */
export const CLOSE_DISTANCE = 8;

type PathShape = 'polygon' | 'polyline';

const distance = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);

export class PathDrawingTool implements Tool {
  private path: { featureId: string; points: Point[]; cursor: Point } | null = null;

  constructor(private readonly shape: PathShape) {}

  pointerDown(ctx: ToolContext, p: PointerInput): void {
    if ((p.button ?? 0) !== 0) return;
    const at = ctx.toImageClamped(p);
    if (!this.path) {
      const feature = ctx.activeFeatureFor(this.shape);
      if (!feature) return;
      this.path = { featureId: feature.featureId, points: [at], cursor: at };
      this.show(ctx);
      return;
    }
    const { points } = this.path;
    const first = points[0]!;
    if (this.shape === 'polygon' && distance(first, at) <= ctx.screenToImage(CLOSE_DISTANCE)) {
      // Too few points to close on: a click on the first vertex is no new vertex either.
      if (points.length >= MIN_VERTICES.polygon) this.finish(ctx);
      return;
    }
    // The second press of a double-click lands on the vertex the first one placed.
    if (distance(points.at(-1)!, at) <= ctx.screenToImage(DRAG_THRESHOLD)) return;
    this.path = { ...this.path, points: [...points, at], cursor: at };
    this.show(ctx);
  }

  pointerMove(ctx: ToolContext, p: PointerInput): void {
    if (!this.path) return;
    this.path = { ...this.path, cursor: ctx.toImageClamped(p) };
    this.show(ctx);
  }

  pointerUp(): void {}

  doubleClick(ctx: ToolContext): void {
    if (this.path) this.finish(ctx);
  }

  key(ctx: ToolContext, k: KeyInput): boolean {
    if (!this.path || !isPlainKey(k)) return false;
    switch (k.key) {
      case 'Enter':
        this.finish(ctx);
        return true;
      case 'Backspace':
        return this.undoDraft(ctx);
      case 'Escape':
        this.cancel(ctx);
        return true;
      default:
        return false;
    }
  }

  undoDraft(ctx: ToolContext): boolean {
    if (!this.path) return false;
    const points = this.path.points.slice(0, -1);
    if (points.length === 0) {
      this.cancel(ctx);
    } else {
      this.path = { ...this.path, points };
      this.show(ctx);
    }
    return true;
  }

  cancel(ctx: ToolContext): void {
    if (!this.path) return;
    this.path = null;
    ctx.setDraft(null);
  }

  /** Creates the shape when it has enough (non-collinear) points; otherwise drawing goes on. */
  private finish(ctx: ToolContext): void {
    if (!this.path) return;
    const geometry = { type: this.shape, points: this.path.points };
    if (this.path.points.length < MIN_VERTICES[this.shape] || degenerateReason(geometry)) return;
    const { featureId } = this.path;
    this.cancel(ctx);
    ctx.create(featureId, geometry);
  }

  private show(ctx: ToolContext): void {
    if (!this.path) return;
    const { featureId, points, cursor } = this.path;
    ctx.setDraft({ featureId, geometry: { type: this.shape, points }, cursor: [cursor[0], cursor[1]] });
  }
}
