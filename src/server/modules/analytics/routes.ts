import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { ErrorBody, IdParams } from '../../http/schemas.ts';
import { ActivityIn, ActivityOut, recordActivity } from './activity.ts';
import { TimeQuery, TimeReportOut, timeReport } from './time-report.ts';

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

  app.get(
    '/api/v1/projects/:id/analytics/time',
    {
      config: { action: 'analytics.view' },
      schema: {
        tags: ['analytics'],
        summary:
          'Active time per stage and per person (total, mean, median and p90 of the time on a task) and per day. Workers get their own only; another person’s userId is 403 for them',
        params: IdParams,
        querystring: TimeQuery,
        response: { 200: TimeReportOut, ...errors },
      },
    },
    (req) => timeReport(deps, requireAuth(req), req.params.id, req.query),
  );
};
