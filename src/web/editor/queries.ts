import { useQuery } from '@tanstack/react-query';
import type { LabelDocument } from '../../core/labels/index.ts';
import type { OntologyDocument } from '../../core/ontology/index.ts';
import { api, unwrap } from '../api/client.ts';

export interface LabelsHead {
  revision: number;
  document: LabelDocument;
}

export const labelsKey = (taskId: string) => ['tasks', 'labels', taskId] as const;

export async function fetchLabels(taskId: string): Promise<LabelsHead> {
  const head = await unwrap(api.GET('/api/v1/tasks/{id}/labels', { params: { path: { id: taskId } } }));
  return { revision: head.revision, document: head.document as LabelDocument };
}

/** The head of the user's branch of the task's labels, fetched once per task: the editor owns it after. */
export function useLabels(taskId: string) {
  return useQuery({
    queryKey: labelsKey(taskId),
    queryFn: () => fetchLabels(taskId),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

/** A pinned ontology version never changes, so it is fetched once (the server sends it in the current format). */
export function useOntologyVersion(ref: { id: string; version: number } | null | undefined) {
  return useQuery({
    queryKey: ['ontologies', 'version', ref?.id, ref?.version],
    enabled: Boolean(ref),
    queryFn: async (): Promise<OntologyDocument> => {
      const v = await unwrap(
        api.GET('/api/v1/ontologies/{id}/versions/{version}', {
          params: { path: { id: ref?.id ?? '', version: ref?.version ?? 0 } },
        }),
      );
      return v.schema as OntologyDocument;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}
