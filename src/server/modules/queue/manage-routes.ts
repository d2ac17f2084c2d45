import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_PRIORITY, MIN_PRIORITY } from '../../../core/queue/index.ts';
import { STAGE_ID_PATTERN } from '../../../core/workflow/index.ts';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { ErrorBody, Id, IdParams, Revision } from '../../http/schemas.ts';
import { assignTask, moveTask, reopenTask, setTaskPriority, unassignTask } from './manage.ts';
import { bulkUpdateTasks } from './manage-bulk.ts';
import { TaskOut } from './present.ts';

// Routes of the manager actions (project.manage_queue: project Admins and Team Managers).

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const StageId = z.string().regex(STAGE_ID_PATTERN, { error: 'must be a stage id' });
const Priority = z
  .number()
  .int({ error: 'must be a whole number' })
  .min(MIN_PRIORITY)
  .max(MAX_PRIORITY)
  .describe('0–100; higher is served first');
const Reason = z.string().trim().min(1, { error: 'must not be empty' }).max(500);
const MAX_BULK = 1000;

const BulkAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('assign'), userId: Id }),
  z
    .strictObject({
      kind: z.literal('assign_round_robin'),
      userIds: z
        .array(Id)
        .min(1)
        .max(1000)
        .optional()
        .describe('Dealt in this order; those who may not work in a task’s stage are passed over'),
      groupId: Id.optional().describe('Its members, in a stable order'),
    })
    .refine((a) => (a.userIds === undefined) !== (a.groupId === undefined), {
      error: 'name either userIds or groupId',
      path: ['userIds'],
    }),
  z.strictObject({ kind: z.literal('unassign') }),
  z.strictObject({ kind: z.literal('set_priority'), priority: Priority }),
  z.strictObject({ kind: z.literal('move'), stageId: StageId, reason: Reason }),
]);

const BulkBody = z.strictObject({
  taskIds: z
    .array(Id)
    .min(1)
    .max(MAX_BULK)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'must not name a task twice' }),
  action: BulkAction,
});

export const queueManageRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const task = (summary: string, body: z.ZodType) => ({
    config: { action: 'project.manage_queue' },
    schema: { tags: ['queue'], summary, params: IdParams, body, response: { 200: TaskOut, ...errors } },
  });

  app.post(
    '/api/v1/tasks/:id/assign',
    task(
      'Name who holds a task (over anyone’s claim); consensus stages: add a holder',
      z.strictObject({ userId: Id, revision: Revision.optional() }),
    ),
    (req) =>
      assignTask(deps, requireAuth(req), req.params.id, req.body as { userId: string; revision?: number }),
  );

  app.post(
    '/api/v1/tasks/:id/unassign',
    task(
      'Take a task from its holder; consensus stages: name the holder to drop',
      z.strictObject({ userId: Id.optional(), revision: Revision.optional() }),
    ),
    (req) =>
      unassignTask(deps, requireAuth(req), req.params.id, req.body as { userId?: string; revision?: number }),
  );

  app.put(
    '/api/v1/tasks/:id/priority',
    task(
      'Set a task’s priority (0–100)',
      z.strictObject({ priority: Priority, revision: Revision.optional() }),
    ),
    (req) =>
      setTaskPriority(
        deps,
        requireAuth(req),
        req.params.id,
        req.body as { priority: number; revision?: number },
      ),
  );

  app.post(
    '/api/v1/tasks/:id/move',
    task(
      'Move a task to another stage (not a router), with a reason',
      z.strictObject({ stageId: StageId, reason: Reason, revision: Revision.optional() }),
    ),
    (req) =>
      moveTask(
        deps,
        requireAuth(req),
        req.params.id,
        req.body as { stageId: string; reason: string; revision?: number },
      ),
  );

  app.post(
    '/api/v1/tasks/:id/reopen',
    task(
      'Reopen a completed task (default: into the stage it completed from)',
      z.strictObject({
        stageId: StageId.optional(),
        reason: z.string().trim().max(500).optional(),
        revision: Revision.optional(),
      }),
    ),
    (req) =>
      reopenTask(
        deps,
        requireAuth(req),
        req.params.id,
        req.body as { stageId?: string; reason?: string; revision?: number },
      ),
  );

  app.post(
    '/api/v1/projects/:id/tasks/bulk',
    {
      config: { action: 'project.manage_queue' },
      schema: {
        tags: ['queue'],
        summary: 'One manager action over up to 1000 tasks, all or nothing',
        params: IdParams,
        body: BulkBody,
        response: { 200: z.object({ updated: z.number().int() }), ...errors },
      },
    },
    (req) => bulkUpdateTasks(deps, requireAuth(req), req.params.id, req.body),
  );
};
