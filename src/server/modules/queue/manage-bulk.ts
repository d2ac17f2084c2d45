import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';
import {
  type ActionContext,
  applyAssign,
  applyMove,
  applyPriority,
  applyUnassign,
  checkAssign,
  checkMove,
  checkUnassign,
  targetStage,
  type UnassignPlan,
  Workers,
} from './manage-actions.ts';
import { lockTasks, managedProject, type QueueTask } from './manage-load.ts';
import { holdsOf } from './queries.ts';

// One manager action over many tasks, all or nothing: every task is checked before anything is
// written, and the first refusal names the task (`taskIds.<i>`) and leaves every table as it was.

export type BulkAction =
  | { kind: 'assign'; userId: string }
  | { kind: 'assign_round_robin'; userIds?: string[] | undefined; groupId?: string | undefined }
  | { kind: 'unassign' }
  | { kind: 'set_priority'; priority: number }
  | { kind: 'move'; stageId: string; reason: string };

/** Re-throws a refusal about the i-th task as one naming it. */
function aboutTask(i: number, err: unknown): never {
  if (!(err instanceof AppError)) throw err;
  const field = `taskIds.${i}`;
  throw new AppError(err.status, err.code, `${field}: ${err.message}`, field, {
    ...err.details,
    ...(err.field ? { input: err.field } : {}),
  });
}

async function each<T>(tasks: readonly QueueTask[], check: (t: QueueTask, i: number) => Promise<T> | T) {
  const out: T[] = [];
  for (const [i, t] of tasks.entries()) {
    try {
      out.push(await check(t, i));
    } catch (err) {
      aboutTask(i, err);
    }
  }
  return out;
}

/** The people a round-robin deals tasks to, in a stable order. */
async function roundRobinPool(a: ActionContext, action: Extract<BulkAction, { kind: 'assign_round_robin' }>) {
  if (action.userIds) return [...new Set(action.userIds)];
  const group = await a.trx
    .selectFrom('groups')
    .select('id')
    .where('id', '=', action.groupId!)
    .executeTakeFirst();
  if (!group) throw invalid('action.groupId', 'no such group');
  const members = await a.trx
    .selectFrom('group_members')
    .select('user_id')
    .where('group_id', '=', group.id)
    .orderBy('user_id')
    .execute();
  return members.map((m) => m.user_id);
}

/**
 * Deals the tasks out in turn, each to the next person in the pool who may take it (may work
 * in its stage and does not hold it already); a task nobody in the pool may take is refused.
 */
async function planRoundRobin(a: ActionContext, tasks: readonly QueueTask[], pool: readonly string[]) {
  if (pool.length === 0) throw invalid('action', 'the round-robin has nobody to assign to');
  const holds = await holdsOf(
    a.trx,
    tasks.map((t) => t.id),
  );
  let next = 0;
  return each(tasks, async (task) => {
    for (let k = 0; k < pool.length; k++) {
      const at = (next + k) % pool.length;
      try {
        const plan = await checkAssign(a, { task, userId: pool[at]! }, holds.get(task.id) ?? [], 'userId');
        next = (at + 1) % pool.length;
        return plan;
      } catch (err) {
        const passOver =
          err instanceof AppError && (err.code === 'invalid_request' || err.code === 'already_holds');
        if (!passOver) throw err;
      }
    }
    throw invalid('userId', 'nobody in the round-robin may take this task');
  });
}

async function act(a: ActionContext, tasks: readonly QueueTask[], action: BulkAction): Promise<number> {
  switch (action.kind) {
    case 'assign': {
      const holds = await holdsOf(
        a.trx,
        tasks.map((t) => t.id),
      );
      const plans = await each(tasks, (task) =>
        checkAssign(a, { task, userId: action.userId }, holds.get(task.id) ?? [], 'action.userId'),
      );
      await applyAssign(a, plans);
      return plans.length;
    }
    case 'assign_round_robin': {
      const plans = await planRoundRobin(a, tasks, await roundRobinPool(a, action));
      await applyAssign(a, plans);
      return plans.length;
    }
    case 'unassign': {
      const holds = await holdsOf(
        a.trx,
        tasks.map((t) => t.id),
      );
      const plans = await each(tasks, (task) =>
        checkUnassign(a, task, holds.get(task.id) ?? [], undefined, false),
      );
      const held = plans.filter((p): p is UnassignPlan => p !== null);
      await applyUnassign(a, held);
      return held.length;
    }
    case 'set_priority':
      return applyPriority(a, tasks, action.priority);
    case 'move': {
      const target = targetStage(a.workflow, action.stageId, 'action.stageId');
      await each(tasks, (task) => checkMove(task, target));
      for (const task of tasks) await applyMove(a, task, target, action.reason);
      return tasks.length;
    }
  }
}

export function bulkUpdateTasks(
  deps: AppDeps,
  ctx: RequestContext,
  projectId: string,
  input: { taskIds: string[]; action: BulkAction },
) {
  return deps.db.transaction().execute(async (trx) => {
    const project = await managedProject(trx, ctx, projectId);
    const found = await lockTasks(trx, deps.dialect, input.taskIds);
    const tasks = input.taskIds.map((id, i) => {
      const t = found.get(id);
      if (!t || t.project_id !== projectId) throw invalid(`taskIds.${i}`, 'is not a task of this project');
      return t;
    });
    const now = deps.clock();
    const a: ActionContext = {
      trx,
      env: { now, random: deps.random, actorId: ctx.user.id },
      workflow: project.workflow,
      workers: new Workers(trx, projectId),
    };
    const updated = await act(a, tasks, input.action);
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: `task.bulk_${input.action.kind}`,
        targetType: 'project',
        targetId: projectId,
        after: { action: input.action, taskIds: input.taskIds, updated },
      },
      now,
    );
    return { updated };
  });
}
