import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { PageQuery, page } from '../../http/pagination.ts';
import { ErrorBody, Id, Timestamp } from '../../http/schemas.ts';
import { readAuditLog } from './service.ts';

const AuditEntryOut = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string(), email: z.string().nullable() }).nullable(),
    actorKind: z.enum(['user', 'system', 'anonymous']),
    apiKeyId: z.string().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export const auditRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/audit',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first (Admins only)',
        querystring: PageQuery.extend({
          actorId: Id.optional(),
          action: z
            .string()
            .regex(/^[a-z_]+(\.[a-z_]*)?$/, {
              error: 'must be an action like user.invite, or a prefix like user.',
            })
            .optional()
            .describe('An exact action, or a prefix ending in "." (e.g. "user.")'),
          targetType: z
            .string()
            .regex(/^[a-z_]+$/)
            .optional(),
          targetId: z.string().max(64).optional(),
          from: Timestamp.optional().describe('Inclusive lower bound on the time'),
          to: Timestamp.optional().describe('Exclusive upper bound on the time'),
        }),
        response: { 200: page(AuditEntryOut), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    (req) => readAuditLog(deps, requireAuth(req), req.query),
  );
};
