import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LabelDocument } from '../../../core/labels/index.ts';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';

// The benchmark API (src/server/modules/benchmarks): gold sets, settings, the report, screening
// attempts and the training feedback of one scored task. Types are read off the routes.

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<P extends keyof paths, M extends 'get' | 'post' | 'put'> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends Record<200, infer B>
    ? Json<B>
    : R extends Record<201, infer B>
      ? Json<B>
      : never
  : never;

export type GoldSet = Ok<'/api/v1/projects/{id}/gold-sets', 'get'>['items'][number];
export type GoldSetDetail = Ok<'/api/v1/gold-sets/{id}', 'get'>;
export type GoldTask = GoldSetDetail['tasks'][number];
export type BenchmarkSettings = Ok<'/api/v1/projects/{id}/benchmark-settings', 'get'>;
export type BenchmarkSettingsInput = NonNullable<
  paths['/api/v1/projects/{id}/benchmark-settings']['put']['requestBody']
>['content']['application/json'];
export type BenchmarkReport = Ok<'/api/v1/projects/{id}/benchmark/report', 'get'>;
export type ReportAnnotator = BenchmarkReport['annotators'][number];
export type ReportBreakdown = BenchmarkReport['classes'][number];
export type ScreeningStatus = Ok<'/api/v1/projects/{id}/screening', 'get'>;
export type ScreeningAttempt = ScreeningStatus['attempts'][number];
type FeedbackOut = Ok<'/api/v1/tasks/{id}/gold-feedback', 'get'>;
/** The feedback with its documents typed as the label format (the API's schema widens them). */
export type GoldFeedback = Omit<FeedbackOut, 'gold' | 'submitted'> & {
  gold: LabelDocument;
  submitted: LabelDocument;
};
export type ObjectOutcome = GoldFeedback['result']['objects'][number];
export type QuestionOutcome = GoldFeedback['result']['questions'][number];

export type Purpose = 'screening' | 'monitoring';

/** The report's filters as the page keeps them: '' is "any". `from`/`to` are dates (YYYY-MM-DD). */
export interface ReportFilters {
  purpose: Purpose | '';
  from: string;
  to: string;
  /** One annotator (managers' drill-down); null: everyone the caller may see. */
  user: { id: string; name: string } | null;
}

const base = (projectId: string) => ['projects', 'benchmark', projectId] as const;
export const benchmarkKey = base;
export const goldSetsKey = (projectId: string) => [...base(projectId), 'gold-sets'] as const;
export const goldSetKey = (id: string) => ['gold-sets', 'one', id] as const;
export const settingsKey = (projectId: string) => [...base(projectId), 'settings'] as const;
export const screeningKey = (projectId: string) => [...base(projectId), 'screening'] as const;
export const feedbackKey = (taskId: string) => ['tasks', 'gold-feedback', taskId] as const;

/** The report's query: the dates as the start of the day `from` and of the day after `to`. */
export function reportQuery(f: ReportFilters) {
  const dayAfter = (day: string) => {
    const d = new Date(`${day}T00:00:00.000Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString();
  };
  return {
    purpose: f.purpose || undefined,
    from: f.from ? new Date(`${f.from}T00:00:00.000Z`).toISOString() : undefined,
    to: f.to ? dayAfter(f.to) : undefined,
    userId: f.user?.id,
  };
}

export function useGoldSets(projectId: string) {
  return useQuery({
    queryKey: goldSetsKey(projectId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/projects/{id}/gold-sets', { params: { path: { id: projectId } } })),
  });
}

export function useGoldSet(id: string) {
  return useQuery({
    queryKey: goldSetKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/gold-sets/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

export function useBenchmarkSettings(projectId: string) {
  return useQuery({
    queryKey: settingsKey(projectId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/projects/{id}/benchmark-settings', { params: { path: { id: projectId } } })),
    retry: false,
  });
}

/** The report under the filters (workers get their own scores only); the last stays shown while another loads. */
export function useBenchmarkReport(projectId: string, filters: ReportFilters) {
  return useQuery({
    queryKey: [...base(projectId), 'report', filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/projects/{id}/benchmark/report', {
          params: { path: { id: projectId }, query: reportQuery(filters) },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Screening attempts: the caller's own, or (managers) everyone's. */
export function useScreeningStatus(projectId: string, enabled = true) {
  return useQuery({
    queryKey: screeningKey(projectId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/projects/{id}/screening', { params: { path: { id: projectId } } })),
    enabled,
  });
}

export function useGoldFeedback(taskId: string) {
  return useQuery({
    queryKey: feedbackKey(taskId),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/tasks/{id}/gold-feedback', { params: { path: { id: taskId } } }),
      )) as GoldFeedback,
    retry: false,
  });
}

export const retryScreening = (projectId: string) =>
  unwrap(api.POST('/api/v1/projects/{id}/screening/retry', { params: { path: { id: projectId } } }));
