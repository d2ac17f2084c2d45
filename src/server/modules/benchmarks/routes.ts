import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { ErrorBody, Id, IdParams, Timestamp } from '../../http/schemas.ts';
import {
  addGoldTasks,
  createGoldSet,
  deleteGoldSet,
  GoldSetIn,
  GoldSetPatch,
  GoldTasksIn,
  getGoldSet,
  listGoldSets,
  removeGoldTask,
  updateGoldSet,
} from './gold-sets.ts';
import { BenchmarkReportOut } from './report.ts';
import {
  BenchmarkSettingsOut,
  GoldFeedbackOut,
  GoldSetDetailOut,
  GoldSetOut,
  ScreeningAttemptOut,
  ScreeningStatusOut,
} from './schemas.ts';
import {
  BENCHMARK_TABLES,
  getBenchmarkSettings,
  goldFeedback,
  projectBenchmarkCsv,
  projectBenchmarkReport,
  putBenchmarkSettings,
  retryScreening,
  screeningStatus,
} from './service.ts';
import { BenchmarkSettingsIn } from './settings.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

const ReportQuery = z.strictObject({
  userId: Id.optional().describe('One annotator (workers: only themselves; default for them)'),
  purpose: z.enum(['screening', 'monitoring']).optional(),
  from: Timestamp.optional().describe('Scored at or after'),
  to: Timestamp.optional().describe('Scored before'),
});

export const benchmarkRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/projects/:id/gold-sets',
    {
      config: { action: 'project.manage_benchmark' },
      schema: {
        tags: ['benchmarks'],
        summary: 'The project’s gold sets, with how many gold tasks each holds',
        params: IdParams,
        response: { 200: z.object({ items: z.array(GoldSetOut) }), ...errors },
      },
    },
    (req) => listGoldSets(deps, requireAuth(req), req.params.id),
  );

  app.post(
    '/api/v1/projects/:id/gold-sets',
    {
      config: { action: 'project.manage_benchmark' },
      schema: {
        tags: ['benchmarks'],
        summary: 'Create a gold set (409 name_taken when the project has one of that name)',
        params: IdParams,
        body: GoldSetIn,
        response: { 201: GoldSetOut, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createGoldSet(deps, requireAuth(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/gold-sets/:id',
    {
      config: { action: 'project.manage_benchmark' },
      schema: {
        tags: ['benchmarks'],
        summary: 'A gold set with its gold tasks',
        params: IdParams,
        response: { 200: GoldSetDetailOut, ...errors },
      },
    },
    (req) => getGoldSet(deps, requireAuth(req), req.params.id),
  );

  app.patch(
    '/api/v1/gold-sets/:id',
    {
      config: { action: 'project.manage_benchmark' },
      schema: {
        tags: ['benchmarks'],
        summary: 'Rename a gold set or change its description (409 revision_conflict on a stale revision)',
        params: IdParams,
        body: GoldSetPatch,
        response: { 200: GoldSetDetailOut, ...errors },
      },
    },
    (req) => updateGoldSet(deps, requireAuth(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/gold-sets/:id',
    {
      config: { action: 'project.manage_benchmark' },
      schema: {
        tags: ['benchmarks'],
        summary: 'Delete a gold set (409 gold_set_in_use while screening or monitoring uses it); scores stay',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteGoldSet(deps, requireAuth(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/gold-sets/:id/tasks',
    {
      config: { action: 'project.manage_benchmark' },
      schema: {
        tags: ['benchmarks'],
        summary:
          'Add gold tasks: completed tasks’ main labels (taskIds) or imported labels (items), checked against the project’s ontology; all or nothing',
        params: IdParams,
        body: GoldTasksIn,
        response: { 200: GoldSetDetailOut, ...errors },
      },
    },
    (req) => addGoldTasks(deps, requireAuth(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/gold-sets/:id/tasks/:goldTaskId',
    {
      config: { action: 'project.manage_benchmark' },
      schema: {
        tags: ['benchmarks'],
        summary: 'Remove a gold task from its set',
        params: z.strictObject({ id: Id, goldTaskId: Id }),
        response: { 200: GoldSetDetailOut, ...errors },
      },
    },
    (req) => removeGoldTask(deps, requireAuth(req), req.params.id, req.params.goldTaskId),
  );

  app.get(
    '/api/v1/projects/:id/benchmark-settings',
    {
      config: { action: 'project.manage_benchmark' },
      schema: {
        tags: ['benchmarks'],
        summary: 'The project’s scoring configuration, screening and monitoring',
        params: IdParams,
        response: { 200: BenchmarkSettingsOut, ...errors },
      },
    },
    (req) => getBenchmarkSettings(deps, requireAuth(req), req.params.id),
  );

  app.put(
    '/api/v1/projects/:id/benchmark-settings',
    {
      config: { action: 'project.manage_benchmark' },
      schema: {
        tags: ['benchmarks'],
        summary:
          'Replace the scoring configuration, screening and monitoring (409 revision_conflict unless revision is the current one)',
        params: IdParams,
        body: BenchmarkSettingsIn,
        response: { 200: BenchmarkSettingsOut, ...errors },
      },
    },
    (req) => putBenchmarkSettings(deps, requireAuth(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/projects/:id/screening',
    {
      config: { action: 'benchmark.view_scores' },
      schema: {
        tags: ['benchmarks'],
        summary:
          'Screening attempts: your own, or (managers) everyone’s or one person’s, with the project’s screening rules',
        params: IdParams,
        querystring: z.strictObject({ userId: Id.optional() }),
        response: { 200: ScreeningStatusOut, ...errors },
      },
    },
    (req) => screeningStatus(deps, requireAuth(req), req.params.id, req.query.userId),
  );

  app.post(
    '/api/v1/projects/:id/screening/retry',
    {
      config: { action: 'project.take_screening' },
      schema: {
        tags: ['benchmarks'],
        summary:
          'Start your next screening attempt after a failed one (403 screening_exhausted when none are left)',
        params: IdParams,
        response: { 201: ScreeningAttemptOut, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await retryScreening(deps, requireAuth(req), req.params.id)),
  );

  app.get(
    '/api/v1/projects/:id/benchmark/report',
    {
      config: { action: 'benchmark.view_scores' },
      schema: {
        tags: ['benchmarks'],
        summary:
          'Benchmark scores summed up: distribution, per annotator (flagged below the threshold), per day, worst classes and shapes. Workers get their own only',
        params: IdParams,
        querystring: ReportQuery,
        response: { 200: BenchmarkReportOut, ...errors },
      },
    },
    (req) => projectBenchmarkReport(deps, requireAuth(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/projects/:id/benchmark/report.csv',
    {
      config: { action: 'benchmark.view_scores' },
      schema: {
        tags: ['benchmarks'],
        summary: 'One table of the benchmark report as CSV (RFC 4180): scores, annotators, classes or shapes',
        params: IdParams,
        querystring: ReportQuery.extend({ table: z.enum(BENCHMARK_TABLES) }),
        response: { 200: z.string().describe('text/csv'), ...errors },
      },
    },
    async (req, reply) => {
      const { table, ...filter } = req.query;
      const csv = await projectBenchmarkCsv(deps, requireAuth(req), req.params.id, filter, table);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="benchmark-${table}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/api/v1/tasks/:id/gold-feedback',
    {
      config: { action: 'benchmark.view_scores' },
      schema: {
        tags: ['benchmarks'],
        summary:
          'A scored screening task in training mode: your labels against the gold, with the breakdown (managers: any scored gold task)',
        params: IdParams,
        response: { 200: GoldFeedbackOut, ...errors },
      },
    },
    (req) => goldFeedback(deps, requireAuth(req), req.params.id),
  );
};
