import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';

// The label reviews of a task (GET/POST /api/v1/tasks/:id/reviews): each label of the task's
// main-branch head with its review status, and the reviewer's decisions, posted as they are made.

export type LabelReview = Schemas['LabelReview'];
export type ReviewStatus = LabelReview['status'];
/** Every label's review, computed at `labelRevision` (the main branch's head): decisions name it. */
export type TaskReviews = Schemas['ReviewSheet'];

export interface ReviewDecision {
  labelId: string;
  decision: 'approve' | 'reject';
  reason?: string;
  tags?: string[];
}

export const STATUS_TEXT: Record<ReviewStatus, string> = {
  new: 'New',
  approved: 'Approved',
  rejected: 'Rejected',
  resolved: 'Resolved',
  reopened: 'Reopened',
};

export const reviewsKey = (taskId: string) => ['tasks', 'reviews', taskId] as const;

export const fetchReviews = (taskId: string): Promise<TaskReviews> =>
  unwrap(api.GET('/api/v1/tasks/{id}/reviews', { params: { path: { id: taskId } } }));

export function useReviews(taskId: string, enabled = true) {
  return useQuery({
    queryKey: reviewsKey(taskId),
    queryFn: () => fetchReviews(taskId),
    enabled,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** Posts decisions made against `labelRevision`; the answer is every label's review as it now stands. */
export const postDecisions = (
  taskId: string,
  labelRevision: number,
  decisions: ReviewDecision[],
): Promise<TaskReviews> =>
  unwrap(
    api.POST('/api/v1/tasks/{id}/reviews', {
      params: { path: { id: taskId } },
      body: { labelRevision, decisions },
    }),
  );
