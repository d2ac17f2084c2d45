import type { Geometry, LabelObject, Point } from '../../core/labels/format.ts';
import { degenerateReason, rotatedBoxCorners } from '../../core/labels/geometry.ts';
import { mapObjects, moveObjects, withGeometry } from '../document-ops.ts';
import { dragHandle, type Handle, insertVertex, removeVertex } from '../handles.ts';
import { HIT_TOLERANCE, nearestEdge } from '../hit-test.ts';
import {
  DRAG_THRESHOLD,
  isPlainKey,
  type KeyInput,
  type PointerInput,
  type Tool,
  type ToolContext,
} from './tool.ts';

// Selecting and editing what is drawn. A press is only a click until the pointer has moved
// DRAG_THRESHOLD screen pixels; then it becomes a move (of the whole selection) or a reshape (by
// the handle pressed). A drag is shown live and recorded as one undo step on release.

type Target =
  | { kind: 'handle'; handle: Handle }
  | { kind: 'object'; id: string; wasSelected: boolean }
  | { kind: 'empty' };

type Gesture =
  | { kind: 'idle' }
  | { kind: 'pointing'; down: PointerInput; target: Target }
  | { kind: 'moving'; start: Point; ids: ReadonlySet<string> }
  | { kind: 'reshaping'; handle: Handle; geometry: Geometry }
  /** A press that cannot drag anything (empty space, read-only): its moves and release do nothing. */
  | { kind: 'inert' };

/** Whether a reshaped geometry may be shown: not degenerate, and a turned box not poking out of the image. */
function acceptable(g: Geometry, image: { width: number; height: number }): boolean {
  if (degenerateReason(g) !== null) return false;
  if (g.type !== 'rotatable_box') return true;
  const slack = 1e-6;
  return rotatedBoxCorners(g.cx, g.cy, g.w, g.h, g.angle).every(
    ([x, y]) => x >= -slack && y >= -slack && x <= image.width + slack && y <= image.height + slack,
  );
}

const objectById = (ctx: ToolContext, id: string): LabelObject | undefined =>
  ctx.state.document.objects.find((o) => o.id === id);

export class SelectTool implements Tool {
  private gesture: Gesture = { kind: 'idle' };

  pointerDown(ctx: ToolContext, p: PointerInput): void {
    if ((p.button ?? 0) !== 0) return;
    const handle = ctx.readOnly ? null : ctx.hitHandle(p);
    if (handle) {
      this.gesture = { kind: 'pointing', down: p, target: { kind: 'handle', handle } };
      return;
    }
    const hit = ctx.hitObject(p);
    const selection = ctx.state.selection;
    if (!hit) {
      if (!p.shift) ctx.select([]);
      this.gesture = { kind: 'pointing', down: p, target: { kind: 'empty' } };
      return;
    }
    const wasSelected = selection.includes(hit.id);
    if (p.shift) ctx.select(wasSelected ? selection.filter((id) => id !== hit.id) : [...selection, hit.id]);
    // Selected on press, not release, so pressing an unselected object and dragging moves it.
    else if (!wasSelected) ctx.select([hit.id]);
    this.gesture = { kind: 'pointing', down: p, target: { kind: 'object', id: hit.id, wasSelected } };
  }

  pointerMove(ctx: ToolContext, p: PointerInput): void {
    if (this.gesture.kind === 'pointing') {
      const { down, target } = this.gesture;
      if (Math.hypot(p.x - down.x, p.y - down.y) < DRAG_THRESHOLD) return;
      this.gesture = this.startDrag(ctx, down, target);
    }
    const g = this.gesture;
    if (g.kind === 'moving') {
      const [x, y] = ctx.toImage(p);
      const [dx, dy] = [x - g.start[0], y - g.start[1]];
      ctx.live((base) => moveObjects(base, g.ids, dx, dy, ctx.state.image, ctx.stamp()));
    } else if (g.kind === 'reshaping') {
      // The rotate grip only gives a direction, so it may leave the image; other grips may not.
      const to = g.handle.kind === 'rotate' ? ctx.toImage(p) : ctx.toImageClamped(p);
      const next = dragHandle(g.geometry, g.handle, to, { snap: p.shift === true });
      // An unacceptable position keeps the last acceptable one on screen, as if the shape hit a wall.
      if (!acceptable(next, ctx.state.image)) return;
      const stamp = ctx.stamp();
      ctx.live((base) => mapObjects(base, new Set([g.handle.objectId]), (o) => withGeometry(o, next, stamp)));
    }
  }

  pointerUp(ctx: ToolContext, p: PointerInput): void {
    const g = this.gesture;
    this.gesture = { kind: 'idle' };
    if (g.kind === 'moving') ctx.endLive();
    else if (g.kind === 'reshaping') ctx.endLive(vertexAfter(g.handle));
    else if (g.kind === 'pointing') this.click(ctx, g.target, p);
  }

  /** Double-click on a polygon or polyline edge inserts a vertex there. */
  doubleClick(ctx: ToolContext, p: PointerInput): void {
    if (ctx.readOnly || ctx.hitHandle(p)?.kind === 'vertex') return;
    const hit = ctx.hitObject(p);
    const g = hit?.geometry;
    if (!hit || !g || (g.type !== 'polygon' && g.type !== 'polyline')) return;
    const edge = nearestEdge(g.points, g.type === 'polygon', ctx.toImage(p));
    if (!edge || edge.distance > ctx.screenToImage(HIT_TOLERANCE)) return;
    ctx.changeGeometry(hit.id, insertVertex(g, edge.index + 1, edge.point), edge.index + 1);
  }

  key(ctx: ToolContext, k: KeyInput): boolean {
    if (k.key !== 'Escape' || !isPlainKey(k) || !this.dragging) return false;
    this.cancel(ctx);
    return true;
  }

  undoDraft(ctx: ToolContext): boolean {
    if (!this.dragging) return false;
    this.cancel(ctx);
    return true;
  }

  cancel(ctx: ToolContext): void {
    if (this.dragging) ctx.cancelLive();
    this.gesture = { kind: 'idle' };
  }

  private get dragging(): boolean {
    return this.gesture.kind === 'moving' || this.gesture.kind === 'reshaping';
  }

  private startDrag(ctx: ToolContext, down: PointerInput, target: Target): Gesture {
    if (ctx.readOnly) return { kind: 'inert' };
    if (target.kind === 'handle') {
      const o = objectById(ctx, target.handle.objectId);
      return o ? { kind: 'reshaping', handle: target.handle, geometry: o.geometry } : { kind: 'inert' };
    }
    // Shift-pressing a selected object takes it out of the selection; dragging on then moves nothing.
    if (target.kind !== 'object' || !ctx.state.selection.includes(target.id)) return { kind: 'inert' };
    const { hidden, locked } = ctx.state;
    const ids = new Set(ctx.state.selection.filter((id) => !hidden.has(id) && !locked.has(id)));
    return { kind: 'moving', start: ctx.toImage(down), ids };
  }

  private click(ctx: ToolContext, target: Target, p: PointerInput): void {
    if (target.kind === 'object') {
      // A click (not a drag) on one of several selected objects narrows the selection to it.
      if (target.wasSelected && !p.shift) {
        ctx.select([target.id]);
        ctx.selectVertex(null);
      }
      return;
    }
    if (target.kind !== 'handle') return;
    const { handle } = target;
    const o = objectById(ctx, handle.objectId);
    if (!o) return;
    if (handle.kind === 'vertex') {
      if (!p.alt) {
        ctx.selectVertex({ objectId: o.id, index: handle.index });
        return;
      }
      const without = removeVertex(o.geometry, handle.index);
      if (without) ctx.changeGeometry(o.id, without);
    } else if (handle.kind === 'midpoint') {
      ctx.changeGeometry(
        o.id,
        insertVertex(o.geometry, handle.index + 1, [handle.x, handle.y]),
        handle.index + 1,
      );
    }
  }
}

/** The vertex a drag leaves selected: the one dragged, or the one a midpoint drag created. */
function vertexAfter(h: Handle): { objectId: string; index: number } | undefined {
  if (h.kind === 'vertex') return { objectId: h.objectId, index: h.index };
  if (h.kind === 'midpoint') return { objectId: h.objectId, index: h.index + 1 };
  return undefined;
}

export const createSelectTool = () => new SelectTool();
