import type { Stage } from '../../../core/workflow/format.ts';
import { TextField } from '../../components/Field.tsx';
import { GoldSetSelect } from './GoldSetSelect.tsx';
import type { GoldSet } from './queries.ts';
import type { MonitoringDraft } from './settings-model.ts';

/** Monitoring: one task in N an annotator is served in the chosen annotate stages is a gold task. */
export function MonitoringFields({
  draft,
  goldSets,
  stages,
  onChange,
}: {
  draft: MonitoringDraft;
  goldSets: readonly GoldSet[];
  stages: readonly Stage[];
  onChange: (next: MonitoringDraft) => void;
}) {
  const toggle = (id: string, on: boolean) =>
    onChange({ ...draft, stageIds: on ? [...draft.stageIds, id] : draft.stageIds.filter((s) => s !== id) });
  return (
    <fieldset className="benchmark-group">
      <legend>Monitoring</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.on}
          onChange={(e) => onChange({ ...draft, on: e.target.checked })}
        />
        Enable monitoring
      </label>
      <p className="field-hint">Gold tasks are mixed into annotators’ work, unannounced, and scored.</p>
      {draft.on ? (
        <>
          <div className="benchmark-grid">
            <GoldSetSelect
              label="Monitoring gold set"
              goldSets={goldSets}
              value={draft.goldSetId}
              onChange={(goldSetId) => onChange({ ...draft, goldSetId })}
            />
            <TextField
              label="One gold task in every (N)"
              hint="N − 1 real tasks, then one gold task."
              type="number"
              min={2}
              max={10000}
              step={1}
              value={draft.everyN}
              onChange={(e) => onChange({ ...draft, everyN: e.target.value })}
            />
          </div>
          <fieldset className="radio-row benchmark-stages">
            <legend>Monitored stages</legend>
            {stages.map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={draft.stageIds.includes(s.id)}
                  onChange={(e) => toggle(s.id, e.target.checked)}
                />
                {s.name}
              </label>
            ))}
            <span className="field-hint">None checked: every annotate stage.</span>
          </fieldset>
        </>
      ) : null}
    </fieldset>
  );
}
