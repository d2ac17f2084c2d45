import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { ErrorBody, IdParams } from '../../http/schemas.ts';
import { DecideIn, ReviewSheetOut } from './schemas.ts';
import { decideLabels, taskReviews } from './service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const reviewRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/tasks/:id/reviews',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['reviews'],
        summary:
          'The review status of each label of a task (main branch), with what changed since its decision (whoever may see the task)',
        params: IdParams,
        response: { 200: ReviewSheetOut, ...errors },
      },
    },
    (req) => taskReviews(deps, requireAuth(req), req.params.id),
  );

  app.post(
    '/api/v1/tasks/:id/reviews',
    {
      config: { action: 'project.review' },
      schema: {
        tags: ['reviews'],
        summary:
          'Approve or reject labels of a task you hold in a review stage (a rejection needs a reason or a tag; 409 revision_conflict unless labelRevision is the head; 403 own_work on your own submission)',
        params: IdParams,
        body: DecideIn,
        response: { 200: ReviewSheetOut, ...errors },
      },
    },
    (req) => decideLabels(deps, requireAuth(req), req.params.id, req.body),
  );
};
