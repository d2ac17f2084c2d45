import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { ErrorBody, IdParams } from '../../http/schemas.ts';
import { ActivityIn, ActivityOut, recordActivity } from './activity.ts';
import { ReportQuery } from './filters.ts';
import { ProjectReportOut, projectReport } from './project-report.ts';
import { TimeQuery, TimeReportOut, timeReport } from './time-report.ts';
import { WorkspaceQuery, WorkspaceReportOut, workspaceReport } from './workspace-report.ts';

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

  app.get(
    '/api/v1/projects/:id/analytics',
    {
      config: { action: 'analytics.view' },
      schema: {
        tags: ['analytics'],
        summary:
          'The project dashboard: tasks and labels counted by day, week, person, stage and class; time per task; review quality; issues; queue depth and a completion forecast. Workers get their own numbers only; another person’s userId is 403 for them',
        params: IdParams,
        querystring: ReportQuery,
        response: { 200: ProjectReportOut, ...errors },
      },
    },
    (req) => projectReport(deps, requireAuth(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/analytics/workspace',
    {
      config: { action: 'analytics.workspace' },
      schema: {
        tags: ['analytics'],
        summary:
          'The workspace report: throughput, utilisation and quality across every project, by day, week, project and person. Workspace Admins see everyone; Workforce Managers the members of the groups they manage',
        querystring: WorkspaceQuery,
        response: { 200: WorkspaceReportOut, ...errors },
      },
    },
    (req) => workspaceReport(deps, requireAuth(req), req.query),
  );
};
