import type { ReactNode } from 'react';
import type { OntologyDocument } from '../../../core/ontology/index.ts';
import type { EditorStore } from '../../../editor/index.ts';
import { useEditorState } from '../use-editor.ts';
import { CompareView } from './CompareView.tsx';
import type { Consensus, ConsensusView } from './use-consensus.ts';

const VIEWS: [ConsensusView, string][] = [
  ['draft', 'Draft'],
  ['overlay', 'Overlay'],
  ['side', 'Side by side'],
];

/**
 * Consensus review's main area: the draft on the editing canvas (`children`), or the annotators'
 * labels compared, overlaid or side by side.
 */
export function ConsensusStage({
  store,
  ontology,
  imageUrl,
  consensus,
  children,
}: {
  store: EditorStore;
  ontology: OntologyDocument;
  imageUrl: string;
  consensus: Consensus;
  children: ReactNode;
}) {
  const draft = useEditorState(store, (s) => s.document);
  const image = useEditorState(store, (s) => s.image);
  const { view } = consensus;
  return (
    <div className="cs-stage">
      <fieldset className="cs-views">
        <legend className="visually-hidden">Show</legend>
        {VIEWS.map(([value, label]) => (
          <button
            key={value}
            type="button"
            className="cs-view"
            aria-pressed={view === value}
            onClick={() => consensus.setView(value)}
          >
            {label}
          </button>
        ))}
        {view !== 'draft' && consensus.hidden.size > 0 ? (
          <span className="cs-views-note">
            {consensus.hidden.size} of {consensus.round.branches.length} annotators hidden
          </span>
        ) : null}
      </fieldset>
      <div className="cs-stage-body">
        {view === 'draft' ? (
          children
        ) : (
          <CompareView
            round={consensus.round}
            ontology={ontology}
            imageUrl={imageUrl}
            image={image}
            draft={draft}
            hidden={consensus.hidden}
            view={view}
            focus={consensus.focus}
          />
        )}
      </div>
    </div>
  );
}
