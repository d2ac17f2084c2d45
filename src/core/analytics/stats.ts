// Summaries of a list of durations, as the dashboards show them. The median and p90 need only a few
// ranks of the sorted values (`statRanks`), so a database can rank the values and return just those
// (server/modules/analytics/time-report.ts picks the same ranks in SQL).

export interface DurationStats {
  count: number;
  totalMs: number;
  meanMs: number | null;
  /** The middle value; the mean of the two middle ones for an even count. */
  medianMs: number | null;
  /** Nearest rank: the smallest value at least 90 % of the values are at or below. */
  p90Ms: number | null;
}

/** The 1-based ranks, in ascending order of value, that the median and p90 of `count` values read. */
export function statRanks(count: number) {
  return {
    // The same rank for an odd count; the two middle ones for an even count.
    medianLow: Math.floor((count + 1) / 2),
    medianHigh: Math.floor(count / 2) + 1,
    // ⌈0.9·count⌉ in whole numbers (0.9 * 30 is 27.000000000000004 in floating point).
    p90: Math.floor((9 * count + 9) / 10),
  };
}

/** The stats of `count` values summing to `totalMs`, given the value at each rank `statRanks` names. */
export function statsOfRanks(
  count: number,
  totalMs: number,
  valueAt: (rank: number) => number,
): DurationStats {
  if (count === 0) return { count: 0, totalMs: 0, meanMs: null, medianMs: null, p90Ms: null };
  const r = statRanks(count);
  return {
    count,
    totalMs,
    meanMs: totalMs / count,
    medianMs: (valueAt(r.medianLow) + valueAt(r.medianHigh)) / 2,
    p90Ms: valueAt(r.p90),
  };
}

export function durationStats(values: readonly number[]): DurationStats {
  const sorted = [...values].sort((a, b) => a - b);
  const totalMs = values.reduce((a, b) => a + b, 0);
  return statsOfRanks(values.length, totalMs, (rank) => sorted[rank - 1]!);
}
