import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { ErrorBody, Id, IdParams } from '../../http/schemas.ts';
import { DataUnitOut } from '../datasets/present.ts';
import { withIssueCounts } from '../issues/service.ts';
import { ProjectStatusSchema } from '../projects/present.ts';
import { IssueTags } from '../reviews/schemas.ts';
import { TaskIssueCounts, TaskOut } from './present.ts';
import {
  claimTask,
  finishTask,
  getTask,
  heartbeat,
  nextTask,
  releaseTask,
  skipTask,
  taskEvents,
} from './work.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const StageParams = z.strictObject({ id: Id, stageId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

const TaskDetailOut = TaskOut.extend({
  ...TaskIssueCounts,
  projectStatus: ProjectStatusSchema,
  dataUnit: DataUnitOut,
  mine: z.boolean().describe('You hold the task now'),
  actions: z
    .array(z.enum(['claim', 'submit', 'skip', 'release', 'approve', 'reject']))
    .describe('What you may do with the task now'),
}).meta({ id: 'TaskDetail' });

const TaskEventOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    stageId: z.string().nullable(),
    toStageId: z.string().nullable(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    subjectId: z.string().nullable(),
    subjectName: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .meta({ id: 'TaskEvent' });

// Bodies are optional: a bare POST submits, approves or rejects with the defaults.
const Finish = z.strictObject({
  nextHolderId: Id.optional().describe('Who holds the task in the stage it goes to'),
  keepHolder: z.boolean().optional().describe('You hold it in the stage it goes to'),
});

export const queueWorkRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/projects/:id/stages/:stageId/next',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['queue'],
        summary:
          'Claim your next task in a stage: one you hold or were assigned, else the eligible task of highest priority (204 when none)',
        params: StageParams,
        response: { 200: TaskOut, 204: z.null().describe('Nothing to do in this stage now'), ...errors },
      },
    },
    async (req, reply) => {
      const task = await nextTask(deps, requireAuth(req), req.params.id, req.params.stageId);
      return task ?? reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/tasks/:id',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['queue'],
        summary:
          'A task with its data unit and what you may do with it (workers: tasks they hold, could claim, or worked on; Annotators and Reviewers only while In progress)',
        params: IdParams,
        response: { 200: TaskDetailOut, ...errors },
      },
    },
    async (req) => withIssueCounts(deps.db, await getTask(deps, requireAuth(req), req.params.id)),
  );

  app.get(
    '/api/v1/tasks/:id/events',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['queue'],
        summary: 'The task’s history, oldest first (whoever may see the task)',
        params: IdParams,
        response: { 200: z.object({ items: z.array(TaskEventOut) }), ...errors },
      },
    },
    (req) => taskEvents(deps, requireAuth(req), req.params.id),
  );

  app.post(
    '/api/v1/tasks/:id/claim',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['queue'],
        summary: 'Open a task from the queue: claim it if it is eligible for you (409 task_not_available)',
        params: IdParams,
        response: { 200: TaskDetailOut, ...errors },
      },
    },
    async (req) => withIssueCounts(deps.db, await claimTask(deps, requireAuth(req), req.params.id)),
  );

  app.post(
    '/api/v1/tasks/:id/heartbeat',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['queue'],
        summary: 'Renew your claim’s lease while you work (409 task_not_held)',
        params: IdParams,
        response: { 200: z.object({ leaseExpiresAt: z.string() }), ...errors },
      },
    },
    (req) => heartbeat(deps, requireAuth(req), req.params.id),
  );

  app.post(
    '/api/v1/tasks/:id/release',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['queue'],
        summary: 'Give a task you hold back to the pool',
        params: IdParams,
        response: { 200: TaskOut, ...errors },
      },
    },
    (req) => releaseTask(deps, requireAuth(req), req.params.id),
  );

  app.post(
    '/api/v1/tasks/:id/skip',
    {
      config: { action: 'project.annotate' },
      schema: {
        tags: ['queue'],
        summary: 'Skip a task you hold: it goes to the back of your queue and stays available to others',
        params: IdParams,
        body: z.strictObject({ reason: z.string().trim().max(500).default('') }).nullish(),
        response: { 200: TaskOut, ...errors },
      },
    },
    (req) => skipTask(deps, requireAuth(req), req.params.id, req.body?.reason ?? ''),
  );

  app.post(
    '/api/v1/tasks/:id/submit',
    {
      config: { action: 'project.annotate' },
      schema: {
        tags: ['queue'],
        summary: 'Submit a task you hold in an annotate or consensus stage; it moves on along the workflow',
        params: IdParams,
        body: Finish.nullish(),
        response: { 200: TaskOut, ...errors },
      },
    },
    (req) => finishTask(deps, requireAuth(req), req.params.id, 'done', req.body ?? {}),
  );

  app.post(
    '/api/v1/tasks/:id/approve',
    {
      config: { action: 'project.review' },
      schema: {
        tags: ['queue'],
        summary:
          'Approve a task you hold in a review stage; labels still pending are approved with it (409 labels_rejected while a label rejected in this review stands)',
        params: IdParams,
        body: Finish.nullish(),
        response: { 200: TaskOut, ...errors },
      },
    },
    (req) => finishTask(deps, requireAuth(req), req.params.id, 'approved', req.body ?? {}),
  );

  app.post(
    '/api/v1/tasks/:id/reject',
    {
      config: { action: 'project.review' },
      schema: {
        tags: ['queue'],
        summary:
          'Reject a task you hold in a review stage: it follows the rejected edge, Reopened, back to its last annotator where possible. Needs a reason (a label rejected via POST /tasks/{id}/reviews, or a note or tags: else 400 reason_required); labels still pending are rejected with the note, and the reasons become open issues (see docs/reviews.md)',
        params: IdParams,
        body: Finish.extend({
          note: z.string().trim().max(2000).optional().describe('Why: becomes a task-level issue'),
          tags: IssueTags.optional().describe('Rejection reasons from the project’s list (issue tags)'),
        }).nullish(),
        response: { 200: TaskOut, ...errors },
      },
    },
    (req) => finishTask(deps, requireAuth(req), req.params.id, 'rejected', req.body ?? {}),
  );
};
