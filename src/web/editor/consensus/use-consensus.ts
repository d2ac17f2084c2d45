import { useMemo, useRef, useState } from 'react';
import type { EditorStore } from '../../../editor/index.ts';
import type { Handover } from '../../features/tasks/queries.ts';
import {
  type DraftMeta,
  type DraftStep,
  dropObject,
  initialDraft,
  standingTakes,
  startFrom,
  takeAnswer,
  takeAttribute,
  takeObject,
} from './draft.ts';
import { type ConsensusRound, resolveConsensus } from './queries.ts';

/** What the main area shows: the draft on the editing canvas, or the annotators' labels compared. */
export type ConsensusView = 'draft' | 'overlay' | 'side';

/** Everything the consensus panel, the compare view and the Resolve action share. */
export interface Consensus {
  round: ConsensusRound;
  meta: DraftMeta;
  /** Annotators left out of the compare view. */
  hidden: ReadonlySet<string>;
  toggleHidden: (annotatorId: string) => void;
  view: ConsensusView;
  setView: (view: ConsensusView) => void;
  /** The disagreement picked in the list (a cluster key or a question's feature id), drawn emphasised. */
  focus: string | null;
  setFocus: (key: string | null) => void;
  note: string;
  setNote: (note: string) => void;
  setBase: (annotatorId: string) => void;
  takeObject: (clusterKey: string, from: string) => void;
  dropObject: (clusterKey: string) => void;
  takeAnswer: (featureId: string, from: string) => void;
  takeAttribute: (clusterKey: string, attributeId: string, from: string) => void;
  /** Posts the resolution: the draft, its base and what stands of the takes, the note, and who holds the task next. */
  resolve: (taskId: string, handover: Handover) => Promise<void>;
}

/**
 * The consensus reviewer's session over an editor store made on the round's consensus labels:
 * the store holds the draft document (each take one undo step), this hook the rest. Null outside
 * consensus review.
 */
export function useConsensus(store: EditorStore, round: ConsensusRound | null): Consensus | null {
  const [meta, setMeta] = useState<DraftMeta | null>(() => (round ? initialDraft(round).meta : null));
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [view, setView] = useState<ConsensusView>('draft');
  const [focus, setFocus] = useState<string | null>(null);
  const [note, setNote] = useState('');
  // A new session (the next task, or the same task opened again) starts a new draft: the
  // editor view, and so this hook, outlives its stores.
  const [owner, setOwner] = useState(store);
  if (owner !== store) {
    setOwner(store);
    setMeta(round ? initialDraft(round).meta : null);
    setHidden(new Set());
    setView('draft');
    setFocus(null);
    setNote('');
  }
  // Actions read the latest bookkeeping, whichever render made them.
  const metaRef = useRef(meta);
  metaRef.current = meta;

  return useMemo(() => {
    if (!round || !meta) return null;
    const apply = (
      step: (doc: ReturnType<EditorStore['getState']>['document'], m: DraftMeta) => DraftStep | null,
    ) => {
      const current = metaRef.current;
      if (!current) return;
      const next = step(store.getState().document, current);
      if (!next) return;
      metaRef.current = next.meta;
      store.setDocument(next.document);
      setMeta(next.meta);
    };
    const clusterOf = (key: string) => round.agreement.objects.find((c) => c.key === key);
    return {
      round,
      meta,
      hidden,
      toggleHidden: (id) =>
        setHidden((h) => {
          const next = new Set(h);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      view,
      setView,
      focus,
      setFocus,
      note,
      setNote,
      setBase: (id) => apply(() => startFrom(round, id)),
      takeObject: (key, from) =>
        apply((doc, m) => {
          const c = clusterOf(key);
          return c ? takeObject(doc, m, round, c, from) : null;
        }),
      dropObject: (key) => apply((doc, m) => dropObject(doc, m, key)),
      takeAnswer: (featureId, from) => apply((doc, m) => takeAnswer(doc, m, round, featureId, from)),
      takeAttribute: (key, attributeId, from) =>
        apply((doc, m) => {
          const c = clusterOf(key);
          return c ? takeAttribute(doc, m, round, c, attributeId, from) : null;
        }),
      resolve: async (taskId, handover) => {
        const current = metaRef.current ?? meta;
        const document = store.getState().document;
        await resolveConsensus(taskId, {
          roundId: round.roundId,
          baseRevision: round.mainRevision,
          document,
          base: current.base,
          taken: standingTakes(document, current, round),
          note: note.trim() || undefined,
          ...handover,
        });
      },
    };
  }, [store, round, meta, hidden, view, focus, note]);
}
