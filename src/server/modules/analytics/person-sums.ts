import { addCounts, METRICS, type MetricCounts, zeroCounts } from '../../../core/analytics/metrics.ts';
import { splitPeriod } from '../../../core/analytics/periods.ts';
import type { Executor } from '../../db/database.ts';

// Counts and active time per (project, person) over a period, from the per-person counters: whole
// months from person_months, the days at either end from person_days (a year reads about twelve
// rows per person and project instead of 365). The workspace report sums them every way; the
// project dashboard takes its people's from here when no stage, dataset or class narrows them.

export interface PeriodFilter {
  from?: string | undefined;
  to?: string | undefined;
  projectId?: string | undefined;
  userIds?: readonly string[] | undefined;
}

export const COUNTED = [...METRICS, 'active_ms'] as const;

export interface Counted {
  counts: MetricCounts;
  activeMs: number;
}

export function countedOf(row: Record<string, unknown>): Counted {
  const counts = zeroCounts();
  for (const m of METRICS) counts[m] = Number(row[m]);
  return { counts, activeMs: Number(row.active_ms) };
}

export function addCounted(into: Counted, more: Counted) {
  addCounts(into.counts, more.counts);
  into.activeMs += more.activeMs;
}

/** Per (project, person) over the period: whole months from person_months, the rest by day. */
export async function pairSums(db: Executor, f: PeriodFilter) {
  const { months, days } = splitPeriod(f);
  const parts: Promise<Record<string, unknown>[]>[] = [];
  if (months) {
    parts.push(
      db
        .selectFrom('person_months')
        .select(['project_id', 'user_id'])
        .select((eb) => COUNTED.map((c) => eb.fn.sum<number>(c).as(c)))
        .$if(months.from !== undefined, (b) => b.where('month', '>=', months.from!))
        .$if(months.to !== undefined, (b) => b.where('month', '<=', months.to!))
        .$if(f.projectId !== undefined, (b) => b.where('project_id', '=', f.projectId!))
        .$if(f.userIds !== undefined, (b) => b.where('user_id', 'in', f.userIds!))
        .groupBy(['project_id', 'user_id'])
        .execute(),
    );
  }
  if (days.length > 0) {
    parts.push(
      db
        .selectFrom('person_days')
        .select(['project_id', 'user_id'])
        .select((eb) => COUNTED.map((c) => eb.fn.sum<number>(c).as(c)))
        .where((eb) => eb.or(days.map((r) => eb.between('day', r.from, r.to))))
        .$if(f.projectId !== undefined, (b) => b.where('project_id', '=', f.projectId!))
        .$if(f.userIds !== undefined, (b) => b.where('user_id', 'in', f.userIds!))
        .groupBy(['project_id', 'user_id'])
        .execute(),
    );
  }
  const pairs = new Map<string, Counted & { projectId: string; userId: string }>();
  for (const row of (await Promise.all(parts)).flat()) {
    const projectId = String(row.project_id);
    const userId = String(row.user_id);
    const key = `${projectId}\u0000${userId}`;
    const have = pairs.get(key);
    if (have) addCounted(have, countedOf(row));
    else pairs.set(key, { projectId, userId, ...countedOf(row) });
  }
  return [...pairs.values()];
}
