import { useId, useMemo } from 'react';
import { type LabelObject, modelNameOf } from '../../core/labels/format.ts';
import {
  type OntologyDocument,
  type Question,
  SHAPE_LABELS,
  type Shape,
} from '../../core/ontology/format.ts';
import { type EditorStore, missingRequired } from '../../editor/index.ts';
import { formatDateTime } from '../lib/format.ts';
import { AnswersForm } from './AnswersForm.tsx';
import { useEditorState } from './use-editor.ts';

// The selected object: its class (changeable to another class of the same shape), its attributes,
// and who made and last changed it. With several or no objects selected it says so.

const NO_QUESTIONS: readonly Question[] = [];

export interface ObjectPanelProps {
  store: EditorStore;
  ontology: OntologyDocument;
  /** Review stages: the class and attributes are shown but cannot be changed. */
  readOnly?: boolean;
  /** A display name for a user id (the document stores ids); the id itself when not given. */
  describeUser?: (userId: string) => string;
}

export function ObjectPanel({ store, ontology, readOnly = false, describeUser }: ObjectPanelProps) {
  const headingId = useId();
  const count = useEditorState(store, (s) => s.selection.length);
  const object = useEditorState(store, (s) =>
    s.selection.length === 1 ? (s.document.objects.find((o) => o.id === s.selection[0]) ?? null) : null,
  );
  const locked = useEditorState(store, (s) => object !== null && s.locked.has(object.id));

  return (
    <section className="ed-panel ed-object-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Object</h3>
      {object ? (
        <SelectedObject
          store={store}
          ontology={ontology}
          object={object}
          locked={locked}
          readOnly={readOnly}
          describeUser={describeUser}
        />
      ) : count > 1 ? (
        <p className="ed-hint">{count} objects selected.</p>
      ) : (
        <p className="ed-hint">
          No object selected. Click one on the image or in the list, or draw a new one.
        </p>
      )}
    </section>
  );
}

function SelectedObject({
  store,
  ontology,
  object,
  locked,
  readOnly,
  describeUser = (id) => id,
}: {
  store: EditorStore;
  ontology: OntologyDocument;
  object: LabelObject;
  locked: boolean;
  readOnly: boolean;
  describeUser?: ((userId: string) => string) | undefined;
}) {
  const classId = useId();
  const feature = ontology.objects.find((f) => f.featureId === object.featureId);
  const shape: Shape = object.geometry.type;
  // Classes it can become: a class keeps its geometry, so only classes of the same shape.
  const choices = ontology.objects.filter(
    (f) => f.shape === shape && (!f.archived || f.featureId === object.featureId),
  );
  const attributes = feature?.attributes ?? NO_QUESTIONS;
  const missing = useMemo(
    () => missingRequired(object.attributes, attributes),
    [object.attributes, attributes],
  );
  const frozen = readOnly || locked;
  const author = (id: string) => {
    const model = modelNameOf(id);
    return model === null ? describeUser(id) : `model ${model}`;
  };

  return (
    <div className="ed-object-detail">
      <div className="ed-field">
        <label htmlFor={classId}>Class</label>
        <select
          id={classId}
          value={object.featureId}
          disabled={frozen || choices.length < 2}
          onChange={(e) => store.setObjectFeature(object.id, e.target.value)}
        >
          {feature ? null : <option value={object.featureId}>Unknown class ({object.featureId})</option>}
          {choices.map((f) => (
            <option key={f.featureId} value={f.featureId}>
              {f.name || 'Unnamed class'}
            </option>
          ))}
        </select>
        <p className="ed-field-hint">
          {SHAPE_LABELS[shape]} · id <code>{object.id}</code>
        </p>
      </div>
      {locked && !readOnly ? (
        <div className="ed-locked-note">
          <span>Locked: unlock it to change it.</span>
          <button type="button" className="btn btn-small" onClick={() => store.toggleLocked(object.id)}>
            Unlock
          </button>
        </div>
      ) : null}
      {attributes.length > 0 ? (
        <AnswersForm
          // A fresh form per object, so text typed for one never shows on the next.
          key={object.id}
          questions={attributes}
          answers={object.attributes}
          readOnly={frozen}
          missing={missing}
          onChange={(next, coalesceKey) => store.setObjectAttributes(object.id, next, coalesceKey)}
        />
      ) : null}
      <dl className="ed-meta">
        <div>
          <dt>Created</dt>
          <dd>
            {author(object.createdBy)}, {formatDateTime(object.createdAt)}
          </dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>
            {author(object.updatedBy)}, {formatDateTime(object.updatedAt)}
          </dd>
        </div>
        {object.confidence !== undefined ? (
          <div>
            <dt>Confidence</dt>
            <dd>{Math.round(object.confidence * 100)}%</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
