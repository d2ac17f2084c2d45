import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TASK_STATUSES } from '../../../core/queue/index.ts';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { ErrorBody, Id, IdParams, Timestamp } from '../../http/schemas.ts';
import { exportStream, prepareExport } from './service.ts';

const ExportQuery = z.strictObject({
  format: z.enum(['native', 'coco']).default('native'),
  stageId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  status: z.enum(TASK_STATUSES).optional(),
  datasetId: Id.optional(),
  from: Timestamp.optional().describe('Tasks whose labels were last saved at or after this time'),
  to: Timestamp.optional().describe('… and before this time'),
});

const JsonFile = {
  description: 'The export, streamed as one JSON document (see docs/labels.md, "Export")',
  content: { 'application/json': { schema: z.string().meta({ format: 'binary' }) } },
};

/** A file name safe in a Content-Disposition header. */
const fileNameOf = (name: string, format: string) =>
  `${name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'project'}-${format}.json`;

/** Streams JSON text as the response body (the route's typed reply only knows the error body). */
const sendJson = (reply: FastifyReply, fileName: string, chunks: AsyncIterable<string>) =>
  reply
    .header('content-type', 'application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(Readable.from(chunks));

export const exportRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/projects/:id/export',
    {
      config: { action: 'project.export_labels' },
      schema: {
        tags: ['labels'],
        summary:
          'Export the project’s labels (each task’s main branch) as Gloss JSON or COCO, streamed; filter by stage, status, dataset and when the labels were saved',
        params: IdParams,
        querystring: ExportQuery,
        response: {
          200: JsonFile,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
          409: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const prepared = await prepareExport(deps, requireAuth(req), req.params.id, format, filter);
      reply.header('x-gloss-task-count', String(prepared.total));
      return sendJson(reply, fileNameOf(prepared.project.name, format), exportStream(deps, prepared, format));
    },
  );
};
