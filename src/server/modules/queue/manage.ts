import { stageById, TERMINAL_STAGE_TYPES } from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { conflict, invalid, notFound, revisionConflict } from '../../http/errors.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';
import { reopenApprovals } from '../reviews/rounds.ts';
import {
  type ActionContext,
  applyAssign,
  applyMove,
  applyPriority,
  applyReopen,
  applyUnassign,
  checkAssign,
  checkMove,
  checkUnassign,
  liveHolder,
  reopenTarget,
  targetStage,
  Workers,
} from './manage-actions.ts';
import { lockTasks, managedProject, projectOfTask, type QueueTask } from './manage-load.ts';
import { presentTask } from './present.ts';
import { findTaskRow, holdsOf } from './queries.ts';

// The manager actions on one task: assign, unassign, priority, move, reopen. Each is one
// transaction: load and check (404, 403, the status gate, the optional revision, the action's
// own refusals), then write the task, its events and one audit row, and answer the task.

interface Optimistic {
  revision?: number | undefined;
}

type Act<T> = (a: ActionContext, task: QueueTask) => Promise<T>;

/** What the audit row keeps of a task, before and after. */
const auditView = (t: QueueTask) => ({
  stageId: t.stage_id,
  status: t.status,
  assigneeId: t.assignee_id,
  priority: t.priority,
  revision: t.revision,
});

async function onTask<T extends Record<string, unknown>>(
  deps: AppDeps,
  ctx: RequestContext,
  taskId: string,
  input: Optimistic,
  action: string,
  act: Act<T>,
) {
  return deps.db.transaction().execute(async (trx) => {
    const projectId = await projectOfTask(trx, taskId);
    const project = await managedProject(trx, ctx, projectId);
    const task = (await lockTasks(trx, deps.dialect, [taskId])).get(taskId);
    if (!task) throw notFound('Task');
    if (input.revision !== undefined && input.revision !== task.revision)
      throw revisionConflict('Task', task.revision);
    const now = deps.clock();
    const a: ActionContext = {
      trx,
      env: { now, random: deps.random, actorId: ctx.user.id },
      workflow: project.workflow,
      workers: new Workers(trx, projectId),
    };
    const detail = await act(a, task);
    const after = (await lockTasks(trx, deps.dialect, [taskId])).get(taskId)!;
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action,
        targetType: 'task',
        targetId: taskId,
        before: auditView(task),
        after: { ...auditView(after), ...detail },
      },
      now,
    );
    return presentOne(trx, project.workflow, taskId, now);
  });
}

async function presentOne(db: Executor, workflow: ActionContext['workflow'], taskId: string, now: number) {
  const row = await findTaskRow(db, taskId);
  if (!row) throw notFound('Task');
  const holds = await holdsOf(db, [taskId]);
  return presentTask(row, workflow, holds.get(taskId) ?? [], now);
}

export function assignTask(
  deps: AppDeps,
  ctx: RequestContext,
  taskId: string,
  input: Optimistic & { userId: string },
) {
  return onTask(deps, ctx, taskId, input, 'task.assign', async (a, task) => {
    const holds = (await holdsOf(a.trx, [task.id])).get(task.id) ?? [];
    const plan = await checkAssign(a, { task, userId: input.userId }, holds, 'userId');
    await applyAssign(a, [plan]);
    return { userId: input.userId, previousHolderId: plan.previous };
  });
}

export function unassignTask(
  deps: AppDeps,
  ctx: RequestContext,
  taskId: string,
  input: Optimistic & { userId?: string | undefined },
) {
  return onTask(deps, ctx, taskId, input, 'task.unassign', async (a, task) => {
    const holds = (await holdsOf(a.trx, [task.id])).get(task.id) ?? [];
    const plan = checkUnassign(a, task, holds, input.userId, true)!;
    await applyUnassign(a, [plan]);
    return { unassigned: plan.holders };
  });
}

export function setTaskPriority(
  deps: AppDeps,
  ctx: RequestContext,
  taskId: string,
  input: Optimistic & { priority: number },
) {
  return onTask(deps, ctx, taskId, input, 'task.set_priority', async (a, task) => {
    await applyPriority(a, [task], input.priority);
    return {};
  });
}

export function moveTask(
  deps: AppDeps,
  ctx: RequestContext,
  taskId: string,
  input: Optimistic & { stageId: string; reason: string },
) {
  return onTask(deps, ctx, taskId, input, 'task.move', async (a, task) => {
    const target = targetStage(a.workflow, input.stageId);
    checkMove(task, target);
    const previous = liveHolder(task, new Date(a.env.now).toISOString());
    await applyMove(a, task, target, input.reason);
    return { reason: input.reason, previousHolderId: previous };
  });
}

export function reopenTask(
  deps: AppDeps,
  ctx: RequestContext,
  taskId: string,
  input: Optimistic & { stageId?: string | undefined; reason?: string | undefined },
) {
  return onTask(deps, ctx, taskId, input, 'task.reopen', async (a, task) => {
    const current = stageById(a.workflow, task.stage_id ?? '');
    if (!current || !TERMINAL_STAGE_TYPES.includes(current.type)) {
      throw conflict('task_not_completed', 'Only a completed task can be reopened.');
    }
    const target =
      input.stageId === undefined ? await reopenTarget(a, task) : targetStage(a.workflow, input.stageId);
    if (TERMINAL_STAGE_TYPES.includes(target.type))
      throw invalid('stageId', 'reopen into a stage where work is done');
    const reason = input.reason ?? '';
    await applyReopen(a, task, target, reason);
    // Reopened for more work: what reviewers approved is open to review again.
    await reopenApprovals(a.trx, task.id, a.env.now);
    return { reason, reopenedInto: target.id };
  });
}
