import { compare } from '../consensus/answers.ts';
import type { TaskScore } from './types.ts';

export interface BreakdownRow {
  key: string;
  items: number;
  /** Plain mean of the item scores (class weights set a task's score, not this report). */
  meanScore: number;
  missed: number;
  extra: number;
  wrongClass: number;
}

/** Mean item score and count per key, for reports (by class = featureId, by shape = shape). */
export function outcomeBreakdown(scores: readonly TaskScore[], by: 'class' | 'shape'): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow & { total: number }>();
  for (const task of scores) {
    for (const o of task.objects) {
      const key = by === 'class' ? o.featureId : o.shape;
      let row = rows.get(key);
      if (!row) {
        row = { key, items: 0, meanScore: 0, missed: 0, extra: 0, wrongClass: 0, total: 0 };
        rows.set(key, row);
      }
      row.items++;
      row.total += o.score;
      if (o.kind === 'missed') row.missed++;
      else if (o.kind === 'extra') row.extra++;
      else if (o.kind === 'wrong_class') row.wrongClass++;
    }
  }
  return [...rows.values()]
    .sort((a, b) => compare(a.key, b.key))
    .map(({ total, ...row }) => ({ ...row, meanScore: total / row.items }));
}
