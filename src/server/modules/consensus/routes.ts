import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { ErrorBody, IdParams } from '../../http/schemas.ts';
import { TaskOut } from '../queue/present.ts';
import { ConsensusRoundOut, ResolveIn } from './schemas.ts';
import { getConsensus, resolveConsensus } from './service.ts';

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
};
