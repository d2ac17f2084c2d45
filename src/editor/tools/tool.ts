import type { Geometry, LabelDocument, LabelObject, Point } from '../../core/labels/format.ts';
import type { ObjectFeature } from '../../core/ontology/format.ts';
import type { Stamp } from '../document-ops.ts';
import type { Handle } from '../handles.ts';
import type { EditorState } from '../store.ts';

// Every tool is a small state machine fed pointer and key input by the store. Tools never touch
// the store's state directly: they read it and ask for changes through ToolContext, so each stays
// a few dozen lines about its own gesture.

export type ToolId =
  | 'select'
  | 'bounding_box'
  | 'rotatable_box'
  | 'polygon'
  | 'polyline'
  | 'point'
  | 'keypoint_skeleton';

export const DRAWING_TOOLS: readonly ToolId[] = [
  'bounding_box',
  'rotatable_box',
  'polygon',
  'polyline',
  'point',
  'keypoint_skeleton',
];

/** Screen (canvas CSS pixel) coordinates. */
export interface PointerInput {
  x: number;
  y: number;
  /** 0 left, 1 middle, 2 right. */
  button?: number;
  shift?: boolean;
  alt?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  /** Click count. */
  detail?: number;
}

export interface KeyInput {
  /** KeyboardEvent.key */
  key: string;
  code?: string;
  shift?: boolean;
  alt?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

/** A shape being drawn: shown on the canvas, not yet in the document. */
export interface Draft {
  featureId: string;
  geometry: Geometry;
  /** Image coordinates of the rubber band's free end (polygon, polyline). */
  cursor?: [number, number];
  /** Name of the skeleton point the next click places. */
  nextKeypoint?: string;
}

/** Screen pixels the pointer may wander before a press becomes a drag. */
export const DRAG_THRESHOLD = 3;

export interface ToolContext {
  readonly state: EditorState;
  readonly readOnly: boolean;
  /** The active feature when it is drawn with `shape`; otherwise drawing tools do nothing. */
  activeFeatureFor(shape: Geometry['type']): ObjectFeature | null;
  /** Image coordinates of a screen point, not clamped. */
  toImage(p: { x: number; y: number }): Point;
  /**
   * Image coordinates of a screen point, clamped to the image's outer edges [0, width] × [0, height].
   * Coordinates stay fractional: zoomed in, a screen pixel is a fraction of an image pixel, and
   * rounding would make shapes snap away from where they were drawn (the label format takes floats).
   */
  toImageClamped(p: { x: number; y: number }): Point;
  /** A screen distance in image pixels at the current zoom. */
  screenToImage(pixels: number): number;
  hitObject(p: { x: number; y: number }): LabelObject | null;
  hitHandle(p: { x: number; y: number }): Handle | null;
  setDraft(draft: Draft | null): void;
  /** Adds a new object as one undo step and selects it. */
  create(featureId: string, geometry: Geometry): void;
  /** Replaces one object's geometry as one undo step, selecting it (and the vertex, if given). */
  changeGeometry(objectId: string, geometry: Geometry, selectedVertex?: number): void;
  /** Shows a document during a drag without recording it. */
  live(update: (base: LabelDocument) => LabelDocument): void;
  /** Ends a drag: what was shown live becomes one undo step. */
  endLive(selectedVertex?: { objectId: string; index: number }): void;
  /** Abandons a drag, restoring the document from before it. */
  cancelLive(): void;
  select(ids: readonly string[]): void;
  selectVertex(v: { objectId: string; index: number } | null): void;
  /** The current user and time, for objects changed now. */
  stamp(): Stamp;
}

export interface Tool {
  pointerDown(ctx: ToolContext, p: PointerInput): void;
  pointerMove(ctx: ToolContext, p: PointerInput): void;
  pointerUp(ctx: ToolContext, p: PointerInput): void;
  doubleClick(ctx: ToolContext, p: PointerInput): void;
  /** Keys the tool gives a meaning while it works (Enter, Backspace, Escape …); true when handled. */
  key(ctx: ToolContext, k: KeyInput): boolean;
  /** Undo while drawing steps back within the draft; true when it did. */
  undoDraft(ctx: ToolContext): boolean;
  /** Drops whatever is in progress (tool switch, document replaced). */
  cancel(ctx: ToolContext): void;
}

/** A tool with nothing to say about a given input. */
export const idleTool: Tool = {
  pointerDown() {},
  pointerMove() {},
  pointerUp() {},
  doubleClick() {},
  key: () => false,
  undoDraft: () => false,
  cancel() {},
};

export const isPlainKey = (k: KeyInput) => !k.ctrl && !k.meta && !k.alt;
