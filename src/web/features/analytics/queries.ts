import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';

// The analytics API (src/server/modules/analytics): the project dashboard and the workspace
// report. Types are read off the routes.

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<P extends keyof paths> = paths[P]['get'] extends { responses: infer R }
  ? R extends Record<200, infer B>
    ? Json<B>
    : never
  : never;

export type ProjectAnalytics = Ok<'/api/v1/projects/{id}/analytics'>;
export type PersonRow = ProjectAnalytics['people'][number];
export type StageRow = ProjectAnalytics['stages'][number];
export type ClassRow = ProjectAnalytics['classes'][number];
export type DayRow = ProjectAnalytics['days'][number];
export type IssueRow = ProjectAnalytics['issues']['byReviewer'][number];
export type WorkspaceAnalytics = Ok<'/api/v1/analytics/workspace'>;
export type WorkspaceProjectRow = WorkspaceAnalytics['projects'][number];
export type WorkspacePersonRow = WorkspaceAnalytics['people'][number];
export type WorkspaceDayRow = WorkspaceAnalytics['days'][number];

/** The filters as the page keeps them: '' is "any"; days are YYYY-MM-DD (UTC). */
export interface AnalyticsFilters {
  from: string;
  to: string;
  stageId: string;
  datasetId: string;
  featureId: string;
  groupId: string;
  /** One person (drill-down); null: everyone the caller may see. */
  user: { id: string; name: string } | null;
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last 30 days up to today (UTC). */
export const lastDays = (days = 30, now = Date.now()): Pick<AnalyticsFilters, 'from' | 'to'> => ({
  from: dayOf(now - (days - 1) * DAY_MS),
  to: dayOf(now),
});

const orUndefined = (s: string) => s || undefined;

export function useProjectAnalytics(projectId: string, f: AnalyticsFilters) {
  return useQuery({
    queryKey: ['projects', 'analytics', projectId, f],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/projects/{id}/analytics', {
          params: {
            path: { id: projectId },
            query: {
              from: orUndefined(f.from),
              to: orUndefined(f.to),
              stageId: orUndefined(f.stageId),
              datasetId: orUndefined(f.datasetId),
              featureId: orUndefined(f.featureId),
              groupId: orUndefined(f.groupId),
              userId: f.user?.id,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export type WorkspaceFilters = Pick<AnalyticsFilters, 'from' | 'to' | 'groupId' | 'user'> & {
  projectId: string;
};

export function useWorkspaceAnalytics(f: WorkspaceFilters) {
  return useQuery({
    queryKey: ['analytics', 'workspace', f],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/analytics/workspace', {
          params: {
            query: {
              from: orUndefined(f.from),
              to: orUndefined(f.to),
              projectId: orUndefined(f.projectId),
              groupId: orUndefined(f.groupId),
              userId: f.user?.id,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
