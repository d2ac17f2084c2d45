import type { TrendSeries } from '../../components/charts/TrendChart.tsx';

// The throughput series, each measure in the same colour on every chart.

export const SUBMITTED: TrendSeries = { key: 'tasks_submitted', name: 'Submitted', colour: '#4363d8' };
export const APPROVED: TrendSeries = { key: 'tasks_approved', name: 'Approved', colour: '#3cb44b' };
export const REJECTED: TrendSeries = { key: 'tasks_rejected', name: 'Rejected', colour: '#e6194b' };
export const COMPLETED: TrendSeries = { key: 'tasks_completed', name: 'Completed', colour: '#469990' };

/** The throughput chart's series; completions only where they are the team's. */
export const throughputSeries = (withCompleted: boolean) =>
  withCompleted ? [SUBMITTED, APPROVED, REJECTED, COMPLETED] : [SUBMITTED, APPROVED, REJECTED];

export const THROUGHPUT_KEYS = [SUBMITTED, APPROVED, REJECTED, COMPLETED].map((s) => s.key);
