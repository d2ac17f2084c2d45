import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../../core/policy/index.ts';
import type { AppDeps } from '../../deps.ts';
import { anonymousContext, requireAuth } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';
import { Email, ErrorBody, Ok, Password, PersonName, Revision } from '../../http/schemas.ts';
import { presentUser, UserOut } from '../users/present.ts';
import { CSRF_HEADER } from './authenticate.ts';
import { login, logout, setupStatus, setupWorkspace, updateOwnAccount } from './service.ts';
import { SESSION_COOKIE, setSessionCookie } from './sessions.ts';

const SessionOut = z.object({ user: UserOut, csrfToken: z.string() }).meta({ id: 'Session' });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 429: ErrorBody };

export const authRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/setup',
    {
      config: { action: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Whether the workspace still needs its first admin',
        response: { 200: z.object({ needsSetup: z.boolean() }) },
      },
    },
    () => setupStatus(deps),
  );

  app.post(
    '/api/v1/setup',
    {
      config: { action: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Create the workspace and its first admin (only while no user exists); signs in',
        body: z.strictObject({
          workspaceName: z.string().trim().min(1).max(120),
          email: Email,
          name: PersonName,
          password: Password,
        }),
        response: { 201: SessionOut, ...errors },
      },
    },
    async (req, reply) => {
      const { user, session } = await setupWorkspace(deps, anonymousContext(req), req.body);
      setSessionCookie(reply, deps.config, session);
      return reply.status(201).send({ user: presentUser(user), csrfToken: session.csrfToken });
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { action: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: z.strictObject({ email: Email, password: z.string().min(1).max(256) }),
        response: { 200: SessionOut, ...errors },
      },
    },
    async (req, reply) => {
      const { user, session } = await login(deps, anonymousContext(req), req.body);
      setSessionCookie(reply, deps.config, session);
      return { user: presentUser(user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { action: 'account.read' },
      schema: { tags: ['auth'], summary: 'End this session', response: { 200: Ok, ...errors } },
    },
    async (req, reply) => {
      const ctx = requireAuth(req);
      await logout(deps, ctx, req.auth?.sessionId ?? null);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { action: 'account.read' },
      schema: {
        tags: ['auth'],
        summary: `Who is signed in; for cookie sessions also the token to send as ${CSRF_HEADER}`,
        response: {
          200: z.object({
            user: UserOut,
            csrfToken: z.string().nullable(),
            via: z.enum(['session', 'api_key']),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const ctx = requireAuth(req);
      if (!can(ctx.actor, 'account.read', { kind: 'own', ownerId: ctx.user.id }))
        throw forbidden('read this account');
      return { user: presentUser(ctx.user), csrfToken: req.auth!.csrfToken, via: req.auth!.via };
    },
  );

  app.patch(
    '/api/v1/account',
    {
      config: { action: 'account.update' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own name or password (a new password signs out your other sessions)',
        body: z.strictObject({
          revision: Revision,
          name: PersonName.optional(),
          currentPassword: z.string().max(256).optional(),
          newPassword: Password.optional(),
        }),
        response: { 200: UserOut, ...errors },
      },
    },
    async (req) => {
      const ctx = requireAuth(req);
      return presentUser(await updateOwnAccount(deps, ctx, req.body, req.auth?.sessionId ?? null));
    },
  );
};
