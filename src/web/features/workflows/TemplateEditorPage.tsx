import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { builtInWorkflow, validateWorkflow, type Workflow } from '../../../core/workflow/index.ts';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { TextField } from '../../components/Field.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { WorkflowBuilder } from './LazyBuilder.tsx';
import {
  useWorkflowTemplate,
  type WorkflowTemplate,
  workflowTemplateKey,
  workflowTemplatesKey,
} from './queries.ts';
import { SaveBar } from './SaveBar.tsx';

/** A new template: empty-ish (Annotate → Complete), or a copy of `?from=<template id>`. */
export function NewTemplatePage() {
  const [params] = useSearchParams();
  const from = params.get('from');
  const source = useWorkflowTemplate(from ?? '', from !== null);
  if (from !== null && source.isPending) return <Loading />;
  if (from !== null && source.isError) return <TemplateError error={source.error} />;
  const initial = source.data ? structuredClone(source.data.definition) : builtInWorkflow('annotate')!;
  return (
    <TemplateEditor
      key={from ?? 'new'}
      template={null}
      initial={initial}
      initialName={source.data ? `${source.data.name} (copy)` : ''}
      initialDescription={source.data?.description ?? ''}
    />
  );
}

export function TemplateEditorPage() {
  const { id = '' } = useParams();
  const template = useWorkflowTemplate(id);
  if (template.isPending) return <Loading />;
  if (template.isError) return <TemplateError error={template.error} />;
  const t = template.data;
  return (
    <TemplateEditor
      key={t.id}
      template={t}
      initial={t.definition}
      initialName={t.name}
      initialDescription={t.description}
    />
  );
}

function TemplateError({ error }: { error: unknown }) {
  return (
    <>
      <PageHeader title="Workflow template" />
      <ErrorAlert error={error} />
      <p>
        <Link to="/workflow-templates">Back to workflow templates</Link>
      </p>
    </>
  );
}

function TemplateEditor({
  template,
  initial,
  initialName,
  initialDescription,
}: {
  template: WorkflowTemplate | null;
  initial: Workflow;
  initialName: string;
  initialDescription: string;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const readOnly = template?.builtIn === true;
  const [doc, setDoc] = useState<Workflow>(initial);
  const [name, setName] = useState(initialName);
  const [description, setDescription] = useState(initialDescription);
  const [dirty, setDirty] = useState(false);
  const [justSaved, setJustSaved] = useState(Boolean((location.state as { saved?: boolean } | null)?.saved));
  const issues = useMemo(() => validateWorkflow(doc), [doc]);
  const nameProblem = name.trim() ? null : 'Template name: must not be empty';
  const problems = issues.length + (nameProblem ? 1 : 0);

  const touched = () => {
    setDirty(true);
    setJustSaved(false);
    save.reset();
  };

  const save = useMutation({
    mutationFn: async () => {
      const definition = doc as never;
      if (!template)
        return unwrap(
          api.POST('/api/v1/workflow-templates', {
            body: { name, description: description.trim() || undefined, definition },
          }),
        );
      return unwrap(
        api.PATCH('/api/v1/workflow-templates/{id}', {
          params: { path: { id: template.id } },
          body: { name, description, definition, revision: template.revision ?? 0 },
        }),
      );
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: [...workflowTemplatesKey, 'list'] });
      queryClient.setQueryData(workflowTemplateKey(saved.id), saved);
      if (!template) navigate(`/workflow-templates/${saved.id}`, { replace: true, state: { saved: true } });
      else setJustSaved(true);
      setDirty(false);
    },
  });

  /** After a conflict: continue from what is stored now (this page's edits are dropped). */
  const reload = async () => {
    if (!template) return;
    await queryClient.invalidateQueries({ queryKey: workflowTemplateKey(template.id) });
    const fresh = queryClient.getQueryData<WorkflowTemplate>(workflowTemplateKey(template.id));
    if (fresh) {
      setDoc(fresh.definition);
      setName(fresh.name);
      setDescription(fresh.description);
    }
    setDirty(false);
    save.reset();
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/workflow-templates">
          <span aria-hidden="true">← </span>Back to workflow templates
        </Link>
      </p>
      <PageHeader
        title={template ? template.name : 'New workflow template'}
        description={template?.description || undefined}
        actions={
          template ? (
            <>
              <Link className="btn" to={`/workflow-templates/new?from=${encodeURIComponent(template.id)}`}>
                Copy to a new template
              </Link>
              {!readOnly ? <DeleteTemplate id={template.id} /> : null}
            </>
          ) : null
        }
      />
      {readOnly ? (
        <Notice kind="info">Built-in templates cannot be changed; copy one to make your own.</Notice>
      ) : null}
      <Card className="wf-details-card">
        <fieldset className="wf-details" disabled={readOnly}>
          <legend className="visually-hidden">Template</legend>
          <TextField
            label="Template name"
            required
            maxLength={80}
            autoComplete="off"
            value={name}
            aria-invalid={nameProblem !== null || undefined}
            onChange={(e) => {
              touched();
              setName(e.target.value);
            }}
          />
          <TextField
            label="Description"
            maxLength={500}
            value={description}
            onChange={(e) => {
              touched();
              setDescription(e.target.value);
            }}
          />
        </fieldset>
      </Card>
      <WorkflowBuilder
        value={doc}
        readOnly={readOnly}
        onChange={(w) => {
          touched();
          setDoc(w);
        }}
      />
      {nameProblem && dirty ? <p className="field-errors">{nameProblem}</p> : null}
      {isApiError(save.error, 'revision_conflict') ? (
        <div role="alert" className="alert alert-error">
          <p>
            Someone else changed this template since you opened it. Reload to continue from their version.
          </p>
          <button type="button" className="btn btn-small" onClick={() => void reload()}>
            Reload template
          </button>
        </div>
      ) : (
        <ErrorAlert error={save.error} />
      )}
      {justSaved && !dirty ? <Notice kind="success">Template saved</Notice> : null}
      {!readOnly ? (
        <SaveBar problems={problems} dirty={dirty}>
          <button
            type="button"
            className="btn btn-primary"
            disabled={problems > 0 || save.isPending}
            aria-busy={save.isPending || undefined}
            onClick={() => save.mutate()}
          >
            Save template
          </button>
        </SaveBar>
      ) : null}
    </>
  );
}

function DeleteTemplate({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/workflow-templates/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: workflowTemplateKey(id) });
      void queryClient.invalidateQueries({ queryKey: [...workflowTemplatesKey, 'list'] });
      navigate('/workflow-templates');
    },
  });
  return (
    <>
      <ConfirmButton
        label="Delete template"
        question="Delete this template? Projects made from it keep their copy."
        confirmLabel="Delete"
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
      <ErrorAlert error={remove.error} />
    </>
  );
}
