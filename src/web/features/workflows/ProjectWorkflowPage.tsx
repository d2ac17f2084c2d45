import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type Stage, validateWorkflow, type Workflow } from '../../../core/workflow/index.ts';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { TextField } from '../../components/Field.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { useCurrentUser } from '../auth/session.tsx';
import { type Project, projectKey, useProject } from '../projects/queries.ts';
import { WorkflowBuilder } from './LazyBuilder.tsx';
import { removedStages } from './model.ts';
import { mayEditWorkflow } from './permissions.ts';
import {
  type ProjectWorkflow,
  projectWorkflowKey,
  type StageCount,
  stageCountsKey,
  useProjectWorkflow,
  useStageCounts,
} from './queries.ts';
import { SaveAsTemplateDialog } from './SaveAsTemplateDialog.tsx';
import { SaveBar } from './SaveBar.tsx';
import { StageMappingDialog } from './StageMappingDialog.tsx';

/** `/projects/:id/workflow/edit`: change the project's workflow (each save is a new version). */
export function ProjectWorkflowPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  const current = useProjectWorkflow(id);
  // Kept here: a save replaces the stored version, and the editor below starts again from it.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  if (project.isPending || current.isPending) return <Loading />;
  if (project.isError || current.isError) {
    return (
      <>
        <PageHeader title="Workflow" />
        <ErrorAlert error={project.error ?? current.error} />
        <p>
          <Link to={`/projects/${id}`}>Back to the project</Link>
        </p>
      </>
    );
  }
  return (
    <ProjectWorkflowEditor
      key={current.data.version}
      project={project.data}
      current={current.data}
      justSaved={savedVersion === current.data.version}
      onSaved={setSavedVersion}
    />
  );
}

function ProjectWorkflowEditor({
  project,
  current,
  justSaved,
  onSaved,
}: {
  project: Project;
  current: ProjectWorkflow;
  justSaved: boolean;
  onSaved: (version: number) => void;
}) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const counts = useStageCounts(project.id);
  const mayEdit = mayEditWorkflow(me, project) && project.status !== 'archived';
  const [doc, setDoc] = useState<Workflow>(current.workflow);
  const [note, setNote] = useState('');
  const [dirty, setDirty] = useState(false);
  const [mappingFor, setMappingFor] = useState<Stage[] | null>(null);
  const [asTemplate, setAsTemplate] = useState(false);
  const [templateSaved, setTemplateSaved] = useState<string | null>(null);
  const issues = useMemo(() => validateWorkflow(doc), [doc]);

  const save = useMutation({
    mutationFn: (stageMapping: Record<string, string> | undefined) =>
      unwrap(
        api.PUT('/api/v1/projects/{id}/workflow', {
          params: { path: { id: project.id } },
          body: {
            workflow: doc as never,
            baseVersion: current.version,
            ...(stageMapping ? { stageMapping } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      ) as Promise<ProjectWorkflow>,
    onSuccess: (next) => {
      setMappingFor(null);
      setDirty(false);
      onSaved(next.version);
      setNote('');
      queryClient.setQueryData(projectWorkflowKey(project.id), next);
      void queryClient.invalidateQueries({ queryKey: stageCountsKey(project.id) });
      void queryClient.invalidateQueries({ queryKey: projectKey(project.id) });
    },
    onError: (err) => {
      // The server knows of tasks the counts had not shown yet: ask for them too.
      if (isApiError(err, 'unmapped_stage')) {
        const id = err.field?.replace(/^stageMapping\./, '');
        const stage = current.workflow.stages.find((s) => s.id === id);
        if (stage) setMappingFor((m) => [...(m ?? []).filter((s) => s.id !== stage.id), stage]);
      }
    },
  });

  const start = () => {
    save.reset();
    const holding = removedStages(current.workflow, doc).filter(
      (s) => (counts.data?.get(s.id)?.total ?? 0) > 0,
    );
    if (holding.length > 0) setMappingFor(holding);
    else save.mutate(undefined);
  };

  const totals = new Map([...(counts.data?.values() ?? [])].map((c: StageCount) => [c.stageId, c.total]));

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/projects/${project.id}`}>
          <span aria-hidden="true">← </span>Back to {project.name}
        </Link>
      </p>
      <PageHeader
        title={`Workflow of ${project.name}`}
        description={`Version ${current.version}. Saving makes a new version; tasks keep their stage unless it is removed.`}
        actions={
          <button type="button" className="btn" onClick={() => setAsTemplate(true)}>
            Save as template
          </button>
        }
      />
      {!mayEdit ? (
        <Notice kind="info">
          {project.status === 'archived'
            ? 'The project is archived: its workflow cannot change.'
            : 'Only project Admins can change the workflow.'}
        </Notice>
      ) : null}
      <WorkflowBuilder
        value={doc}
        counts={counts.data}
        readOnly={!mayEdit}
        onChange={(w) => {
          setDoc(w);
          setDirty(true);
          save.reset();
        }}
      />
      <SaveError
        error={save.error}
        onReload={() => void queryClient.invalidateQueries({ queryKey: projectWorkflowKey(project.id) })}
      />
      {justSaved && !dirty ? (
        <Notice kind="success">Workflow saved as version {current.version}</Notice>
      ) : null}
      {templateSaved ? <Notice kind="success">Saved as template {templateSaved}</Notice> : null}
      {mayEdit ? (
        <SaveBar problems={issues.length} dirty={dirty}>
          <div className="wf-note">
            <TextField
              label="Note (optional)"
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <button
            type="button"
            className="btn btn-primary"
            disabled={issues.length > 0 || !dirty || save.isPending}
            aria-busy={save.isPending || undefined}
            onClick={start}
          >
            Save workflow
          </button>
        </SaveBar>
      ) : null}
      {mappingFor ? (
        <StageMappingDialog
          removed={mappingFor}
          counts={totals}
          workflow={doc}
          busy={save.isPending}
          onClose={() => setMappingFor(null)}
          onConfirm={(mapping) => save.mutate(mapping)}
        />
      ) : null}
      {asTemplate ? (
        <SaveAsTemplateDialog
          workflow={doc}
          onClose={() => setAsTemplate(false)}
          onSaved={(t) => {
            setAsTemplate(false);
            setTemplateSaved(t.name);
          }}
        />
      ) : null}
    </>
  );
}

function SaveError({ error, onReload }: { error: unknown; onReload: () => void }) {
  if (isApiError(error, 'workflow_version_conflict')) {
    return (
      <div role="alert" className="alert alert-error">
        <p>
          Someone else changed this workflow since you opened it. Reload to continue from their version (your
          changes here are dropped).
        </p>
        <button type="button" className="btn btn-small" onClick={onReload}>
          Reload workflow
        </button>
      </div>
    );
  }
  if (isApiError(error, 'unmapped_stage')) return null;
  return <ErrorAlert error={error} />;
}
