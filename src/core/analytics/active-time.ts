// Active time: how long someone actually worked on a task, from what the editor saw them do.
// Pure: the web app turns input and visibility into spans; the server places them on its own
// clock and counts each moment of a person's time once, whichever tab or task reported it.

/** Milliseconds since the epoch, [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** After this long without input the clock stops (the minute after the last input counts). */
export const IDLE_MS = 60_000;

export type ActivitySignal = { at: number; kind: 'input' } | { at: number; kind: 'hidden' | 'visible' };

/**
 * The spans during which the clock ran, up to `until`: from each input (while the page is
 * visible) to the next input, or IDLE_MS after it, or the page being hidden, whichever comes
 * first. Signals must be in time order. Overlapping runs join into one span.
 */
export function activeSpans(signals: readonly ActivitySignal[], until: number, idleMs = IDLE_MS): Span[] {
  const spans: Span[] = [];
  let visible = true;
  let running: Span | null = null;
  const stop = (at: number) => {
    if (!running) return;
    running.end = Math.min(running.end, at);
    if (running.end > running.start) pushJoined(spans, running);
    running = null;
  };
  for (const s of signals) {
    if (running && s.at >= running.end) stop(running.end);
    if (s.kind === 'hidden') {
      stop(s.at);
      visible = false;
    } else if (s.kind === 'visible') {
      visible = true;
    } else if (visible) {
      if (running) running.end = s.at + idleMs;
      else running = { start: s.at, end: s.at + idleMs };
    }
  }
  stop(until);
  return spans;
}

function pushJoined(spans: Span[], span: Span) {
  const last = spans[spans.length - 1];
  if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
  else spans.push({ ...span });
}

/** What the server accepts of a report, and how it reads the client's clock. */
export interface Placement {
  /** The client's clock when it sent the report, and the server's when it arrived. */
  sentAt: number;
  receivedAt: number;
  /** Spans ending longer ago than this (server time) are dropped: a stale report. */
  maxAgeMs: number;
  /** No single span may be longer than this (a page left running with a stuck input). */
  maxSpanMs: number;
}

/**
 * Reported spans on the server's clock: shifted by the client's offset (sentAt → receivedAt, so a
 * client clock set wrong by hours still lands where the work happened, give or take the trip),
 * clipped to [receivedAt − maxAgeMs, receivedAt], each at most maxSpanMs, sorted and joined.
 */
export function placeSpans(spans: readonly Span[], p: Placement): Span[] {
  const offset = p.receivedAt - p.sentAt;
  const earliest = p.receivedAt - p.maxAgeMs;
  const placed = spans
    .map((s) => {
      const start = Math.max(s.start + offset, earliest);
      const end = Math.min(s.end + offset, p.receivedAt, start + p.maxSpanMs);
      return { start, end };
    })
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const joined: Span[] = [];
  for (const s of placed) pushJoined(joined, s);
  return joined;
}

/**
 * The parts of `span` not already covered by `covered` (any order, may overlap each other): what
 * a report adds to a person's time when another tab or task already counted some of it.
 */
export function uncovered(span: Span, covered: readonly Span[]): Span[] {
  const blocks = covered
    .filter((c) => c.end > span.start && c.start < span.end)
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let from = span.start;
  for (const c of blocks) {
    if (c.start > from) out.push({ start: from, end: Math.min(c.start, span.end) });
    from = Math.max(from, c.end);
    if (from >= span.end) break;
  }
  if (from < span.end) out.push({ start: from, end: span.end });
  return out;
}

export const totalMs = (spans: readonly Span[]) => spans.reduce((sum, s) => sum + (s.end - s.start), 0);
