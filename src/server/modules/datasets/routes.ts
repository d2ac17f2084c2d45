import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { PageQuery, page } from '../../http/pagination.ts';
import { ErrorBody, Id, IdParams, Ok, Revision } from '../../http/schemas.ts';
import { csvManifestEntries } from './manifest-csv.ts';
import { AccessOut, DatasetOut, DataUnitOut, SharedRole, UnitKind } from './present.ts';
import {
  createDataset,
  deleteDataset,
  getDataset,
  listDatasetAccess,
  listVisibleDatasets,
  putDatasetAccess,
  removeDatasetAccess,
  updateDataset,
} from './service.ts';
import {
  addFiles,
  assertCanAddUnits,
  deleteUnit,
  type IncomingFile,
  listDatasetUnits,
  MAX_METADATA_BYTES,
  MAX_TITLE,
  registerManifest,
  updateUnit,
} from './units.ts';

const DatasetName = z.string().trim().min(1, { error: 'must not be empty' }).max(120);
const DatasetDescription = z.string().trim().max(2000);
const Search = z.string().trim().min(1).max(100).optional().describe('Matches the name or description');
const PrincipalType = z.enum(['user', 'group']);
const AccessParams = z.strictObject({ id: Id, principalType: PrincipalType, principalId: Id });
const Title = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(MAX_TITLE)
  .refine((s) => !s.includes('\0'), { error: 'must not contain the NUL character (U+0000)' });
const Metadata = z
  .record(z.string(), z.unknown())
  .refine((m) => JSON.stringify(m).length <= MAX_METADATA_BYTES, { error: 'must be at most 64 KiB as JSON' });
/** Per request; larger manifests go in several requests or through `gloss import-manifest`. */
const MAX_MANIFEST_ITEMS = 10_000;

const FailedFileOut = z.object({ file: z.string(), code: z.string(), message: z.string() });
const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
};

export const datasetRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  // Multipart parsing for the upload route only (this plugin's scope); limits are set per call.
  // An oversized file is cut short and reported in `failed`, not thrown for the whole request.
  await app.register(fastifyMultipart, { throwFileSizeLimit: false });
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, { items: csvManifestEntries(String(body)) });
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  app.get(
    '/api/v1/datasets',
    {
      config: { action: 'dataset.list' },
      schema: {
        tags: ['datasets'],
        summary: 'Datasets you may see (all of them for workspace Admins), by name',
        querystring: PageQuery.extend({ q: Search }),
        response: { 200: page(DatasetOut), ...errors },
      },
    },
    (req) => listVisibleDatasets(deps, requireAuth(req), req.query),
  );

  app.post(
    '/api/v1/datasets',
    {
      config: { action: 'dataset.create' },
      schema: {
        tags: ['datasets'],
        summary: 'Create a dataset; you become its Admin',
        body: z.strictObject({ name: DatasetName, description: DatasetDescription.optional() }),
        response: { 201: DatasetOut, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createDataset(deps, requireAuth(req), req.body)),
  );

  app.get(
    '/api/v1/datasets/:id',
    {
      config: { action: 'dataset.read' },
      schema: {
        tags: ['datasets'],
        summary: 'One dataset',
        params: IdParams,
        response: { 200: DatasetOut, ...errors },
      },
    },
    (req) => getDataset(deps, requireAuth(req), req.params.id),
  );

  app.patch(
    '/api/v1/datasets/:id',
    {
      config: { action: 'dataset.update' },
      schema: {
        tags: ['datasets'],
        summary: 'Rename a dataset or change its description',
        params: IdParams,
        body: z.strictObject({
          name: DatasetName.optional(),
          description: DatasetDescription.optional(),
          revision: Revision,
        }),
        response: { 200: DatasetOut, ...errors },
      },
    },
    (req) => updateDataset(deps, requireAuth(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/datasets/:id',
    {
      config: { action: 'dataset.delete' },
      schema: {
        tags: ['datasets'],
        summary:
          'Delete a dataset, its data units and their files (409 dataset_in_use while a project uses it)',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    (req) => deleteDataset(deps, requireAuth(req), req.params.id),
  );

  app.get(
    '/api/v1/datasets/:id/access',
    {
      config: { action: 'dataset.read' },
      schema: {
        tags: ['datasets'],
        summary: 'Who holds a role on the dataset: users and groups',
        params: IdParams,
        response: { 200: z.object({ items: z.array(AccessOut) }), ...errors },
      },
    },
    (req) => listDatasetAccess(deps, requireAuth(req), req.params.id),
  );

  app.put(
    '/api/v1/datasets/:id/access',
    {
      config: { action: 'dataset.manage_members' },
      schema: {
        tags: ['datasets'],
        summary: 'Share the dataset with a user or group, or change their role',
        params: IdParams,
        body: z.strictObject({ principalType: PrincipalType, principalId: Id, role: SharedRole }),
        response: { 200: z.object({ items: z.array(AccessOut) }), ...errors },
      },
    },
    (req) => putDatasetAccess(deps, requireAuth(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/datasets/:id/access/:principalType/:principalId',
    {
      config: { action: 'dataset.manage_members' },
      schema: {
        tags: ['datasets'],
        summary: 'Stop sharing the dataset with a user or group',
        params: AccessParams,
        response: { 200: Ok, ...errors },
      },
    },
    (req) =>
      removeDatasetAccess(deps, requireAuth(req), req.params.id, {
        type: req.params.principalType,
        id: req.params.principalId,
      }),
  );

  app.get(
    '/api/v1/datasets/:id/units',
    {
      config: { action: 'dataset.read' },
      schema: {
        tags: ['datasets'],
        summary: 'A dataset’s data units, in the order they were added',
        params: IdParams,
        querystring: PageQuery.extend({
          kind: UnitKind.optional(),
          q: z.string().trim().min(1).max(100).optional().describe('Matches the title'),
        }),
        response: { 200: page(DataUnitOut), ...errors },
      },
    },
    (req) => listDatasetUnits(deps, requireAuth(req), req.params.id, req.query),
  );

  app.post(
    '/api/v1/datasets/:id/units',
    {
      config: { action: 'dataset.update' },
      schema: {
        tags: ['datasets'],
        summary:
          'Upload media (multipart/form-data: `files` parts, optional `groupTitle` to make the images one image group)',
        description:
          'Each file is checked by its content (JPEG, PNG, WebP, MP4/QuickTime, WebM, UTF-8 text); a broken, ' +
          'unsupported or mislabelled file is reported under `failed` and the others are added.',
        params: IdParams,
        response: {
          200: z.object({ created: z.array(DataUnitOut), failed: z.array(FailedFileOut) }),
          ...errors,
        },
      },
    },
    async (req) => {
      const ctx = requireAuth(req);
      // Refuse before reading a byte of the upload.
      await assertCanAddUnits(deps, ctx, req.params.id);
      if (!req.isMultipart()) {
        throw new AppError(
          415,
          'unsupported_media_type',
          'body: send multipart/form-data with one or more `files` parts',
          'body',
        );
      }
      const dir = await mkdtemp(join(tmpdir(), 'gloss-upload-'));
      try {
        const files: IncomingFile[] = [];
        let groupTitle: string | undefined;
        try {
          const parts = req.parts({
            limits: {
              fileSize: deps.config.upload.maxFileBytes,
              files: deps.config.upload.maxFiles,
              fields: 10,
              fieldSize: 4096,
              parts: deps.config.upload.maxFiles + 10,
            },
          });
          for await (const part of parts) {
            if (part.type === 'file') {
              if (part.fieldname !== 'files') {
                part.file.resume();
                throw invalid(part.fieldname, 'unknown file field; send files as `files`');
              }
              const path = join(dir, String(files.length));
              await pipeline(part.file, createWriteStream(path));
              files.push({ name: part.filename || 'unnamed', path, truncated: part.file.truncated });
            } else if (part.fieldname === 'groupTitle') {
              const parsed = Title.safeParse(part.value);
              if (!parsed.success) throw invalid('groupTitle', parsed.error.issues[0]!.message);
              groupTitle = parsed.data;
            } else {
              throw invalid(
                part.fieldname || 'body',
                'unknown field; send `files` and optionally `groupTitle`',
              );
            }
          }
        } catch (err) {
          throw multipartError(err);
        }
        if (files.length === 0) throw invalid('files', 'send at least one file');
        return await addFiles(deps, ctx, req.params.id, files, { source: 'upload', groupTitle });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  app.post(
    '/api/v1/datasets/:id/manifest',
    {
      config: { action: 'dataset.update' },
      schema: {
        tags: ['datasets'],
        summary: 'Register object-storage keys or http(s) URLs as data units (JSON, or text/csv)',
        description:
          'Items: {kind?, key?, url?, title?, metadata?, items?: [{key?|url?}]} — one of key and url, or ' +
          '`items` for an image group. CSV: a header naming some of kind,key,url,title,metadata (metadata ' +
          'as JSON). Each item is validated on its own; failures come back with their index.',
        params: IdParams,
        body: z.strictObject({
          items: z
            .array(z.unknown())
            .min(1)
            .max(MAX_MANIFEST_ITEMS)
            .describe('{kind?, key?, url?, title?, metadata?, items?: [{key?|url?}]}'),
        }),
        response: {
          200: z.object({
            created: z.array(DataUnitOut),
            failed: z.array(z.object({ index: z.number().int(), message: z.string() })),
          }),
          ...errors,
        },
      },
    },
    (req) => registerManifest(deps, requireAuth(req), req.params.id, req.body.items),
  );

  app.patch(
    '/api/v1/data-units/:id',
    {
      config: { action: 'dataset.update' },
      schema: {
        tags: ['datasets'],
        summary: 'Change a data unit’s title or metadata',
        params: IdParams,
        body: z.strictObject({ title: Title.optional(), metadata: Metadata.optional(), revision: Revision }),
        response: { 200: DataUnitOut, ...errors },
      },
    },
    (req) => updateUnit(deps, requireAuth(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/data-units/:id',
    {
      config: { action: 'dataset.update' },
      schema: {
        tags: ['datasets'],
        summary: 'Remove a data unit, its tasks and its files',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    (req) => deleteUnit(deps, requireAuth(req), req.params.id),
  );
};

/** Malformed multipart bodies and exceeded limits are the client's fault: a clean 4xx. */
function multipartError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (e.code === 'FST_FILES_LIMIT' || e.code === 'FST_PARTS_LIMIT' || e.code === 'FST_FIELDS_LIMIT') {
    return new AppError(413, 'too_many_files', `body: too many parts in one request (${e.message})`, 'body');
  }
  if (e.statusCode && e.statusCode >= 500) return err;
  return new AppError(
    400,
    'invalid_multipart',
    `body: is not valid multipart/form-data (${e.message ?? 'unreadable'})`,
    'body',
  );
}
