import type { TrendRow, TrendSeries } from '../../components/charts/TrendChart.tsx';
import { dayLabel, hours, minutes } from './format.ts';

// Report rows turned into chart rows: one per day or week, a key per series.

type Counted = Record<string, unknown> & { activeMs: number };
export type Period = 'day' | 'week';

const periodOf = (r: Counted) => (typeof r.day === 'string' ? r.day : (r.week as string));
const label = (r: Counted, period: Period) =>
  period === 'week' ? `Week of ${dayLabel(periodOf(r))}` : dayLabel(periodOf(r));

/** The chosen counts per day or week. */
export function countRows(rows: readonly Counted[], keys: readonly string[], period: Period): TrendRow[] {
  return rows.map((r) => {
    const row: TrendRow = { label: label(r, period) };
    for (const k of keys) row[k] = Number(r[k] ?? 0);
    return row;
  });
}

/** Active time per day or week, in hours — or minutes while no period reaches two hours. */
export function activeRows(
  rows: readonly Counted[],
  period: Period,
): { rows: TrendRow[]; unit: ' h' | ' min' } {
  const inHours = rows.some((r) => r.activeMs >= 2 * 3_600_000);
  return {
    rows: rows.map((r) => ({
      label: label(r, period),
      time: inHours ? hours(r.activeMs) : minutes(r.activeMs),
    })),
    unit: inHours ? ' h' : ' min',
  };
}

/** Queue depth: one row per day, one series per stage (a stage without a count that day: 0). */
export function queueRows(
  depths: readonly { day: string; stageId: string; depth: number }[],
  stageName: (id: string) => string,
): { rows: TrendRow[]; series: TrendSeries[] } {
  const stages = [...new Set(depths.map((d) => d.stageId))];
  const byDay = new Map<string, TrendRow>();
  for (const d of depths) {
    let row = byDay.get(d.day);
    if (!row) {
      row = { label: dayLabel(d.day), ...Object.fromEntries(stages.map((s) => [s, 0])) };
      byDay.set(d.day, row);
    }
    row[d.stageId] = d.depth;
  }
  return { rows: [...byDay.values()], series: stages.map((s) => ({ key: s, name: stageName(s) })) };
}
