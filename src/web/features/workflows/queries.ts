import { useQuery } from '@tanstack/react-query';
import type { Workflow } from '../../../core/workflow/index.ts';
import { api, type Schemas, unwrap } from '../../api/client.ts';

export type WorkflowTemplate = Omit<Schemas['WorkflowTemplate'], 'definition'> & { definition: Workflow };

/** GET /projects/:id/workflow (and one of its versions). */
export interface ProjectWorkflow {
  version: number;
  workflow: Workflow;
  templateId: string | null;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface StageCount {
  stageId: string;
  total: number;
  byStatus: Record<string, number>;
}

export const workflowTemplatesKey = ['workflow-templates'] as const;
export const workflowTemplateKey = (id: string) => [...workflowTemplatesKey, 'one', id] as const;
export const projectWorkflowKey = (projectId: string) => ['projects', 'workflow', projectId] as const;
export const stageCountsKey = (projectId: string) => ['projects', 'stage-counts', projectId] as const;

export const DEFAULT_WORKFLOW_TEMPLATE_ID = 'builtin:annotate_review';

/** Built-ins first, then saved templates by name (the first 100: a workspace keeps few). */
export function useWorkflowTemplates() {
  return useQuery({
    queryKey: [...workflowTemplatesKey, 'list'],
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/v1/workflow-templates', { params: { query: { limit: 100 } } }));
      return page.items as WorkflowTemplate[];
    },
    staleTime: 30_000,
  });
}

export function useWorkflowTemplate(id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: workflowTemplateKey(id),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/workflow-templates/{id}', { params: { path: { id } } }),
      )) as WorkflowTemplate,
    retry: false,
  });
}

export function useProjectWorkflow(projectId: string) {
  return useQuery({
    queryKey: projectWorkflowKey(projectId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/projects/{id}/workflow', { params: { path: { id: projectId } } }),
      ) as Promise<ProjectWorkflow>,
    retry: false,
  });
}

/** Tasks per stage, kept fresh while shown (workers move tasks all the time). */
export function useStageCounts(projectId: string, enabled = true) {
  return useQuery({
    queryKey: stageCountsKey(projectId),
    queryFn: async () => {
      const body = await unwrap(
        api.GET('/api/v1/projects/{id}/stages/counts', { params: { path: { id: projectId } } }),
      );
      return new Map(body.stages.map((c): [string, StageCount] => [c.stageId, c]));
    },
    refetchInterval: 5_000,
    enabled,
  });
}
