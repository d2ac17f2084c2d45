import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';

// Types are read off the API's own routes, so they follow the server whatever its schemas are named.
export type Dataset = paths['/api/v1/datasets/{id}']['get']['responses'][200]['content']['application/json'];
export type DataUnit =
  paths['/api/v1/datasets/{id}/units']['get']['responses'][200]['content']['application/json']['items'][number];
export type DataUnitKind = DataUnit['kind'];
export type AccessEntry =
  paths['/api/v1/datasets/{id}/access']['get']['responses'][200]['content']['application/json']['items'][number];

export const datasetsKey = ['datasets'] as const;
export const datasetKey = (id: string) => [...datasetsKey, 'one', id] as const;
export const unitsKey = (id: string) => [...datasetsKey, 'units', id] as const;
export const datasetAccessKey = (id: string) => [...datasetsKey, 'access', id] as const;

const PAGE_SIZE = 50;

/** Datasets the signed-in user may see, by name, a page at a time. */
export function useDatasetList(q: string, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: [...datasetsKey, 'list', q],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/datasets', {
          params: { query: { q: q.trim() || undefined, cursor: pageParam, limit: PAGE_SIZE } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useDataset(id: string) {
  return useQuery({
    queryKey: datasetKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/datasets/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

export function useDataUnits(id: string, filters: { kind: DataUnitKind | ''; q: string }) {
  return useInfiniteQuery({
    queryKey: [...unitsKey(id), filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/datasets/{id}/units', {
          params: {
            path: { id },
            query: {
              kind: filters.kind || undefined,
              q: filters.q.trim() || undefined,
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

export function useDatasetAccess(id: string) {
  return useQuery({
    queryKey: datasetAccessKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/datasets/{id}/access', { params: { path: { id } } })),
  });
}
