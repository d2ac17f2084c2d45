// What each task event adds to the daily counters the dashboards read. The event log stays the
// record; these counters are kept beside it, in the same transaction, so a dashboard sums a few
// thousand counter rows instead of scanning millions of events.

export const METRICS = [
  'tasks_submitted', // person: who submitted (annotate and consensus stages)
  'tasks_skipped', // person: who skipped
  'tasks_approved', // person: the reviewer who approved
  'tasks_rejected', // person: the reviewer who rejected
  'tasks_reopened', // person: the manager who reopened
  'tasks_completed', // nobody: a task reached a terminal stage
  'work_approved', // person: each annotator of a task a reviewer approved
  'work_rejected', // person: each annotator of a task a reviewer rejected
  'first_review_passed', // person: each annotator of a task approved at its first review decision
  'first_review_failed', // person: each annotator of a task rejected at its first review decision
  'labels_created', // person: who saved; class: the object's feature
  'labels_edited',
  'labels_deleted',
  'labels_approved', // person: the label's author; class: its feature
  'labels_rejected',
  'issues_opened', // person: who raised it
  'issues_resolved', // person: who resolved it
] as const;
export type Metric = (typeof METRICS)[number];

/** A task event as the counters see it. */
export interface CountedEvent {
  kind: string;
  stageId: string | null;
  actorId: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
}

/** One counter to add to: '' stands for "none" in the person, stage and class columns. */
export interface MetricIncrement {
  metric: Metric;
  userId: string;
  stageId: string;
  featureId: string;
  n: number;
}

/**
 * Who a review decision was about, written into the approved/rejected event by the review: the
 * task's annotators, and whether this was the task's first review decision (for first-pass yield).
 */
export interface ReviewedWork {
  annotators: string[];
  firstReview: boolean;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

const countsByFeature = (v: unknown): [string, number][] =>
  v && typeof v === 'object'
    ? Object.entries(v as Record<string, unknown>).filter(
        (e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0,
      )
    : [];

export function incrementsOf(e: CountedEvent): MetricIncrement[] {
  const stageId = e.stageId ?? '';
  const one = (metric: Metric, userId: string | null, featureId = '', n = 1): MetricIncrement => ({
    metric,
    userId: userId ?? '',
    stageId,
    featureId,
    n,
  });
  switch (e.kind) {
    case 'submitted':
      return [one('tasks_submitted', e.actorId)];
    case 'skipped':
      return [one('tasks_skipped', e.actorId)];
    case 'reopened':
      return [one('tasks_reopened', e.actorId)];
    case 'completed':
      return [one('tasks_completed', null)];
    case 'approved':
    case 'rejected': {
      const approved = e.kind === 'approved';
      const annotators = strings(e.data.annotators);
      const first = e.data.firstReview === true;
      return [
        one(approved ? 'tasks_approved' : 'tasks_rejected', e.actorId),
        ...annotators.map((a) => one(approved ? 'work_approved' : 'work_rejected', a)),
        ...(first
          ? annotators.map((a) => one(approved ? 'first_review_passed' : 'first_review_failed', a))
          : []),
      ];
    }
    case 'labels_saved':
      return (['created', 'edited', 'deleted'] as const).flatMap((what) =>
        countsByFeature(e.data[what]).map(([featureId, n]) => one(`labels_${what}`, e.actorId, featureId, n)),
      );
    case 'label_approved':
    case 'label_rejected': {
      const featureId = typeof e.data.featureId === 'string' ? e.data.featureId : '';
      return [
        one(e.kind === 'label_approved' ? 'labels_approved' : 'labels_rejected', e.subjectId, featureId),
      ];
    }
    case 'issue_opened':
      return [one('issues_opened', e.actorId)];
    case 'issue_resolved':
      return [one('issues_resolved', e.actorId)];
    default:
      return [];
  }
}

/** The UTC day (YYYY-MM-DD) of an ISO timestamp or epoch milliseconds. */
export const utcDay = (at: string | number) => new Date(at).toISOString().slice(0, 10);

/** The Monday (UTC) of the week a day falls in, as YYYY-MM-DD. */
export function weekOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00.000Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  return utcDay(t - weekday * 86_400_000);
}

/** A share, or null when there is nothing to share out. */
export const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export interface Forecast {
  /** Tasks not yet in a terminal stage. */
  remaining: number;
  /** Mean tasks completed per day over the window (days without completions count as 0). */
  perDay: number;
  windowDays: number;
  /** The day the remaining tasks would be done at that pace; null when nothing is completing. */
  finishDay: string | null;
}

/**
 * When the remaining tasks would be done at the pace of the last `windowDays` days up to `today`
 * (inclusive): remaining / mean completions per day, rounded up to whole days.
 */
export function forecastCompletion(
  completedPerDay: ReadonlyMap<string, number>,
  remaining: number,
  today: string,
  windowDays = 14,
): Forecast {
  const end = Date.parse(`${today}T00:00:00.000Z`);
  let done = 0;
  for (let i = 0; i < windowDays; i++) done += completedPerDay.get(utcDay(end - i * 86_400_000)) ?? 0;
  const perDay = done / windowDays;
  // remaining / perDay in whole numbers, so no rounding error adds a day.
  const daysLeft = done > 0 ? Math.ceil((remaining * windowDays) / done) : null;
  const finishDay = remaining === 0 ? today : daysLeft === null ? null : utcDay(end + daysLeft * 86_400_000);
  return { remaining, perDay, windowDays, finishDay };
}

export type MetricCounts = Record<Metric, number>;

export const zeroCounts = (): MetricCounts => Object.fromEntries(METRICS.map((m) => [m, 0])) as MetricCounts;

/** Adds `more` into `into`, metric by metric. */
export function addCounts(into: MetricCounts, more: MetricCounts) {
  for (const m of METRICS) into[m] += more[m];
}

/** The counts under `key`, created at zero on first use. */
export function countsAt<K>(into: Map<K, MetricCounts>, key: K): MetricCounts {
  let c = into.get(key);
  if (!c) {
    c = zeroCounts();
    into.set(key, c);
  }
  return c;
}

/**
 * Review quality of some work: the share of review decisions on it that were rejections, and the
 * share of reviewed tasks approved at their first review decision (first-pass yield).
 */
export const reviewQuality = (c: MetricCounts) => ({
  rejectionRate: ratio(c.work_rejected, c.work_approved + c.work_rejected),
  firstPassYield: ratio(c.first_review_passed, c.first_review_passed + c.first_review_failed),
});
