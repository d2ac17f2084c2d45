import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LabelDocumentSchema } from '../../../core/labels/index.ts';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { PageQuery, page } from '../../http/pagination.ts';
import { ErrorBody, Id, IdParams } from '../../http/schemas.ts';
import { importPrelabels, ModelName, PrelabelItemSchema } from './prelabels.ts';
import { getLabelRevision, getLabels, listLabelHistory, saveLabels } from './service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

const Branch = z
  .string()
  .regex(/^(main|annotator:[0-9a-f-]{36})$/, { error: 'must be main or annotator:<user id>' })
  .describe('main, or annotator:<user id> for one annotator’s branch in a consensus stage (default: yours)');

const LabelsOut = z
  .object({
    taskId: z.string(),
    branch: z.string(),
    revision: z.number().int().describe('0 before the first save'),
    document: LabelDocumentSchema,
    savedAt: z.string().nullable(),
  })
  .meta({ id: 'Labels' });

const LabelRevisionOut = z
  .object({
    revision: z.number().int(),
    baseRevision: z.number().int().nullable(),
    author: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('user'), id: z.string(), name: z.string().nullable() }),
      z.object({ kind: z.literal('model'), name: z.string() }),
    ]),
    changes: z.record(z.string(), z.unknown()).describe('Objects added, changed, removed (and by feature)'),
    createdAt: z.string(),
  })
  .meta({ id: 'LabelRevision' });

export const labelRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/tasks/:id/labels',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['labels'],
        summary:
          'The labels of a task: the head of a branch (revision 0 and an empty document before the first save)',
        params: IdParams,
        querystring: z.strictObject({ branch: Branch.optional() }),
        response: { 200: LabelsOut, ...errors },
      },
    },
    (req) => getLabels(deps, requireAuth(req), req.params.id, req.query.branch),
  );

  app.put(
    '/api/v1/tasks/:id/labels',
    {
      // Annotators save in annotate stages, reviewers in review stages that allow reviewer edits:
      // which one applies depends on the task's stage, so the service checks it.
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['labels'],
        summary:
          'Save your labels of a task you hold as a new revision (409 revision_conflict unless made from the head; 400 invalid_labels against the project’s ontology; in a review stage only with reviewer edits on, else 409 labels_read_only)',
        params: IdParams,
        body: z.strictObject({
          baseRevision: z
            .number()
            .int()
            .min(0)
            .describe('The revision you started from; 0 before the first save'),
          document: LabelDocumentSchema,
        }),
        response: { 200: LabelsOut, ...errors },
      },
    },
    (req) => saveLabels(deps, requireAuth(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/tasks/:id/labels/revisions',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['labels'],
        summary: 'The history of a branch of a task’s labels, newest first: who saved, when, what changed',
        params: IdParams,
        querystring: PageQuery.extend({ branch: Branch.optional() }),
        response: { 200: page(LabelRevisionOut), ...errors },
      },
    },
    (req) => listLabelHistory(deps, requireAuth(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/tasks/:id/labels/revisions/:revision',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['labels'],
        summary: 'One revision of a branch of a task’s labels, with its document',
        params: z.strictObject({ id: Id, revision: z.coerce.number().int().min(1) }),
        querystring: z.strictObject({ branch: Branch.optional() }),
        response: {
          200: LabelRevisionOut.extend({
            taskId: z.string(),
            branch: z.string(),
            document: LabelDocumentSchema,
          }),
          ...errors,
        },
      },
    },
    (req) => getLabelRevision(deps, requireAuth(req), req.params.id, req.params.revision, req.query.branch),
  );
  app.post(
    '/api/v1/projects/:id/labels/import',
    {
      config: { action: 'project.import_labels' },
      schema: {
        tags: ['labels'],
        summary:
          'Import a model’s predictions as the first revision of tasks’ labels (tasks with labels already are skipped; a batch with any invalid item is refused whole)',
        params: IdParams,
        body: z.strictObject({ model: ModelName, items: z.array(PrelabelItemSchema).min(1).max(1000) }),
        response: {
          200: z.object({
            model: z.string(),
            imported: z.array(z.object({ taskId: z.string(), objects: z.number().int() })),
            skipped: z.array(z.object({ index: z.number().int(), taskId: z.string(), reason: z.string() })),
          }),
          ...errors,
        },
      },
    },
    (req) => importPrelabels(deps, requireAuth(req), req.params.id, req.body),
  );
};
