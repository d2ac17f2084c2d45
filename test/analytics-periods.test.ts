import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weekOf } from '../src/core/analytics/metrics.ts';
import { splitIntoWeeks, splitPeriod, type UnitRange } from '../src/core/analytics/periods.ts';

// Cutting a report period into whole months (or weeks) and leftover days: together they must cover
// every day of the period exactly once, and each leftover range must lie in one month (week).

const dayAt = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;

interface Split {
  whole: UnitRange | null;
  days: { from: string; to: string }[];
}

function daysCovered(split: Split, unitOf: (day: string) => string, from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let t = Date.parse(`${from}T00:00:00Z`) - 40 * DAY;
    t <= Date.parse(`${to}T00:00:00Z`) + 40 * DAY;
    t += DAY
  ) {
    const day = dayAt(t);
    const unit = unitOf(day);
    const inWhole =
      split.whole !== null &&
      (split.whole.from === undefined || unit >= split.whole.from) &&
      (split.whole.to === undefined || unit <= split.whole.to);
    const inDays = split.days.filter(
      (r) => (r.from === undefined || day >= r.from) && (r.to === undefined || day <= r.to),
    ).length;
    for (let i = 0; i < inDays + (inWhole ? 1 : 0); i++) out.push(day);
  }
  return out;
}

describe('splitPeriod', () => {
  it('keeps a period inside one month as days', () => {
    expect(splitPeriod({ from: '2026-11-03', to: '2026-11-20' })).toEqual({
      months: null,
      days: [{ from: '2026-11-03', to: '2026-11-20' }],
    });
    expect(splitPeriod({ from: '2026-10-31', to: '2026-11-29' })).toEqual({
      months: null,
      days: [
        { from: '2026-10-31', to: '2026-10-31' },
        { from: '2026-11-01', to: '2026-11-29' },
      ],
    });
  });

  it('takes whole months and leaves the ragged ends as days', () => {
    expect(splitPeriod({ from: '2025-12-01', to: '2026-11-30' })).toEqual({
      months: { from: '2025-12', to: '2026-11' },
      days: [],
    });
    expect(splitPeriod({ from: '2025-12-02', to: '2026-11-29' })).toEqual({
      months: { from: '2026-01', to: '2026-10' },
      days: [
        { from: '2025-12-02', to: '2025-12-31' },
        { from: '2026-11-01', to: '2026-11-29' },
      ],
    });
    expect(splitPeriod({ from: '2024-02-01', to: '2024-02-29' }).months).toEqual({
      from: '2024-02',
      to: '2024-02',
    });
    expect(splitPeriod({ from: '2026-02-01', to: '2026-02-28' }).days).toEqual([]);
  });

  it('leaves open ends open', () => {
    expect(splitPeriod({})).toEqual({ months: {}, days: [] });
    expect(splitPeriod({ to: '2026-11-15' })).toEqual({
      months: { to: '2026-10' },
      days: [{ from: '2026-11-01', to: '2026-11-15' }],
    });
    expect(splitPeriod({ from: '2026-11-15' })).toEqual({
      months: { from: '2026-12' },
      days: [{ from: '2026-11-15', to: '2026-11-30' }],
    });
  });

  it('covers every day of any period exactly once, each leftover range inside one month', () => {
    coversEveryDayOnce(
      (period) => {
        const { months, days } = splitPeriod(period);
        return { whole: months, days };
      },
      (day) => day.slice(0, 7),
    );
  });
});

describe('splitIntoWeeks', () => {
  it('takes whole weeks, Monday to Sunday, and leaves the ragged ends as days', () => {
    // 2 November 2026 is a Monday.
    expect(splitIntoWeeks({ from: '2026-11-02', to: '2026-11-15' })).toEqual({
      weeks: { from: '2026-11-02', to: '2026-11-09' },
      days: [],
    });
    expect(splitIntoWeeks({ from: '2026-11-04', to: '2026-11-24' })).toEqual({
      weeks: { from: '2026-11-09', to: '2026-11-16' },
      days: [
        { from: '2026-11-04', to: '2026-11-08' },
        { from: '2026-11-23', to: '2026-11-24' },
      ],
    });
    expect(splitIntoWeeks({ from: '2026-11-04', to: '2026-11-10' })).toEqual({
      weeks: null,
      days: [
        { from: '2026-11-04', to: '2026-11-08' },
        { from: '2026-11-09', to: '2026-11-10' },
      ],
    });
    expect(splitIntoWeeks({ from: '2026-11-04', to: '2026-11-06' })).toEqual({
      weeks: null,
      days: [{ from: '2026-11-04', to: '2026-11-06' }],
    });
    expect(splitIntoWeeks({ to: '2026-11-04' })).toEqual({
      weeks: { to: '2026-10-26' },
      days: [{ from: '2026-11-02', to: '2026-11-04' }],
    });
  });

  it('covers every day of any period exactly once, each leftover range inside one week', () => {
    coversEveryDayOnce((period) => {
      const { weeks, days } = splitIntoWeeks(period);
      return { whole: weeks, days };
    }, weekOf);
  });
});

function coversEveryDayOnce(
  splitOf: (period: { from: string; to: string }) => Split,
  unitOf: (day: string) => string,
) {
  const start = Date.parse('2023-01-01T00:00:00Z');
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 800 }), (a, len) => {
      const from = dayAt(start + a * DAY);
      const to = dayAt(start + (a + len) * DAY);
      const expected: string[] = [];
      for (let i = 0; i <= len; i++) expected.push(dayAt(start + (a + i) * DAY));
      const split = splitOf({ from, to });
      expect(daysCovered(split, unitOf, from, to)).toEqual(expected);
      for (const r of split.days) expect(unitOf(r.from)).toBe(unitOf(r.to));
    }),
  );
}
