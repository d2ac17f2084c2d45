import type { Bounds, LabelObject } from '../../core/labels/index.ts';
import type { EditorState } from '../../editor/index.ts';
import { drawnBounds, drawObjects, type Palette, rasterObjects, unionBounds, visibleRegion } from './draw.ts';

// Thousands of translucent shapes cost a software rasteriser far more than a frame to fill and
// stroke, so they are drawn once into a raster at the current zoom and each frame only copies
// it. Panning never redraws them; an edit redraws only the region it touched; a zoom shows the
// old raster scaled until the zoom settles, then draws it again sharp.

/** Largest raster, in device pixels: the whole image at most zooms; a window around the view beyond. */
const MAX_PIXELS = 8_000_000;
/** A raster this many times too small or too large is redrawn at once rather than shown blurred. */
const MAX_STALE_RATIO = 2;
/** How long the zoom must rest before the raster is redrawn at the new scale. */
export const SETTLE_MS = 150;
/** An edit whose region covers more of the raster than this redraws it whole. */
const MAX_DIRTY_SHARE = 0.3;

export type PaintResult = 'sharp' | 'scaled';

interface Inputs {
  objects: LabelObject[];
  locked: ReadonlySet<string>;
  palette: Palette;
}

export class LabelsRaster {
  private readonly canvas = document.createElement('canvas');
  /** What the raster shows: these objects, at this scale, over this image region. */
  private drawn: Inputs | null = null;
  private scale = 0;
  private pixelRatio = 1;
  private region: Bounds = { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  private scaleSeen = 0;
  private scaleSeenAt = 0;

  /**
   * Paints the labels into `ctx` (a layer canvas carrying the stage's transform). `scaled` means
   * the raster was shown at a zoom it was not drawn for: paint again after SETTLE_MS.
   */
  paint(
    ctx: CanvasRenderingContext2D,
    pixelRatio: number,
    state: EditorState,
    palette: Palette,
    now: number,
  ): PaintResult {
    const scale = state.viewport.scale;
    if (scale !== this.scaleSeen) {
      this.scaleSeen = scale;
      this.scaleSeenAt = now;
    }
    const inputs: Inputs = { objects: rasterObjects(state), locked: state.locked, palette };
    const wanted = this.wantedRegion(state, pixelRatio);
    const ratio = scale / this.scale;
    const settled = now - this.scaleSeenAt >= SETTLE_MS;
    const usable =
      this.drawn !== null &&
      pixelRatio === this.pixelRatio &&
      contains(this.region, clampToImage(visibleRegion(state), state.image)) &&
      (ratio === 1 || (!settled && ratio <= MAX_STALE_RATIO && ratio >= 1 / MAX_STALE_RATIO));
    if (!usable) {
      this.redraw(state, pixelRatio, inputs, wanted);
    } else if (!sameInputs(this.drawn, inputs)) {
      this.update(state, inputs);
    }
    this.blit(ctx, state, pixelRatio);
    return this.scale === scale ? 'sharp' : 'scaled';
  }

  /** The whole image at this zoom when it fits the budget, else the view and half a view around it. */
  private wantedRegion(state: EditorState, pixelRatio: number): Bounds {
    const { image } = state;
    const full = { minX: 0, minY: 0, maxX: image.width, maxY: image.height };
    const device = state.viewport.scale * pixelRatio;
    if (image.width * image.height * device * device <= MAX_PIXELS) return full;
    const view = visibleRegion(state);
    const padX = (view.maxX - view.minX) / 2;
    const padY = (view.maxY - view.minY) / 2;
    return clampToImage(
      { minX: view.minX - padX, minY: view.minY - padY, maxX: view.maxX + padX, maxY: view.maxY + padY },
      image,
    );
  }

  private redraw(state: EditorState, pixelRatio: number, inputs: Inputs, region: Bounds) {
    const device = state.viewport.scale * pixelRatio;
    this.canvas.width = Math.max(1, Math.ceil((region.maxX - region.minX) * device));
    this.canvas.height = Math.max(1, Math.ceil((region.maxY - region.minY) * device));
    this.scale = state.viewport.scale;
    this.pixelRatio = pixelRatio;
    this.region = region;
    this.drawn = inputs;
    const ctx = this.context();
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.drawInto(ctx, inputs, region, state);
  }

  /** Redraws only around what changed; a change of z-order or a large change redraws the whole. */
  private update(state: EditorState, inputs: Inputs) {
    const previous = this.drawn;
    const dirty =
      previous && previous.palette === inputs.palette && previous.locked === inputs.locked
        ? changedRegion(previous.objects, inputs.objects, this.scale)
        : undefined;
    const area = (b: Bounds) => (b.maxX - b.minX) * (b.maxY - b.minY);
    if (dirty === undefined || (dirty && area(dirty) > MAX_DIRTY_SHARE * area(this.region))) {
      this.redraw(state, this.pixelRatio, inputs, this.region);
      return;
    }
    this.drawn = inputs;
    if (!dirty) return;
    const ctx = this.context();
    ctx.save();
    ctx.beginPath();
    ctx.rect(dirty.minX, dirty.minY, dirty.maxX - dirty.minX, dirty.maxY - dirty.minY);
    ctx.clip();
    ctx.clearRect(dirty.minX, dirty.minY, dirty.maxX - dirty.minX, dirty.maxY - dirty.minY);
    this.drawInto(ctx, inputs, dirty, state);
    ctx.restore();
  }

  /** The raster's context, in image coordinates of its region. */
  private context(): CanvasRenderingContext2D {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) throw new Error('the browser gave no 2D canvas context');
    const device = this.scale * this.pixelRatio;
    ctx.setTransform(device, 0, 0, device, -this.region.minX * device, -this.region.minY * device);
    return ctx;
  }

  private drawInto(ctx: CanvasRenderingContext2D, inputs: Inputs, region: Bounds, state: EditorState) {
    drawObjects(
      ctx,
      inputs.objects,
      region,
      { viewport: { ...state.viewport, scale: this.scale }, locked: inputs.locked },
      inputs.palette,
    );
  }

  private blit(ctx: CanvasRenderingContext2D, state: EditorState, pixelRatio: number) {
    const { scale, x, y } = state.viewport;
    if (scale === this.scale) {
      // At its own scale the raster is copied pixel for pixel, on whole device pixels, so it stays sharp.
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(
        this.canvas,
        Math.round((this.region.minX * scale + x) * pixelRatio),
        Math.round((this.region.minY * scale + y) * pixelRatio),
      );
      ctx.restore();
      return;
    }
    const r = this.region;
    ctx.drawImage(this.canvas, r.minX, r.minY, r.maxX - r.minX, r.maxY - r.minY);
  }
}

const contains = (outer: Bounds, inner: Bounds) =>
  inner.minX >= outer.minX &&
  inner.minY >= outer.minY &&
  inner.maxX <= outer.maxX &&
  inner.maxY <= outer.maxY;

function clampToImage(b: Bounds, image: { width: number; height: number }): Bounds {
  return {
    minX: Math.max(0, b.minX),
    minY: Math.max(0, b.minY),
    maxX: Math.min(image.width, b.maxX),
    maxY: Math.min(image.height, b.maxY),
  };
}

function sameInputs(a: Inputs | null, b: Inputs): boolean {
  if (!a || a.palette !== b.palette || a.locked !== b.locked || a.objects.length !== b.objects.length) {
    return false;
  }
  return a.objects.every((o, i) => o === b.objects[i]);
}

/**
 * Where the drawing changes from `before` to `after` (objects are immutable, so a changed object
 * is a new one): the union of the bounds of objects removed, added or replaced. null when nothing
 * changed; undefined when the objects kept changed their order (z-order), which moves pixels
 * anywhere they overlap.
 */
export function changedRegion(
  before: readonly LabelObject[],
  after: readonly LabelObject[],
  scale: number,
): Bounds | null | undefined {
  const inAfter = new Set(after);
  const inBefore = new Set(before);
  let dirty: Bounds | null = null;
  const keptBefore: LabelObject[] = [];
  for (const o of before) {
    if (inAfter.has(o)) keptBefore.push(o);
    else dirty = unionBounds(dirty, drawnBounds(o, scale));
  }
  let k = 0;
  for (const o of after) {
    if (!inBefore.has(o)) dirty = unionBounds(dirty, drawnBounds(o, scale));
    else if (keptBefore[k++] !== o) return undefined;
  }
  return dirty;
}
