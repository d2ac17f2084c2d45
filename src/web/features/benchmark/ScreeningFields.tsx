import { TextField } from '../../components/Field.tsx';
import { GoldSetSelect } from './GoldSetSelect.tsx';
import type { GoldSet } from './queries.ts';
import type { ScreeningDraft } from './settings-model.ts';

/** Screening: annotators score on K gold tasks, and pass, before the project serves them real ones. */
export function ScreeningFields({
  draft,
  goldSets,
  onChange,
}: {
  draft: ScreeningDraft;
  goldSets: readonly GoldSet[];
  onChange: (next: ScreeningDraft) => void;
}) {
  return (
    <fieldset className="benchmark-group">
      <legend>Screening</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.on}
          onChange={(e) => onChange({ ...draft, on: e.target.checked })}
        />
        Enable screening
      </label>
      <p className="field-hint">
        Annotators must pass a screening attempt on gold tasks before they get real tasks.
      </p>
      {draft.on ? (
        <div className="benchmark-grid">
          <GoldSetSelect
            label="Screening gold set"
            goldSets={goldSets}
            value={draft.goldSetId}
            onChange={(goldSetId) => onChange({ ...draft, goldSetId })}
          />
          <TextField
            label="Tasks per attempt"
            type="number"
            min={1}
            max={500}
            step={1}
            value={draft.taskCount}
            onChange={(e) => onChange({ ...draft, taskCount: e.target.value })}
          />
          <TextField
            label="Pass threshold (%)"
            hint="The mean score an attempt needs."
            type="number"
            min={0}
            max={100}
            step={1}
            value={draft.passPercent}
            onChange={(e) => onChange({ ...draft, passPercent: e.target.value })}
          />
          <TextField
            label="Attempts allowed"
            hint="1: no retry."
            type="number"
            min={1}
            max={100}
            step={1}
            value={draft.maxAttempts}
            onChange={(e) => onChange({ ...draft, maxAttempts: e.target.value })}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={draft.feedback}
              onChange={(e) => onChange({ ...draft, feedback: e.target.checked })}
            />
            Training feedback after each screening task
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}
