import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import { projectsKey } from '../projects/queries.ts';
import { taskKey, useTask } from '../tasks/queries.ts';

// Issues: raised on a task (optionally pinned to a label, a frame range or a point), with a comment
// thread, an assignee and open/resolved state. Every query key starts with ['issues'], so one
// invalidation refreshes them all; a change to issues also refreshes the queues (open counts).

// Types are read off the API's own routes, so they follow the server whatever its schemas are named.
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type Issue = Json<paths['/api/v1/tasks/{id}/issues']['post']['responses'][201]>;
export type IssueDetail = Json<paths['/api/v1/issues/{id}']['get']['responses'][200]>;
export type IssueComment = IssueDetail['comments'][number];
export type IssuePerson = NonNullable<Issue['author']>;
export type IssueStatus = Issue['status'];
/** What raising an issue sends (POST /tasks/:id/issues). */
export type NewIssueInput = Json<NonNullable<paths['/api/v1/tasks/{id}/issues']['post']['requestBody']>>;
export type NewCommentInput = Json<NonNullable<paths['/api/v1/issues/{id}/comments']['post']['requestBody']>>;
/** A change to an issue, checked against the revision it was read at (409 revision_conflict). */
export type IssuePatch = Json<NonNullable<paths['/api/v1/issues/{id}']['patch']['requestBody']>>;

export interface ProjectIssueFilters {
  status?: IssueStatus | '';
  /** A user id, 'me', 'none' (unassigned) or '' (anyone). */
  assigneeId?: string;
  /** A user id, 'me' or '' (anyone). */
  authorId?: string;
  stageId?: string;
  taskId?: string;
  labelId?: string;
}
export type Involvement = 'assigned' | 'authored' | 'mentioned';
export interface MyIssueFilters {
  involvement?: Involvement | '';
  status?: IssueStatus | '';
}

export const issuesKey = ['issues'] as const;
export const issueKey = (id: string) => [...issuesKey, 'one', id] as const;
export const taskIssuesKey = (taskId: string) => [...issuesKey, 'task', taskId] as const;
export const projectIssuesKey = (projectId: string) => [...issuesKey, 'project', projectId] as const;
export const myIssuesKey = [...issuesKey, 'mine'] as const;
export const issueTagsKey = (projectId: string) => [...issuesKey, 'tags', projectId] as const;

const PAGE_SIZE = 50;
/** The most issues one task's list fetches (pages of 100). */
const TASK_ISSUE_LIMIT = 1000;

export function fetchProjectIssues(
  projectId: string,
  filters: ProjectIssueFilters,
  cursor?: string,
  limit = PAGE_SIZE,
) {
  return unwrap(
    api.GET('/api/v1/projects/{id}/issues', {
      params: {
        path: { id: projectId },
        query: {
          status: filters.status || undefined,
          assigneeId: filters.assigneeId || undefined,
          authorId: filters.authorId || undefined,
          stageId: filters.stageId || undefined,
          taskId: filters.taskId || undefined,
          labelId: filters.labelId || undefined,
          cursor,
          limit,
        },
      },
    }),
  );
}

/** A project's issues, newest first, a page at a time. */
export function useProjectIssues(projectId: string, filters: ProjectIssueFilters) {
  return useInfiniteQuery({
    queryKey: [...projectIssuesKey(projectId), filters],
    queryFn: ({ pageParam }) => fetchProjectIssues(projectId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The signed-in user's issues across projects (assigned to, raised by or mentioning them). */
export function useMyIssues(filters: MyIssueFilters) {
  return useInfiniteQuery({
    queryKey: [...myIssuesKey, filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/issues', {
          params: {
            query: {
              involvement: filters.involvement || undefined,
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
  });
}

/**
 * Every issue of one task the caller may see (open and resolved, newest first), for the editor.
 * The list is the project's, filtered by task; the project comes from the task (already cached
 * on the task page).
 */
export function useTaskIssues(taskId: string) {
  const task = useTask(taskId);
  const projectId = task.data?.projectId;
  return useQuery({
    queryKey: taskIssuesKey(taskId),
    queryFn: async () => {
      const items: Issue[] = [];
      let cursor: string | undefined;
      do {
        const page = await fetchProjectIssues(projectId ?? '', { taskId }, cursor, 100);
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < TASK_ISSUE_LIMIT);
      return { items };
    },
    enabled: Boolean(projectId),
  });
}

/** One issue with its comment thread. */
export function useIssue(id: string) {
  return useQuery({
    queryKey: issueKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/issues/{id}', { params: { path: { id } } })),
    enabled: id !== '',
    retry: false,
  });
}

/** The project's issue tags (common rejection reasons), in their saved order. */
export function useIssueTags(projectId: string) {
  return useQuery({
    queryKey: issueTagsKey(projectId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/projects/{id}/issue-tags', {
          params: { path: { id: projectId } },
        }),
      ),
    select: (data) => data.items.map((t) => t.name),
    staleTime: 60_000,
    enabled: projectId !== '',
  });
}

// Plain requests (callers wrap them in mutations, or use the hooks below that also refresh).

export const raiseIssue = (taskId: string, body: NewIssueInput) =>
  unwrap(api.POST('/api/v1/tasks/{id}/issues', { params: { path: { id: taskId } }, body }));

export const commentOnIssue = (id: string, body: NewCommentInput) =>
  unwrap(api.POST('/api/v1/issues/{id}/comments', { params: { path: { id } }, body }));

export const updateIssue = (id: string, patch: IssuePatch) =>
  unwrap(api.PATCH('/api/v1/issues/{id}', { params: { path: { id } }, body: patch }));

export const saveIssueTags = (projectId: string, names: string[]) =>
  unwrap(
    api.PUT('/api/v1/projects/{id}/issue-tags', {
      params: { path: { id: projectId } },
      body: { names },
    }),
  );

/**
 * After any change to issues: every issue list and detail, and the queues and task pages that
 * show issue counts.
 */
export function useInvalidateIssues() {
  const queryClient = useQueryClient();
  return (taskId?: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: issuesKey }),
      queryClient.invalidateQueries({ queryKey: [...projectsKey, 'tasks'] }),
      taskId ? queryClient.invalidateQueries({ queryKey: taskKey(taskId) }) : null,
    ]);
}

export function useRaiseIssue(taskId: string) {
  const invalidate = useInvalidateIssues();
  return useMutation({
    mutationFn: (body: NewIssueInput) => raiseIssue(taskId, body),
    onSuccess: () => invalidate(taskId),
  });
}

export function useCommentOnIssue(id: string) {
  const invalidate = useInvalidateIssues();
  return useMutation({
    mutationFn: (body: NewCommentInput) => commentOnIssue(id, body),
    onSuccess: () => invalidate(),
  });
}

/** Resolve, reopen, reassign or retag; a stale revision (409) reloads the issue either way. */
export function useUpdateIssue(id: string) {
  const invalidate = useInvalidateIssues();
  return useMutation({
    mutationFn: (patch: IssuePatch) => updateIssue(id, patch),
    onSettled: (issue) => invalidate(issue?.taskId),
  });
}

export function useSaveIssueTags(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (names: string[]) => saveIssueTags(projectId, names),
    onSuccess: (data) => queryClient.setQueryData(issueTagsKey(projectId), data),
  });
}
