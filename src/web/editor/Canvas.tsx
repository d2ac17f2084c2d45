import type Konva from 'konva';
import {
  type PointerEvent as ReactPointerEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Image as KonvaImage, Layer, Shape, Stage } from 'react-konva';
import type { OntologyDocument } from '../../core/ontology/index.ts';
import { type EditorState, type EditorStore, type PointerInput, toImage } from '../../editor/index.ts';
import { drawOverlay, type PinMark, paletteOf } from './draw.ts';
import { type ImageLevels, levelFor, loadImageLevels } from './image-levels.ts';
import { LabelsRaster, SETTLE_MS } from './labels-raster.ts';
import { useEditorState } from './use-editor.ts';

interface CanvasProps {
  store: EditorStore;
  ontology: OntologyDocument;
  imageUrl: string;
  /** Objects to outline in red, dashed (those with open issues). */
  flagged?: ReadonlySet<string>;
  /** Issue pins to draw on the overlay. */
  pins?: readonly PinMark[];
  /**
   * Set while a point is being picked (an issue's pin): a primary click is handed over, in image
   * coordinates, instead of going to the engine, and the cursor is a crosshair.
   */
  onPick?: ((point: { x: number; y: number }) => void) | undefined;
  /** Called once, after the image and the labels have been painted for the first time. */
  onFirstDraw?: () => void;
}

/**
 * The drawing surface: the image and the labels on Konva layers, transformed by the viewport.
 * Konva only paints; pointer, wheel and resize events go to the engine, which owns every rule
 * (except a click that picks a point for `onPick`).
 */
export function Canvas({ store, ontology, imageUrl, flagged, pins, onPick, onFirstDraw }: CanvasProps) {
  const state = useEditorState(store, (s) => s);
  const box = useRef<HTMLDivElement>(null);
  const imageLayer = useRef<Konva.Layer>(null);
  const levels = useImageLevels(imageUrl, state.image, box);
  const palette = useMemo(() => paletteOf(ontology), [ontology]);
  const pixelRatio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  useViewSize(box, store);
  useWheel(box, store);

  const { document: doc, hidden, locked, selection, viewport, view } = state;
  const raster = useMemo(() => new LabelsRaster(), []);
  const objectsLayer = useRef<Konva.Layer>(null);
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(settle.current), []);
  // A new function when what the raster holds changes, so react-konva repaints the layer; moving
  // the stage repaints it too, and the scene reads the latest state.
  // biome-ignore lint/correctness/useExhaustiveDependencies: repaint on these changes only; the scene reads the latest state.
  const objectsScene = useCallback(
    (ctx: Konva.Context) => {
      const painted = raster.paint(
        ctx._context,
        ctx.canvas.getPixelRatio(),
        store.getState(),
        palette,
        performance.now(),
      );
      clearTimeout(settle.current);
      if (painted === 'scaled') {
        settle.current = setTimeout(() => objectsLayer.current?.batchDraw(), SETTLE_MS);
      }
    },
    [doc, hidden, locked, selection, palette, raster, store, view],
  );
  const overlayScene = useCallback(
    (ctx: Konva.Context) => drawOverlay(ctx._context, state, palette, { flagged, pins }),
    [state, palette, flagged, pins],
  );

  const { brightness, contrast } = state.adjust;
  const staged = view.width > 0 && view.height > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the layer's canvas exists once the stage is rendered.
  useEffect(() => {
    const canvas = imageLayer.current?.getNativeCanvasElement();
    if (canvas) canvas.style.filter = `brightness(${brightness}) contrast(${contrast})`;
  }, [brightness, contrast, staged]);

  const firstDrawn = useRef(false);
  useEffect(() => {
    if (!levels || firstDrawn.current || !onFirstDraw) return;
    firstDrawn.current = true;
    // Konva's batched draw was requested while React committed, so it runs first in the next
    // animation frame: by this callback in the same frame the image and labels are drawn.
    requestAnimationFrame(() => onFirstDraw());
  }, [levels, onFirstDraw]);

  const input = useCallback((e: ReactPointerEvent<HTMLDivElement>): PointerInput => {
    const rect = e.currentTarget.getBoundingClientRect();
    return {
      x: e.clientX - rect.left,
      y: e.clientY - rect.top,
      button: e.button,
      shift: e.shiftKey,
      alt: e.altKey,
      ctrl: e.ctrlKey,
      meta: e.metaKey,
      detail: e.detail,
    };
  }, []);
  // The pointer that picked a point: its release is not the engine's either.
  const picked = useRef<number | null>(null);
  const release = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (picked.current === e.pointerId) picked.current = null;
    else store.pointerUp(input(e));
  };

  return (
    <div
      ref={box}
      className="ed-canvas"
      role="application"
      aria-label="Image and labels"
      data-testid="editor-canvas"
      style={{ cursor: onPick && !state.panning ? 'crosshair' : cursorOf(state) }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        // Space still pans while picking; the middle button always does.
        if (onPick && e.button === 0 && !store.getState().panning) {
          picked.current = e.pointerId;
          const [x, y] = toImage(store.getState().viewport, input(e));
          onPick({ x, y });
          return;
        }
        store.pointerDown(input(e));
      }}
      onPointerMove={(e) => store.pointerMove(input(e))}
      onPointerUp={(e) => release(e)}
      onPointerCancel={(e) => release(e)}
      onDoubleClick={(e) => {
        const rect = e.currentTarget.getBoundingClientRect();
        store.doubleClick({ x: e.clientX - rect.left, y: e.clientY - rect.top, shift: e.shiftKey });
      }}
      onContextMenu={(e) => e.preventDefault()}
    >
      {staged ? (
        <Stage
          width={view.width}
          height={view.height}
          x={viewport.x}
          y={viewport.y}
          scaleX={viewport.scale}
          scaleY={viewport.scale}
          listening={false}
        >
          <Layer ref={imageLayer} listening={false} imageSmoothingEnabled={viewport.scale < 2}>
            {levels ? (
              <KonvaImage
                image={levelFor(levels, viewport.scale * pixelRatio) as unknown as HTMLImageElement}
                width={state.image.width}
                height={state.image.height}
              />
            ) : null}
          </Layer>
          <Layer ref={objectsLayer} listening={false}>
            <Shape sceneFunc={objectsScene} />
          </Layer>
          <Layer listening={false}>
            <Shape sceneFunc={overlayScene} />
          </Layer>
        </Stage>
      ) : null}
      {levels ? null : <p className="ed-canvas-loading">Loading the image…</p>}
    </div>
  );
}

function cursorOf(state: EditorState): string {
  if (state.panning) return 'grabbing';
  if (state.tool !== 'select') return 'crosshair';
  return state.hoverId ? 'move' : 'default';
}

function useImageLevels(
  url: string,
  image: { width: number; height: number },
  box: React.RefObject<HTMLDivElement | null>,
): ImageLevels | null {
  const [levels, setLevels] = useState<ImageLevels | null>(null);
  const { width, height } = image;
  useEffect(() => {
    let live = true;
    setLevels(null);
    // The image opens fitted to the view: the first copy decoded is the one that view needs.
    const el = box.current;
    const fit = el ? Math.min(el.clientWidth / width, el.clientHeight / height) : 1;
    loadImageLevels(url, { width, height }, fit > 0 ? fit : 1, setLevels, () => live).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [url, width, height, box]);
  return levels;
}

function useViewSize(box: React.RefObject<HTMLDivElement | null>, store: EditorStore) {
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let fitted = false;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      store.setViewSize({ width: Math.round(width), height: Math.round(height) });
      // The first real size is when the image can be fitted to the view.
      if (!fitted && width > 0 && height > 0) {
        fitted = true;
        store.fit();
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [box, store]);
}

/** Wheel events are bound natively: React's are passive, and the page must not scroll instead. */
function useWheel(box: React.RefObject<HTMLDivElement | null>, store: EditorStore) {
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      store.wheel({
        x: e.clientX - rect.left,
        y: e.clientY - rect.top,
        deltaX: e.deltaX,
        deltaY: e.deltaY,
        shift: e.shiftKey,
        ctrl: e.ctrlKey,
        meta: e.metaKey,
        alt: e.altKey,
      });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [box, store]);
}
