import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { PageQuery, page } from '../../http/pagination.ts';
import { ErrorBody, Id, Ok, Revision } from '../../http/schemas.ts';
import { WorkflowTemplateOut } from './present.ts';
import {
  createWorkflowTemplate,
  deleteWorkflowTemplate,
  getWorkflowTemplate,
  listWorkflowTemplates,
  updateWorkflowTemplate,
} from './service.ts';

const TemplateName = z.string().trim().min(1, { error: 'must not be empty' }).max(80);
const TemplateDescription = z.string().trim().max(500);
// Checked by validateWorkflow in the service, so every problem comes back with its issue code.
const Definition = z
  .record(z.string(), z.unknown())
  .describe('The workflow document (see docs/workflows.md); invalid ones get 400 invalid_workflow');
const TemplateId = z.union([
  Id,
  z.string().regex(/^builtin:[a-z0-9_]{1,64}$/, { error: 'must be an id or builtin:<key>' }),
]);
const TemplateParams = z.strictObject({ id: TemplateId });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const workflowTemplateRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/workflow-templates',
    {
      config: { action: 'workflow_template.list' },
      schema: {
        tags: ['workflow-templates'],
        summary: 'Workflow templates: the built-ins first, then saved templates by name',
        querystring: PageQuery.extend({
          q: z
            .string()
            .trim()
            .min(1)
            .max(100)
            .optional()
            .describe('Matches name or description, case-insensitively'),
        }),
        response: { 200: page(WorkflowTemplateOut), ...errors },
      },
    },
    (req) => listWorkflowTemplates(deps, requireAuth(req), req.query),
  );

  app.post(
    '/api/v1/workflow-templates',
    {
      config: { action: 'workflow_template.create' },
      schema: {
        tags: ['workflow-templates'],
        summary: 'Save a workflow as a workspace template',
        body: z.strictObject({
          name: TemplateName,
          description: TemplateDescription.optional(),
          definition: Definition,
        }),
        response: { 201: WorkflowTemplateOut, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createWorkflowTemplate(deps, requireAuth(req), req.body)),
  );

  app.get(
    '/api/v1/workflow-templates/:id',
    {
      config: { action: 'workflow_template.list' },
      schema: {
        tags: ['workflow-templates'],
        summary: 'One workflow template, built-in or saved',
        params: TemplateParams,
        response: { 200: WorkflowTemplateOut, ...errors },
      },
    },
    (req) => getWorkflowTemplate(deps, requireAuth(req), req.params.id),
  );

  app.patch(
    '/api/v1/workflow-templates/:id',
    {
      config: { action: 'workflow_template.update' },
      schema: {
        tags: ['workflow-templates'],
        summary: 'Change a saved template (built-ins answer 409 builtin_template)',
        params: TemplateParams,
        body: z.strictObject({
          name: TemplateName.optional(),
          description: TemplateDescription.optional(),
          definition: Definition.optional(),
          revision: Revision,
        }),
        response: { 200: WorkflowTemplateOut, ...errors },
      },
    },
    (req) => updateWorkflowTemplate(deps, requireAuth(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/workflow-templates/:id',
    {
      config: { action: 'workflow_template.delete' },
      schema: {
        tags: ['workflow-templates'],
        summary: 'Delete a saved template (projects made from it keep their copy)',
        params: TemplateParams,
        response: { 200: Ok, ...errors },
      },
    },
    (req) => deleteWorkflowTemplate(deps, requireAuth(req), req.params.id),
  );
};
