/**
 * Agreement library (issue 7): pure functions, no I/O, so scripts, exports and the review UI
 * can all compute the same numbers. See docs/agreement.md.
 */
export * from './iou.ts';
export * from './kappa.ts';
export * from './krippendorff.ts';
export * from './match.ts';
export * from './percent.ts';
export type { CodedValue } from './values.ts';
