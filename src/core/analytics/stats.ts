// Summaries of a list of durations, as the dashboards show them: the definition. The server has the
// databases compute them where the times are (server/modules/analytics/time-report.ts, SQL's
// percentile_cont: linear between the two nearest ranks), and a test holds both databases to this.

export interface DurationStats {
  count: number;
  totalMs: number;
  meanMs: number | null;
  /** The middle value; the mean of the two middle ones for an even count. To the millisecond. */
  medianMs: number | null;
  /** 90th percentile, linear between the two nearest ranks. To the millisecond. */
  p90Ms: number | null;
}

/** The `p` percentile (0–1) of ascending values: at position p·(n − 1), linear between ranks. */
export function percentileOf(sorted: readonly number[], p: number): number {
  const at = p * (sorted.length - 1);
  const below = Math.floor(at);
  const low = sorted[below]!;
  const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return low + (high - low) * (at - below);
}

export function durationStats(values: readonly number[]): DurationStats {
  const n = values.length;
  const totalMs = values.reduce((a, b) => a + b, 0);
  if (n === 0) return { count: 0, totalMs: 0, meanMs: null, medianMs: null, p90Ms: null };
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: n,
    totalMs,
    meanMs: totalMs / n,
    medianMs: Math.round(percentileOf(sorted, 0.5)),
    p90Ms: Math.round(percentileOf(sorted, 0.9)),
  };
}
