import type { BenchmarkReport } from './queries.ts';

// The report's per-day means reshaped for the over-time chart: one row per day, one column per
// annotator (recharts draws a line per column). Pure, so it is testable without a browser.

export interface Series {
  key: string;
  name: string;
}

export type DayRow = { day: string } & Record<string, number | string>;

export function overTime(report: Pick<BenchmarkReport, 'days' | 'annotators'>): {
  rows: DayRow[];
  series: Series[];
} {
  const names = new Map(report.annotators.map((a) => [a.userId, a.name] as const));
  const byDay = new Map<string, DayRow>();
  const users: string[] = [];
  for (const d of report.days) {
    if (!users.includes(d.userId)) users.push(d.userId);
    const row = byDay.get(d.day) ?? { day: d.day };
    row[d.userId] = Math.round(d.meanScore * 1000) / 10;
    byDay.set(d.day, row);
  }
  return {
    rows: [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1)),
    series: users.map((key, i) => ({ key, name: names.get(key) ?? `Annotator ${i + 1}` })),
  };
}
