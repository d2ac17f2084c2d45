import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { PageQuery, page } from '../../http/pagination.ts';
import { ErrorBody, IdParams } from '../../http/schemas.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './service.ts';

const ApiKeyOut = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const apiKeyRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/api-keys',
    {
      config: { action: 'api_key.list' },
      schema: {
        tags: ['api keys'],
        summary: 'Your API keys, newest first (secrets are never shown again)',
        querystring: PageQuery,
        response: { 200: page(ApiKeyOut), ...errors },
      },
    },
    (req) => listApiKeys(deps, requireAuth(req), req.query),
  );

  app.post(
    '/api/v1/api-keys',
    {
      config: { action: 'api_key.create' },
      schema: {
        tags: ['api keys'],
        summary: 'Create an API key; the response holds the token, shown this once',
        body: z.strictObject({ name: z.string().trim().min(1).max(100) }),
        response: { 201: ApiKeyOut.extend({ token: z.string() }), ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createApiKey(deps, requireAuth(req), req.body)),
  );

  app.delete(
    '/api/v1/api-keys/:id',
    {
      config: { action: 'api_key.revoke' },
      schema: {
        tags: ['api keys'],
        summary: 'Revoke one of your API keys',
        params: IdParams,
        response: { 200: ApiKeyOut, ...errors },
      },
    },
    (req) => revokeApiKey(deps, requireAuth(req), req.params.id),
  );
};
