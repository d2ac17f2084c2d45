import { z } from 'zod';
import { type BreakdownRow, outcomeBreakdown, type TaskScore } from '../../../core/benchmark/index.ts';
import type { Executor } from '../../db/database.ts';
import { benchmarkSettings } from './settings.ts';

// The benchmark report: every scored gold task of a project (screening and monitoring), summed up
// per annotator, per day, per class and per shape, with the annotators whose mean is below the
// threshold flagged. Scoped by the caller: workers get their own scores only (service.ts).

export interface ReportFilter {
  userId?: string | undefined;
  purpose?: 'screening' | 'monitoring' | undefined;
  /** ISO dates, from inclusive, to exclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

/** Flags annotators below this mean when the project has no screening threshold to go by. */
export const DEFAULT_FLAG_THRESHOLD = 0.8;

export const BENCHMARK_BINS = 10;

const Breakdown = z.object({
  key: z.string().describe('The class feature id, or the shape type'),
  items: z.number().int(),
  meanScore: z.number(),
  missed: z.number().int(),
  extra: z.number().int(),
  wrongClass: z.number().int(),
});

export const BenchmarkReportOut = z
  .object({
    threshold: z.number().describe('Annotators with a mean below it are flagged'),
    scores: z.number().int(),
    meanScore: z.number().nullable(),
    histogram: z
      .array(z.number().int())
      .describe(`Scores in ${BENCHMARK_BINS} equal bins over [0, 1] (the last includes 1)`),
    annotators: z.array(
      z.object({
        userId: z.string(),
        name: z.string().nullable(),
        scores: z.number().int(),
        meanScore: z.number(),
        lastScore: z.number(),
        lastScoredAt: z.string(),
        flagged: z.boolean(),
        screening: z
          .object({ attempt: z.number().int(), state: z.string(), meanScore: z.number().nullable() })
          .nullable(),
      }),
    ),
    days: z.array(
      z.object({ day: z.string(), userId: z.string(), scores: z.number().int(), meanScore: z.number() }),
    ),
    classes: z.array(Breakdown).describe('Worst first'),
    shapes: z.array(Breakdown).describe('Worst first'),
  })
  .meta({ id: 'BenchmarkReport' });
export type BenchmarkReport = z.infer<typeof BenchmarkReportOut>;

export interface ScoreRow {
  id: string;
  user_id: string;
  user_name: string | null;
  task_id: string;
  gold_task_id: string | null;
  purpose: string;
  attempt_id: string | null;
  score: number;
  result: string;
  scored_at: string;
}

export async function scoreRows(db: Executor, projectId: string, f: ReportFilter): Promise<ScoreRow[]> {
  const rows = await db
    .selectFrom('benchmark_scores as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      'u.name as user_name',
      's.task_id',
      's.gold_task_id',
      's.purpose',
      's.attempt_id',
      's.score',
      's.result',
      's.scored_at',
    ])
    .where('s.project_id', '=', projectId)
    .$if(f.userId !== undefined, (q) => q.where('s.user_id', '=', f.userId!))
    .$if(f.purpose !== undefined, (q) => q.where('s.purpose', '=', f.purpose!))
    .$if(f.from !== undefined, (q) => q.where('s.scored_at', '>=', f.from!))
    .$if(f.to !== undefined, (q) => q.where('s.scored_at', '<', f.to!))
    .orderBy('s.scored_at')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

/** Appends in place: copying the list on every row made grouping quadratic. */
function pushTo<T>(groups: Map<string, T[]>, key: string, value: T) {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const worstFirst = (rows: BreakdownRow[]) =>
  [...rows].sort((a, b) => a.meanScore - b.meanScore || (a.key < b.key ? -1 : 1));

function histogram(scores: readonly number[]) {
  const bins = new Array<number>(BENCHMARK_BINS).fill(0);
  for (const s of scores) bins[Math.min(BENCHMARK_BINS - 1, Math.floor(s * BENCHMARK_BINS))]!++;
  return bins;
}

/** Each annotator's latest screening attempt, for the report's table. */
async function latestAttempts(db: Executor, projectId: string, userIds: readonly string[]) {
  const byUser = new Map<string, { attempt: number; state: string; meanScore: number | null }>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('screening_attempts')
    .select(['user_id', 'number', 'state', 'mean_score'])
    .where('project_id', '=', projectId)
    .where('user_id', 'in', [...userIds])
    .orderBy('number')
    .execute();
  for (const r of rows) {
    byUser.set(r.user_id, {
      attempt: r.number,
      state: r.state,
      meanScore: r.mean_score === null ? null : Number(r.mean_score),
    });
  }
  return byUser;
}

export async function flagThreshold(db: Executor, projectId: string) {
  const settings = await benchmarkSettings(db, projectId);
  return settings.screening?.passThreshold ?? DEFAULT_FLAG_THRESHOLD;
}

export async function benchmarkReport(
  db: Executor,
  projectId: string,
  f: ReportFilter,
): Promise<BenchmarkReport> {
  const rows = await scoreRows(db, projectId, f);
  const threshold = await flagThreshold(db, projectId);
  const byUser = new Map<string, ScoreRow[]>();
  const byDay = new Map<string, number[]>();
  for (const r of rows) {
    pushTo(byUser, r.user_id, r);
    const key = `${r.scored_at.slice(0, 10)}\u0000${r.user_id}`;
    pushTo(byDay, key, r.score);
  }
  const attempts = await latestAttempts(db, projectId, [...byUser.keys()]);
  const annotators = [...byUser.entries()].map(([userId, list]) => {
    const last = list[list.length - 1]!;
    const m = mean(list.map((r) => r.score));
    return {
      userId,
      name: last.user_name,
      scores: list.length,
      meanScore: m,
      lastScore: last.score,
      lastScoredAt: last.scored_at,
      flagged: m < threshold,
      screening: attempts.get(userId) ?? null,
    };
  });
  annotators.sort((a, b) => a.meanScore - b.meanScore || (a.userId < b.userId ? -1 : 1));
  const results = rows.map((r) => JSON.parse(r.result) as TaskScore);
  return {
    threshold,
    scores: rows.length,
    meanScore: rows.length ? mean(rows.map((r) => r.score)) : null,
    histogram: histogram(rows.map((r) => r.score)),
    annotators,
    days: [...byDay.entries()]
      .map(([key, scores]) => {
        const [day, userId] = key.split('\u0000') as [string, string];
        return { day, userId, scores: scores.length, meanScore: mean(scores) };
      })
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.userId < b.userId ? -1 : 1)),
    classes: worstFirst(outcomeBreakdown(results, 'class')),
    shapes: worstFirst(outcomeBreakdown(results, 'shape')),
  };
}
