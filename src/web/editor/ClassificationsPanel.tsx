import { useId } from 'react';
import type { OntologyDocument } from '../../core/ontology/format.ts';
import type { EditorStore, QuestionPath } from '../../editor/index.ts';
import { AnswersForm } from './AnswersForm.tsx';
import { useEditorState } from './use-editor.ts';

// The questions about the whole data unit (the ontology's classifications). Renders nothing when
// the ontology asks none.

export interface ClassificationsPanelProps {
  store: EditorStore;
  ontology: OntologyDocument;
  /** Required classifications still unanswered, flagged (the page passes them after a refused submit). */
  missing?: readonly QuestionPath[];
  /** Review stages: the answers are shown but cannot be changed. */
  readOnly?: boolean;
}

export function ClassificationsPanel({
  store,
  ontology,
  missing,
  readOnly = false,
}: ClassificationsPanelProps) {
  const headingId = useId();
  const answers = useEditorState(store, (s) => s.document.classifications);
  if (!ontology.classifications.some((q) => !q.archived) && answers.length === 0) return null;
  return (
    <section className="ed-panel ed-classifications" aria-labelledby={headingId}>
      <h3 id={headingId}>Classifications</h3>
      <AnswersForm
        questions={ontology.classifications}
        answers={answers}
        readOnly={readOnly}
        missing={missing}
        onChange={(next, coalesceKey) => store.setClassifications(next, coalesceKey)}
      />
    </section>
  );
}
