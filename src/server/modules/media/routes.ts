import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { ErrorBody, Id } from '../../http/schemas.ts';
import { cachePolicy, sendMedia } from './send.ts';
import { type MediaTarget, openMedia } from './service.ts';

const UnitParams = z.strictObject({ id: Id });
const ItemParams = z.strictObject({
  id: Id,
  position: z.coerce.number().int().min(0).max(1_000_000).describe("The item's position in the image group"),
});
/** The bytes themselves, of whatever type the file is (never JSON). */
const Bytes = {
  description: 'The file (206: the requested byte range of it)',
  content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
};
const responses = {
  200: Bytes,
  206: Bytes,
  302: z
    .null()
    .describe('To a short-lived URL of the file in object storage, or the URL it was registered with'),
  304: z.null().describe('Not modified since the ETag sent in If-None-Match'),
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  416: ErrorBody,
};

const DESCRIPTION =
  'Readable by whoever may read the dataset, and by collaborators of a project using it ' +
  '(Annotators and Reviewers only while the project is In progress: 403 `project_not_active` or ' +
  '`project_archived` otherwise). Local storage streams the bytes (Range requests get 206); S3 ' +
  'storage answers 302 to a presigned URL valid 5 minutes; units registered by URL redirect there.';

/**
 * Media answers are cacheable by the browser (private, a few minutes), unlike the rest of the
 * API, and never run as a page: a sandboxing CSP rides on every one of them.
 */
async function mediaHeaders(_req: FastifyRequest, reply: FastifyReply) {
  reply.header('content-security-policy', 'sandbox');
  const cache = cachePolicy.get(reply);
  if (cache && reply.statusCode < 400) reply.header('cache-control', cache);
}

export const mediaRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const serve = async (req: FastifyRequest, reply: FastifyReply, id: string, target: MediaTarget) =>
    sendMedia(deps, req, reply, await openMedia(deps, requireAuth(req), id, target));

  app.get(
    '/api/v1/data-units/:id/file',
    {
      config: { action: 'dataset.read' },
      onSend: mediaHeaders,
      schema: {
        tags: ['media'],
        summary: "A data unit's file (image, video or text)",
        description: DESCRIPTION,
        params: UnitParams,
        response: responses,
      },
    },
    (req, reply) => serve(req, reply, req.params.id, { variant: 'file' }),
  );

  app.get(
    '/api/v1/data-units/:id/thumbnail',
    {
      config: { action: 'dataset.read' },
      onSend: mediaHeaders,
      schema: {
        tags: ['media'],
        summary: "A data unit's thumbnail",
        description: DESCRIPTION,
        params: UnitParams,
        response: responses,
      },
    },
    (req, reply) => serve(req, reply, req.params.id, { variant: 'thumbnail' }),
  );

  app.get(
    '/api/v1/data-units/:id/items/:position/file',
    {
      config: { action: 'dataset.read' },
      onSend: mediaHeaders,
      schema: {
        tags: ['media'],
        summary: 'The file of one image of an image group',
        description: DESCRIPTION,
        params: ItemParams,
        response: responses,
      },
    },
    (req, reply) => serve(req, reply, req.params.id, { variant: 'file', position: req.params.position }),
  );

  app.get(
    '/api/v1/data-units/:id/items/:position/thumbnail',
    {
      config: { action: 'dataset.read' },
      onSend: mediaHeaders,
      schema: {
        tags: ['media'],
        summary: 'The thumbnail of one image of an image group',
        description: DESCRIPTION,
        params: ItemParams,
        response: responses,
      },
    },
    (req, reply) => serve(req, reply, req.params.id, { variant: 'thumbnail', position: req.params.position }),
  );
};
