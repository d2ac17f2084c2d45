import type { Stage } from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { conflict } from '../../http/errors.ts';
import { recordTaskEvent } from '../queue/events.ts';
import { type Attempt, latestAttempt, screeningRefusal, startAttempt } from './screening.ts';
import { benchmarkSettings, type MonitoringSettings } from './settings.ts';

// Serving gold tasks: when someone asks for their next task, the project may hand them a gold
// task instead — their screening tasks until they pass, and in monitored annotate stages one in
// every N. A served gold task is a task of its own (tasks.gold_task_id marks it) held by them
// alone, so the queue's "your own task first" rule serves it and the editor treats it like any.

export interface ServeRequest {
  projectId: string;
  stage: Stage;
  userId: string;
  /** Whether the policy screens the caller here (project.take_screening). */
  screened: boolean;
  leaseMinutes: number;
  now: number;
  random: () => number;
}

type Purpose = { purpose: 'screening'; attempt: Attempt; feedback: boolean } | { purpose: 'monitoring' };

/** Whether the caller holds a task in the stage already (it comes first; nothing is served then). */
async function holdsOne(trx: Executor, r: ServeRequest) {
  const at = nowIso(r.now);
  const own = await trx
    .selectFrom('tasks')
    .select('id')
    .where('project_id', '=', r.projectId)
    .where('stage_id', '=', r.stage.id)
    .where('assignee_id', '=', r.userId)
    .where((eb) => eb.or([eb('pinned', '=', 1), eb('lease_expires_at', '>=', at)]))
    .limit(1)
    .executeTakeFirst();
  return own !== undefined;
}

/**
 * Serves the caller a gold task when one is due, before the queue claims a real one. Throws when
 * screening stands between them and real work (failed, or a stage where it cannot be taken).
 */
export async function serveGoldIfDue(trx: Executor, r: ServeRequest): Promise<void> {
  if (r.stage.type !== 'annotate' && r.stage.type !== 'consensus') return;
  const settings = await benchmarkSettings(trx, r.projectId);
  if (!settings.screening && !settings.monitoring) return;
  if (r.stage.type === 'annotate' && (await holdsOne(trx, r))) return;
  const screening = settings.screening;
  if (screening && r.screened) {
    let attempt = await latestAttempt(trx, r.projectId, r.userId);
    if (attempt?.state !== 'passed') {
      if (attempt?.state === 'failed') throw screeningRefusal(attempt, screening);
      if (r.stage.type !== 'annotate') {
        throw conflict(
          'screening_required',
          'Pass this project’s screening first: ask for work in one of its annotate stages.',
        );
      }
      attempt ??= await startAttempt(trx, r.projectId, r.userId, screening, 1, r.now);
      const why: Purpose = { purpose: 'screening', attempt, feedback: screening.feedback };
      if (!(await serveFirstFree(trx, r, await screeningCandidates(trx, r, attempt), why))) {
        throw conflict(
          'screening_unavailable',
          'No gold task of the screening is free for your attempt right now (others are taking them, or the set is too small); try again shortly or ask a project manager.',
        );
      }
      return;
    }
  }
  const monitoring = settings.monitoring;
  if (monitoring && r.stage.type === 'annotate' && monitors(monitoring, r.stage)) {
    // When every gold task is being worked by others, real work goes on; the next ask tries again.
    if (await monitoringDue(trx, r, monitoring)) {
      await serveFirstFree(trx, r, await candidates(trx, r, monitoring.goldSetId), { purpose: 'monitoring' });
    }
  }
}

const monitors = (m: MonitoringSettings, stage: Stage) =>
  m.stageIds.length === 0 || m.stageIds.includes(stage.id);

/** N − 1 real tasks submitted in the stage per monitoring task served: the next one is gold. */
async function monitoringDue(trx: Executor, r: ServeRequest, m: MonitoringSettings) {
  const real = await trx
    .selectFrom('task_workers as w')
    .innerJoin('tasks as t', 't.id', 'w.task_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('w.user_id', '=', r.userId)
    .where('w.stage_id', '=', r.stage.id)
    .where('t.project_id', '=', r.projectId)
    .where('t.gold_task_id', 'is', null)
    .executeTakeFirstOrThrow();
  const served = await trx
    .selectFrom('gold_servings')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('project_id', '=', r.projectId)
    .where('user_id', '=', r.userId)
    .where('stage_id', '=', r.stage.id)
    .where('purpose', '=', 'monitoring')
    .executeTakeFirstOrThrow();
  return Number(real.n) >= (Number(served.n) + 1) * (m.everyN - 1);
}

/** The attempt's set's gold tasks not yet served in it (none once it has served K). */
async function screeningCandidates(trx: Executor, r: ServeRequest, attempt: Attempt) {
  const served = await trx
    .selectFrom('gold_servings')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('attempt_id', '=', attempt.id)
    .executeTakeFirstOrThrow();
  if (Number(served.n) >= attempt.task_count) return [];
  return candidates(trx, r, attempt.gold_set_id, attempt.id);
}

/**
 * The set's gold tasks (not yet in `attemptId`) whose unit no one in the project is working on,
 * in the order to try them: those the caller was served least often first, ties at random.
 */
async function candidates(trx: Executor, r: ServeRequest, goldSetId: string, attemptId?: string) {
  const rows = await trx
    .selectFrom('gold_tasks as g')
    .leftJoin('gold_servings as s', (j) =>
      j
        .onRef('s.gold_task_id', '=', 'g.id')
        .on('s.user_id', '=', r.userId)
        .on('s.project_id', '=', r.projectId),
    )
    .select(['g.id', 'g.data_unit_id', (eb) => eb.fn.count('s.task_id').as('times')])
    .where('g.gold_set_id', '=', goldSetId)
    // A unit with a task in the project is being served to someone else (one task per unit).
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('tasks as t')
            .select('t.id')
            .where('t.project_id', '=', r.projectId)
            .whereRef('t.data_unit_id', '=', 'g.data_unit_id'),
        ),
      ),
    )
    .$if(attemptId !== undefined, (q) =>
      q.where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('gold_servings as a')
              .select('a.task_id')
              .whereRef('a.gold_task_id', '=', 'g.id')
              .where('a.attempt_id', '=', attemptId!),
          ),
        ),
      ),
    )
    .groupBy(['g.id', 'g.data_unit_id'])
    .orderBy('g.id')
    .execute();
  return rows
    .map((g) => ({ id: g.id, data_unit_id: g.data_unit_id, times: Number(g.times), roll: r.random() }))
    .sort((a, b) => a.times - b.times || a.roll - b.roll);
}

/**
 * Serves the first candidate whose unit is still free. Another annotator's ask may take a unit
 * between the read and the insert (on PostgreSQL); the project's one-task-per-unit rule turns the
 * second insert away, and the next candidate is tried.
 */
async function serveFirstFree(
  trx: Executor,
  r: ServeRequest,
  golds: readonly { id: string; data_unit_id: string }[],
  why: Purpose,
) {
  for (const gold of golds) if (await serveGold(trx, r, gold, why)) return true;
  return false;
}

/**
 * A task of its own for the gold task, held by the caller (pinned, so a lapsed lease keeps it
 * theirs); false when the project has a task of that unit already.
 */
async function serveGold(
  trx: Executor,
  r: ServeRequest,
  gold: { id: string; data_unit_id: string },
  why: Purpose,
) {
  const at = nowIso(r.now);
  const taskId = newId(r.now);
  const inserted = await trx
    .insertInto('tasks')
    .values({
      id: taskId,
      project_id: r.projectId,
      data_unit_id: gold.data_unit_id,
      created_at: at,
      stage_id: r.stage.id,
      status: 'assigned',
      assignee_id: r.userId,
      pinned: 1,
      lease_expires_at: nowIso(r.now + r.leaseMinutes * 60_000),
      stage_entered_at: at,
      updated_at: at,
      gold_task_id: gold.id,
    })
    .onConflict((oc) => oc.columns(['project_id', 'data_unit_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await trx
    .insertInto('gold_servings')
    .values({
      task_id: taskId,
      project_id: r.projectId,
      user_id: r.userId,
      gold_task_id: gold.id,
      purpose: why.purpose,
      attempt_id: why.purpose === 'screening' ? why.attempt.id : null,
      stage_id: r.stage.id,
      feedback: why.purpose === 'screening' && why.feedback ? 1 : 0,
      served_at: at,
    })
    .execute();
  await recordTaskEvent(
    trx,
    {
      projectId: r.projectId,
      taskId,
      kind: 'claimed',
      stageId: r.stage.id,
      actorId: r.userId,
      subjectId: r.userId,
      data: { via: 'next' },
    },
    r.now,
  );
  return true;
}
