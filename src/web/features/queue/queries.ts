import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { TaskStatus } from '../../../core/queue/index.ts';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import type { DataUnitKind } from '../datasets/queries.ts';
import { projectKey, projectTasksKey } from '../projects/queries.ts';
import { stageCountsKey as workflowStageCountsKey } from '../workflows/queries.ts';

// The project's workflow is the builder's query (one cache entry for both features).
export { useProjectWorkflow } from '../workflows/queries.ts';

// Types are read off the API's own routes, so they follow the server whatever its schemas are named.
export type Task =
  paths['/api/v1/projects/{id}/tasks']['get']['responses'][200]['content']['application/json']['items'][number];
export type ClaimedTask = NonNullable<
  paths['/api/v1/projects/{id}/stages/{stageId}/next']['post']['responses'][200]['content']['application/json']
>;
export type StageCount =
  paths['/api/v1/projects/{id}/stages/counts']['get']['responses'][200]['content']['application/json']['stages'][number];
export type BulkAction =
  paths['/api/v1/projects/{id}/tasks/bulk']['post']['requestBody']['content']['application/json']['action'];
export type QueueSort = 'priority' | 'name';
/** The issue filter: tasks with open issues, tasks with none, or '' (any). */
export type IssueFilter = 'open' | 'none' | '';

// Under the project's task key, so what changes its tasks elsewhere (attaching a dataset) refreshes it.
export const queueKey = (projectId: string) => projectTasksKey(projectId);
export const stageCountsKey = (projectId: string) => [...queueKey(projectId), 'counts'] as const;

const PAGE_SIZE = 50;

export interface QueueFilters {
  stageId: string;
  datasetId: string;
  /** A user id, 'me', 'none' (unassigned) or '' (anyone). */
  assigneeId: string;
  kind: DataUnitKind | '';
  status: TaskStatus | '';
  q: string;
  sort: QueueSort;
  issues: IssueFilter;
}

/** Priority: highest first (the order "Start labelling" serves); names: A to Z. */
export const orderOfQueue = (sort: QueueSort) => (sort === 'priority' ? 'desc' : 'asc');

export function useQueue(projectId: string, filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: [...queueKey(projectId), 'list', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/projects/{id}/tasks', {
          params: {
            path: { id: projectId },
            query: {
              stageId: filters.stageId || undefined,
              datasetId: filters.datasetId || undefined,
              assigneeId: filters.assigneeId || undefined,
              kind: filters.kind || undefined,
              status: filters.status || undefined,
              q: filters.q.trim() || undefined,
              issues: filters.issues || undefined,
              sort: filters.sort,
              order: orderOfQueue(filters.sort),
              cursor: pageParam,
              limit: PAGE_SIZE,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useStageCounts(projectId: string) {
  return useQuery({
    queryKey: stageCountsKey(projectId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/projects/{id}/stages/counts', { params: { path: { id: projectId } } })),
    // Others work the queue at the same time; the counts follow them without a reload.
    refetchInterval: 15_000,
  });
}

/** After any change to tasks: the queue, both features' stage counts and the project's task total are stale. */
export function useInvalidateQueue(projectId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queueKey(projectId) }),
      queryClient.invalidateQueries({ queryKey: projectKey(projectId) }),
      queryClient.invalidateQueries({ queryKey: workflowStageCountsKey(projectId) }),
    ]);
}

export function useBulkAction(projectId: string) {
  const invalidate = useInvalidateQueue(projectId);
  return useMutation({
    mutationFn: (body: { taskIds: string[]; action: BulkAction }) =>
      unwrap(api.POST('/api/v1/projects/{id}/tasks/bulk', { params: { path: { id: projectId } }, body })),
    onSettled: invalidate,
  });
}

/** The next task of a stage, claimed for the caller; null (a 204) when there is nothing to do there. */
export async function claimNext(projectId: string, stageId: string): Promise<ClaimedTask | null> {
  const task = await unwrap(
    api.POST('/api/v1/projects/{id}/stages/{stageId}/next', { params: { path: { id: projectId, stageId } } }),
  );
  return task ?? null;
}
