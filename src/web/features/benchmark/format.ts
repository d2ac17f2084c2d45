import { formatPercent } from '../agreement/format.ts';
import { type ReportFilters, reportQuery } from './queries.ts';

// How the benchmark's figures read, and where its CSV files are. No React here.

export { formatPercent, formatSimilarity, NONE } from '../agreement/format.ts';

export const SHAPE_LABELS = {
  bounding_box: 'Bounding box',
  rotatable_box: 'Rotated box',
  polygon: 'Polygon',
  polyline: 'Polyline',
  point: 'Point',
  keypoint_skeleton: 'Keypoint skeleton',
} as const;
export type ShapeType = keyof typeof SHAPE_LABELS;
export const SHAPE_TYPES = Object.keys(SHAPE_LABELS) as ShapeType[];

export const shapeLabel = (key: string) => (SHAPE_LABELS as Record<string, string>)[key] ?? key;

const ATTEMPT_STATES: Record<string, string> = {
  in_progress: 'In progress',
  passed: 'Passed',
  failed: 'Failed',
};
export const attemptStateLabel = (state: string) => ATTEMPT_STATES[state] ?? state;

/** "3 of 5 scored". */
export const attemptProgress = (a: { scored: number; taskCount: number }) =>
  `${a.scored} of ${a.taskCount} scored`;

export const scoreText = (share: number | null) => formatPercent(share);

export type BenchmarkTable = 'scores' | 'annotators' | 'classes' | 'shapes';

/**
 * Where a table's CSV is, under the report's filters. A plain link downloads it with the session
 * cookie; the report is read-only, so no CSRF token is needed.
 */
export function csvHref(projectId: string, table: BenchmarkTable, filters: ReportFilters): string {
  const query = new URLSearchParams({ table });
  for (const [key, value] of Object.entries(reportQuery(filters))) if (value) query.set(key, value);
  return `/api/v1/projects/${encodeURIComponent(projectId)}/benchmark/report.csv?${query.toString()}`;
}
