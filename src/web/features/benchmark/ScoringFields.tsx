import { TextField } from '../../components/Field.tsx';
import { SHAPE_LABELS, SHAPE_TYPES } from './format.ts';
import type { SettingsDraft } from './settings-model.ts';

/** Thresholds per shape, the point tolerance, component weights, and a weight per class and question. */
export function ScoringFields({
  draft,
  names,
  onChange,
}: {
  draft: SettingsDraft;
  names: ReadonlyMap<string, string>;
  onChange: (next: SettingsDraft) => void;
}) {
  const weightRows = (table: 'classWeights' | 'questionWeights', caption: string) => {
    const ids = Object.keys(draft[table]);
    if (ids.length === 0) return null;
    return (
      <div className="table-wrap">
        <table className="table benchmark-weights">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="cell-number">
                Weight
              </th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => {
              const name = names.get(id) ?? id;
              return (
                <tr key={id}>
                  <th scope="row">
                    {name}
                    {names.has(id) ? null : <span className="cell-muted"> (not in the ontology)</span>}
                  </th>
                  <td className="cell-number">
                    <input
                      type="number"
                      min={0}
                      max={100}
                      step="any"
                      aria-label={`Weight of ${name}`}
                      value={draft[table][id]}
                      onChange={(e) =>
                        onChange({ ...draft, [table]: { ...draft[table], [id]: e.target.value } })
                      }
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  };

  return (
    <fieldset className="benchmark-group">
      <legend>Scoring</legend>
      <p className="field-hint">
        An object matches a gold one when their similarity (IoU for areas) reaches its shape’s threshold.
      </p>
      <div className="benchmark-grid">
        {SHAPE_TYPES.map((t) => (
          <TextField
            key={t}
            label={`${SHAPE_LABELS[t]} threshold`}
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={draft.thresholds[t]}
            onChange={(e) => onChange({ ...draft, thresholds: { ...draft.thresholds, [t]: e.target.value } })}
          />
        ))}
        <TextField
          label="Point tolerance (px)"
          hint="Points, polylines, skeletons: the distance at which similarity is 0.61."
          type="number"
          min={0}
          max={1000}
          step="any"
          value={draft.pointTolerance}
          onChange={(e) => onChange({ ...draft, pointTolerance: e.target.value })}
        />
      </div>
      <p className="field-hint">How much each part of a matched object’s score counts.</p>
      <div className="benchmark-grid">
        {(
          [
            ['localisation', 'Localisation weight'],
            ['class', 'Class weight'],
            ['attributes', 'Attributes weight'],
          ] as const
        ).map(([key, label]) => (
          <TextField
            key={key}
            label={label}
            type="number"
            min={0}
            max={100}
            step="any"
            value={draft.weights[key]}
            onChange={(e) => onChange({ ...draft, weights: { ...draft.weights, [key]: e.target.value } })}
          />
        ))}
      </div>
      {weightRows('classWeights', 'Weight of each object class in a task’s score')}
      {weightRows('questionWeights', 'Weight of each classification question in a task’s score')}
    </fieldset>
  );
}
