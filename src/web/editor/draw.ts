import { boundsOf, rotatedBoxCorners } from '../../core/labels/geometry.ts';
import type { Bounds, Geometry, LabelObject } from '../../core/labels/index.ts';
import type { OntologyDocument } from '../../core/ontology/index.ts';
import type { EditorState, Handle } from '../../editor/index.ts';

// Canvas drawing of the label document, in image coordinates (the Konva stage carries the
// viewport's scale and offset). Paths are cached per geometry object: documents are immutable, so
// an unchanged object keeps its geometry and its path, and a frame while panning only strokes
// cached paths of the objects in view.

export interface Palette {
  colorOf: (featureId: string) => string;
  skeletonEdgesOf: (featureId: string) => readonly (readonly [string, string])[];
}

export function paletteOf(ontology: OntologyDocument): Palette {
  const colors = new Map(ontology.objects.map((o) => [o.featureId, o.color]));
  const edges = new Map(ontology.objects.map((o) => [o.featureId, o.skeleton?.edges ?? []]));
  return {
    colorOf: (id) => colors.get(id) ?? '#888888',
    skeletonEdgesOf: (id) => edges.get(id) ?? [],
  };
}

const paths = new WeakMap<Geometry, Path2D>();
const bounds = new WeakMap<Geometry, Bounds>();

function cachedBounds(g: Geometry): Bounds {
  let b = bounds.get(g);
  if (!b) {
    b = boundsOf(g);
    bounds.set(g, b);
  }
  return b;
}

function outline(g: Geometry): Path2D | null {
  if (g.type === 'point' || g.type === 'keypoint_skeleton') return null;
  let p = paths.get(g);
  if (p) return p;
  p = new Path2D();
  if (g.type === 'bounding_box') {
    p.rect(g.x, g.y, g.w, g.h);
  } else {
    const points = g.type === 'rotatable_box' ? rotatedBoxCorners(g.cx, g.cy, g.w, g.h, g.angle) : g.points;
    tracePath(p, points);
    if (g.type !== 'polyline') p.closePath();
  }
  paths.set(g, p);
  return p;
}

function tracePath(p: Path2D | CanvasRenderingContext2D, points: readonly (readonly [number, number])[]) {
  for (const [i, [x, y]] of points.entries()) {
    if (i === 0) p.moveTo(x, y);
    else p.lineTo(x, y);
  }
}

const isOpen = (g: Geometry) => g.type === 'polyline';

/** The image region the view shows, with a margin so strokes at the edge are not cut. */
export function visibleRegion(state: Pick<EditorState, 'viewport' | 'view'>): Bounds {
  const { scale, x, y } = state.viewport;
  const margin = 8 / scale;
  return {
    minX: -x / scale - margin,
    minY: -y / scale - margin,
    maxX: (state.view.width - x) / scale + margin,
    maxY: (state.view.height - y) / scale + margin,
  };
}

const overlaps = (a: Bounds, b: Bounds) =>
  a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;

interface Style {
  color: string;
  /** Screen pixels: divided by the scale, since the context is in image coordinates. */
  lineWidth: number;
  fillAlpha: number;
  dash?: number[];
}

function drawGeometry(
  ctx: CanvasRenderingContext2D,
  object: LabelObject,
  style: Style,
  scale: number,
  palette: Palette,
) {
  const g = object.geometry;
  ctx.strokeStyle = style.color;
  ctx.fillStyle = style.color;
  ctx.lineWidth = style.lineWidth / scale;
  ctx.setLineDash(style.dash ? style.dash.map((d) => d / scale) : []);
  const path = outline(g);
  if (path) {
    if (!isOpen(g) && style.fillAlpha > 0) {
      ctx.globalAlpha = style.fillAlpha;
      ctx.fill(path);
      ctx.globalAlpha = 1;
    }
    ctx.stroke(path);
    if (g.type === 'rotatable_box') headingTick(ctx, g);
    return;
  }
  if (g.type === 'point') {
    dot(ctx, g.x, g.y, 4 / scale, true);
    return;
  }
  if (g.type === 'keypoint_skeleton') {
    const at = new Map(g.keypoints.map((k) => [k.pointId, k]));
    ctx.beginPath();
    for (const [a, b] of palette.skeletonEdgesOf(object.featureId)) {
      const p = at.get(a);
      const q = at.get(b);
      if (!p || !q) continue;
      ctx.moveTo(p.x, p.y);
      ctx.lineTo(q.x, q.y);
    }
    ctx.stroke();
    for (const k of g.keypoints) dot(ctx, k.x, k.y, 3.5 / scale, k.visible);
  }
}

/** A line from the centre to the middle of the top edge, so the box's heading shows. */
function headingTick(ctx: CanvasRenderingContext2D, g: Extract<Geometry, { type: 'rotatable_box' }>) {
  const rad = (g.angle * Math.PI) / 180;
  ctx.beginPath();
  ctx.moveTo(g.cx, g.cy);
  ctx.lineTo(g.cx + (g.h / 2) * Math.sin(rad), g.cy - (g.h / 2) * Math.cos(rad));
  ctx.stroke();
}

function dot(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, filled: boolean) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  if (filled) ctx.fill();
  ctx.stroke();
}

/** The objects a labels raster holds: visible, and not selected (the overlay draws those, live). */
export function rasterObjects(state: EditorState): LabelObject[] {
  const selected = state.selection.length > 0 ? new Set(state.selection) : null;
  return state.document.objects.filter((o) => !state.hidden.has(o.id) && !selected?.has(o.id));
}

/** Draws `objects` in z-order (later ones on top), skipping those outside `region`. */
export function drawObjects(
  ctx: CanvasRenderingContext2D,
  objects: readonly LabelObject[],
  region: Bounds,
  state: Pick<EditorState, 'viewport' | 'locked'>,
  palette: Palette,
) {
  const scale = state.viewport.scale;
  for (const object of objects) {
    if (!overlaps(paddedBounds(object.geometry, scale), region)) continue;
    const style: Style = {
      color: palette.colorOf(object.featureId),
      lineWidth: 1.5,
      fillAlpha: 0.18,
      ...(state.locked.has(object.id) ? { dash: [4, 3] } : {}),
    };
    drawGeometry(ctx, object, style, scale, palette);
  }
}

/** Bounds plus what strokes and dots add on screen (points are drawn as 4 px discs). */
function paddedBounds(g: Geometry, scale: number): Bounds {
  const b = cachedBounds(g);
  const pad = 6 / scale;
  return { minX: b.minX - pad, minY: b.minY - pad, maxX: b.maxX + pad, maxY: b.maxY + pad };
}

export const unionBounds = (a: Bounds | null, b: Bounds): Bounds =>
  a
    ? {
        minX: Math.min(a.minX, b.minX),
        minY: Math.min(a.minY, b.minY),
        maxX: Math.max(a.maxX, b.maxX),
        maxY: Math.max(a.maxY, b.maxY),
      }
    : b;

/** The padded bounds of an object as drawn at `scale`, for a raster's dirty region. */
export const drawnBounds = (o: LabelObject, scale: number) => paddedBounds(o.geometry, scale);

/** How an object with an open issue is outlined on the overlay. */
const FLAG_STYLE: Style = { color: '#dc2626', lineWidth: 2, fillAlpha: 0, dash: [6, 4] };

/** An issue's pin as the overlay draws it, at a point of the image (image pixels). */
export interface PinMark {
  x: number;
  y: number;
  /** `draft`: the point the raise form holds, not raised yet. */
  status: 'open' | 'resolved' | 'draft';
  selected: boolean;
}

/** What the overlay marks for the task's issues. */
export interface IssueMarks {
  /** Objects with open issues: a red dashed outline. */
  flagged?: ReadonlySet<string> | undefined;
  /** Issues pinned to points of the image, in drawing order. */
  pins?: readonly PinMark[] | undefined;
}

/**
 * The selection, the hovered object, handles and the shape being drawn: small, redrawn often.
 * `flagged` objects (those with open issues) get a red dashed outline over everything else, and
 * issue pins are drawn last.
 */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  state: EditorState,
  palette: Palette,
  { flagged, pins }: IssueMarks = {},
) {
  const scale = state.viewport.scale;
  const byId = new Map<string, LabelObject>();
  const wanted = new Set([...state.selection, ...(state.hoverId ? [state.hoverId] : [])]);
  if (wanted.size > 0 || (flagged && flagged.size > 0)) {
    for (const o of state.document.objects) {
      if (wanted.has(o.id) || flagged?.has(o.id)) byId.set(o.id, o);
    }
  }
  const hovered = state.hoverId ? byId.get(state.hoverId) : undefined;
  if (hovered && !state.selection.includes(hovered.id) && !state.hidden.has(hovered.id)) {
    drawGeometry(
      ctx,
      hovered,
      { color: palette.colorOf(hovered.featureId), lineWidth: 3, fillAlpha: 0.1 },
      scale,
      palette,
    );
  }
  for (const id of state.selection) {
    const o = byId.get(id);
    if (!o || state.hidden.has(id)) continue;
    // A light halo under the class colour keeps the selection visible on any image.
    drawGeometry(ctx, o, { color: '#ffffff', lineWidth: 5, fillAlpha: 0 }, scale, palette);
    drawGeometry(
      ctx,
      o,
      { color: palette.colorOf(o.featureId), lineWidth: 2.5, fillAlpha: 0.3 },
      scale,
      palette,
    );
  }
  if (flagged) {
    for (const id of flagged) {
      const o = byId.get(id);
      if (o && !state.hidden.has(id)) drawGeometry(ctx, o, FLAG_STYLE, scale, palette);
    }
  }
  for (const h of state.handles) drawHandle(ctx, h, scale, state.selectedVertex);
  if (state.draft) drawDraft(ctx, state, palette);
  if (pins) for (const pin of pins) drawPin(ctx, pin, scale);
}

const PIN_RED = FLAG_STYLE.color;
const PIN_GREY = '#6b7280';

/**
 * An issue's pin, the same size on screen at any zoom: open, a red disc ringed in white; resolved,
 * a grey ring; the raise form's pin, a red ring round a red dot. The selected one is larger.
 */
function drawPin(ctx: CanvasRenderingContext2D, pin: PinMark, scale: number) {
  const r = (pin.selected ? 8 : 5) / scale;
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.arc(pin.x, pin.y, r, 0, Math.PI * 2);
  if (pin.status === 'resolved') {
    ctx.lineWidth = 2 / scale;
    ctx.strokeStyle = PIN_GREY;
    ctx.stroke();
    return;
  }
  ctx.lineWidth = 1.5 / scale;
  ctx.strokeStyle = '#ffffff';
  ctx.fillStyle = PIN_RED;
  if (pin.status === 'open') {
    ctx.fill();
    ctx.stroke();
    return;
  }
  ctx.lineWidth = 2.5 / scale;
  ctx.strokeStyle = PIN_RED;
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(pin.x, pin.y, 2.5 / scale, 0, Math.PI * 2);
  ctx.fill();
}

function drawHandle(
  ctx: CanvasRenderingContext2D,
  h: Handle,
  scale: number,
  selectedVertex: EditorState['selectedVertex'],
) {
  const size = (h.kind === 'midpoint' ? 6 : 9) / scale;
  const chosen =
    h.kind === 'vertex' && selectedVertex?.objectId === h.objectId && selectedVertex.index === h.index;
  ctx.setLineDash([]);
  ctx.lineWidth = 1.5 / scale;
  ctx.strokeStyle = '#1d4ed8';
  ctx.fillStyle = chosen ? '#1d4ed8' : h.kind === 'midpoint' ? 'rgba(255,255,255,0.6)' : '#ffffff';
  ctx.beginPath();
  if (h.kind === 'rotate' || h.kind === 'vertex' || h.kind === 'midpoint') {
    ctx.arc(h.x, h.y, size / 2, 0, Math.PI * 2);
  } else {
    ctx.rect(h.x - size / 2, h.y - size / 2, size, size);
  }
  ctx.fill();
  ctx.stroke();
}

function drawDraft(ctx: CanvasRenderingContext2D, state: EditorState, palette: Palette) {
  const draft = state.draft;
  if (!draft) return;
  const scale = state.viewport.scale;
  const color = palette.colorOf(draft.featureId);
  const g = draft.geometry;
  const object = { featureId: draft.featureId, geometry: g } as LabelObject;
  if (g.type === 'polygon' || g.type === 'polyline') {
    const points = draft.cursor ? [...g.points, draft.cursor] : g.points;
    ctx.strokeStyle = color;
    ctx.lineWidth = 2 / scale;
    ctx.setLineDash([6 / scale, 4 / scale]);
    ctx.beginPath();
    tracePath(ctx, points);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = color;
    for (const [i, [x, y]] of g.points.entries()) dot(ctx, x, y, (i === 0 ? 5 : 3) / scale, true);
    return;
  }
  drawGeometry(ctx, object, { color, lineWidth: 2, fillAlpha: 0.15, dash: [6, 4] }, scale, palette);
}
