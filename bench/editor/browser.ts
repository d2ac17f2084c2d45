// Headless Chromium for the editor bench, and real input sent through the DevTools protocol (the
// same Input.dispatchMouseEvent playwright's page.mouse uses, without waiting for each event).
import { type Browser, type CDPSession, chromium } from 'playwright-core';
import { CHROMIUM_PATH, CHROMIUM_FLAGS as E2E_FLAGS } from '../../e2e/helpers/paths.ts';

/**
 * The e2e suite's flags (no sandbox, no GPU process, nothing that calls home) plus two that let
 * frames run as fast as the page produces them: headless Chromium otherwise paces animation frames
 * at 60 Hz, and every editor faster than 16.7 ms would measure 16.7 ms. WebGL still works without
 * a GPU: Chromium falls back to SwiftShader (software Vulkan), which the Annotorious page uses.
 */
export const CHROMIUM_FLAGS = [...E2E_FLAGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'];

export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

export type MouseButton = 'left' | 'middle';
const BUTTONS: Record<MouseButton, number> = { left: 1, middle: 4 };

/** CDP's modifier bits. */
export const CTRL = 2;

/** The parameters of CDP's Input.dispatchMouseEvent that the bench uses. */
interface MouseEvent {
  type: 'mousePressed' | 'mouseReleased' | 'mouseMoved' | 'mouseWheel';
  x: number;
  y: number;
  button?: 'none' | 'left' | 'middle' | 'right';
  buttons?: number;
  clickCount?: number;
  deltaX?: number;
  deltaY?: number;
  modifiers?: number;
}

const dispatch = (cdp: CDPSession, e: MouseEvent) => cdp.send('Input.dispatchMouseEvent', e);

/**
 * Sends the events `next(elapsed)` describes for `durationMs`, keeping `maxInFlight` unanswered:
 * with two, the browser always has the next input waiting (it coalesces moves into one per frame,
 * as it does for a real mouse), and no backlog is left to drain after the window.
 */
async function pump(
  cdp: CDPSession,
  durationMs: number,
  next: (elapsedMs: number) => MouseEvent,
  maxInFlight = 2,
) {
  const start = performance.now();
  const inFlight = new Set<Promise<unknown>>();
  let sent = 0;
  for (;;) {
    const elapsed = performance.now() - start;
    if (elapsed >= durationMs) break;
    if (inFlight.size >= maxInFlight) {
      await Promise.race(inFlight);
      continue;
    }
    const p: Promise<unknown> = dispatch(cdp, next(elapsed)).finally(() => inFlight.delete(p));
    inFlight.add(p);
    sent++;
  }
  await Promise.all(inFlight);
  return sent;
}

/** How far (× fit) the wheel zooms each editor in before zooming back out to fit. */
export const ZOOM_SWING = 3;

/**
 * Wheel notches over `at`: as many in as take the editor from fit to about ZOOM_SWING × fit with
 * its own step per notch, as many back out, and again. One event in flight at a time: the browser
 * would otherwise merge queued wheel events into one (summing or, for LS, dropping notches), and
 * the swing would drift instead of staying between fit and ZOOM_SWING × fit in every editor.
 */
export function wheelZoom(
  cdp: CDPSession,
  at: { x: number; y: number },
  durationMs: number,
  opts: { modifiers?: number; inIsPositive?: boolean; stepPerNotch: number },
) {
  const notches = Math.round(Math.log(ZOOM_SWING) / Math.log(opts.stepPerNotch));
  const inSign = opts.inIsPositive ? 1 : -1;
  let sent = 0;
  return (async () => {
    await dispatch(cdp, { type: 'mouseMoved', x: at.x, y: at.y });
    return pump(
      cdp,
      durationMs,
      () => ({
        type: 'mouseWheel',
        x: at.x,
        y: at.y,
        deltaX: 0,
        deltaY: (Math.floor(sent++ / notches) % 2 === 0 ? inSign : -inSign) * 100,
        modifiers: opts.modifiers ?? 0,
      }),
      1,
    );
  })();
}

/**
 * Presses `button` on the circle of radius `radius` around `centre` and drags round it at one turn
 * per two seconds (~630 px/s for radius 200): the pointer's position depends on time only, so a
 * slow editor sees the same path in fewer, larger steps.
 */
export async function dragPan(
  cdp: CDPSession,
  centre: { x: number; y: number },
  radius: number,
  durationMs: number,
  button: MouseButton,
) {
  const at = (elapsed: number) => {
    const a = (elapsed / 2000) * Math.PI * 2;
    return { x: centre.x + radius * Math.cos(a), y: centre.y + radius * Math.sin(a) };
  };
  const start = at(0);
  await dispatch(cdp, { type: 'mouseMoved', ...start });
  await dispatch(cdp, { type: 'mousePressed', ...start, button, buttons: BUTTONS[button], clickCount: 1 });
  const sent = await pump(cdp, durationMs, (elapsed) => ({
    type: 'mouseMoved',
    ...at(elapsed),
    button,
    buttons: BUTTONS[button],
  }));
  const end = at(durationMs);
  await dispatch(cdp, { type: 'mouseReleased', ...end, button, buttons: 0, clickCount: 1 });
  return sent;
}
