import { z } from 'zod';
import { WorkflowSchema } from '../../../core/workflow/index.ts';
import type { ProjectWorkflow } from '../queue/workflow-store.ts';

const VersionFields = {
  version: z.number().int().describe('Versions count up from 1 (the workflow the project was created with)'),
  templateId: z
    .string()
    .nullable()
    .describe(
      'The template this version was made from (`builtin:<key>` or a saved template id); null when edited',
    ),
  note: z.string().describe('What the person who saved it said about the change'),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
};

export const ProjectWorkflowVersionOut = z.object(VersionFields).meta({ id: 'ProjectWorkflowVersion' });

export const ProjectWorkflowOut = z
  .object({ ...VersionFields, workflow: WorkflowSchema })
  .meta({ id: 'ProjectWorkflow' });

export type ProjectWorkflowVersionJson = z.infer<typeof ProjectWorkflowVersionOut>;
export type ProjectWorkflowJson = z.infer<typeof ProjectWorkflowOut>;

export function presentVersion(w: Omit<ProjectWorkflow, 'workflow'>): ProjectWorkflowVersionJson {
  return {
    version: w.version,
    templateId: w.templateId,
    note: w.note,
    createdAt: w.createdAt,
    createdBy: w.createdBy,
  };
}

export const presentWorkflow = (w: ProjectWorkflow): ProjectWorkflowJson => ({
  ...presentVersion(w),
  workflow: w.workflow,
});
