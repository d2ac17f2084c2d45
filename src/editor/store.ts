import type { Answer, Geometry, LabelDocument, LabelObject } from '../core/labels/format.ts';
import type { ObjectFeature, OntologyDocument } from '../core/ontology/format.ts';
import {
  addObjects,
  bringForward,
  bringToFront,
  clampPoint,
  mapObjects,
  moveObjects,
  newObject,
  pasteObjects,
  removeObjects,
  type Stamp,
  sendBackward,
  sendToBack,
  withAttributes,
  withClassifications,
  withFeature,
  withGeometry,
} from './document-ops.ts';
import { type Handle, handlesOf, removeVertex } from './handles.ts';
import { History } from './history.ts';
import { HIT_TOLERANCE, hitTestHandles, hitTestObjects } from './hit-test.ts';
import { featureHotkeys, type ShortcutAction, shortcutFor } from './keymap.ts';
import { createTools } from './tools/registry.ts';
import {
  DRAWING_TOOLS,
  type Draft,
  type KeyInput,
  type PointerInput,
  type Tool,
  type ToolContext,
  type ToolId,
} from './tools/tool.ts';
import {
  fitViewport,
  panBy,
  type Size,
  toImage,
  type Viewport,
  wheelZoomFactor,
  zoomAt,
} from './viewport.ts';

// The editor's state and the one place input arrives. The canvas forwards DOM events, panels call
// commands, and everything that changes the document goes through commit (one undo step) or the
// live/endLive pair (a drag: shown as it happens, recorded once on release).

/** An immutable snapshot: a new object on every change, the same object when nothing changed. */
export interface EditorState {
  document: LabelDocument;
  /** Object ids, in selection order. */
  selection: readonly string[];
  selectedVertex: { objectId: string; index: number } | null;
  /** View state, not saved in the document. */
  hidden: ReadonlySet<string>;
  locked: ReadonlySet<string>;
  tool: ToolId;
  /** The class new objects get (an object feature id). */
  activeFeatureId: string | null;
  viewport: Viewport;
  /** Canvas size in CSS pixels. */
  view: Size;
  image: Size;
  draft: Draft | null;
  hoverId: string | null;
  /** Of the single selected object (image coordinates); empty otherwise. */
  handles: readonly Handle[];
  panning: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** 1 = unchanged; 0.2..3. */
  adjust: { brightness: number; contrast: number };
  showHelp: boolean;
  /** Increments on every document change made here (not on replaceDocument): autosave watches it. */
  revisionOfChange: number;
}

export interface Clipboard {
  read(): LabelObject[] | null;
  write(objects: LabelObject[]): void;
}

export interface EditorOptions {
  ontology: OntologyDocument;
  document: LabelDocument;
  image: Size;
  view: Size;
  userId: string;
  /** Stamps createdAt/updatedAt. */
  now?: () => Date;
  /** Default: in memory, this store's own. */
  clipboard?: Clipboard;
  /** Review stages: select, pan and zoom only (setDocument still puts whole documents in place). */
  readOnly?: boolean;
}

/** A clipboard in memory; pass one to several stores to copy between them. */
export function createMemoryClipboard(): Clipboard {
  let held: LabelObject[] | null = null;
  return {
    read: () => (held ? structuredClone(held) : null),
    write: (objects) => {
      held = structuredClone(objects);
    },
  };
}

interface Snapshot {
  document: LabelDocument;
  selection: readonly string[];
}

const ADJUST_MIN = 0.2;
const ADJUST_MAX = 3;
/** Zoom per press of + or -. */
const KEY_ZOOM_STEP = 1.25;
const NUDGE = 1;
const NUDGE_FAR = 10;

const NO_HANDLES: readonly Handle[] = [];
const ARROW_DIRECTIONS: Readonly<Record<string, [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

const isDrawingTool = (shape: string): shape is ToolId =>
  (DRAWING_TOOLS as readonly string[]).includes(shape);

function vertexCount(g: Geometry): number {
  if (g.type === 'polygon' || g.type === 'polyline') return g.points.length;
  return g.type === 'keypoint_skeleton' ? g.keypoints.length : 0;
}

function shallowEqual(a: EditorState, b: EditorState): boolean {
  return (Object.keys(a) as (keyof EditorState)[]).every((k) => a[k] === b[k]);
}

export class EditorStore {
  private state: EditorState;
  private readonly listeners = new Set<() => void>();
  private readonly history = new History<Snapshot>();
  private readonly tools: Record<ToolId, Tool> = createTools();
  private readonly features: Map<string, ObjectFeature>;
  private readonly hotkeys: Map<string, string>;
  private readonly clipboard: Clipboard;
  private readonly now: () => Date;
  private readonly readOnly: boolean;
  private readonly ctx: ToolContext;
  /** The document and selection from before the drag in progress, if any. */
  private liveBase: Snapshot | null = null;
  private spaceHeld = false;
  private pan: { x: number; y: number; button: number } | null = null;
  /** The view keeps fitting the image (as the canvas resizes) until the user zooms or pans. */
  private fitted = true;
  /** Handles are recomputed only when the selected object or the zoom changes. */
  private handlesFor: { object: LabelObject; scale: number; handles: readonly Handle[] } | null = null;

  constructor(private readonly opts: EditorOptions) {
    this.features = new Map(opts.ontology.objects.map((f) => [f.featureId, f]));
    this.hotkeys = featureHotkeys(opts.ontology);
    this.clipboard = opts.clipboard ?? createMemoryClipboard();
    this.now = opts.now ?? (() => new Date());
    this.readOnly = opts.readOnly === true;
    const firstDrawable = opts.ontology.objects.find((f) => !f.archived && isDrawingTool(f.shape));
    this.state = {
      document: opts.document,
      selection: [],
      selectedVertex: null,
      hidden: new Set(),
      locked: new Set(),
      tool: 'select',
      activeFeatureId: firstDrawable?.featureId ?? null,
      viewport: fitViewport(opts.image, opts.view),
      view: { ...opts.view },
      image: { ...opts.image },
      draft: null,
      hoverId: null,
      handles: NO_HANDLES,
      panning: false,
      canUndo: false,
      canRedo: false,
      adjust: { brightness: 1, contrast: 1 },
      showHelp: false,
      revisionOfChange: 0,
    };
    this.ctx = this.toolContext();
  }

  getState = (): EditorState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  // ---- input ----

  pointerDown(p: PointerInput): void {
    const button = p.button ?? 0;
    if (button === 1 || (button === 0 && this.spaceHeld)) {
      this.pan = { x: p.x, y: p.y, button };
      this.update({});
      return;
    }
    if (button === 0) this.tool.pointerDown(this.ctx, p);
  }

  pointerMove(p: PointerInput): void {
    if (this.pan) {
      const { x, y } = this.pan;
      this.pan = { ...this.pan, x: p.x, y: p.y };
      this.panBy(p.x - x, p.y - y);
      return;
    }
    this.tool.pointerMove(this.ctx, p);
    this.updateHover(p);
  }

  pointerUp(p: PointerInput): void {
    if (this.pan) {
      this.pan = null;
      this.update({});
      return;
    }
    this.tool.pointerUp(this.ctx, p);
  }

  doubleClick(p: PointerInput): void {
    if (this.pan || this.spaceHeld) return;
    this.tool.doubleClick(this.ctx, p);
  }

  /** Shift pans (trackpads and Shift+wheel give deltaX, mice deltaY); otherwise zooms at the pointer. */
  wheel(p: PointerInput & { deltaY: number; deltaX?: number }): void {
    if (p.shift) this.panBy(-(p.deltaX ?? 0), -p.deltaY);
    else this.zoomBy(wheelZoomFactor(p.deltaY), p);
  }

  key(k: KeyInput): boolean {
    const plain = !k.ctrl && !k.meta && !k.alt;
    if (plain && (k.key === ' ' || k.code === 'Space')) {
      this.spaceHeld = true;
      this.update({});
      return true;
    }
    if (this.tool.key(this.ctx, k)) return true;
    const hotkey = plain && k.key.length === 1 ? this.hotkeys.get(k.key.toLowerCase()) : undefined;
    if (hotkey !== undefined && !this.readOnly) {
      this.setActiveFeature(hotkey);
      return true;
    }
    const action = shortcutFor(k);
    return action ? this.run(action, k) : false;
  }

  keyUp(k: KeyInput): void {
    if (k.key !== ' ' && k.code !== 'Space') return;
    this.spaceHeld = false;
    if (this.pan?.button === 0) this.pan = null;
    this.update({});
  }

  // ---- commands ----

  setTool(t: ToolId): void {
    if (this.readOnly && t !== 'select') return;
    let activeFeatureId = this.state.activeFeatureId;
    if (t !== 'select' && this.activeFeature()?.shape !== t) {
      const feature = this.opts.ontology.objects.find((f) => !f.archived && f.shape === t);
      if (!feature) return;
      activeFeatureId = feature.featureId;
    }
    if (t === this.state.tool && activeFeatureId === this.state.activeFeatureId) return;
    this.tool.cancel(this.ctx);
    this.update({ tool: t, activeFeatureId, hoverId: null });
  }

  setActiveFeature(featureId: string): void {
    const feature = this.features.get(featureId);
    if (!feature || feature.archived) return;
    const tool = !this.readOnly && isDrawingTool(feature.shape) ? feature.shape : this.state.tool;
    if (tool === this.state.tool && featureId === this.state.activeFeatureId) return;
    this.tool.cancel(this.ctx);
    this.update({ tool, activeFeatureId: featureId, hoverId: null });
  }

  select(ids: string[], opts: { add?: boolean } = {}): void {
    const present = new Set(this.state.document.objects.map((o) => o.id));
    const wanted = opts.add ? [...this.state.selection, ...ids] : ids;
    const selection = [...new Set(wanted)].filter((id) => present.has(id));
    const current = this.state.selection;
    if (selection.length === current.length && selection.every((id, i) => id === current[i])) return;
    // Typing into another object's fields is a new undo step even under the same coalesce key.
    this.history.seal();
    this.update({ selection, selectedVertex: null });
  }

  /** Everything that can be picked on the canvas: neither hidden nor locked. */
  selectAll(): void {
    this.select(this.selectable().map((o) => o.id));
  }

  clearSelection(): void {
    this.select([]);
  }

  deleteSelected(): void {
    const ids = this.editableSelection();
    if (ids.size > 0) this.commit(removeObjects(this.state.document, ids), []);
  }

  undo(): void {
    // A read-only store has history only from setDocument, which may be undone.
    if (this.readOnly && !this.history.canUndo) return;
    if (this.liveBase) {
      this.tool.cancel(this.ctx);
      return;
    }
    if (this.tool.undoDraft(this.ctx)) return;
    const previous = this.history.undo(this.snapshot());
    if (previous) this.restore(previous);
  }

  redo(): void {
    if ((this.readOnly && !this.history.canRedo) || this.liveBase) return;
    const next = this.history.redo(this.snapshot());
    if (next) this.restore(next);
  }

  copy(): void {
    const selected = new Set(this.state.selection);
    const objects = this.state.document.objects.filter((o) => selected.has(o.id));
    if (objects.length > 0) this.clipboard.write(objects);
  }

  paste(): void {
    if (this.readOnly) return;
    const objects = this.clipboard.read();
    if (!objects || objects.length === 0) return;
    const { document, ids } = pasteObjects(
      this.state.document,
      objects,
      this.opts.ontology,
      this.stamp(),
      this.state.image,
    );
    if (ids.length > 0) this.commit(document, ids);
  }

  bringToFront(): void {
    this.reorder(bringToFront);
  }

  sendToBack(): void {
    this.reorder(sendToBack);
  }

  bringForward(): void {
    this.reorder(bringForward);
  }

  sendBackward(): void {
    this.reorder(sendBackward);
  }

  toggleHidden(id: string): void {
    const hidden = new Set(this.state.hidden);
    if (!hidden.delete(id)) hidden.add(id);
    this.update({ hidden, hoverId: this.state.hoverId === id ? null : this.state.hoverId });
  }

  toggleLocked(id: string): void {
    const locked = new Set(this.state.locked);
    if (!locked.delete(id)) locked.add(id);
    this.update({ locked, hoverId: this.state.hoverId === id ? null : this.state.hoverId });
  }

  /** Another class of the same shape; the id stays. */
  setObjectFeature(id: string, featureId: string): void {
    const feature = this.features.get(featureId);
    if (!feature || feature.archived || !this.editable(id)) return;
    const stamp = this.stamp();
    this.commit(mapObjects(this.state.document, new Set([id]), (o) => withFeature(o, feature, stamp)));
  }

  setObjectAttributes(id: string, attributes: Answer[], coalesceKey?: string): void {
    if (!this.editable(id)) return;
    const stamp = this.stamp();
    const doc = mapObjects(this.state.document, new Set([id]), (o) => withAttributes(o, attributes, stamp));
    this.commit(
      doc,
      this.state.selection,
      coalesceKey === undefined ? undefined : `object:${id}:${coalesceKey}`,
    );
  }

  setClassifications(answers: Answer[], coalesceKey?: string): void {
    if (this.readOnly) return;
    const doc = withClassifications(this.state.document, answers);
    this.commit(
      doc,
      this.state.selection,
      coalesceKey === undefined ? undefined : `classifications:${coalesceKey}`,
    );
  }

  setViewSize(v: { width: number; height: number }): void {
    const view = { width: v.width, height: v.height };
    if (view.width === this.state.view.width && view.height === this.state.view.height) return;
    this.update(this.fitted ? { view, viewport: fitViewport(this.state.image, view) } : { view });
  }

  fit(): void {
    this.fitted = true;
    this.update({ viewport: fitViewport(this.state.image, this.state.view) });
  }

  /** Zooms keeping the image point under `at` (screen; default the canvas centre) in place. */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    if (!Number.isFinite(factor) || factor <= 0) return;
    const centre = at ?? { x: this.state.view.width / 2, y: this.state.view.height / 2 };
    this.fitted = false;
    this.update({ viewport: zoomAt(this.state.viewport, factor, centre) });
  }

  panBy(dx: number, dy: number): void {
    if (!Number.isFinite(dx) || !Number.isFinite(dy) || (dx === 0 && dy === 0)) return;
    this.fitted = false;
    this.update({ viewport: panBy(this.state.viewport, dx, dy) });
  }

  setAdjust(a: Partial<{ brightness: number; contrast: number }>): void {
    const clamp = (value: number | undefined, current: number) =>
      value === undefined || !Number.isFinite(value)
        ? current
        : Math.min(ADJUST_MAX, Math.max(ADJUST_MIN, value));
    const { brightness, contrast } = this.state.adjust;
    const next = { brightness: clamp(a.brightness, brightness), contrast: clamp(a.contrast, contrast) };
    if (next.brightness !== brightness || next.contrast !== contrast) this.update({ adjust: next });
  }

  toggleHelp(): void {
    this.update({ showHelp: !this.state.showHelp });
  }

  /**
   * Takes the server's document (reload, merge): what was in progress is dropped and history
   * cleared, since undoing into a document the server has replaced would resurrect stale work.
   * revisionOfChange stays: this document is already saved, autosave has nothing to send.
   */
  replaceDocument(doc: LabelDocument): void {
    this.tool.cancel(this.ctx);
    this.liveBase = null;
    this.history.clear();
    const present = new Set(doc.objects.map((o) => o.id));
    this.update({
      document: doc,
      selection: this.state.selection.filter((id) => present.has(id)),
      draft: null,
    });
  }

  /**
   * Puts a whole document in place as one undo step: a consensus reviewer starting over from
   * another annotator's labels, or taking one annotator's object or answer. Unlike hand edits it
   * works in a read-only store too: there, read-only means no drawing, moving or typing, while
   * the reviewer still settles which version of the labels stands (and may undo that).
   */
  setDocument(doc: LabelDocument): void {
    if (doc === this.state.document) return;
    // A drag in progress is dropped first, so the step undoes to the document from before it.
    this.tool.cancel(this.ctx);
    this.liveBase = null;
    this.history.record(this.snapshot());
    const present = new Set(doc.objects.map((o) => o.id));
    this.update({
      document: doc,
      selection: this.state.selection.filter((id) => present.has(id)),
      draft: null,
      revisionOfChange: this.state.revisionOfChange + 1,
    });
  }

  // ---- internals ----

  private get tool(): Tool {
    return this.tools[this.state.tool];
  }

  private activeFeature(): ObjectFeature | undefined {
    const id = this.state.activeFeatureId;
    return id === null ? undefined : this.features.get(id);
  }

  private stamp(): Stamp {
    return { userId: this.opts.userId, at: this.now().toISOString() };
  }

  private snapshot(): Snapshot {
    return { document: this.state.document, selection: this.state.selection };
  }

  private restore(s: Snapshot): void {
    this.update({
      document: s.document,
      selection: s.selection,
      revisionOfChange: this.state.revisionOfChange + 1,
    });
  }

  /** One undo step (folded into the previous one when the coalesce keys match). */
  private commit(
    document: LabelDocument,
    selection: readonly string[] = this.state.selection,
    coalesceKey?: string,
    extra: Partial<EditorState> = {},
  ): void {
    if (this.readOnly) return;
    if (this.liveBase) this.tool.cancel(this.ctx);
    if (document === this.state.document) {
      this.update({ selection, ...extra });
      return;
    }
    this.history.record(this.snapshot(), coalesceKey);
    this.update({ document, selection, revisionOfChange: this.state.revisionOfChange + 1, ...extra });
  }

  private editable(id: string): boolean {
    return !this.readOnly && !this.state.locked.has(id);
  }

  private editableSelection(): Set<string> {
    return new Set(this.state.selection.filter((id) => this.editable(id)));
  }

  private selectable(): LabelObject[] {
    const { hidden, locked } = this.state;
    return this.state.document.objects.filter((o) => !hidden.has(o.id) && !locked.has(o.id));
  }

  private reorder(op: (doc: LabelDocument, ids: ReadonlySet<string>) => LabelDocument): void {
    const ids = this.editableSelection();
    if (ids.size > 0) this.commit(op(this.state.document, ids));
  }

  private updateHover(p: PointerInput): void {
    const hoverId =
      this.state.tool === 'select' && !this.liveBase ? (this.ctx.hitObject(p)?.id ?? null) : null;
    if (hoverId !== this.state.hoverId) this.update({ hoverId });
  }

  /** The selected vertex, or the selection's only object, as the Delete key sees it. */
  private deleteVertex(): boolean {
    const v = this.state.selectedVertex;
    if (!v || !this.editable(v.objectId)) return false;
    const o = this.state.document.objects.find((x) => x.id === v.objectId);
    const without = o ? removeVertex(o.geometry, v.index) : null;
    // Too few vertices left to delete one: the key does nothing rather than delete the object.
    if (!o || !without) return true;
    this.commit(
      mapObjects(this.state.document, new Set([o.id]), (x) => withGeometry(x, without, this.stamp())),
    );
    return true;
  }

  private nudge(k: KeyInput, distance: number): boolean {
    const [dx, dy] = ARROW_DIRECTIONS[k.key] ?? [0, 0];
    const ids = this.editableSelection();
    if (ids.size === 0 || (dx === 0 && dy === 0)) return false;
    const doc = moveObjects(
      this.state.document,
      ids,
      dx * distance,
      dy * distance,
      this.state.image,
      this.stamp(),
    );
    // Holding an arrow key is one movement, so one undo step.
    this.commit(doc, this.state.selection, `nudge:${[...ids].join(',')}`);
    return true;
  }

  private cycleSelection(step: 1 | -1): boolean {
    const candidates = this.selectable();
    if (candidates.length === 0) return false;
    const last = this.state.selection.at(-1);
    const at = candidates.findIndex((o) => o.id === last);
    const next =
      at < 0 ? (step === 1 ? 0 : candidates.length - 1) : (at + step + candidates.length) % candidates.length;
    this.select([candidates[next]!.id]);
    return true;
  }

  /** Hides (or locks) the whole selection, or shows it again when all of it already is. */
  private toggleForSelection(which: 'hidden' | 'locked'): boolean {
    const ids = this.state.selection;
    if (ids.length === 0) return false;
    const set = new Set(this.state[which]);
    const allOn = ids.every((id) => set.has(id));
    for (const id of ids) {
      if (allOn) set.delete(id);
      else set.add(id);
    }
    this.update(which === 'hidden' ? { hidden: set, hoverId: null } : { locked: set, hoverId: null });
    return true;
  }

  /** Runs a shortcut; false when it does not apply now, so the page may use the key. */
  private run(action: ShortcutAction, k: KeyInput): boolean {
    const edits = !this.readOnly;
    const s = this.state;
    switch (action) {
      case 'cancel':
        if (s.selectedVertex) this.update({ selectedVertex: null });
        else if (s.selection.length > 0) this.clearSelection();
        else return false;
        return true;
      case 'delete':
        if (!edits) return false;
        if (this.deleteVertex()) return true;
        if (this.editableSelection().size === 0) return false;
        this.deleteSelected();
        return true;
      case 'undo':
        this.undo();
        return edits;
      case 'redo':
        this.redo();
        return edits;
      case 'copy':
        this.copy();
        return s.selection.length > 0;
      case 'paste':
        this.paste();
        return edits;
      case 'selectAll':
        this.selectAll();
        return true;
      case 'selectNext':
        return this.cycleSelection(1);
      case 'selectPrevious':
        return this.cycleSelection(-1);
      case 'nudge':
        return edits && this.nudge(k, NUDGE);
      case 'nudgeFar':
        return edits && this.nudge(k, NUDGE_FAR);
      case 'bringForward':
      case 'sendBackward':
      case 'bringToFront':
      case 'sendToBack':
        if (!edits || s.selection.length === 0) return false;
        this[action]();
        return true;
      case 'toggleHidden':
        return this.toggleForSelection('hidden');
      case 'toggleLocked':
        return this.toggleForSelection('locked');
      case 'fit':
        this.fit();
        return true;
      case 'zoomIn':
        this.zoomBy(KEY_ZOOM_STEP);
        return true;
      case 'zoomOut':
        this.zoomBy(1 / KEY_ZOOM_STEP);
        return true;
      case 'help':
        this.toggleHelp();
        return true;
      default: {
        if (!action.startsWith('tool.')) return false;
        const tool = action.slice('tool.'.length) as ToolId;
        if (tool === 'select') {
          this.setTool('select');
          return true;
        }
        if (!edits || !this.opts.ontology.objects.some((f) => !f.archived && f.shape === tool)) return false;
        this.setTool(tool);
        return true;
      }
    }
  }

  /**
   * Applies a change to the state and notifies, unless nothing changed. Derived fields (handles,
   * undo flags, panning, a selected vertex still valid) are worked out here so no command can
   * leave them stale.
   */
  private update(patch: Partial<EditorState>): void {
    const prev = this.state;
    const next: EditorState = { ...prev, ...patch };
    next.canUndo = this.history.canUndo;
    next.canRedo = this.history.canRedo;
    next.panning = this.spaceHeld || this.pan !== null;
    next.selectedVertex = this.validVertex(next);
    if (next.hoverId !== null && next.document !== prev.document) {
      const hover = next.hoverId;
      if (!next.document.objects.some((o) => o.id === hover)) next.hoverId = null;
    }
    next.handles = this.handles(next);
    if (shallowEqual(prev, next)) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }

  private validVertex(s: EditorState): EditorState['selectedVertex'] {
    const v = s.selectedVertex;
    if (!v || s.selection.length !== 1 || s.selection[0] !== v.objectId) return null;
    const o = s.document.objects.find((x) => x.id === v.objectId);
    return o && v.index < vertexCount(o.geometry) ? v : null;
  }

  private handles(s: EditorState): readonly Handle[] {
    const id = s.selection.length === 1 ? s.selection[0]! : null;
    if (this.readOnly || id === null || s.hidden.has(id) || s.locked.has(id)) return NO_HANDLES;
    const object = s.document.objects.find((o) => o.id === id);
    if (!object) return NO_HANDLES;
    const cached = this.handlesFor;
    if (cached && cached.object === object && cached.scale === s.viewport.scale) return cached.handles;
    const handles = handlesOf(object, s.viewport.scale);
    this.handlesFor = { object, scale: s.viewport.scale, handles };
    return handles;
  }

  private toolContext(): ToolContext {
    const store = this;
    const tolerance = () => HIT_TOLERANCE / store.state.viewport.scale;
    return {
      get state() {
        return store.state;
      },
      readOnly: this.readOnly,
      activeFeatureFor: (shape) => {
        const f = store.activeFeature();
        return f && !f.archived && f.shape === shape ? f : null;
      },
      toImage: (p) => toImage(store.state.viewport, p),
      toImageClamped: (p) => clampPoint(toImage(store.state.viewport, p), store.state.image),
      screenToImage: (pixels) => pixels / store.state.viewport.scale,
      hitObject: (p) => {
        const { document, hidden, locked, viewport } = store.state;
        return hitTestObjects(document.objects, toImage(viewport, p), {
          tolerance: tolerance(),
          hidden,
          locked,
        });
      },
      hitHandle: (p) => hitTestHandles(store.state.handles, toImage(store.state.viewport, p), tolerance()),
      setDraft: (draft) => store.update({ draft }),
      create: (featureId, geometry) => {
        const o = newObject(featureId, geometry, store.stamp());
        store.commit(addObjects(store.state.document, [o]), [o.id]);
      },
      changeGeometry: (objectId, geometry, index) => {
        if (!store.editable(objectId)) return;
        const stamp = store.stamp();
        const doc = mapObjects(store.state.document, new Set([objectId]), (o) =>
          withGeometry(o, geometry, stamp),
        );
        const selectedVertex = index === undefined ? null : { objectId, index };
        store.commit(doc, [objectId], undefined, { selectedVertex });
      },
      live: (change) => {
        if (store.readOnly) return;
        store.liveBase ??= store.snapshot();
        store.update({ document: change(store.liveBase.document) });
      },
      endLive: (selectedVertex) => {
        const base = store.liveBase;
        if (!base) return;
        store.liveBase = null;
        const changed = store.state.document !== base.document;
        if (changed) store.history.record(base);
        store.update({
          revisionOfChange: store.state.revisionOfChange + (changed ? 1 : 0),
          selectedVertex: selectedVertex ?? store.state.selectedVertex,
        });
      },
      cancelLive: () => {
        const base = store.liveBase;
        if (!base) return;
        store.liveBase = null;
        store.update({ document: base.document });
      },
      select: (ids) => store.select([...ids]),
      selectVertex: (v) => store.update({ selectedVertex: v }),
      stamp: () => store.stamp(),
    };
  }
}
