import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { ErrorBody, Revision } from '../../http/schemas.ts';
import { readWorkspace, updateWorkspace } from './service.ts';

const WorkspaceOut = z
  .object({ name: z.string(), createdAt: z.string(), revision: z.number().int() })
  .meta({ id: 'Workspace' });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const workspaceRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/workspace',
    {
      config: { action: 'workspace.read' },
      schema: {
        tags: ['workspace'],
        summary: 'Workspace settings',
        response: { 200: WorkspaceOut, ...errors },
      },
    },
    (req) => readWorkspace(deps, requireAuth(req)),
  );
  app.patch(
    '/api/v1/workspace',
    {
      config: { action: 'workspace.update' },
      schema: {
        tags: ['workspace'],
        summary: 'Rename the workspace (Admins only)',
        body: z.strictObject({ name: z.string().trim().min(1).max(120), revision: Revision }),
        response: { 200: WorkspaceOut, ...errors },
      },
    },
    (req) => updateWorkspace(deps, requireAuth(req), req.body),
  );
};
