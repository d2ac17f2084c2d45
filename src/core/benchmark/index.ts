/**
 * Benchmark scoring (issue 8): how closely one submission reproduces a task's gold labels.
 * Pure, like the consensus core whose similarity and answer canon it shares. The rules, with
 * worked examples, are in docs/benchmark.md.
 */
export { type BreakdownRow, outcomeBreakdown } from './breakdown.ts';
export { DEFAULT_SCORING, resolveScoring, type ScoringConfig, type ScoringConfigInput } from './config.ts';
export { scoreAgainstGold } from './score.ts';
export type { ObjectOutcome, QuestionOutcome, TaskScore } from './types.ts';
