import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import type { OntologyDocument } from '../../../core/ontology/index.ts';
import type { Stage } from '../../../core/workflow/format.ts';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { MonitoringFields } from './MonitoringFields.tsx';
import { type BenchmarkSettings, type GoldSet, settingsKey } from './queries.ts';
import { ScoringFields } from './ScoringFields.tsx';
import { ScreeningFields } from './ScreeningFields.tsx';
import { DraftError, draftOf, inputOf, type SettingsDraft } from './settings-model.ts';

/** The settings as one form, saved with the revision it was read at (409 when someone saved since). */
export function SettingsForm({
  projectId,
  settings,
  goldSets,
  stages,
  ontology,
  editable,
  onSaved,
}: {
  projectId: string;
  settings: BenchmarkSettings;
  goldSets: readonly GoldSet[];
  stages: readonly Stage[];
  ontology: OntologyDocument | null;
  editable: boolean;
  /** After a save (with the new revision) and on the next edit (null): the card keeps the notice across the remount. */
  onSaved: (revision: number | null) => void;
}) {
  const queryClient = useQueryClient();
  const names = useMemo(() => {
    const byId = new Map<string, string>();
    for (const o of ontology?.objects ?? []) byId.set(o.featureId, o.name);
    for (const q of ontology?.classifications ?? []) byId.set(q.featureId, q.name);
    return byId;
  }, [ontology]);
  const [draft, setDraft] = useState<SettingsDraft>(() =>
    draftOf(settings, {
      objects: (ontology?.objects ?? []).filter((o) => !o.archived).map((o) => o.featureId),
      questions: (ontology?.classifications ?? []).filter((q) => !q.archived).map((q) => q.featureId),
    }),
  );
  const save = useMutation({
    mutationFn: async (d: SettingsDraft) => {
      const body = inputOf(d, settings.revision, { feature: (id) => names.get(id) ?? id });
      return unwrap(
        api.PUT('/api/v1/projects/{id}/benchmark-settings', { params: { path: { id: projectId } }, body }),
      );
    },
    onSuccess: (next) => {
      onSaved(next.revision);
      // The form remounts on the new revision, from what the server kept.
      queryClient.setQueryData(settingsKey(projectId), next);
    },
  });
  const change = (next: SettingsDraft) => {
    setDraft(next);
    onSaved(null);
    if (save.error && !isApiError(save.error, 'revision_conflict')) save.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft);
  };
  const conflict = isApiError(save.error, 'revision_conflict');
  const field =
    save.error instanceof DraftError
      ? save.error.field
      : isApiError(save.error)
        ? save.error.field
        : undefined;

  return (
    <form className="form benchmark-settings" onSubmit={submit} noValidate>
      <fieldset className="benchmark-fieldset" disabled={!editable}>
        <ScoringFields draft={draft} names={names} onChange={change} />
        <ScreeningFields
          draft={draft.screening}
          goldSets={goldSets}
          onChange={(screening) => change({ ...draft, screening })}
        />
        <MonitoringFields
          draft={draft.monitoring}
          goldSets={goldSets}
          stages={stages}
          onChange={(monitoring) => change({ ...draft, monitoring })}
        />
      </fieldset>
      {conflict ? (
        <Notice kind="error">
          These settings were changed by someone else — reload to see them, then make your changes again.{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void queryClient.invalidateQueries({ queryKey: settingsKey(projectId) })}
          >
            Reload settings
          </button>
        </Notice>
      ) : (
        <ErrorAlert error={save.error} />
      )}
      {field && !conflict ? (
        <p className="field-hint">
          Field: <code>{field}</code>
        </p>
      ) : null}
      {editable ? (
        <div className="form-actions">
          <SubmitButton busy={save.isPending}>Save settings</SubmitButton>
          <span className="field-hint">Revision {settings.revision}</span>
        </div>
      ) : null}
    </form>
  );
}
