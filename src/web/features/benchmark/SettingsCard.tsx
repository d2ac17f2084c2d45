import { useState } from 'react';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { Card } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { useOntologyVersion } from '../../editor/queries.ts';
import type { Project } from '../projects/queries.ts';
import { useProjectWorkflow } from '../queue/queries.ts';
import { useBenchmarkSettings, useGoldSets } from './queries.ts';
import { SettingsForm } from './SettingsForm.tsx';

/**
 * The scoring, screening and monitoring settings. Loads what the form offers (gold sets, the
 * workflow's annotate stages, the ontology's classes) and mounts the form per revision read.
 */
export function SettingsCard({ project, editable }: { project: Project; editable: boolean }) {
  const settings = useBenchmarkSettings(project.id);
  const sets = useGoldSets(project.id);
  const workflow = useProjectWorkflow(project.id);
  const ontology = useOntologyVersion(project.ontology);
  const [savedRevision, setSavedRevision] = useState<number | null>(null);
  const pending =
    settings.isPending || sets.isPending || workflow.isPending || (project.ontology && ontology.isPending);

  return (
    <Card title="Settings">
      <p className="card-description">
        How labels are scored against the gold, who is screened before real work, and how often gold tasks are
        mixed into annotate stages.
      </p>
      <ErrorAlert error={settings.error ?? sets.error ?? workflow.error ?? ontology.error} />
      {pending ? (
        <Loading label="Loading the settings…" />
      ) : settings.data ? (
        <SettingsForm
          key={settings.data.revision}
          projectId={project.id}
          settings={settings.data}
          goldSets={sets.data?.items ?? []}
          stages={(workflow.data?.workflow.stages ?? []).filter((s) => s.type === 'annotate')}
          ontology={ontology.data ?? null}
          editable={editable}
          onSaved={setSavedRevision}
        />
      ) : null}
      {savedRevision !== null && savedRevision === settings.data?.revision ? (
        <Notice kind="success">The benchmark settings were saved.</Notice>
      ) : null}
    </Card>
  );
}
