import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { PageQuery, page } from '../../http/pagination.ts';
import { ErrorBody, Id, IdParams, Revision } from '../../http/schemas.ts';
import { IssueCommentOut, IssueOut } from './present.ts';
import {
  commentOnIssue,
  createIssue,
  getIssue,
  getIssueTags,
  listMyIssues,
  listProjectIssues,
  putIssueTags,
  updateIssue,
} from './service.ts';

// Issues on tasks, their comment threads, and each project's list of issue tags. The services
// decide who may see and change what; these schemas refuse malformed input before they run.

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

const Body = z.string().trim().min(1, { error: 'must not be empty' }).max(5000);
const TagName = z.string().trim().min(1, { error: 'must not be empty' }).max(50);
const Tags = z.array(TagName).max(10).describe('At most 10; duplicates are kept once');
const Mentions = z.array(Id).max(50).describe('Users @mentioned: active members of the project');
const IssueStatus = z.enum(['open', 'resolved']);

const NewIssueBody = z.strictObject({
  body: Body,
  tags: Tags.optional(),
  labelId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('An object id, or classification:<featureId>, of the task’s main-branch labels'),
  frameStart: z.number().int().min(0).max(2_147_483_647).optional(),
  frameEnd: z.number().int().min(0).max(2_147_483_647).optional().describe('Default: frameStart'),
  pin: z.strictObject({ x: z.number(), y: z.number() }).optional().describe('A point, in image pixels'),
  assigneeId: Id.optional().describe('An active member of the project'),
  mentions: Mentions.optional(),
});

const IssueDetailOut = IssueOut.extend({
  comments: z.array(IssueCommentOut).describe('Oldest first (the first 1000)'),
}).meta({ id: 'IssueDetail' });

const ProjectIssueQuery = PageQuery.extend({
  status: IssueStatus.optional(),
  assigneeId: z
    .union([z.enum(['me', 'none']), Id])
    .optional()
    .describe('A user id, `me`, or `none`'),
  authorId: z
    .union([z.literal('me'), Id])
    .optional()
    .describe('A user id or `me`'),
  stageId: z.string().min(1).max(64).optional().describe('The stage the task was in when it was raised'),
  taskId: Id.optional(),
  labelId: z.string().min(1).max(200).optional(),
});

const MyIssueQuery = PageQuery.extend({
  involvement: z.enum(['assigned', 'authored', 'mentioned']).optional().describe('Default: any of the three'),
  status: IssueStatus.optional(),
});

const IssueTagsOut = z.object({ items: z.array(z.object({ name: z.string() })) });

export const issueRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/tasks/:id/issues',
    {
      config: { action: 'project.raise_issue' },
      schema: {
        tags: ['issues'],
        summary:
          'Raise an issue on a task you may see: on the task, one of its labels, a frame range or a point',
        params: IdParams,
        body: NewIssueBody,
        response: { 201: IssueOut, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createIssue(deps, requireAuth(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/issues/:id',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['issues'],
        summary:
          'An issue with its comments (managers: any of their projects’; others: issues involving them)',
        params: IdParams,
        response: { 200: IssueDetailOut, ...errors },
      },
    },
    (req) => getIssue(deps, requireAuth(req), req.params.id),
  );

  app.post(
    '/api/v1/issues/:id/comments',
    {
      config: { action: 'project.raise_issue' },
      schema: {
        tags: ['issues'],
        summary: 'Comment on an issue you may see, @mentioning project members',
        params: IdParams,
        body: z.strictObject({ body: Body, mentions: Mentions.optional() }),
        response: { 201: IssueCommentOut, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await commentOnIssue(deps, requireAuth(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/v1/issues/:id',
    {
      config: { action: 'issue.update' },
      schema: {
        tags: ['issues'],
        summary:
          'Resolve, reopen, reassign or retag an issue (its author, its assignee, managers; 409 revision_conflict on a stale revision)',
        params: IdParams,
        body: z.strictObject({
          revision: Revision,
          status: IssueStatus.optional(),
          assigneeId: Id.nullable().optional().describe('null: unassign'),
          tags: Tags.optional(),
        }),
        response: { 200: IssueOut, ...errors },
      },
    },
    (req) => updateIssue(deps, requireAuth(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/projects/:id/issues',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['issues'],
        summary:
          'A project’s issues, newest first (managers: all; others: those they raised, are assigned or mentioned in, or on tasks they hold or worked on)',
        params: IdParams,
        querystring: ProjectIssueQuery,
        response: { 200: page(IssueOut), ...errors },
      },
    },
    (req) => listProjectIssues(deps, requireAuth(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/issues',
    {
      config: { action: 'issue.list' },
      schema: {
        tags: ['issues'],
        summary:
          'Your issues across projects, newest first: assigned to you, raised by you, or mentioning you',
        querystring: MyIssueQuery,
        response: { 200: page(IssueOut), ...errors },
      },
    },
    (req) => listMyIssues(deps, requireAuth(req), req.query),
  );

  app.get(
    '/api/v1/projects/:id/issue-tags',
    {
      config: { action: 'project.read' },
      schema: {
        tags: ['issues'],
        summary: 'The project’s issue tags: the common rejection reasons reviewers pick from',
        params: IdParams,
        response: { 200: IssueTagsOut, ...errors },
      },
    },
    (req) => getIssueTags(deps, requireAuth(req), req.params.id),
  );

  app.put(
    '/api/v1/projects/:id/issue-tags',
    {
      config: { action: 'project.manage_issue_tags' },
      schema: {
        tags: ['issues'],
        summary: 'Replace the project’s issue tags (Admins and Team Managers)',
        params: IdParams,
        body: z.strictObject({ names: z.array(TagName).max(100).describe('Duplicates are kept once') }),
        response: { 200: IssueTagsOut, ...errors },
      },
    },
    (req) => putIssueTags(deps, requireAuth(req), req.params.id, req.body.names),
  );
};
