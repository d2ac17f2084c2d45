import { resolveSettings, type Stage, stageById } from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import type { AppDeps } from '../../deps.ts';
import { advance } from '../queue/placement.ts';
import { findTaskRow } from '../queue/queries.ts';
import { lockTaskActions, lockTaskRow } from '../queue/task-locks.ts';
import { workflowAt } from '../queue/workflow-store.ts';
import { closeConsensusRound, pastDeadline } from './close.ts';

// Consensus deadlines: a task that has waited in a consensus stage past the stage's deadline
// moves on with the branches that are in, once there are at least the stage's minimum. A
// submission after the deadline does the same (queue/work.ts); this sweep covers the tasks
// nobody touches again.

const BATCH = 200;

/** The consensus stages with a deadline in each project's current workflow. */
async function stagesWithDeadlines(db: Executor) {
  const projects = await db.selectFrom('projects').select(['id', 'workflow_version']).execute();
  const found: { projectId: string; workflowVersion: number; stage: Stage }[] = [];
  for (const p of projects) {
    const workflow = await workflowAt(db, p.id, p.workflow_version);
    for (const stage of workflow?.stages ?? []) {
      if (stage.type === 'consensus' && resolveSettings(stage).deadlineHours !== null)
        found.push({ projectId: p.id, workflowVersion: p.workflow_version, stage });
    }
  }
  return found;
}

const submittedCount = async (db: Executor, taskId: string) =>
  Number(
    (
      await db
        .selectFrom('task_holds')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('task_id', '=', taskId)
        .where('state', '=', 'submitted')
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Closes one overdue task in its own transaction; false when it no longer qualifies. */
async function closeOverdue(deps: AppDeps, projectId: string, version: number, taskId: string, now: number) {
  return deps.db.transaction().execute(async (trx) => {
    await lockTaskActions(trx, deps.dialect, taskId);
    await lockTaskRow(trx, deps.dialect, taskId, 'exclusive');
    const row = await findTaskRow(trx, taskId);
    const workflow = await workflowAt(trx, projectId, version);
    const stage = row && workflow ? stageById(workflow, row.stage_id ?? '') : undefined;
    if (!row || !workflow || stage?.type !== 'consensus') return false;
    if (!pastDeadline(stage, row.stage_entered_at, now)) return false;
    if ((await submittedCount(trx, taskId)) < resolveSettings(stage).minimumToProceed) return false;
    const round = await closeConsensusRound(trx, row, stage, 'deadline', null, now);
    const env = { now, random: deps.random, actorId: null };
    await advance(trx, env, workflow, row, 'done', { kind: 'none' }, null, round.event, {
      consensusAccepted: round.accepted,
    });
    return true;
  });
}

/** Moves on every consensus task past its stage's deadline with enough branches in; returns how many. */
export async function closeOverdueConsensus(deps: AppDeps, now: number): Promise<number> {
  let closed = 0;
  for (const { projectId, workflowVersion, stage } of await stagesWithDeadlines(deps.db)) {
    const { deadlineHours, minimumToProceed } = resolveSettings(stage);
    const enteredBefore = nowIso(now - deadlineHours! * 3_600_000);
    for (let after = ''; ; ) {
      const candidates = await deps.db
        .selectFrom('tasks')
        .select('id')
        .where('project_id', '=', projectId)
        .where('stage_id', '=', stage.id)
        .where('stage_entered_at', '<=', enteredBefore)
        .where('id', '>', after)
        .where((eb) =>
          eb(
            eb
              .selectFrom('task_holds as h')
              .select((e) => e.fn.countAll().as('n'))
              .whereRef('h.task_id', '=', 'tasks.id')
              .where('h.state', '=', 'submitted'),
            '>=',
            minimumToProceed,
          ),
        )
        .orderBy('id')
        .limit(BATCH)
        .execute();
      for (const { id } of candidates) {
        if (await closeOverdue(deps, projectId, workflowVersion, id, now)) closed++;
      }
      if (candidates.length < BATCH) break;
      after = candidates[candidates.length - 1]!.id;
    }
  }
  return closed;
}
