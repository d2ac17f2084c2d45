import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';

export const groupsKey = ['groups'] as const;
export const groupKey = (id: string) => [...groupsKey, 'one', id] as const;
export const membersKey = (id: string) => [...groupsKey, 'members', id] as const;

const PAGE_SIZE = 50;

export function useGroupList(q: string) {
  return useInfiniteQuery({
    queryKey: [...groupsKey, 'list', q],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/groups', {
          params: { query: { q: q.trim() || undefined, cursor: pageParam, limit: PAGE_SIZE } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: groupKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/groups/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

export function useGroupMembers(id: string) {
  return useInfiniteQuery({
    queryKey: membersKey(id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/groups/{id}/members', {
          params: { path: { id }, query: { cursor: pageParam, limit: PAGE_SIZE } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
