import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { AgreementTab } from '../agreement/AgreementTab.tsx';
import { mayViewAgreement } from '../agreement/permissions.ts';
import { useHasConsensusStage } from '../agreement/queries.ts';
import { AnalyticsTab } from '../analytics/AnalyticsTab.tsx';
import { mayViewAnalytics } from '../analytics/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { BenchmarkTab } from '../benchmark/BenchmarkTab.tsx';
import { mayViewBenchmark } from '../benchmark/permissions.ts';
import { ProjectIssuesTab } from '../issues/ProjectIssuesTab.tsx';
import { mayRaiseIssue } from '../issues/permissions.ts';
import { mayOnQueue } from '../queue/bits.tsx';
import { QueueTab } from '../queue/QueueTab.tsx';
import { WorkflowView } from '../workflows/index.ts';
import { CollaboratorsCard } from './CollaboratorsCard.tsx';
import { ExportCard } from './ExportCard.tsx';
import { parseTags, projectRoleLabel, StatusBadge, TagChips } from './ProjectBits.tsx';
import { ProjectDatasetsCard } from './ProjectDatasetsCard.tsx';
import { isReadOnly, mayOnProject } from './permissions.ts';
import {
  type Project,
  projectKey,
  projectsKey,
  projectTagsKey,
  useOntologyOptions,
  useProject,
} from './queries.ts';
import { StatusCard } from './StatusCard.tsx';

type TabId =
  | 'overview'
  | 'workflow'
  | 'queue'
  | 'issues'
  | 'agreement'
  | 'benchmark'
  | 'analytics'
  | 'collaborators'
  | 'datasets';

export function ProjectPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  if (project.isPending) return <Loading />;
  if (project.isError) {
    return (
      <>
        <PageHeader title="Project" />
        <ErrorAlert error={project.error} />
        <p>
          <Link to="/projects">Back to projects</Link>
        </p>
      </>
    );
  }
  return <ProjectDetail project={project.data} />;
}

function ProjectDetail({ project }: { project: Project }) {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const readOnly = isReadOnly(project);
  const may = (action: Parameters<typeof mayOnProject>[2]) => mayOnProject(me, project, action);
  const mayManage = may('project.set_status');
  // Managers see the agreement report once the workflow has a consensus stage to report on.
  const showAgreement = useHasConsensusStage(project.id, mayViewAgreement(me, project));
  const tabs: { id: TabId; label: string }[] = [
    { id: 'overview', label: 'Overview' },
    ...(mayOnQueue(me, project, 'project.view_queue')
      ? [
          { id: 'workflow' as const, label: 'Workflow' },
          { id: 'queue' as const, label: 'Queue' },
        ]
      : []),
    ...(mayRaiseIssue(me, project) ? [{ id: 'issues' as const, label: 'Issues' }] : []),
    ...(showAgreement ? [{ id: 'agreement' as const, label: 'Agreement' }] : []),
    // Managers run the benchmark; every member sees their own scores there.
    ...(mayViewBenchmark(me, project) ? [{ id: 'benchmark' as const, label: 'Benchmark' }] : []),
    // Managers see the team's numbers; every member their own.
    ...(mayViewAnalytics(me, project) ? [{ id: 'analytics' as const, label: 'Analytics' }] : []),
    { id: 'collaborators', label: 'Collaborators' },
    { id: 'datasets', label: 'Datasets' },
  ];
  const asked = params.get('tab');
  const tab: TabId = tabs.find((t) => t.id === asked)?.id ?? 'overview';

  return (
    <>
      <p className="breadcrumb">
        <Link to="/projects">
          <span aria-hidden="true">← </span>Back to projects
        </Link>
      </p>
      <PageHeader
        title={project.name}
        description={
          <span className="header-meta">
            <StatusBadge status={project.status} />
            <span>
              Your role: <strong>{projectRoleLabel(project.myRole, me.role === 'admin')}</strong>
            </span>
          </span>
        }
        actions={may('project.delete') && !readOnly ? <DeleteProject project={project} /> : null}
      />
      {readOnly ? (
        <Notice kind="info">
          This project is archived and read-only. Change its status to work on it again.
        </Notice>
      ) : null}
      <Tabs
        label="Project sections"
        tabs={tabs}
        current={tab}
        onChange={(next) => setParams(next === 'overview' ? {} : { tab: next }, { replace: true })}
      >
        {tab === 'overview' ? (
          <div className="card-stack">
            <OverviewCard project={project} />
            <StatusCard project={project} mayChange={mayManage} />
            {may('project.update') && !readOnly ? <DetailsCard project={project} /> : null}
            {may('project.switch_ontology') && !readOnly ? <OntologyCard project={project} /> : null}
            {may('project.export_labels') ? <ExportCard project={project} /> : null}
          </div>
        ) : null}
        {tab === 'collaborators' ? <CollaboratorsCard project={project} editable={!readOnly} /> : null}
        {tab === 'datasets' ? (
          <ProjectDatasetsCard project={project} mayManage={may('project.manage_datasets') && !readOnly} />
        ) : null}
        {tab === 'workflow' ? <WorkflowView projectId={project.id} /> : null}
        {tab === 'queue' ? <QueueTab project={project} /> : null}
        {tab === 'issues' ? <ProjectIssuesTab project={project} /> : null}
        {tab === 'agreement' ? <AgreementTab project={project} /> : null}
        {tab === 'benchmark' ? <BenchmarkTab project={project} /> : null}
        {tab === 'analytics' ? <AnalyticsTab project={project} /> : null}
      </Tabs>
    </>
  );
}

function OverviewCard({ project }: { project: Project }) {
  return (
    <Card title="Overview">
      {project.description ? <p className="prose">{project.description}</p> : null}
      <dl className="summary-list">
        <div>
          <dt>Tags</dt>
          <dd>
            <TagChips tags={project.tags} />
          </dd>
        </div>
        <div>
          <dt>Ontology</dt>
          <dd>
            {project.ontology ? (
              <>
                {project.ontology.name}, version {project.ontology.version}
              </>
            ) : (
              'None yet'
            )}
          </dd>
        </div>
        <div>
          <dt>Datasets</dt>
          <dd>
            {project.datasets.length === 0 ? 'None yet' : project.datasets.map((d) => d.name).join(', ')}
          </dd>
        </div>
        <div>
          <dt>Tasks</dt>
          <dd>{project.taskCount.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(project.createdAt)}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{formatDateTime(project.updatedAt)}</dd>
        </div>
      </dl>
    </Card>
  );
}

function DetailsCard({ project }: { project: Project }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (change: { name: string; description: string; tags: string[] }) =>
      unwrap(
        api.PATCH('/api/v1/projects/{id}', {
          params: { path: { id: project.id } },
          body: { ...change, revision: project.revision },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKey(project.id) }),
        queryClient.invalidateQueries({ queryKey: projectsKey }),
      ]),
    onError: (err) => {
      if (isApiError(err, 'revision_conflict'))
        void queryClient.invalidateQueries({ queryKey: projectKey(project.id) });
    },
  });
  return (
    <Card title="Details">
      <ErrorAlert error={save.error} />
      {save.isSuccess ? <Notice kind="success">The project was saved.</Notice> : null}
      <DetailsForm
        key={project.revision}
        project={project}
        busy={save.isPending}
        onSave={(change) => save.mutate(change)}
        onEdit={() => save.isSuccess && save.reset()}
      />
    </Card>
  );
}

function DetailsForm({
  project,
  busy,
  onSave,
  onEdit,
}: {
  project: Project;
  busy: boolean;
  onSave: (change: { name: string; description: string; tags: string[] }) => void;
  onEdit: () => void;
}) {
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description);
  const [tagsText, setTagsText] = useState(project.tags.join(', '));
  const tags = parseTags(tagsText);
  const unchanged =
    name.trim() === project.name &&
    description.trim() === project.description &&
    tags.join('\n') === project.tags.join('\n');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({ name, description, tags });
  };
  return (
    <form className="form form-narrow" onSubmit={submit} noValidate>
      <TextField
        label="Project name"
        name="name"
        required
        maxLength={120}
        autoComplete="off"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          onEdit();
        }}
      />
      <TextAreaField
        label="Description"
        name="description"
        maxLength={2000}
        rows={3}
        value={description}
        onChange={(e) => {
          setDescription(e.target.value);
          onEdit();
        }}
      />
      <TextField
        label="Tags"
        name="tags"
        autoComplete="off"
        hint="Separate tags with commas."
        value={tagsText}
        onChange={(e) => {
          setTagsText(e.target.value);
          onEdit();
        }}
      />
      <div className="form-actions">
        <SubmitButton busy={busy} disabled={unchanged}>
          Save changes
        </SubmitButton>
      </div>
    </form>
  );
}

function OntologyCard({ project }: { project: Project }) {
  const queryClient = useQueryClient();
  const ontologies = useOntologyOptions();
  const items = ontologies.data?.pages.flatMap((p) => p.items) ?? [];
  const [ontologyId, setOntologyId] = useState(project.ontology?.id ?? '');
  const [version, setVersion] = useState<number | null>(project.ontology?.version ?? null);
  const chosen = items.find((o) => o.id === ontologyId);
  const effectiveVersion = version ?? chosen?.currentVersion ?? null;
  const switchTo = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/projects/{id}/ontology', {
          params: { path: { id: project.id } },
          body: { ontologyId, version: effectiveVersion ?? 1, revision: project.revision },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKey(project.id) }),
        queryClient.invalidateQueries({ queryKey: [...projectsKey, 'list'] }),
      ]),
    onError: (err) => {
      if (isApiError(err, 'revision_conflict'))
        void queryClient.invalidateQueries({ queryKey: projectKey(project.id) });
    },
  });
  const unchanged =
    ontologyId === (project.ontology?.id ?? '') && effectiveVersion === (project.ontology?.version ?? null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ontologyId && effectiveVersion) switchTo.mutate();
  };
  const versions = chosen
    ? Array.from({ length: chosen.currentVersion }, (_, i) => chosen.currentVersion - i)
    : [];
  return (
    <Card title="Ontology">
      <p className="card-description">Which ontology version annotators label with.</p>
      <ErrorAlert error={switchTo.error ?? ontologies.error} />
      {switchTo.isSuccess ? (
        <Notice kind="success">The project now uses the chosen ontology version.</Notice>
      ) : null}
      <form className="form form-inline" onSubmit={submit} noValidate>
        <SelectField
          label="Ontology"
          value={ontologyId}
          onChange={(e) => {
            setOntologyId(e.target.value);
            setVersion(null);
            switchTo.reset();
          }}
        >
          <option value="" disabled>
            {ontologies.isPending ? 'Loading…' : 'Choose an ontology'}
          </option>
          {items.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        {chosen ? (
          <SelectField
            label="Ontology version"
            value={String(effectiveVersion ?? '')}
            onChange={(e) => {
              setVersion(Number(e.target.value));
              switchTo.reset();
            }}
          >
            {versions.map((v) => (
              <option key={v} value={v}>
                {v === chosen.currentVersion ? `Version ${v} (current)` : `Version ${v}`}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="form-actions">
          <SubmitButton busy={switchTo.isPending} disabled={unchanged || !chosen} className="btn">
            Switch ontology
          </SubmitButton>
        </div>
      </form>
    </Card>
  );
}

function DeleteProject({ project }: { project: Project }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/projects/{id}', { params: { path: { id: project.id } } })),
    onSuccess: () => {
      navigate('/projects', { replace: true });
      queryClient.removeQueries({ queryKey: projectKey(project.id) });
      void queryClient.invalidateQueries({ queryKey: [...projectsKey, 'list'] });
      void queryClient.invalidateQueries({ queryKey: projectTagsKey });
    },
  });
  return (
    <div className="stack-tight">
      <ConfirmButton
        label="Delete project"
        question="Delete this project with its tasks and labels? The datasets stay."
        confirmLabel="Confirm"
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
      <ErrorAlert error={remove.error} />
    </div>
  );
}
