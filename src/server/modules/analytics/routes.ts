import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { ErrorBody, IdParams } from '../../http/schemas.ts';
import { ActivityIn, ActivityOut, recordActivity } from './activity.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const analyticsRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/tasks/:id/activity',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['analytics'],
        summary:
          'Report active time on a task you hold: the spans the editor’s clock ran (idle after a minute without input, stopped while the tab is hidden); each moment of yours is counted once, across tabs',
        params: IdParams,
        body: ActivityIn,
        response: { 200: ActivityOut, ...errors },
      },
    },
    (req) => recordActivity(deps, requireAuth(req), req.params.id, req.body),
  );
};
