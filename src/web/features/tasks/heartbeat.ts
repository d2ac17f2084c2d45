import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { heartbeat, type TaskDetail, taskKey } from './queries.ts';

export const HEARTBEAT_MS = 60_000;

/**
 * While the task is the user's, renews its lease every minute (the server lets it lapse after
 * the stage's inactivity time). Returns the latest lease end. A refused heartbeat (the task was
 * taken away or the lease lapsed) reloads the task, so the page shows where it stands.
 */
export function useHeartbeat(task: Pick<TaskDetail, 'id' | 'mine'>): string | null {
  const queryClient = useQueryClient();
  const [lease, setLease] = useState<string | null>(null);
  useEffect(() => {
    if (!task.mine) return;
    const timer = setInterval(() => {
      heartbeat(task.id).then(
        (answer) => setLease(answer.leaseExpiresAt),
        () => void queryClient.invalidateQueries({ queryKey: taskKey(task.id) }),
      );
    }, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [task.id, task.mine, queryClient]);
  return task.mine ? lease : null;
}
