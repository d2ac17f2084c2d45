// Pure helpers of the agreement report: how its figures read and where its CSV files are. No React
// here, so they are tested without a browser.

/** Shown where a figure has no value (no tasks yet, no resolved task, alpha undefined). */
export const NONE = '—';

/** Why Krippendorff's alpha can be missing: every value was the same, or no two values to compare. */
export const ALPHA_UNDEFINED = 'Undefined: no variation';

/** A 0–1 share as whole percents, written like the rest of the app ("83%"). */
export const formatPercent = (share: number | null): string =>
  share === null ? NONE : `${Math.round(share * 100)}%`;

/** Krippendorff's alpha to 3 decimals (it runs from below 0 to 1, so a percent would mislead). */
export const formatAlpha = (alpha: number | null): string => (alpha === null ? NONE : alpha.toFixed(3));

/** A mean similarity (IoU, or point similarity) to 2 decimals, as IoU is usually quoted. */
export const formatSimilarity = (similarity: number | null): string =>
  similarity === null ? NONE : similarity.toFixed(2);

/** The tables the report's CSV download offers. */
export type CsvTable = 'tasks' | 'annotators' | 'questions' | 'classes';

/**
 * Where a table's CSV is. A plain link downloads it: the session cookie goes with it, and the
 * report is read-only, so no CSRF token is needed.
 */
export function csvHref(projectId: string, stageId: string, table: CsvTable): string {
  const query = new URLSearchParams({ stageId, table });
  return `/api/v1/projects/${encodeURIComponent(projectId)}/agreement.csv?${query.toString()}`;
}
