import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PROJECT_ROLE_LABELS, PROJECT_ROLES, type ProjectRole } from '../../../core/roles.ts';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { type PickedPrincipal, PrincipalPicker, principalKey } from '../../components/PrincipalPicker.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { useDebounced } from '../../lib/hooks.ts';
import { roleMay } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { useDatasetList } from '../datasets/queries.ts';
import {
  DEFAULT_WORKFLOW_TEMPLATE_ID,
  useWorkflowTemplates,
  WorkflowTemplateSelect,
} from '../workflows/index.ts';
import { parseTags, TagChips } from './ProjectBits.tsx';
import { roleOptions } from './permissions.ts';
import { type Ontology, projectKey, projectsKey, useOntologyOptions } from './queries.ts';

const STEPS = ['Details', 'Datasets', 'Ontology', 'Collaborators', 'Review'] as const;

interface Collaborator extends PickedPrincipal {
  role: ProjectRole;
}

interface Draft {
  name: string;
  description: string;
  tagsText: string;
  /** A workflow template (`builtin:<key>` or a saved one's id) the project's workflow starts as. */
  workflowTemplateId: string;
  datasets: Map<string, string>;
  ontology: Pick<Ontology, 'id' | 'name' | 'currentVersion'> | null;
  ontologyVersion: number | null;
  collaborators: Collaborator[];
}

/** The project setup wizard: details, datasets, ontology, collaborators, then a review. */
export function NewProjectPage() {
  const me = useCurrentUser();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>({
    name: '',
    description: '',
    tagsText: '',
    workflowTemplateId: DEFAULT_WORKFLOW_TEMPLATE_ID,
    datasets: new Map(),
    ontology: null,
    ontologyVersion: null,
    collaborators: [],
  });
  const [problem, setProblem] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(0);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const mayTemplates = roleMay(me.role, 'workflow_template.list');

  // Each new step's heading takes the focus, so keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    headingRef.current?.focus();
  });

  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/projects', {
          body: {
            name: draft.name.trim(),
            description: draft.description.trim() || undefined,
            tags: parseTags(draft.tagsText),
            // Without the right to list templates the picker is hidden and the server's default applies.
            workflowTemplateId: mayTemplates ? draft.workflowTemplateId : undefined,
            datasetIds: [...draft.datasets.keys()],
            ontologyId: draft.ontology?.id,
            ontologyVersion: draft.ontology
              ? (draft.ontologyVersion ?? draft.ontology.currentVersion)
              : undefined,
            members: draft.collaborators.map((c) => ({
              principalType: c.principalType,
              principalId: c.principalId,
              role: c.role,
            })),
          },
        }),
      ),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKey(project.id), project);
      void queryClient.invalidateQueries({ queryKey: projectsKey });
      navigate(`/projects/${project.id}`);
    },
  });

  if (!roleMay(me.role, 'project.create')) {
    return <PageHeader title="No access" description="Your role does not let you create projects." />;
  }

  const next = () => {
    if (step === 0 && !draft.name.trim()) {
      setProblem('Give the project a name.');
      return;
    }
    setProblem(null);
    setStep((s) => Math.min(s + 1, STEPS.length - 1));
  };
  const back = () => {
    setProblem(null);
    setStep((s) => Math.max(s - 1, 0));
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/projects">
          <span aria-hidden="true">← </span>Back to projects
        </Link>
      </p>
      <PageHeader title="New project" description="Set up the project; you become its Admin." />
      <ol className="steps" aria-label="Setup steps">
        {STEPS.map((label, i) => (
          <li
            key={label}
            className={`step${i === step ? ' step-current' : i < step ? ' step-done' : ''}`}
            aria-current={i === step ? 'step' : undefined}
          >
            <span className="step-number" aria-hidden="true">
              {i + 1}
            </span>
            {label}
          </li>
        ))}
      </ol>
      <Card>
        <h2 ref={headingRef} tabIndex={-1} className="step-heading">
          Step {step + 1} of {STEPS.length}: {STEPS[step]}
        </h2>
        {problem ? <Notice kind="error">{problem}</Notice> : null}
        {step === 0 ? (
          <DetailsStep draft={draft} update={update} onEnter={next} showWorkflow={mayTemplates} />
        ) : null}
        {step === 1 ? <DatasetsStep draft={draft} update={update} /> : null}
        {step === 2 ? <OntologyStep draft={draft} update={update} /> : null}
        {step === 3 ? <CollaboratorsStep draft={draft} update={update} /> : null}
        {step === 4 ? <ReviewStep draft={draft} showWorkflow={mayTemplates} /> : null}
        {step === 4 ? <ErrorAlert error={create.error} /> : null}
        <div className="wizard-actions">
          {step > 0 ? (
            <button type="button" className="btn" onClick={back} disabled={create.isPending}>
              Back
            </button>
          ) : (
            <Link to="/projects" className="btn">
              Cancel
            </Link>
          )}
          {step < STEPS.length - 1 ? (
            <button type="button" className="btn btn-primary" onClick={next}>
              Next
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => create.mutate()}
              disabled={create.isPending}
              aria-busy={create.isPending || undefined}
            >
              {create.isPending ? <span className="spinner spinner-inline" aria-hidden="true" /> : null}
              Create project
            </button>
          )}
        </div>
      </Card>
    </>
  );
}

interface StepProps {
  draft: Draft;
  update: (change: Partial<Draft>) => void;
}

function DetailsStep({
  draft,
  update,
  onEnter,
  showWorkflow,
}: StepProps & { onEnter: () => void; showWorkflow: boolean }) {
  const tags = parseTags(draft.tagsText);
  // Enter in a one-line field goes on to the next step, as it would submit a form.
  const enterGoesOn = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      onEnter();
    }
  };
  return (
    <div className="form form-narrow">
      <TextField
        label="Project name"
        name="name"
        required
        maxLength={120}
        autoComplete="off"
        value={draft.name}
        onKeyDown={enterGoesOn}
        onChange={(e) => update({ name: e.target.value })}
      />
      <TextAreaField
        label="Description"
        name="description"
        maxLength={2000}
        rows={3}
        hint="Optional."
        value={draft.description}
        onChange={(e) => update({ description: e.target.value })}
      />
      <TextField
        label="Tags"
        name="tags"
        autoComplete="off"
        placeholder="e.g. vehicles, night, pilot"
        hint="Separate tags with commas. Tags help find and filter projects."
        value={draft.tagsText}
        onKeyDown={enterGoesOn}
        onChange={(e) => update({ tagsText: e.target.value })}
      />
      {tags.length > 0 ? <TagChips tags={tags} label="Tags to add" /> : null}
      {showWorkflow ? (
        <WorkflowTemplateSelect
          value={draft.workflowTemplateId}
          onChange={(workflowTemplateId) => update({ workflowTemplateId })}
        />
      ) : null}
    </div>
  );
}

function DatasetsStep({ draft, update }: StepProps) {
  const me = useCurrentUser();
  const [q, setQ] = useState('');
  const query = useDebounced(q);
  const mayList = roleMay(me.role, 'dataset.list');
  const datasets = useDatasetList(query, { enabled: mayList });
  const items = datasets.data?.pages.flatMap((p) => p.items) ?? [];
  const baseId = useId();

  const toggle = (id: string, name: string) => {
    const next = new Map(draft.datasets);
    if (next.has(id)) next.delete(id);
    else next.set(id, name);
    update({ datasets: next });
  };

  return (
    <div className="stack">
      <p className="card-description">
        Every data unit of the chosen datasets becomes one task of the project; data added to them later adds
        tasks too. You can also attach datasets after creating the project.
      </p>
      <TextField
        label="Search datasets"
        type="search"
        placeholder="Name or description"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <ErrorAlert error={datasets.error} />
      <fieldset className="picker">
        <legend className="visually-hidden">Datasets to attach</legend>
        {!mayList ? (
          <Empty>Your role cannot list datasets.</Empty>
        ) : datasets.isPending ? (
          <Loading />
        ) : datasets.isError && !datasets.data ? null : items.length === 0 ? (
          <Empty>
            {query.trim() ? 'No datasets match this search.' : 'No datasets yet. '}
            {query.trim() ? null : <Link to="/datasets">Create one on the Datasets page.</Link>}
          </Empty>
        ) : (
          <ul className="picker-list">
            {items.map((d) => (
              <li key={d.id}>
                <label className="picker-item">
                  <input
                    type="checkbox"
                    checked={draft.datasets.has(d.id)}
                    onChange={() => toggle(d.id, d.name)}
                    aria-describedby={`${baseId}-${d.id}`}
                  />
                  <span className="picker-name">{d.name}</span>
                  <span className="picker-meta" id={`${baseId}-${d.id}`}>
                    {d.unitCount.toLocaleString()} data units
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <LoadMore
          hasMore={datasets.hasNextPage}
          loading={datasets.isFetchingNextPage}
          onLoad={() => datasets.fetchNextPage()}
        />
      </fieldset>
      <p className="picker-count" role="status">
        {draft.datasets.size === 0
          ? 'No dataset selected'
          : `${draft.datasets.size} ${draft.datasets.size === 1 ? 'dataset' : 'datasets'} selected`}
      </p>
    </div>
  );
}

function OntologyStep({ draft, update }: StepProps) {
  const me = useCurrentUser();
  const mayList = roleMay(me.role, 'ontology.list');
  const ontologies = useOntologyOptions();
  const items = mayList ? (ontologies.data?.pages.flatMap((p) => p.items) ?? []) : [];
  const chosen = draft.ontology;
  const versions = chosen
    ? Array.from({ length: chosen.currentVersion }, (_, i) => chosen.currentVersion - i)
    : [];

  return (
    <div className="form form-narrow">
      <p className="card-description">
        The ontology says what annotators label. The project pins one version of it; you can switch later.
      </p>
      <ErrorAlert error={ontologies.error} />
      {mayList && ontologies.isPending ? (
        <Loading />
      ) : (
        <SelectField
          label="Ontology"
          value={chosen?.id ?? ''}
          onChange={(e) => {
            const picked = items.find((o) => o.id === e.target.value) ?? null;
            update({
              ontology: picked
                ? { id: picked.id, name: picked.name, currentVersion: picked.currentVersion }
                : null,
              ontologyVersion: picked?.currentVersion ?? null,
            });
          }}
          hint={items.length === 0 ? 'No ontologies yet; create one on the Ontologies page.' : undefined}
        >
          <option value="">No ontology for now</option>
          {items.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      )}
      <LoadMore
        hasMore={ontologies.hasNextPage}
        loading={ontologies.isFetchingNextPage}
        onLoad={() => ontologies.fetchNextPage()}
      />
      {chosen ? (
        <SelectField
          label="Ontology version"
          value={String(draft.ontologyVersion ?? chosen.currentVersion)}
          onChange={(e) => update({ ontologyVersion: Number(e.target.value) })}
        >
          {versions.map((v) => (
            <option key={v} value={v}>
              {v === chosen.currentVersion ? `Version ${v} (current)` : `Version ${v}`}
            </option>
          ))}
        </SelectField>
      ) : null}
    </div>
  );
}

function CollaboratorsStep({ draft, update }: StepProps) {
  const me = useCurrentUser();
  const present = new Set([`user:${me.id}`, ...draft.collaborators.map(principalKey)]);
  const add = (principal: PickedPrincipal, role: ProjectRole) =>
    update({ collaborators: [...draft.collaborators, { ...principal, role }] });
  const remove = (key: string) =>
    update({ collaborators: draft.collaborators.filter((c) => principalKey(c) !== key) });
  const changeRole = (key: string, role: ProjectRole) =>
    update({ collaborators: draft.collaborators.map((c) => (principalKey(c) === key ? { ...c, role } : c)) });

  return (
    <div className="stack">
      <p className="card-description">
        Add people or whole groups with a project role. Group membership stays live: whoever joins the group
        later gets its role here. You are the project's Admin.
      </p>
      <PrincipalPicker
        roles={roleOptions(PROJECT_ROLES)}
        roleFieldLabel="Project role"
        defaultRole="annotator"
        submitLabel="Add collaborator"
        busy={false}
        present={present}
        onAdd={add}
      />
      {draft.collaborators.length === 0 ? (
        <Empty>No collaborators added yet; you can add them later too.</Empty>
      ) : (
        <CollaboratorTable collaborators={draft.collaborators} onRemove={remove} onRole={changeRole} />
      )}
    </div>
  );
}

function CollaboratorTable({
  collaborators,
  onRemove,
  onRole,
}: {
  collaborators: Collaborator[];
  onRemove: (key: string) => void;
  onRole: (key: string, role: ProjectRole) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Collaborators to add</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Project role</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {collaborators.map((c) => {
            const key = principalKey(c);
            return (
              <tr key={key}>
                <th scope="row" className="cell-name">
                  {c.name}
                  {c.email ? <span className="cell-sub">{c.email}</span> : null}
                </th>
                <td>{c.principalType === 'group' ? 'Group' : 'User'}</td>
                <td>
                  <select
                    className="select-small"
                    aria-label={`Project role of ${c.name}`}
                    value={c.role}
                    onChange={(e) => onRole(key, e.target.value as ProjectRole)}
                  >
                    {roleOptions(PROJECT_ROLES).map((r) => (
                      <option key={r.value} value={r.value}>
                        {r.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="cell-actions">
                  <button
                    type="button"
                    className="btn btn-small btn-danger-outline"
                    aria-label={`Remove ${c.name}`}
                    onClick={() => onRemove(key)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ReviewStep({ draft, showWorkflow }: { draft: Draft; showWorkflow: boolean }) {
  const tags = parseTags(draft.tagsText);
  const templates = useWorkflowTemplates();
  const template = templates.data?.find((t) => t.id === draft.workflowTemplateId);
  return (
    <dl className="review-list">
      <div>
        <dt>Project name</dt>
        <dd>{draft.name.trim()}</dd>
      </div>
      <div>
        <dt>Description</dt>
        <dd>{draft.description.trim() || '—'}</dd>
      </div>
      <div>
        <dt>Tags</dt>
        <dd>
          <TagChips tags={tags} />
        </dd>
      </div>
      {showWorkflow ? (
        <div>
          <dt>Workflow</dt>
          <dd>{template?.name ?? draft.workflowTemplateId}</dd>
        </div>
      ) : null}
      <div>
        <dt>Datasets</dt>
        <dd>{draft.datasets.size === 0 ? 'None' : [...draft.datasets.values()].join(', ')}</dd>
      </div>
      <div>
        <dt>Ontology</dt>
        <dd>
          {draft.ontology
            ? `${draft.ontology.name}, version ${draft.ontologyVersion ?? draft.ontology.currentVersion}`
            : 'None'}
        </dd>
      </div>
      <div>
        <dt>Collaborators</dt>
        <dd>
          {draft.collaborators.length === 0 ? (
            'Only you'
          ) : (
            <ul className="plain-list">
              {draft.collaborators.map((c) => (
                <li key={principalKey(c)}>
                  {c.name}
                  {c.principalType === 'group' ? ' (group)' : ''}: {PROJECT_ROLE_LABELS[c.role]}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}
