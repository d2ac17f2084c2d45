import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  exportFileName,
  OntologyDocumentSchema,
  OntologyExportSchema,
} from '../../../core/ontology/index.ts';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { PageQuery, page } from '../../http/pagination.ts';
import { ErrorBody, Id, IdParams, Ok, Revision } from '../../http/schemas.ts';
import {
  OntologyAccessOut,
  OntologyDetailOut,
  OntologyOut,
  OntologyRole,
  OntologyVersionDetailOut,
  OntologyVersionOut,
} from './present.ts';
import {
  createOntology,
  deleteOntology,
  exportOntology,
  getOntology,
  getOntologyVersion,
  importOntology,
  listOntologyAccess,
  listOntologyVersions,
  listVisibleOntologies,
  saveSchema,
  shareOntology,
  unshareOntology,
  updateOntology,
} from './service.ts';

const Name = z.string().trim().min(1, { error: 'must not be empty' }).max(200);
const Description = z.string().trim().max(2000);
const VersionNumber = z.coerce.number().int().min(1).max(1_000_000_000);
const VersionParams = z.strictObject({ id: Id, version: VersionNumber });
const PrincipalParams = z.strictObject({ id: Id, principalType: z.enum(['user', 'group']), principalId: Id });
const AccessList = z.object({ items: z.array(OntologyAccessOut) });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** What an export file holds, as the import route accepts it: `schema` may be an older format version. */
const ImportBody = z.strictObject({
  gloss: z.literal('ontology'),
  formatVersion: z.number().int().min(1).max(1000),
  name: Name,
  description: Description.optional(),
  schema: z
    .record(z.string(), z.unknown())
    .describe('The ontology document; older format versions are upgraded, then validated'),
});

export const ontologyRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/ontologies',
    {
      config: { action: 'ontology.list' },
      schema: {
        tags: ['ontologies'],
        summary: 'Ontologies you may see (all for workspace Admins, else those shared with you), by name',
        querystring: PageQuery.extend({
          q: z.string().trim().min(1).max(100).optional().describe('Matches name or description'),
        }),
        response: { 200: page(OntologyOut), ...errors },
      },
    },
    (req) => listVisibleOntologies(deps, requireAuth(req), req.query),
  );

  app.post(
    '/api/v1/ontologies',
    {
      config: { action: 'ontology.create' },
      schema: {
        tags: ['ontologies'],
        summary: 'Create an ontology at version 1; you become its Admin',
        body: z.strictObject({
          name: Name,
          description: Description.optional(),
          schema: OntologyDocumentSchema,
        }),
        response: { 201: OntologyDetailOut, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createOntology(deps, requireAuth(req), req.body)),
  );

  app.post(
    '/api/v1/ontologies/import',
    {
      config: { action: 'ontology.create' },
      schema: {
        tags: ['ontologies'],
        summary: 'Create an ontology from an export file',
        body: ImportBody,
        response: { 201: OntologyDetailOut, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await importOntology(deps, requireAuth(req), req.body)),
  );

  app.get(
    '/api/v1/ontologies/:id',
    {
      config: { action: 'ontology.read' },
      schema: {
        tags: ['ontologies'],
        summary: 'One ontology with its current schema',
        params: IdParams,
        response: { 200: OntologyDetailOut, ...errors },
      },
    },
    (req) => getOntology(deps, requireAuth(req), req.params.id),
  );

  app.patch(
    '/api/v1/ontologies/:id',
    {
      config: { action: 'ontology.update' },
      schema: {
        tags: ['ontologies'],
        summary: 'Rename an ontology or change its description',
        params: IdParams,
        body: z.strictObject({
          name: Name.optional(),
          description: Description.optional(),
          revision: Revision,
        }),
        response: { 200: OntologyDetailOut, ...errors },
      },
    },
    (req) => updateOntology(deps, requireAuth(req), req.params.id, req.body),
  );

  app.put(
    '/api/v1/ontologies/:id/schema',
    {
      config: { action: 'ontology.update' },
      schema: {
        tags: ['ontologies'],
        summary:
          'Save the schema: replaces the current version while no project pins it, else creates the next version',
        description:
          'A feature present in a version a project pins cannot be removed (409 feature_in_use, ' +
          'details.featureIds); keep it with `archived: true` instead.',
        params: IdParams,
        body: z.strictObject({ schema: OntologyDocumentSchema, revision: Revision }),
        response: { 200: OntologyDetailOut, ...errors },
      },
    },
    (req) => saveSchema(deps, requireAuth(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/ontologies/:id',
    {
      config: { action: 'ontology.delete' },
      schema: {
        tags: ['ontologies'],
        summary:
          'Delete an ontology and every version (refused with 409 ontology_in_use while a project uses it)',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    (req) => deleteOntology(deps, requireAuth(req), req.params.id),
  );

  app.get(
    '/api/v1/ontologies/:id/versions',
    {
      config: { action: 'ontology.read' },
      schema: {
        tags: ['ontologies'],
        summary: 'The versions of an ontology, newest first',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: page(OntologyVersionOut), ...errors },
      },
    },
    (req) => listOntologyVersions(deps, requireAuth(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/ontologies/:id/versions/:version',
    {
      config: { action: 'ontology.read' },
      schema: {
        tags: ['ontologies'],
        summary: 'One version of an ontology with its schema (also for members of a project that pins it)',
        params: VersionParams,
        response: { 200: OntologyVersionDetailOut, ...errors },
      },
    },
    (req) => getOntologyVersion(deps, requireAuth(req), req.params.id, req.params.version),
  );

  app.get(
    '/api/v1/ontologies/:id/export',
    {
      config: { action: 'ontology.read' },
      schema: {
        tags: ['ontologies'],
        summary:
          'Download an ontology (the current version, or ?version=N) as a JSON file to import elsewhere',
        params: IdParams,
        querystring: z.strictObject({ version: VersionNumber.optional() }),
        response: { 200: OntologyExportSchema, ...errors },
      },
    },
    async (req, reply) => {
      const file = await exportOntology(deps, requireAuth(req), req.params.id, req.query.version);
      reply.header('content-disposition', `attachment; filename="${exportFileName(file.name)}"`);
      return file;
    },
  );

  app.get(
    '/api/v1/ontologies/:id/access',
    {
      config: { action: 'ontology.read' },
      schema: {
        tags: ['ontologies'],
        summary: 'Who the ontology is shared with: users and groups with their role',
        params: IdParams,
        response: { 200: AccessList, ...errors },
      },
    },
    (req) => listOntologyAccess(deps, requireAuth(req), req.params.id),
  );

  app.put(
    '/api/v1/ontologies/:id/access',
    {
      config: { action: 'ontology.manage_members' },
      schema: {
        tags: ['ontologies'],
        summary: 'Share the ontology with a user or group, or change their role',
        params: IdParams,
        body: z.strictObject({
          principalType: z.enum(['user', 'group']),
          principalId: Id,
          role: OntologyRole,
        }),
        response: { 200: AccessList, ...errors },
      },
    },
    (req) => shareOntology(deps, requireAuth(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/ontologies/:id/access/:principalType/:principalId',
    {
      config: { action: 'ontology.manage_members' },
      schema: {
        tags: ['ontologies'],
        summary: 'Stop sharing the ontology with a user or group',
        params: PrincipalParams,
        response: { 200: Ok, ...errors },
      },
    },
    (req) =>
      unshareOntology(deps, requireAuth(req), req.params.id, {
        type: req.params.principalType,
        id: req.params.principalId,
      }),
  );
};
