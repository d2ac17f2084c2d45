import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { ErrorBody, IdParams } from '../../http/schemas.ts';
import { TaskOut } from '../queue/present.ts';
import { AgreementReportOut } from './report.ts';
import { AGREEMENT_TABLES } from './report-csv.ts';
import { ConsensusRoundOut, ResolveIn } from './schemas.ts';
import { getConsensus, projectAgreement, projectAgreementCsv, resolveConsensus } from './service.ts';

const StageQuery = z.strictObject({
  stageId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('A consensus stage of the current workflow (default: the first)'),
});

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const consensusRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/tasks/:id/consensus',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['consensus'],
        summary:
          'The task’s latest consensus round: every annotator’s branch, their agreement, the consensus labels and any resolution (managers, consensus reviewers of the task’s stage, and its resolver; 404 no_consensus before its first)',
        params: IdParams,
        response: { 200: ConsensusRoundOut, ...errors },
      },
    },
    (req) => getConsensus(deps, requireAuth(req), req.params.id),
  );

  app.post(
    '/api/v1/tasks/:id/consensus/resolve',
    {
      config: { action: 'project.review' },
      schema: {
        tags: ['consensus'],
        summary:
          'Settle a task you hold in a consensus review stage: the labels become the main branch’s next revision, each annotator is scored against them, and the task is approved onward (409 revision_conflict unless made from the head; 409 round_changed unless roundId is the latest)',
        params: IdParams,
        body: ResolveIn,
        response: { 200: TaskOut, ...errors },
      },
    },
    (req) => resolveConsensus(deps, requireAuth(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/projects/:id/agreement',
    {
      config: { action: 'project.view_agreement' },
      schema: {
        tags: ['consensus'],
        summary:
          'The agreement report of a consensus stage: task-level distribution, Krippendorff’s alpha per question and per class, per-annotator agreement (with the others and with the resolved labels), the most disputed tasks',
        params: IdParams,
        querystring: StageQuery,
        response: { 200: AgreementReportOut, ...errors },
      },
    },
    (req) => projectAgreement(deps, requireAuth(req), req.params.id, req.query.stageId),
  );

  app.get(
    '/api/v1/projects/:id/agreement.csv',
    {
      config: { action: 'project.view_agreement' },
      schema: {
        tags: ['consensus'],
        summary: 'One table of the agreement report as CSV (RFC 4180)',
        params: IdParams,
        querystring: StageQuery.extend({
          table: z.enum(AGREEMENT_TABLES).describe('tasks, annotators, questions or classes'),
        }),
        response: { 200: z.string().describe('text/csv'), ...errors },
      },
    },
    async (req, reply) => {
      const csv = await projectAgreementCsv(
        deps,
        requireAuth(req),
        req.params.id,
        req.query.stageId,
        req.query.table,
      );
      const name = `agreement-${req.query.table}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(csv);
    },
  );
};
