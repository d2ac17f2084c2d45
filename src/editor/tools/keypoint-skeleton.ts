import type { Keypoint } from '../../core/labels/format.ts';
import type { SkeletonPoint } from '../../core/ontology/format.ts';
import { isPlainKey, type KeyInput, type PointerInput, type Tool, type ToolContext } from './tool.ts';

// Clicks place the feature's skeleton points in skeleton order. Shift-click marks the point as
// placed but not visible (occluded); N skips it, leaving it out of the object (out of frame). The
// object is created after the last point, or earlier with Enter.

interface Placing {
  featureId: string;
  points: readonly SkeletonPoint[];
  placed: Keypoint[];
  /** Index into `points` of the point the next click places. */
  next: number;
}

export class KeypointSkeletonTool implements Tool {
  private placing: Placing | null = null;

  pointerDown(ctx: ToolContext, p: PointerInput): void {
    if ((p.button ?? 0) !== 0) return;
    const placing = this.placing ?? this.start(ctx);
    const point = placing?.points[placing.next];
    if (!placing || !point) return;
    const [x, y] = ctx.toImageClamped(p);
    const keypoint: Keypoint = { pointId: point.id, x, y, visible: p.shift !== true };
    this.advance(ctx, { ...placing, placed: [...placing.placed, keypoint], next: placing.next + 1 });
  }

  pointerMove(): void {}
  pointerUp(): void {}
  doubleClick(): void {}

  /**
   * N works before the first click too (so the first point can be skipped); that shadows a class
   * hotkey N while this tool is active.
   */
  key(ctx: ToolContext, k: KeyInput): boolean {
    if (!isPlainKey(k)) return false;
    if (k.key.toLowerCase() === 'n') {
      const placing = this.placing ?? this.start(ctx);
      if (!placing) return false;
      this.advance(ctx, { ...placing, next: placing.next + 1 });
      return true;
    }
    if (!this.placing) return false;
    switch (k.key) {
      case 'Enter':
        this.finish(ctx, this.placing);
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

  /** Takes back the last placed point: the next click places it again. */
  undoDraft(ctx: ToolContext): boolean {
    const placing = this.placing;
    if (!placing) return false;
    const last = placing.placed.at(-1);
    if (!last) {
      this.cancel(ctx);
      return true;
    }
    const next = placing.points.findIndex((p) => p.id === last.pointId);
    this.advance(ctx, { ...placing, placed: placing.placed.slice(0, -1), next });
    return true;
  }

  cancel(ctx: ToolContext): void {
    if (!this.placing) return;
    this.placing = null;
    ctx.setDraft(null);
  }

  private start(ctx: ToolContext): Placing | null {
    const feature = ctx.activeFeatureFor('keypoint_skeleton');
    const points = feature?.skeleton?.points ?? [];
    if (!feature || points.length === 0) return null;
    return { featureId: feature.featureId, points, placed: [], next: 0 };
  }

  private advance(ctx: ToolContext, placing: Placing): void {
    if (placing.next >= placing.points.length) {
      this.finish(ctx, placing);
      return;
    }
    this.placing = placing;
    ctx.setDraft({
      featureId: placing.featureId,
      geometry: { type: 'keypoint_skeleton', keypoints: placing.placed },
      nextKeypoint: placing.points[placing.next]!.name,
    });
  }

  /** With nothing placed (every point skipped) there is no object to create. */
  private finish(ctx: ToolContext, placing: Placing): void {
    this.placing = null;
    ctx.setDraft(null);
    if (placing.placed.length > 0) {
      ctx.create(placing.featureId, { type: 'keypoint_skeleton', keypoints: placing.placed });
    }
  }
}

export const createKeypointSkeletonTool = () => new KeypointSkeletonTool();
