import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { PageQuery, page } from '../../http/pagination.ts';
import { ErrorBody, Id, IdParams, Ok, Revision } from '../../http/schemas.ts';
import { GroupMemberOut, GroupOut, ManagerOut } from './present.ts';
import {
  addManagers,
  addMembers,
  createGroup,
  deleteGroup,
  getGroup,
  listGroupManagers,
  listGroupMembers,
  listVisibleGroups,
  removeManager,
  removeMember,
  updateGroup,
} from './service.ts';

const GroupName = z.string().trim().min(1, { error: 'must not be empty' }).max(80);
const GroupDescription = z.string().trim().max(500);
const UserIds = z
  .array(Id)
  .min(1)
  .max(500)
  .refine((ids) => new Set(ids).size === ids.length, { error: 'must not name a user twice' });
const GroupUserParams = z.strictObject({ id: Id, userId: Id });
const Added = z.object({ added: z.number().int().describe('How many were not already there') });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const groupRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/groups',
    {
      config: { action: 'group.list' },
      schema: {
        tags: ['groups'],
        summary: 'User groups you may see, by name; search by name or description',
        querystring: PageQuery.extend({
          q: z
            .string()
            .trim()
            .min(1)
            .max(100)
            .optional()
            .describe('Matches name or description, case-insensitively'),
        }),
        response: { 200: page(GroupOut), ...errors },
      },
    },
    (req) => listVisibleGroups(deps, requireAuth(req), req.query),
  );

  app.post(
    '/api/v1/groups',
    {
      config: { action: 'group.create' },
      schema: {
        tags: ['groups'],
        summary: 'Create a group; you become one of its managers',
        body: z.strictObject({ name: GroupName, description: GroupDescription.optional() }),
        response: { 201: GroupOut, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createGroup(deps, requireAuth(req), req.body)),
  );

  app.get(
    '/api/v1/groups/:id',
    {
      config: { action: 'group.read' },
      schema: {
        tags: ['groups'],
        summary: 'One group',
        params: IdParams,
        response: { 200: GroupOut, ...errors },
      },
    },
    (req) => getGroup(deps, requireAuth(req), req.params.id),
  );

  app.patch(
    '/api/v1/groups/:id',
    {
      config: { action: 'group.update' },
      schema: {
        tags: ['groups'],
        summary: 'Rename a group or change its description',
        params: IdParams,
        body: z.strictObject({
          name: GroupName.optional(),
          description: GroupDescription.optional(),
          revision: Revision,
        }),
        response: { 200: GroupOut, ...errors },
      },
    },
    (req) => updateGroup(deps, requireAuth(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/groups/:id',
    {
      config: { action: 'group.delete' },
      schema: {
        tags: ['groups'],
        summary: 'Delete a group and its memberships (the users stay)',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    (req) => deleteGroup(deps, requireAuth(req), req.params.id),
  );

  app.get(
    '/api/v1/groups/:id/members',
    {
      config: { action: 'group.read' },
      schema: {
        tags: ['groups'],
        summary: 'A group’s members you may see, by email',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: page(GroupMemberOut), ...errors },
      },
    },
    (req) => listGroupMembers(deps, requireAuth(req), req.params.id, req.query),
  );

  app.post(
    '/api/v1/groups/:id/members',
    {
      config: { action: 'group.manage_members' },
      schema: {
        tags: ['groups'],
        summary: 'Add active users to a group (those already in it are skipped)',
        params: IdParams,
        body: z.strictObject({ userIds: UserIds }),
        response: { 200: Added, ...errors },
      },
    },
    (req) => addMembers(deps, requireAuth(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/groups/:id/members/:userId',
    {
      config: { action: 'group.manage_members' },
      schema: {
        tags: ['groups'],
        summary: 'Remove a member from a group',
        params: GroupUserParams,
        response: { 200: Ok, ...errors },
      },
    },
    (req) => removeMember(deps, requireAuth(req), req.params.id, req.params.userId),
  );

  app.get(
    '/api/v1/groups/:id/managers',
    {
      config: { action: 'group.see_managers' },
      schema: {
        tags: ['groups'],
        summary: 'Who manages a group, by email',
        params: IdParams,
        response: { 200: z.array(ManagerOut), ...errors },
      },
    },
    (req) => listGroupManagers(deps, requireAuth(req), req.params.id),
  );

  app.post(
    '/api/v1/groups/:id/managers',
    {
      config: { action: 'group.manage_managers' },
      schema: {
        tags: ['groups'],
        summary: 'Make active Admins or Workforce Managers managers of a group',
        params: IdParams,
        body: z.strictObject({ userIds: UserIds }),
        response: { 200: Added, ...errors },
      },
    },
    (req) => addManagers(deps, requireAuth(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/groups/:id/managers/:userId',
    {
      config: { action: 'group.manage_managers' },
      schema: {
        tags: ['groups'],
        summary: 'Stop a user managing a group',
        params: GroupUserParams,
        response: { 200: Ok, ...errors },
      },
    },
    (req) => removeManager(deps, requireAuth(req), req.params.id, req.params.userId),
  );
};
