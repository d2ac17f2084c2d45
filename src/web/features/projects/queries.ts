import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ProjectStatus } from '../../../core/roles.ts';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';

export type Project = paths['/api/v1/projects/{id}']['get']['responses'][200]['content']['application/json'];
export type ProjectMember =
  paths['/api/v1/projects/{id}/members']['get']['responses'][200]['content']['application/json']['items'][number];
export type Ontology =
  paths['/api/v1/ontologies']['get']['responses'][200]['content']['application/json']['items'][number];
export type ProjectSort = 'updated' | 'created' | 'name';

export const projectsKey = ['projects'] as const;
export const projectKey = (id: string) => [...projectsKey, 'one', id] as const;
export const projectMembersKey = (id: string) => [...projectsKey, 'members', id] as const;
/** The project's queue (every list, filter and count of its tasks). */
export const projectTasksKey = (id: string) => [...projectsKey, 'tasks', id] as const;
export const projectTagsKey = [...projectsKey, 'tags'] as const;
export const ontologiesKey = ['ontologies'] as const;

const PAGE_SIZE = 50;

export interface ProjectFilters {
  q: string;
  status: ProjectStatus | '';
  tag: string;
  datasetId: string;
  sort: ProjectSort;
}

/** The sort's natural direction: newest first for dates, A to Z for names. */
export const orderOf = (sort: ProjectSort) => (sort === 'name' ? 'asc' : 'desc');

export function useProjectList(filters: ProjectFilters) {
  return useInfiniteQuery({
    queryKey: [...projectsKey, 'list', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/projects', {
          params: {
            query: {
              q: filters.q.trim() || undefined,
              status: filters.status || undefined,
              tag: filters.tag || undefined,
              datasetId: filters.datasetId || undefined,
              sort: filters.sort,
              order: orderOf(filters.sort),
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

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

export function useProjectTags() {
  return useQuery({
    queryKey: projectTagsKey,
    queryFn: () => unwrap(api.GET('/api/v1/project-tags')),
    staleTime: 60_000,
  });
}

export function useProjectMembers(id: string) {
  return useQuery({
    queryKey: projectMembersKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{id}/members', { params: { path: { id } } })),
  });
}

/** Ontologies the signed-in user may use, by name, a page at a time. */
export function useOntologyOptions(q = '') {
  return useInfiniteQuery({
    queryKey: [...ontologiesKey, 'list', q],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/ontologies', {
          params: { query: { q: q.trim() || undefined, cursor: pageParam, limit: PAGE_SIZE } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
