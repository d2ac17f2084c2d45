// A report period cut into whole calendar months and the days left over at either end, so that a
// long period is summed from monthly counters and only its ragged ends from daily ones.

/** Days from `from` to `to` (YYYY-MM-DD, inclusive); a missing end is open. */
export interface DayRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** Months from `from` to `to` (YYYY-MM, inclusive); a missing end is open. */
export interface MonthRange {
  from?: string | undefined;
  to?: string | undefined;
}

export interface SplitPeriod {
  /** The whole months inside the period, or null when it holds none. */
  months: MonthRange | null;
  /** The days outside those months: none, one or two ranges, each with both ends. */
  days: { from: string; to: string }[];
}

const monthOf = (day: string) => day.slice(0, 7);

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function splitPeriod(period: DayRange): SplitPeriod {
  const { from, to } = period;
  const firstMonth =
    from === undefined ? undefined : from.endsWith('-01') ? monthOf(from) : shiftMonth(monthOf(from), 1);
  const lastMonth =
    to === undefined ? undefined : to === lastDayOf(monthOf(to)) ? monthOf(to) : shiftMonth(monthOf(to), -1);
  if (from !== undefined && to !== undefined && firstMonth! > lastMonth!) {
    return { months: null, days: from <= to ? [{ from, to }] : [] };
  }
  const days: SplitPeriod['days'] = [];
  if (from !== undefined && firstMonth !== monthOf(from)) days.push({ from, to: lastDayOf(monthOf(from)) });
  if (to !== undefined && lastMonth !== monthOf(to)) days.push({ from: `${monthOf(to)}-01`, to });
  return { months: { from: firstMonth, to: lastMonth }, days };
}
