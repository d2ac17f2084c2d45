import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { PageQuery, page } from '../../http/pagination.ts';
import { ErrorBody, Id, IdParams, Ok, Revision } from '../../http/schemas.ts';
import { ProjectMemberOut, ProjectOut, ProjectRoleSchema, ProjectStatusSchema } from './present.ts';
import {
  attachProjectDataset,
  createProject,
  deleteProject,
  detachProjectDataset,
  getProject,
  listProjectMembers,
  listProjectTags,
  listVisibleProjects,
  putProjectMember,
  removeProjectMember,
  setProjectStatus,
  switchProjectOntology,
  updateProject,
} from './service.ts';

const ProjectName = z.string().trim().min(1, { error: 'must not be empty' }).max(120);
const ProjectDescription = z.string().trim().max(2000);
const Tag = z.string().trim().min(1, { error: 'must not be empty' }).max(40);
const Tags = z.array(Tag).max(20, { error: 'at most 20 tags' });
const PrincipalType = z.enum(['user', 'group']);
const Member = z.strictObject({ principalType: PrincipalType, principalId: Id, role: ProjectRoleSchema });
const DatasetIds = z
  .array(Id)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, { error: 'must not name a dataset twice' });
const Members = z
  .array(Member)
  .max(100)
  .refine((ms) => new Set(ms.map((m) => `${m.principalType}:${m.principalId}`)).size === ms.length, {
    error: 'must not name anyone twice',
  });
const WorkflowTemplateId = z.union([
  Id,
  z.string().regex(/^builtin:[a-z0-9_]{1,64}$/, { error: 'must be a template id or builtin:<key>' }),
]);
const ProjectDatasetParams = z.strictObject({ id: Id, datasetId: Id });
const ProjectMemberParams = z.strictObject({ id: Id, principalType: PrincipalType, principalId: Id });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const projectRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/projects',
    {
      config: { action: 'project.list' },
      schema: {
        tags: ['projects'],
        summary: 'Projects you may see (Admins: all; others: where they hold a role), filtered and sorted',
        querystring: PageQuery.extend({
          q: z.string().trim().min(1).max(100).optional().describe('Matches name or description'),
          status: ProjectStatusSchema.optional(),
          tag: Tag.optional().describe('Case-insensitive'),
          datasetId: Id.optional(),
          memberId: Id.optional().describe('Projects where this user holds a role, directly or via a group'),
          sort: z.enum(['name', 'created', 'updated']).default('updated'),
          order: z
            .enum(['asc', 'desc'])
            .optional()
            .describe('Default: asc for name, desc for created and updated'),
        }),
        response: { 200: page(ProjectOut), ...errors },
      },
    },
    (req) => listVisibleProjects(deps, requireAuth(req), req.query),
  );

  app.post(
    '/api/v1/projects',
    {
      config: { action: 'project.create' },
      schema: {
        tags: ['projects'],
        summary:
          'Create a project (Not started) with a workflow (default: built-in Annotate → Review); you become its Admin; attached datasets’ units become tasks',
        body: z.strictObject({
          name: ProjectName,
          description: ProjectDescription.optional(),
          tags: Tags.optional(),
          datasetIds: DatasetIds.optional(),
          ontologyId: Id.optional(),
          ontologyVersion: z.number().int().min(1).optional().describe('Default: the current version'),
          members: Members.optional(),
          workflowTemplateId: WorkflowTemplateId.optional().describe(
            'Start from this template (`builtin:<key>` or a saved template you may see); not with `workflow`',
          ),
          workflow: z
            .record(z.string(), z.unknown())
            .optional()
            .describe(
              'Start from this workflow document (invalid ones get 400 invalid_workflow); not with `workflowTemplateId`',
            ),
        }),
        response: { 201: ProjectOut, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createProject(deps, requireAuth(req), req.body)),
  );

  app.get(
    '/api/v1/project-tags',
    {
      config: { action: 'project.list' },
      schema: {
        tags: ['projects'],
        summary: 'Tags of the projects you may see',
        response: { 200: z.object({ items: z.array(z.string()) }), ...errors },
      },
    },
    (req) => listProjectTags(deps, requireAuth(req)),
  );

  app.get(
    '/api/v1/projects/:id',
    {
      config: { action: 'project.read' },
      schema: {
        tags: ['projects'],
        summary: 'One project',
        params: IdParams,
        response: { 200: ProjectOut, ...errors },
      },
    },
    (req) => getProject(deps, requireAuth(req), req.params.id),
  );

  app.patch(
    '/api/v1/projects/:id',
    {
      config: { action: 'project.update' },
      schema: {
        tags: ['projects'],
        summary: 'Change name, description or tags',
        params: IdParams,
        body: z.strictObject({
          name: ProjectName.optional(),
          description: ProjectDescription.optional(),
          tags: Tags.optional(),
          revision: Revision,
        }),
        response: { 200: ProjectOut, ...errors },
      },
    },
    (req) => updateProject(deps, requireAuth(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/projects/:id',
    {
      config: { action: 'project.delete' },
      schema: {
        tags: ['projects'],
        summary: 'Delete a project with its tasks, collaborators and tags (its datasets stay)',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    (req) => deleteProject(deps, requireAuth(req), req.params.id),
  );

  app.put(
    '/api/v1/projects/:id/status',
    {
      config: { action: 'project.set_status' },
      schema: {
        tags: ['projects'],
        summary: 'Change the status, with a reason (the only change an Archived project accepts)',
        params: IdParams,
        body: z.strictObject({
          status: ProjectStatusSchema,
          reason: z.string().trim().min(1, { error: 'must not be empty' }).max(500),
          revision: Revision,
        }),
        response: { 200: ProjectOut, ...errors },
      },
    },
    (req) => setProjectStatus(deps, requireAuth(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/projects/:id/datasets',
    {
      config: { action: 'project.manage_datasets' },
      schema: {
        tags: ['projects'],
        summary: 'Attach a dataset (needs dataset.attach on it); each of its units becomes a task',
        params: IdParams,
        body: z.strictObject({ datasetId: Id }),
        response: { 200: ProjectOut, ...errors },
      },
    },
    (req) => attachProjectDataset(deps, requireAuth(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/projects/:id/datasets/:datasetId',
    {
      config: { action: 'project.manage_datasets' },
      schema: {
        tags: ['projects'],
        summary: 'Detach a dataset; the project’s tasks of its units are removed',
        params: ProjectDatasetParams,
        response: { 200: ProjectOut, ...errors },
      },
    },
    (req) => detachProjectDataset(deps, requireAuth(req), req.params.id, req.params.datasetId),
  );

  app.put(
    '/api/v1/projects/:id/ontology',
    {
      config: { action: 'project.switch_ontology' },
      schema: {
        tags: ['projects'],
        summary: 'Pin an ontology version (needs ontology.use on it)',
        params: IdParams,
        body: z.strictObject({ ontologyId: Id, version: z.number().int().min(1), revision: Revision }),
        response: { 200: ProjectOut, ...errors },
      },
    },
    (req) => switchProjectOntology(deps, requireAuth(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/projects/:id/members',
    {
      config: { action: 'project.read' },
      schema: {
        tags: ['projects'],
        summary: 'Collaborators: users and groups with their project roles',
        params: IdParams,
        response: { 200: z.object({ items: z.array(ProjectMemberOut) }), ...errors },
      },
    },
    (req) => listProjectMembers(deps, requireAuth(req), req.params.id),
  );

  app.put(
    '/api/v1/projects/:id/members',
    {
      config: { action: 'project.manage_members' },
      schema: {
        tags: ['projects'],
        summary: 'Give a user or group a project role (Team Managers: not the Admin role)',
        params: IdParams,
        body: Member,
        response: { 200: ProjectMemberOut, ...errors },
      },
    },
    (req) => putProjectMember(deps, requireAuth(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/projects/:id/members/:principalType/:principalId',
    {
      config: { action: 'project.manage_members' },
      schema: {
        tags: ['projects'],
        summary: 'Remove a collaborator (the last Admin grant cannot be removed)',
        params: ProjectMemberParams,
        response: { 200: Ok, ...errors },
      },
    },
    (req) =>
      removeProjectMember(deps, requireAuth(req), req.params.id, {
        type: req.params.principalType,
        id: req.params.principalId,
      }),
  );
};
