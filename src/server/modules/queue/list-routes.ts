import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TASK_STATUSES } from '../../../core/queue/index.ts';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { PageQuery, page } from '../../http/pagination.ts';
import { ErrorBody, Id, IdParams } from '../../http/schemas.ts';
import { listQueue, stageCounts } from './list.ts';
import { QueueTaskOut, TaskStatusSchema } from './present.ts';

// The queue tab's reads (project.view_queue: every project role).

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

const QueueQuery = PageQuery.extend({
  stageId: z.string().min(1).max(64).optional(),
  status: TaskStatusSchema.optional().describe('As shown: a lapsed claim is released'),
  assigneeId: z
    .union([z.enum(['none', 'me']), Id])
    .optional()
    .describe('`none`: nobody holds it; `me`: you hold it; or a user id (consensus: one of its holders)'),
  datasetId: Id.optional(),
  kind: z.enum(['image', 'image_group', 'video', 'text']).optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Matches the title, case-insensitively'),
  issues: z
    .enum(['open', 'none'])
    .optional()
    .describe('`open`: tasks with open issues; `none`: tasks without open issues'),
  sort: z
    .enum(['priority', 'name'])
    .default('priority')
    .describe('priority: high first, then id (the order next-task serves); name: title, then id'),
  order: z.enum(['asc', 'desc']).optional().describe('Default: desc for priority, asc for name'),
});

const StageCount = z.object({
  stageId: z.string(),
  total: z.number().int(),
  byStatus: z.object(
    Object.fromEntries(TASK_STATUSES.map((s) => [s, z.number().int()])) as Record<
      (typeof TASK_STATUSES)[number],
      z.ZodNumber
    >,
  ),
});

export const queueListRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/projects/:id/tasks',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['queue'],
        summary:
          'The queue: Admins and Team Managers see every task; others the tasks they hold and those they could claim',
        params: IdParams,
        querystring: QueueQuery,
        response: { 200: page(QueueTaskOut), ...errors },
      },
    },
    (req) => listQueue(deps, requireAuth(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/projects/:id/stages/counts',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['queue'],
        summary: 'Tasks per stage of the current workflow, by status (a lapsed claim counts as released)',
        params: IdParams,
        response: { 200: z.object({ stages: z.array(StageCount) }), ...errors },
      },
    },
    (req) => stageCounts(deps, requireAuth(req), req.params.id),
  );
};
