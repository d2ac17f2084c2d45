// The in-page half of the bench, the same for all three editors: it times the first render, records
// animation frames while the harness drives real input, and tells which frames drew something.
// Each page supplies a BenchSubject (how to hand its editor the scene, and how to tell it is drawn).

export interface View {
  /** Zoom relative to the editor's own fit-to-view (1 = the whole image fits). */
  zoom: number;
  /** Where the image sits, in screen px (editor-specific origin; compared only with itself). */
  x: number;
  y: number;
}

export interface BenchSubject {
  /** Untimed: fetch the fixture, load the editor's scripts and styles. */
  prepare(): Promise<void>;
  /** Hands the image URL and the shapes to the editor; the first-render clock starts just before. */
  handoff(el: HTMLElement): unknown;
  /** True once the image and every shape are painted (asked once per animation frame). */
  drawn(): boolean;
  view(): View;
  /** Untimed set-up for panning: back to fit, then 2× about the centre, without animation. */
  zoomIn(): void;
  /** What the editor runs on, for the report (renderer, drawer…). */
  describe?(): string;
}

export interface Frame {
  /** The animation frame's start time (rAF timestamp), ms. */
  t: number;
  /** Canvas/WebGL draw calls made since the previous frame's callback. */
  draws: number;
  zoom: number;
  x: number;
  y: number;
}

export interface BenchApi {
  ready: Promise<void>;
  describe(): string;
  firstRender(): Promise<number>;
  startFrames(): void;
  stopFrames(): { frames: Frame[]; inputs: number };
  settle(): Promise<void>;
  zoomIn(): void;
  view(): View;
  errors: string[];
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}

const FIRST_RENDER_TIMEOUT_MS = 120_000;

let draws = 0;
let inputs = 0;

/**
 * Every canvas 2D and WebGL drawing entry point the three editors use bumps `draws`, so a frame that
 * painted can be told from an idle one whatever the rendering library. The wrapper costs the same
 * few nanoseconds per call in every editor.
 */
function countDrawCalls() {
  const wrap = (proto: object | undefined, names: string[]) => {
    if (!proto) return;
    for (const name of names) {
      const original = (proto as Record<string, unknown>)[name];
      if (typeof original !== 'function') continue;
      Object.defineProperty(proto, name, {
        configurable: true,
        writable: true,
        value: function (this: unknown, ...args: unknown[]) {
          draws++;
          return original.apply(this, args);
        },
      });
    }
  };
  wrap(CanvasRenderingContext2D.prototype, [
    'fill',
    'stroke',
    'drawImage',
    'fillRect',
    'clearRect',
    'putImageData',
  ]);
  wrap(globalThis.WebGLRenderingContext?.prototype, ['drawArrays', 'drawElements', 'clear']);
  wrap(globalThis.WebGL2RenderingContext?.prototype, [
    'drawArrays',
    'drawElements',
    'drawArraysInstanced',
    'drawElementsInstanced',
    'clear',
  ]);
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

export function runBench(subject: BenchSubject) {
  countDrawCalls();
  const errors: string[] = [];
  addEventListener('error', (e) => errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
  for (const type of ['pointermove', 'wheel'] as const) {
    addEventListener(type, () => inputs++, { capture: true, passive: true });
  }
  const el = document.getElementById('editor')!;

  let recording: Frame[] | null = null;
  const record = (t: number) => {
    if (!recording) return;
    const v = subject.view();
    recording.push({ t, draws, zoom: v.zoom, x: v.x, y: v.y });
    draws = 0;
    requestAnimationFrame(record);
  };

  window.bench = {
    errors,
    ready: subject.prepare(),
    describe: () => subject.describe?.() ?? '',

    /**
     * From the hand-over to the first animation frame after the subject reports the image and every
     * shape drawn: the frame in which that was seen has then been produced. Identical for all three.
     */
    async firstRender() {
      let failure: unknown = null;
      const started = performance.now();
      try {
        Promise.resolve(subject.handoff(el)).catch((e) => {
          failure = e;
        });
      } catch (e) {
        failure = e;
      }
      for (;;) {
        await nextFrame();
        if (failure) throw failure;
        if (subject.drawn()) break;
        if (performance.now() - started > FIRST_RENDER_TIMEOUT_MS) throw new Error('first render timed out');
      }
      await nextFrame();
      return performance.now() - started;
    },

    startFrames() {
      draws = 0;
      inputs = 0;
      recording = [];
      requestAnimationFrame(record);
    },

    stopFrames() {
      const frames = recording ?? [];
      recording = null;
      return { frames, inputs };
    },

    /** Waits until 30 frames in a row draw nothing (animations and momentum over), at most 5 s. */
    async settle() {
      const until = performance.now() + 5000;
      let quiet = 0;
      draws = 0;
      while (quiet < 30 && performance.now() < until) {
        await nextFrame();
        quiet = draws === 0 ? quiet + 1 : 0;
        draws = 0;
      }
    },

    zoomIn: () => subject.zoomIn(),
    view: () => subject.view(),
  };
}

/** Loads a classic script (the peers ship prebuilt UMD bundles) and resolves once it has run. */
export function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(s);
  });
}

export function loadStyle(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const l = document.createElement('link');
    l.rel = 'stylesheet';
    l.href = href;
    l.onload = () => resolve();
    l.onerror = () => reject(new Error(`could not load ${href}`));
    document.head.appendChild(l);
  });
}

export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}
