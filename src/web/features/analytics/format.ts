import type { CsvValue } from '../../lib/csv.ts';

// How analytics numbers read: times in minutes or hours, shares in per cent — rounded once, so a
// table and its CSV carry the same figures.

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Milliseconds as minutes, to a tenth. */
export const minutes = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : round1(ms / 60_000);

/** Milliseconds as hours, to a tenth. */
export const hours = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : round1(ms / 3_600_000);

/** A share (0–1) as per cent, to a tenth. */
export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? null : round1(share * 100);

export const withUnit = (unit: string) => (v: CsvValue) =>
  v === null || v === undefined ? '–' : `${v.toLocaleString()}${unit}`;

/** A UTC day (YYYY-MM-DD) as the reader's short date. */
const shortDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
export const dayLabel = (day: string) => shortDay.format(new Date(`${day}T00:00:00Z`));

/** A duration as people say it: seconds, minutes or hours, whichever reads best. */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${round1(ms / 60_000).toLocaleString()} min`;
  return `${round1(ms / 3_600_000).toLocaleString()} h`;
}

/** A share as per cent for a figure, or a dash. */
export const shownPercent = (share: number | null | undefined) => {
  const p = percent(share);
  return p === null ? '–' : `${p.toLocaleString()}%`;
};
