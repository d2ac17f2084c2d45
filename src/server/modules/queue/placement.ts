import { mayWorkIn, type TaskStatus } from '../../../core/queue/index.ts';
import {
  type Outcome,
  resolveSettings,
  type Stage,
  settleStage,
  stageById,
  TERMINAL_STAGE_TYPES,
  type Workflow,
} from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { recordTaskEvents, type TaskEvent } from './events.ts';
import { isOwnWorkIn } from './own-work.ts';
import { workerById } from './worker.ts';

// Moving a task between stages: the one place that leaves a stage (its holds, skips and lease
// go) and enters another (status, holder, sampling, completion). Every transition — submit,
// approve, reject, a manager's move or reopen, a workflow change — goes through here.

export interface TaskRef {
  id: string;
  project_id: string;
  stage_id: string | null;
}

export interface QueueEnv {
  now: number;
  random: () => number;
  /** Who caused the transition (null: the system). */
  actorId: string | null;
}

/** Who holds the task in the stage it enters. */
export type NextHolder =
  | { kind: 'none' }
  | { kind: 'user'; userId: string; field: string }
  /** The person who last submitted the task, if they may work there (rejections). */
  | { kind: 'last_submitter' };

export interface Entry {
  stageId: string;
  status: TaskStatus;
  holder: NextHolder;
  /** The event that sends the task (submitted, moved…): written first, its to_stage_id the final stage. */
  cause?: TaskEvent | undefined;
  /** Events that belong right after the cause (what the cause set off, like a consensus closing). */
  also?: readonly TaskEvent[] | undefined;
  /** The consensus labels were auto-accepted: consensus review stages pass the task on as approved. */
  consensusAccepted?: boolean | undefined;
}

/**
 * Resolves a named holder: they must exist, be active and be allowed to work in the stage — and,
 * in a review stage that bars self review, not have submitted the task themselves (they could
 * not decide on it; a rejection sent on to such a stage leaves it unassigned instead).
 */
async function resolveHolder(trx: Executor, task: TaskRef, stage: Stage, holder: NextHolder) {
  if (holder.kind === 'none') return null;
  if (holder.kind === 'user') {
    const worker = await workerById(trx, holder.userId, task.project_id);
    if (!worker || !mayWorkIn(stage, worker)) {
      throw invalid(holder.field, `that user may not work in stage “${stage.name}”`);
    }
    if (await isOwnWorkIn(trx, stage, task.id, holder.userId)) {
      throw invalid(holder.field, `that user submitted this task; stage “${stage.name}” bars self review`);
    }
    return holder.userId;
  }
  const last = await trx
    .selectFrom('task_events')
    .select('actor_id')
    .where('task_id', '=', task.id)
    .where('kind', '=', 'submitted')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last?.actor_id) return null;
  const worker = await workerById(trx, last.actor_id, task.project_id);
  if (!worker || !mayWorkIn(stage, worker)) return null;
  return (await isOwnWorkIn(trx, stage, task.id, last.actor_id)) ? null : last.actor_id;
}

/**
 * Puts `task` into `entry.stageId`. Review sampling may pass it on as approved (recorded as
 * `sampled_out`), as does a consensus review stage when the consensus was auto-accepted
 * (`consensus_accepted`); a terminal stage completes it. Returns the stage it finally rests in.
 */
export async function enterStage(
  trx: Executor,
  env: QueueEnv,
  workflow: Workflow,
  task: TaskRef,
  entry: Entry,
): Promise<string> {
  const events: TaskEvent[] = [...(entry.cause ? [entry.cause] : []), ...(entry.also ?? [])];
  let { stageId, status, holder } = entry;
  for (let hops = 0; ; hops++) {
    const stage = stageById(workflow, stageId);
    if (!stage || stage.type === 'router' || hops > workflow.stages.length) {
      throw new AppError(
        409,
        'workflow_dead_end',
        `The workflow has no place for this task after “${stageId}”.`,
      );
    }
    const { sampleRate } = resolveSettings(stage);
    const sampledOut = stage.type === 'review' && sampleRate < 100 && env.random() * 100 >= sampleRate;
    const accepted = stage.type === 'consensus_review' && entry.consensusAccepted === true;
    if (sampledOut || accepted) {
      events.push({
        projectId: task.project_id,
        taskId: task.id,
        kind: accepted ? 'consensus_accepted' : 'sampled_out',
        stageId,
        toStageId: null,
        actorId: null,
        data: accepted ? {} : { sampleRate },
      });
      const after = settleStage(workflow, stageId, 'approved', () => ({ roll: env.random() }));
      if (after === null) continue; // caught as a dead end above on the next pass
      events[events.length - 1]!.toStageId = after;
      stageId = after;
      status = 'new';
      continue;
    }
    await leaveStage(trx, task);
    const terminal = TERMINAL_STAGE_TYPES.includes(stage.type);
    const holderId = terminal ? null : await resolveHolder(trx, task, stage, holder);
    const consensus = stage.type === 'consensus';
    const finalStatus: TaskStatus = terminal
      ? 'completed'
      : holderId && status === 'new'
        ? 'assigned'
        : status;
    const at = nowIso(env.now);
    await trx
      .updateTable('tasks')
      .set((eb) => ({
        stage_id: stageId,
        status: finalStatus,
        assignee_id: consensus ? null : holderId,
        pinned: holderId && !consensus ? 1 : 0,
        lease_expires_at: null,
        stage_entered_at: at,
        updated_at: at,
        revision: eb('revision', '+', 1),
      }))
      .where('id', '=', task.id)
      .execute();
    if (holderId && consensus) {
      await trx
        .insertInto('task_holds')
        .values({
          task_id: task.id,
          user_id: holderId,
          stage_id: stageId,
          state: 'active',
          pinned: 1,
          lease_expires_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    if (holderId) {
      events.push({
        projectId: task.project_id,
        taskId: task.id,
        kind: 'assigned',
        stageId,
        actorId: env.actorId,
        subjectId: holderId,
        data: { by: holder.kind },
      });
    }
    if (terminal) {
      events.push({
        projectId: task.project_id,
        taskId: task.id,
        kind: 'completed',
        stageId,
        actorId: env.actorId,
      });
    }
    if (entry.cause) entry.cause.toStageId = stageId;
    await recordTaskEvents(trx, events, env.now);
    task.stage_id = stageId;
    return stageId;
  }
}

/** Clears what belonged to the task's stay in its current stage: holds, skips. */
async function leaveStage(trx: Executor, task: TaskRef) {
  await trx.deleteFrom('task_holds').where('task_id', '=', task.id).execute();
  await trx.deleteFrom('task_skips').where('task_id', '=', task.id).execute();
}

/**
 * After `outcome` in the task's stage: follows the workflow (through routers, which pick by the
 * worker and a roll) and enters the stage it leads to. Returns that stage.
 */
export async function advance(
  trx: Executor,
  env: QueueEnv,
  workflow: Workflow,
  task: TaskRef,
  outcome: Outcome,
  holder: NextHolder,
  worker: { userId: string; groupIds: readonly string[] } | null,
  cause?: TaskEvent,
  extra: Pick<Entry, 'also' | 'consensusAccepted'> = {},
): Promise<string> {
  const from = task.stage_id ?? '';
  const to = settleStage(workflow, from, outcome, () => ({
    roll: env.random(),
    userId: worker?.userId,
    groupIds: worker?.groupIds,
  }));
  if (to === null) {
    throw new AppError(
      409,
      'workflow_dead_end',
      `Stage “${from}” has no ${outcome} edge this task can follow.`,
    );
  }
  return enterStage(trx, env, workflow, task, {
    stageId: to,
    status: outcome === 'rejected' ? 'reopened' : 'new',
    holder,
    cause,
    ...extra,
  });
}
