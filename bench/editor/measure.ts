// One measurement of one editor: a fresh browser context opens its page, times the first render,
// then zooms with the wheel and pans with a drag while the page records its animation frames.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CTRL, dragPan, type MouseButton, wheelZoom } from './browser.ts';
import type { PageName } from './build-pages.ts';
import type { Frame } from './pages/probe.ts';

export interface EditorUnderTest {
  name: string;
  page: PageName;
  /** How this editor zooms with the wheel, and by how much per notch (its own constant). */
  zoom: { modifiers?: number; inIsPositive?: boolean; stepPerNotch: number; how: string };
  /** Which button drags the view. */
  pan: { button: MouseButton; how: string };
}

export const EDITORS: EditorUnderTest[] = [
  {
    name: 'Gloss',
    page: 'gloss',
    // WHEEL_ZOOM_STEP in src/editor/viewport.ts
    zoom: { stepPerNotch: 1.15, how: 'wheel' },
    pan: { button: 'middle', how: 'middle-button drag' },
  },
  {
    name: 'Label Studio 1.4.0',
    page: 'label-studio',
    // LS zooms on Ctrl+wheel only, a positive deltaY zooms in, ×1.1 a notch (its zoomBy).
    zoom: { modifiers: CTRL, inIsPositive: true, stepPerNotch: 1.1, how: 'Ctrl+wheel' },
    // Its stage pans on a middle-button (or Shift+left) drag once zoomed in.
    pan: { button: 'middle', how: 'middle-button drag' },
  },
  {
    name: 'Annotorious 3.8 (OpenSeadragon)',
    page: 'annotorious',
    // OpenSeadragon's zoomPerScroll
    zoom: { stepPerNotch: 1.2, how: 'wheel' },
    pan: { button: 'left', how: 'left-button drag (drawing off)' },
  },
];

export const WINDOW_MS = Number(process.env.GLOSS_BENCH_EDITOR_WINDOW_MS ?? 3000);
const VIEW = { width: 1280, height: 800 };
const CENTRE = { x: VIEW.width / 2, y: VIEW.height / 2 };

export interface Interaction {
  /** Frames that drew (see framesThatDrew), and their lengths in ms. */
  frameMs: number[];
  /** All animation frames in the window, drawing or not. */
  frames: number;
  windowMs: number;
  inputsSent: number;
  inputsDelivered: number;
  zoomRange: [number, number];
  /** Total distance the image moved on screen, px. */
  moved: number;
}

export interface Measurement {
  editor: string;
  firstRenderMs: number;
  zoom: Interaction;
  pan: Interaction;
  notes: string;
  pageErrors: string[];
  offsiteRequests: string[];
}

/**
 * The length of each frame that drew: a frame's draw calls are counted up to the next frame's
 * callback, so the interval that ends at a callback reporting draws is one in which the editor
 * drew (its input handling, its own animation-frame work, then style, paint and commit). Frames
 * that drew nothing (the browser ran ahead of the input, or the editor had nothing to update) are
 * left out: counting them would flatter whichever editor skips work.
 */
export function framesThatDrew(frames: Frame[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < frames.length; i++) {
    if (frames[i]!.draws > 0) out.push(frames[i]!.t - frames[i - 1]!.t);
  }
  return out;
}

async function interaction(page: Page, drive: () => Promise<number>): Promise<Interaction> {
  const started = performance.now();
  await page.evaluate(() => window.bench.startFrames());
  const inputsSent = await drive();
  const { frames, inputs } = await page.evaluate(() => window.bench.stopFrames());
  const windowMs = performance.now() - started;
  const frameMs = framesThatDrew(frames);
  let moved = 0;
  for (let i = 1; i < frames.length; i++) {
    moved += Math.hypot(frames[i]!.x - frames[i - 1]!.x, frames[i]!.y - frames[i - 1]!.y);
  }
  const zooms = frames.map((f) => f.zoom);
  return {
    frameMs,
    frames: frames.length,
    windowMs,
    inputsSent,
    inputsDelivered: inputs,
    zoomRange: [Math.min(...zooms), Math.max(...zooms)],
    moved,
  };
}

export async function measureEditor(
  browser: Browser,
  baseUrl: string,
  editor: EditorUnderTest,
): Promise<Measurement> {
  const context = await browser.newContext({ viewport: VIEW, deviceScaleFactor: 1 });
  const offsiteRequests: string[] = [];
  // Everything must come from the bench's own server; anything else is refused and reported.
  await context.route(
    (url) => url.origin !== baseUrl,
    (route) => {
      offsiteRequests.push(route.request().url());
      return route.abort();
    },
  );
  const pageErrors: string[] = [];
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(150_000);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    await page.goto(`${baseUrl}/${editor.page}.html`);
    await page.waitForFunction(() => window.bench !== undefined);
    await page.evaluate(() => window.bench.ready);
    const firstRenderMs = await page.evaluate(() => window.bench.firstRender());
    const notes = await page.evaluate(() => window.bench.describe());
    const shots = process.env.GLOSS_BENCH_EDITOR_SCREENSHOTS;
    if (shots) await page.screenshot({ path: join(shots, `${editor.page}-first-render.png`) });
    await page.evaluate(() => window.bench.settle());

    const cdp = await context.newCDPSession(page);
    const zoom = await interaction(page, () => wheelZoom(cdp, CENTRE, WINDOW_MS, editor.zoom));
    await page.evaluate(() => window.bench.settle());
    await page.evaluate(() => window.bench.zoomIn());
    await page.evaluate(() => window.bench.settle());
    const pan = await interaction(page, () => dragPan(cdp, CENTRE, 200, WINDOW_MS, editor.pan.button));
    if (shots) await page.screenshot({ path: join(shots, `${editor.page}-after-pan.png`) });
    pageErrors.push(...(await page.evaluate(() => window.bench.errors)));
    return { editor: editor.name, firstRenderMs, zoom, pan, notes, pageErrors, offsiteRequests };
  } finally {
    await context.close();
  }
}
