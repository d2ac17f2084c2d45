import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';

export type TaskDetail = paths['/api/v1/tasks/{id}']['get']['responses'][200]['content']['application/json'];
export type TaskEvent =
  paths['/api/v1/tasks/{id}/events']['get']['responses'][200]['content']['application/json']['items'][number];
export type WorkerAction = 'claim' | 'submit' | 'skip' | 'release' | 'approve' | 'reject';

export const taskKey = (id: string) => ['tasks', 'one', id] as const;
export const taskEventsKey = (id: string) => ['tasks', 'events', id] as const;

export function useTask(id: string) {
  return useQuery({
    queryKey: taskKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/tasks/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

export function useTaskEvents(id: string) {
  return useQuery({
    queryKey: taskEventsKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/tasks/{id}/events', { params: { path: { id } } })),
  });
}

/** What the holder may send on to the next stage: who holds it there (or keep it themselves). */
export interface Handover {
  nextHolderId?: string;
  keepHolder?: boolean;
}

/** Runs one worker action on the task; the answer is the task as it now stands. */
export function runAction(
  id: string,
  action: Exclude<WorkerAction, 'claim'>,
  extra: Handover & { note?: string; reason?: string; tags?: string[] },
) {
  const path = { params: { path: { id } } };
  const handover = { nextHolderId: extra.nextHolderId, keepHolder: extra.keepHolder };
  switch (action) {
    case 'submit':
      return unwrap(api.POST('/api/v1/tasks/{id}/submit', { ...path, body: handover }));
    case 'approve':
      return unwrap(api.POST('/api/v1/tasks/{id}/approve', { ...path, body: handover }));
    case 'reject':
      return unwrap(
        api.POST('/api/v1/tasks/{id}/reject', {
          ...path,
          body: { ...handover, note: extra.note, tags: extra.tags?.length ? extra.tags : undefined },
        }),
      );
    case 'skip':
      return unwrap(api.POST('/api/v1/tasks/{id}/skip', { ...path, body: { reason: extra.reason } }));
    case 'release':
      return unwrap(api.POST('/api/v1/tasks/{id}/release', path));
  }
}

export const claimTask = (id: string) =>
  unwrap(api.POST('/api/v1/tasks/{id}/claim', { params: { path: { id } } }));

export const heartbeat = (id: string) =>
  unwrap(api.POST('/api/v1/tasks/{id}/heartbeat', { params: { path: { id } } }));
