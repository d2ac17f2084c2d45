import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import { type ProjectWorkflow, projectWorkflowKey } from '../workflows/queries.ts';

// The project agreement report (GET /projects/:id/agreement): how closely the annotators of a
// consensus stage agreed, per task, question, object class and annotator.

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type AgreementReport = Json<paths['/api/v1/projects/{id}/agreement']['get']['responses'][200]>;
export type RoundState = AgreementReport['disputed'][number]['state'];

export const agreementKey = (projectId: string, stageId: string) =>
  ['projects', 'agreement', projectId, stageId] as const;

const fetchAgreement = (projectId: string, stageId: string) =>
  unwrap(
    api.GET('/api/v1/projects/{id}/agreement', {
      params: { path: { id: projectId }, query: stageId ? { stageId } : {} },
    }),
  );

/** The report of one consensus stage ('' = the first); the last report stays shown while another loads. */
export function useAgreementReport(projectId: string, stageId: string) {
  return useQuery({
    queryKey: agreementKey(projectId, stageId),
    queryFn: () => fetchAgreement(projectId, stageId),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/**
 * Whether the project's current workflow has a consensus stage (the report has nothing to say
 * otherwise). Reads the same cached workflow as the Workflow tab; asked only when `enabled`.
 */
export function useHasConsensusStage(projectId: string, enabled: boolean): boolean {
  // Same key and data as useProjectWorkflow, which has no `enabled` switch.
  const workflow = useQuery({
    queryKey: projectWorkflowKey(projectId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/projects/{id}/workflow', { params: { path: { id: projectId } } }),
      ) as Promise<ProjectWorkflow>,
    retry: false,
    enabled,
  });
  return workflow.data?.workflow.stages.some((s) => s.type === 'consensus') ?? false;
}
