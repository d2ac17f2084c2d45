// Summaries of a list of durations, as the dashboards show them.

export interface DurationStats {
  count: number;
  totalMs: number;
  meanMs: number | null;
  /** The middle value; the mean of the two middle ones for an even count. */
  medianMs: number | null;
  /** Nearest rank: the smallest value at least 90 % of the values are at or below. */
  p90Ms: number | null;
}

export function durationStats(values: readonly number[]): DurationStats {
  const n = values.length;
  const totalMs = values.reduce((a, b) => a + b, 0);
  if (n === 0) return { count: 0, totalMs: 0, meanMs: null, medianMs: null, p90Ms: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  const medianMs = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { count: n, totalMs, meanMs: totalMs / n, medianMs, p90Ms: sorted[Math.ceil(0.9 * n) - 1]! };
}
