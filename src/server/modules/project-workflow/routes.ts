import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAGE_ID_PATTERN } from '../../../core/workflow/index.ts';
import type { AppDeps } from '../../deps.ts';
import { requireAuth } from '../../http/context.ts';
import { ErrorBody, Id, IdParams } from '../../http/schemas.ts';
import { ProjectWorkflowOut, ProjectWorkflowVersionOut } from './present.ts';
import {
  changeProjectWorkflow,
  getProjectWorkflow,
  getProjectWorkflowVersion,
  listProjectWorkflowVersions,
} from './service.ts';

const VersionNumber = z.coerce.number().int().min(1).max(1_000_000_000);
const VersionParams = z.strictObject({ id: Id, version: VersionNumber });
const StageId = z.string().regex(STAGE_ID_PATTERN, { error: 'must be a stage id' });
// Checked by validateWorkflow in the service, so every problem comes back with its issue code.
const WorkflowDocument = z
  .record(z.string(), z.unknown())
  .describe('The workflow document (see docs/workflows.md); invalid ones get 400 invalid_workflow');
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const projectWorkflowRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/projects/:id/workflow',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['projects'],
        summary: 'The project’s current workflow version',
        params: IdParams,
        response: { 200: ProjectWorkflowOut, ...errors },
      },
    },
    (req) => getProjectWorkflow(deps, requireAuth(req), req.params.id),
  );

  app.get(
    '/api/v1/projects/:id/workflow/versions',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['projects'],
        summary: 'Every version of the project’s workflow, newest first (without the documents)',
        params: IdParams,
        response: { 200: z.object({ items: z.array(ProjectWorkflowVersionOut) }), ...errors },
      },
    },
    (req) => listProjectWorkflowVersions(deps, requireAuth(req), req.params.id),
  );

  app.get(
    '/api/v1/projects/:id/workflow/versions/:version',
    {
      config: { action: 'project.view_queue' },
      schema: {
        tags: ['projects'],
        summary: 'One version of the project’s workflow',
        params: VersionParams,
        response: { 200: ProjectWorkflowOut, ...errors },
      },
    },
    (req) => getProjectWorkflowVersion(deps, requireAuth(req), req.params.id, req.params.version),
  );

  app.put(
    '/api/v1/projects/:id/workflow',
    {
      config: { action: 'project.edit_workflow' },
      schema: {
        tags: ['projects'],
        summary: 'Save a new version of the project’s workflow (project Admins)',
        description:
          'Stage ids say what survives: a stage keeps its tasks when its id is in the new workflow, and ' +
          'its type may not change (409 `stage_type_changed`). Tasks in removed stages must be mapped ' +
          '(`stageMapping`: removed stage id → stage of the new workflow) or the change is refused ' +
          '(400 `unmapped_stage`); mapped tasks enter their new stage as New, unheld. A stale ' +
          '`baseVersion` gets 409 `workflow_version_conflict`.',
        params: IdParams,
        body: z.strictObject({
          workflow: WorkflowDocument,
          baseVersion: z.number().int().min(1).describe('The version you edited; a stale one gets 409'),
          stageMapping: z
            .record(StageId, StageId)
            .optional()
            .describe('For each removed stage that holds tasks: the stage its tasks move to'),
          note: z.string().trim().max(500).optional().describe('What changed and why'),
        }),
        response: { 200: ProjectWorkflowOut, ...errors },
      },
    },
    (req) => changeProjectWorkflow(deps, requireAuth(req), req.params.id, req.body),
  );
};
