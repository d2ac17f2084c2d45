import type { TaskScore } from '../../../core/benchmark/index.ts';
import { can } from '../../../core/policy/index.ts';
import type { Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { personScope, readableProject } from '../access/person-scope.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';
import { toCsv } from '../consensus/report-csv.ts';
import { storedDocument } from '../labels/heads.ts';
import { requireBenchmarkManager } from './gold-sets.ts';
import { benchmarkReport, type ReportFilter, scoreRows } from './report.ts';
import { latestAttempt, screeningRefusal, startAttempt } from './screening.ts';
import { type BenchmarkSettingsIn, benchmarkSettings, saveBenchmarkSettings } from './settings.ts';

// The benchmark API's services: settings (managers), screening status and retries (each
// annotator, managers for everyone), scores and reports scoped by benchmark.view_scores, and the
// training view of one scored screening task.

export async function getBenchmarkSettings(deps: AppDeps, ctx: RequestContext, projectId: string) {
  await requireBenchmarkManager(deps, ctx, projectId);
  return benchmarkSettings(deps.db, projectId);
}

export async function putBenchmarkSettings(
  deps: AppDeps,
  ctx: RequestContext,
  projectId: string,
  input: BenchmarkSettingsIn,
) {
  await requireBenchmarkManager(deps, ctx, projectId);
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const before = await benchmarkSettings(trx, projectId);
    const after = await saveBenchmarkSettings(trx, projectId, input, ctx.user.id, now);
    const { revision: _r, updatedAt: _u, ...was } = before;
    const { revision: _r2, updatedAt: _u2, ...is } = after;
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      { action: 'benchmark.settings', targetType: 'project', targetId: projectId, before: was, after: is },
      now,
    );
    return after;
  });
}

/** The report's filter as the caller may have it (see personScope). */
const scopedFilter = async (deps: AppDeps, ctx: RequestContext, projectId: string, f: ReportFilter) => ({
  ...f,
  userId: (await personScope(deps, ctx, projectId, 'benchmark.view_scores', f.userId)).userId,
});

export async function projectBenchmarkReport(
  deps: AppDeps,
  ctx: RequestContext,
  projectId: string,
  f: ReportFilter,
) {
  return benchmarkReport(deps.db, projectId, await scopedFilter(deps, ctx, projectId, f));
}

export const BENCHMARK_TABLES = ['scores', 'annotators', 'classes', 'shapes'] as const;
export type BenchmarkTable = (typeof BENCHMARK_TABLES)[number];

export async function projectBenchmarkCsv(
  deps: AppDeps,
  ctx: RequestContext,
  projectId: string,
  f: ReportFilter,
  table: BenchmarkTable,
) {
  const filter = await scopedFilter(deps, ctx, projectId, f);
  if (table === 'scores') {
    const rows = await scoreRows(deps.db, projectId, filter);
    const header = [
      'scoredAt',
      'userId',
      'name',
      'purpose',
      'taskId',
      'goldTaskId',
      'score',
      'matched',
      'missed',
      'extra',
      'wrongClass',
      'wrongAttribute',
      'questions',
      'questionsCorrect',
    ];
    return toCsv(
      header,
      rows.map((r) => {
        const c = (JSON.parse(r.result) as TaskScore).counts;
        return [
          r.scored_at,
          r.user_id,
          r.user_name,
          r.purpose,
          r.task_id,
          r.gold_task_id,
          r.score,
          c.matched,
          c.missed,
          c.extra,
          c.wrongClass,
          c.wrongAttribute,
          c.questions,
          c.questionsCorrect,
        ];
      }),
    );
  }
  const report = await benchmarkReport(deps.db, projectId, filter);
  if (table === 'annotators') {
    return toCsv(
      [
        'userId',
        'name',
        'scores',
        'meanScore',
        'lastScore',
        'lastScoredAt',
        'flagged',
        'screeningAttempt',
        'screeningState',
      ],
      report.annotators.map((a) => [
        a.userId,
        a.name,
        a.scores,
        a.meanScore,
        a.lastScore,
        a.lastScoredAt,
        a.flagged ? 'yes' : 'no',
        a.screening?.attempt ?? null,
        a.screening?.state ?? null,
      ]),
    );
  }
  const rows = table === 'classes' ? report.classes : report.shapes;
  return toCsv(
    [table === 'classes' ? 'featureId' : 'shape', 'items', 'meanScore', 'missed', 'extra', 'wrongClass'],
    rows.map((r) => [r.key, r.items, r.meanScore, r.missed, r.extra, r.wrongClass]),
  );
}

const presentAttempt = (a: NonNullable<Awaited<ReturnType<typeof latestAttempt>>>, scored: number) => ({
  id: a.id,
  userId: a.user_id,
  number: a.number,
  state: a.state,
  taskCount: a.task_count,
  scored,
  passThreshold: Number(a.pass_threshold),
  meanScore: a.mean_score === null ? null : Number(a.mean_score),
  startedAt: a.started_at,
  finishedAt: a.finished_at,
});

/** Screening attempts with their takers' names and how many of their gold tasks are scored. */
const attemptsWithScored = (db: Executor) =>
  db
    .selectFrom('screening_attempts as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .selectAll('a')
    .select((eb) => [
      'u.name as user_name',
      eb
        .selectFrom('benchmark_scores as s')
        .select(eb.fn.countAll().as('n'))
        .whereRef('s.attempt_id', '=', 'a.id')
        .as('scored'),
    ]);

/** Screening attempts of the project: the caller's own, or (managers) everyone's or one person's. */
export async function screeningStatus(
  deps: AppDeps,
  ctx: RequestContext,
  projectId: string,
  userId?: string,
) {
  const filter = await scopedFilter(deps, ctx, projectId, { userId });
  const settings = await benchmarkSettings(deps.db, projectId);
  const attempts = await attemptsWithScored(deps.db)
    .where('a.project_id', '=', projectId)
    .$if(filter.userId !== undefined, (q) => q.where('a.user_id', '=', filter.userId!))
    .orderBy('a.user_id')
    .orderBy('a.number')
    .execute();
  const screening = settings.screening;
  return {
    screening: screening
      ? {
          taskCount: screening.taskCount,
          passThreshold: screening.passThreshold,
          maxAttempts: screening.maxAttempts,
          feedback: screening.feedback,
        }
      : null,
    attempts: attempts.map((a) => ({ ...presentAttempt(a, Number(a.scored)), name: a.user_name })),
  };
}

/** Starts the caller's next screening attempt after a failed one, while attempts are left. */
export async function retryScreening(deps: AppDeps, ctx: RequestContext, projectId: string) {
  const project = await readableProject(deps, ctx, projectId);
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const settings = await benchmarkSettings(trx, projectId);
    const screening = settings.screening;
    if (!can(ctx.actor, 'project.take_screening', project.resource)) {
      throw forbidden('take this project’s screening (managers are not screened)');
    }
    if (!screening) throw conflict('no_screening', 'This project does not screen anyone.');
    const last = await latestAttempt(trx, projectId, ctx.user.id);
    if (last?.state !== 'failed') {
      throw conflict('no_failed_attempt', 'Only a failed screening attempt can be followed by another.');
    }
    if (last.number >= screening.maxAttempts) throw screeningRefusal(last, screening);
    const next = await startAttempt(trx, projectId, ctx.user.id, screening, last.number + 1, now);
    return presentAttempt(next, 0);
  });
}

/**
 * One scored screening task as training feedback: the annotator's labels against the gold with the
 * breakdown. Their own only when the attempt was in training mode; managers any. Monitoring gold
 * tasks answer as if they had nothing to show, like any other task.
 */
export async function goldFeedback(deps: AppDeps, ctx: RequestContext, taskId: string) {
  const row = await deps.db
    .selectFrom('benchmark_scores as s')
    .innerJoin('gold_servings as g', 'g.task_id', 's.task_id')
    .leftJoin('gold_tasks as gt', 'gt.id', 's.gold_task_id')
    .select([
      'gt.data_unit_id',
      's.stage_id',
      's.project_id',
      's.user_id',
      's.score',
      's.result',
      's.gold',
      's.submitted',
      's.scored_at',
      's.purpose',
      'g.feedback',
      'g.attempt_id',
    ])
    .where('s.task_id', '=', taskId)
    .executeTakeFirst();
  if (!row) throw notFound('Feedback');
  const project = await readableProject(deps, ctx, row.project_id);
  const mine = row.user_id === ctx.user.id;
  const scores = can(ctx.actor, 'benchmark.view_scores', {
    kind: 'person_numbers',
    project: project.resource,
    mine,
  });
  // Annotators see their own only as training: monitoring never gives itself away.
  const training = row.purpose === 'screening' && row.feedback === 1;
  const everyone = can(ctx.actor, 'benchmark.view_scores', {
    kind: 'person_numbers',
    project: project.resource,
    mine: false,
  });
  if (!scores || !(everyone || (mine && training))) throw notFound('Feedback');
  const attempt = row.attempt_id
    ? await attemptsWithScored(deps.db).where('a.id', '=', row.attempt_id).executeTakeFirst()
    : undefined;
  return {
    taskId,
    projectId: row.project_id,
    stageId: row.stage_id,
    dataUnitId: row.data_unit_id,
    userId: row.user_id,
    purpose: row.purpose,
    score: Number(row.score),
    scoredAt: row.scored_at,
    result: JSON.parse(row.result) as TaskScore,
    gold: storedDocument(row.gold),
    submitted: storedDocument(row.submitted),
    attempt: attempt ? presentAttempt(attempt, Number(attempt.scored)) : null,
  };
}
