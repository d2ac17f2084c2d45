import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { WorkspaceRole } from '../../../core/roles.ts';
import { api, unwrap } from '../../api/client.ts';

export const usersKey = ['users'] as const;
export const invitesKey = ['invites'] as const;

export interface UserFilters {
  q: string;
  role: WorkspaceRole | '';
  status: 'active' | 'deactivated' | '';
}

const PAGE_SIZE = 50;

/** Workspace users matching the filters, a page at a time. */
export function useUserList(filters: UserFilters, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: [...usersKey, filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/users', {
          params: {
            query: {
              q: filters.q.trim() || undefined,
              role: filters.role || undefined,
              status: filters.status || undefined,
              cursor: pageParam,
              limit: PAGE_SIZE,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useInviteList() {
  return useInfiniteQuery({
    queryKey: invitesKey,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/invites', { params: { query: { cursor: pageParam, limit: PAGE_SIZE } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
