import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { anonymousContext, requireAuth } from '../../http/context.ts';
import { PageQuery, page } from '../../http/pagination.ts';
import { Email, ErrorBody, Id, IdParams, Password, PersonName, Revision, Role } from '../../http/schemas.ts';
import { setSessionCookie } from '../auth/sessions.ts';
import { presentUser, UserOut } from './present.ts';
import {
  acceptInvite,
  changeRole,
  getUser,
  inspectInvite,
  inviteUser,
  listInvites,
  listWorkspaceUsers,
  revokeInvite,
  setActive,
} from './service.ts';

const InviteOut = z
  .object({
    id: z.string(),
    email: z.string(),
    role: Role,
    invitedBy: z.string(),
    invitedByEmail: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'Invite' });
const InviteToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'is not an invite token' });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const EmptyBody = z.strictObject({}).optional();

export const userRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/users',
    {
      config: { action: 'user.list' },
      schema: {
        tags: ['users'],
        summary: 'Workspace users you may see, by email; search by name or email',
        querystring: PageQuery.extend({
          q: z
            .string()
            .trim()
            .min(1)
            .max(100)
            .optional()
            .describe('Matches name or email, case-insensitively'),
          role: Role.optional(),
          status: z.enum(['active', 'deactivated']).optional(),
          groupId: Id.optional().describe('Only members of this group'),
        }),
        response: { 200: page(UserOut), ...errors },
      },
    },
    (req) => listWorkspaceUsers(deps, requireAuth(req), req.query),
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { action: 'user.read' },
      schema: {
        tags: ['users'],
        summary: 'One user',
        params: IdParams,
        response: { 200: UserOut, ...errors },
      },
    },
    (req) => getUser(deps, requireAuth(req), req.params.id),
  );

  app.patch(
    '/api/v1/users/:id/role',
    {
      config: { action: 'user.change_role' },
      schema: {
        tags: ['users'],
        summary: 'Change a user’s workspace role (the last active Admin cannot be demoted)',
        params: IdParams,
        body: z.strictObject({ role: Role, revision: Revision }),
        response: { 200: UserOut, ...errors },
      },
    },
    (req) => changeRole(deps, requireAuth(req), req.params.id, req.body),
  );

  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/api/v1/users/:id/${verb}`,
      {
        config: { action: `user.${verb}` },
        schema: {
          tags: ['users'],
          summary: active
            ? 'Reactivate a deactivated user'
            : 'Deactivate a user: they are signed out and cannot sign in; their history stays',
          params: IdParams,
          body: EmptyBody,
          response: { 200: UserOut, ...errors },
        },
      },
      (req) => setActive(deps, requireAuth(req), req.params.id, active),
    );
  }

  app.get(
    '/api/v1/invites',
    {
      config: { action: 'invite.list' },
      schema: {
        tags: ['users'],
        summary: 'Pending invites you may manage, newest first',
        querystring: PageQuery,
        response: { 200: page(InviteOut), ...errors },
      },
    },
    (req) => listInvites(deps, requireAuth(req), req.query),
  );

  app.post(
    '/api/v1/invites',
    {
      config: { action: 'user.invite' },
      schema: {
        tags: ['users'],
        summary: 'Invite someone by email; returns the one-time link (also emailed when SMTP is set up)',
        body: z.strictObject({ email: Email, role: Role }),
        response: {
          201: InviteOut.extend({ token: z.string(), inviteUrl: z.string(), emailed: z.boolean() }),
          ...errors,
        },
      },
    },
    async (req, reply) => reply.status(201).send(await inviteUser(deps, requireAuth(req), req.body)),
  );

  app.delete(
    '/api/v1/invites/:id',
    {
      config: { action: 'invite.revoke' },
      schema: {
        tags: ['users'],
        summary: 'Revoke a pending invite',
        params: IdParams,
        response: { 200: InviteOut, ...errors },
      },
    },
    (req) => revokeInvite(deps, requireAuth(req), req.params.id),
  );

  app.post(
    '/api/v1/invites/lookup',
    {
      config: { action: 'public' },
      schema: {
        tags: ['users'],
        summary: 'What an invite link is for (public; the token is the secret)',
        body: z.strictObject({ token: InviteToken }),
        response: {
          200: z.object({ email: z.string(), role: Role, expiresAt: z.string(), workspaceName: z.string() }),
          ...errors,
        },
      },
    },
    (req) => inspectInvite(deps, req.body.token),
  );

  app.post(
    '/api/v1/invites/accept',
    {
      config: { action: 'public' },
      schema: {
        tags: ['users'],
        summary: 'Accept an invite: creates the account and signs in',
        body: z.strictObject({ token: InviteToken, name: PersonName, password: Password }),
        response: { 201: z.object({ user: UserOut, csrfToken: z.string() }), ...errors },
      },
    },
    async (req, reply) => {
      const { user, session } = await acceptInvite(deps, anonymousContext(req), req.body);
      setSessionCookie(reply, deps.config, session);
      return reply.status(201).send({ user: presentUser(user), csrfToken: session.csrfToken });
    },
  );
};
