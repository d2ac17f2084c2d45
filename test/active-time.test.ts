import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActivitySignal,
  activeSpans,
  IDLE_MS,
  placeSpans,
  type Span,
  totalMs,
  uncovered,
} from '../src/core/analytics/active-time.ts';
import { durationStats, percentileOf } from '../src/core/analytics/stats.ts';

// Active time (issue 9): the editor's input and visibility as spans of work, placed on the
// server's clock and counted once per person.

const s = (seconds: number) => seconds * 1000;
const input = (at: number): ActivitySignal => ({ at: s(at), kind: 'input' });

describe('activeSpans', () => {
  it('runs the clock between inputs less than a minute apart', () => {
    expect(activeSpans([input(0), input(20), input(50)], s(60))).toEqual([{ start: 0, end: s(60) }]);
  });

  it('counts the minute after the last input, then stops until the next one', () => {
    // Inputs at 0 and 10; nothing for two minutes; input at 200; the report is made at 400.
    const spans = activeSpans([input(0), input(10), input(200)], s(400));
    expect(spans).toEqual([
      { start: 0, end: s(70) },
      { start: s(200), end: s(260) },
    ]);
    expect(totalMs(spans)).toBe(s(130));
  });

  it('stops the clock when the tab is hidden and restarts it only on input', () => {
    const spans = activeSpans(
      [input(0), { at: s(30), kind: 'hidden' }, { at: s(100), kind: 'visible' }, input(110), input(115)],
      s(120),
    );
    expect(spans).toEqual([
      { start: 0, end: s(30) },
      { start: s(110), end: s(120) },
    ]);
  });

  it('ignores input while hidden, and cuts at the report time', () => {
    const spans = activeSpans([{ at: 0, kind: 'hidden' }, input(5), { at: s(6), kind: 'visible' }], s(60));
    expect(spans).toEqual([]);
    expect(activeSpans([input(0)], s(25))).toEqual([{ start: 0, end: s(25) }]);
  });

  it('never counts more than the span from the first input to the report, nor more than a minute per input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3600 }), { maxLength: 40 }), (times) => {
        const sorted = [...times].sort((a, b) => a - b);
        const spans = activeSpans(sorted.map(input), s(4000));
        const total = totalMs(spans);
        expect(total).toBeLessThanOrEqual(sorted.length * IDLE_MS);
        if (sorted.length) expect(total).toBeLessThanOrEqual(s(4000) - s(sorted[0]!));
        for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThan(spans[i - 1]!.end);
      }),
    );
  });
});

describe('placeSpans', () => {
  const placement = { sentAt: s(1000), receivedAt: s(1000), maxAgeMs: s(600), maxSpanMs: s(300) };

  it('shifts spans by the client clock’s offset', () => {
    // The client's clock is an hour behind: its 10:00 is the server's 11:00.
    const hour = s(3600);
    const placed = placeSpans([{ start: s(900) - hour, end: s(950) - hour }], {
      ...placement,
      sentAt: s(1000) - hour,
    });
    expect(placed).toEqual([{ start: s(900), end: s(950) }]);
  });

  it('drops what is too old or in the future, caps long spans, and joins overlaps', () => {
    const placed = placeSpans(
      [
        { start: s(100), end: s(200) }, // older than ten minutes
        { start: s(300), end: s(500) }, // partly old: from 400
        { start: s(450), end: s(480) }, // inside the previous
        { start: s(600), end: s(990) }, // 390 s: capped at 300
        { start: s(995), end: s(1100) }, // runs into the future: to 1000
      ],
      placement,
    );
    expect(placed).toEqual([
      { start: s(400), end: s(500) },
      { start: s(600), end: s(900) },
      { start: s(995), end: s(1000) },
    ]);
  });
});

describe('uncovered', () => {
  it('keeps only what no other report counted', () => {
    const covered: Span[] = [
      { start: s(20), end: s(30) },
      { start: s(0), end: s(5) },
      { start: s(25), end: s(40) },
    ];
    expect(uncovered({ start: 0, end: s(60) }, covered)).toEqual([
      { start: s(5), end: s(20) },
      { start: s(40), end: s(60) },
    ]);
    expect(uncovered({ start: s(21), end: s(39) }, covered)).toEqual([]);
    expect(uncovered({ start: s(100), end: s(110) }, covered)).toEqual([{ start: s(100), end: s(110) }]);
  });

  it('adds up, over any sequence of reports, to the length of their union', () => {
    const spanArb = fc
      .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 200 }))
      .map(([a, len]) => ({ start: a, end: a + len }));
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 30 }), (reports) => {
        const counted: Span[] = [];
        for (const r of reports) counted.push(...uncovered(r, counted));
        const covered = new Set<number>();
        for (const r of reports) for (let t = r.start; t < r.end; t++) covered.add(t);
        expect(totalMs(counted)).toBe(covered.size);
      }),
    );
  });
});

describe('durationStats', () => {
  it('gives total, mean, median (middle pair averaged) and p90 between the nearest ranks', () => {
    expect(durationStats([])).toEqual({ count: 0, totalMs: 0, meanMs: null, medianMs: null, p90Ms: null });
    // p90 of three: 0.9 × 2 = 1.8, so 60 + 0.8 × (120 − 60).
    expect(durationStats([30, 120, 60])).toEqual({
      count: 3,
      totalMs: 210,
      meanMs: 70,
      medianMs: 60,
      p90Ms: 108,
    });
    const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5].map((s) => s * 1000);
    expect(durationStats(ten)).toMatchObject({ medianMs: 5500, p90Ms: 9100 });
    expect(durationStats([...ten, 11_000])).toMatchObject({ medianMs: 6000, p90Ms: 10_000 });
    expect(durationStats([7])).toMatchObject({ medianMs: 7, p90Ms: 7 });
  });

  it('keeps the percentiles within the values, rising with p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 200 }),
        (values) => {
          const sorted = [...values].sort((a, b) => a - b);
          const median = percentileOf(sorted, 0.5);
          const p90 = percentileOf(sorted, 0.9);
          expect(median).toBeGreaterThanOrEqual(sorted[0]!);
          expect(p90).toBeGreaterThanOrEqual(median);
          expect(p90).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
        },
      ),
    );
  });
});
