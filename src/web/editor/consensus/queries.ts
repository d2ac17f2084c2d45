import { useQuery } from '@tanstack/react-query';
import type { TaskAgreement } from '../../../core/consensus/index.ts';
import type { LabelDocument } from '../../../core/labels/index.ts';
import { api, type Schemas, unwrap } from '../../api/client.ts';

type RoundOut = Schemas['ConsensusRound'];

/** One annotator's branch of a consensus round, with its labels as the editor's document type. */
export type RoundBranch = Omit<RoundOut['branches'][number], 'document'> & { document: LabelDocument };

/** A task's latest consensus round (GET /tasks/:id/consensus), typed with the core's documents. */
export type ConsensusRound = Omit<RoundOut, 'branches' | 'agreement' | 'consensus'> & {
  branches: RoundBranch[];
  agreement: TaskAgreement;
  consensus: LabelDocument;
};

/** What the reviewer took from whom, as the resolution records it. */
export type Taken =
  | { kind: 'object'; clusterKey: string; from: string }
  | { kind: 'question'; featureId: string; from: string }
  | { kind: 'attribute'; clusterKey: string; featureId: string; from: string };

export const consensusKey = (taskId: string) => ['tasks', 'consensus', taskId] as const;

/**
 * The round the reviewer compares, fetched once per task like the labels: the editor's draft is
 * made from it, and the round may not change under the reviewer (resolve answers round_changed).
 */
export function useConsensusRound(taskId: string, enabled: boolean) {
  return useQuery({
    queryKey: consensusKey(taskId),
    enabled,
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/tasks/{id}/consensus', { params: { path: { id: taskId } } }),
      )) as ConsensusRound,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

/** Saves the settled labels as the main branch's next revision and approves the task onward. */
export const resolveConsensus = (
  taskId: string,
  body: {
    roundId: string;
    baseRevision: number;
    document: LabelDocument;
    base: string;
    taken: Taken[];
    note?: string | undefined;
    nextHolderId?: string | undefined;
    keepHolder?: boolean | undefined;
  },
) =>
  unwrap(
    api.POST('/api/v1/tasks/{id}/consensus/resolve', {
      params: { path: { id: taskId } },
      body,
    }),
  );
