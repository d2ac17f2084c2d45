// A report period cut into whole calendar months (or weeks) and the days left over at either end,
// so that a long period is summed from monthly (weekly) counters and only its ragged ends from
// daily ones.

import { utcDay, weekOf } from './metrics.ts';

/** Days from `from` to `to` (YYYY-MM-DD, inclusive); a missing end is open. */
export interface DayRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** Months (YYYY-MM) or weeks (their Mondays, YYYY-MM-DD) from `from` to `to`, inclusive; a missing end is open. */
export interface UnitRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** The days of a period outside its whole units: none, one or two ranges, each inside one unit. */
export type LeftoverDays = { from: string; to: string }[];

export interface SplitPeriod {
  /** The whole months inside the period, or null when it holds none. */
  months: UnitRange | null;
  days: LeftoverDays;
}

export interface SplitWeeks {
  /** The whole weeks (Monday to Sunday) inside the period, or null when it holds none. */
  weeks: UnitRange | null;
  days: LeftoverDays;
}

/** A calendar unit: the one a day is in, its first and last days, and the unit `by` units on. */
interface Unit {
  of(day: string): string;
  first(unit: string): string;
  last(unit: string): string;
  shift(unit: string, by: number): string;
}

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) => utcDay(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS);

const MONTH: Unit = {
  of: (day) => day.slice(0, 7),
  first: (month) => `${month}-01`,
  last: (month) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  },
  shift: (month, by) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
  },
};

const WEEK: Unit = {
  of: weekOf,
  first: (monday) => monday,
  last: (monday) => addDays(monday, 6),
  shift: (monday, by) => addDays(monday, 7 * by),
};

function split(period: DayRange, unit: Unit): { whole: UnitRange | null; days: LeftoverDays } {
  const { from, to } = period;
  const firstWhole =
    from === undefined
      ? undefined
      : unit.first(unit.of(from)) === from
        ? unit.of(from)
        : unit.shift(unit.of(from), 1);
  const lastWhole =
    to === undefined ? undefined : unit.last(unit.of(to)) === to ? unit.of(to) : unit.shift(unit.of(to), -1);
  if (from !== undefined && to !== undefined && firstWhole! > lastWhole!) {
    if (from > to) return { whole: null, days: [] };
    if (unit.of(from) === unit.of(to)) return { whole: null, days: [{ from, to }] };
    // The ends of two neighbouring units, neither whole.
    return {
      whole: null,
      days: [
        { from, to: unit.last(unit.of(from)) },
        { from: unit.first(unit.of(to)), to },
      ],
    };
  }
  const days: LeftoverDays = [];
  if (from !== undefined && firstWhole !== unit.of(from)) days.push({ from, to: unit.last(unit.of(from)) });
  if (to !== undefined && lastWhole !== unit.of(to)) days.push({ from: unit.first(unit.of(to)), to });
  return { whole: { from: firstWhole, to: lastWhole }, days };
}

export function splitPeriod(period: DayRange): SplitPeriod {
  const { whole, days } = split(period, MONTH);
  return { months: whole, days };
}

export function splitIntoWeeks(period: DayRange): SplitWeeks {
  const { whole, days } = split(period, WEEK);
  return { weeks: whole, days };
}
