import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  emptyOntology,
  exportFileName,
  issuesOn,
  issueText,
  migrateOntologyDocument,
  type OntologyDocument,
  OntologyFormatError,
  validateOntology,
} from '../../../core/ontology/index.ts';
import { SHARED_RESOURCE_ROLE_LABELS } from '../../../core/roles.ts';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { errorMessage } from '../../lib/format.ts';
import { NodeMessages } from './fields.tsx';
import { type Edit, newObject, ObjectNode, QuestionList } from './OntologyTree.tsx';
import { SharingCard } from './SharingCard.tsx';
import './ontologies.css';
import {
  downloadJson,
  type OntologyDetail,
  ontologiesKey,
  ontologyKey,
  readJsonFile,
  useOntology,
} from './queries.ts';

/** The editor for a new ontology: nothing is stored until "Save ontology". */
export function NewOntologyPage() {
  return <OntologyEditor key="new" ontology={null} />;
}

export function OntologyEditorPage() {
  const { id = '' } = useParams();
  const ontology = useOntology(id);
  if (ontology.isPending) return <Loading />;
  if (ontology.isError) {
    return (
      <>
        <PageHeader title="Ontology" />
        <ErrorAlert error={ontology.error} />
        <p>
          <Link to="/ontologies">Back to ontologies</Link>
        </p>
      </>
    );
  }
  return <OntologyEditor key={ontology.data.id} ontology={ontology.data} />;
}

const asDocument = (o: OntologyDetail) => o.schema as unknown as OntologyDocument;

/** JSON with object keys sorted, so documents compare equal whatever order their keys were set in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

function OntologyEditor({ ontology }: { ontology: OntologyDetail | null }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const readOnly = ontology !== null && ontology.myRole !== 'admin';
  const saved = useMemo(() => (ontology ? asDocument(ontology) : emptyOntology()), [ontology]);
  const [doc, setDoc] = useState<OntologyDocument>(saved);
  const [name, setName] = useState(ontology?.name ?? '');
  const [description, setDescription] = useState(ontology?.description ?? '');
  // Arriving from the first save of a new ontology: say so until the next edit.
  const [justSaved, setJustSaved] = useState(Boolean((location.state as { saved?: boolean } | null)?.saved));
  const [notice, setNotice] = useState<string | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const validation = useMemo(() => validateOntology(doc), [doc]);
  const issues = validation.issues;
  const nameProblem = name.trim() ? null : 'must not be empty';
  const dirty =
    canonical(doc) !== canonical(saved) ||
    name.trim() !== (ontology?.name ?? '') ||
    description.trim() !== (ontology?.description ?? '');

  const touched = () => {
    setNotice(null);
    setJustSaved(false);
    save.reset();
  };

  const edit: Edit = (change) => {
    touched();
    setDoc((d) => {
      const copy = structuredClone(d);
      change(copy);
      return copy;
    });
  };

  const save = useMutation({
    mutationFn: async () => {
      const schema = doc as never;
      if (!ontology) {
        return unwrap(
          api.POST('/api/v1/ontologies', {
            body: { name, description: description.trim() || undefined, schema },
          }),
        );
      }
      let revision = ontology.revision;
      if (name.trim() !== ontology.name || description.trim() !== ontology.description) {
        const renamed = await unwrap(
          api.PATCH('/api/v1/ontologies/{id}', {
            params: { path: { id: ontology.id } },
            body: { name, description, revision },
          }),
        );
        revision = renamed.revision;
        queryClient.setQueryData(ontologyKey(ontology.id), renamed);
      }
      return unwrap(
        api.PUT('/api/v1/ontologies/{id}/schema', {
          params: { path: { id: ontology.id } },
          body: { schema, revision },
        }),
      );
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(ontologyKey(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: [...ontologiesKey, 'list'] });
      if (!ontology) {
        navigate(`/ontologies/${updated.id}`, { replace: true, state: { saved: true } });
        return;
      }
      // Continue from the document as stored (its canonical form).
      setDoc(asDocument(updated));
      if (updated.currentVersion !== ontology.currentVersion) {
        setNotice(
          `Projects keep version ${ontology.currentVersion}; what you saved is version ${updated.currentVersion}.`,
        );
      }
    },
  });

  /** After a conflict: fetch what is stored now and start again from it. */
  const reload = async () => {
    if (!ontology) return;
    await queryClient.invalidateQueries({ queryKey: ontologyKey(ontology.id) });
    const fresh = queryClient.getQueryData<OntologyDetail>(ontologyKey(ontology.id));
    if (fresh) {
      setDoc(asDocument(fresh));
      setName(fresh.name);
      setDescription(fresh.description);
    }
    save.reset();
    setShowProblems(false);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!validation.ok || nameProblem) {
      setShowProblems(true);
      return;
    }
    save.mutate();
  };

  const pinnedCurrent = ontology ? ontology.pinnedVersions.includes(ontology.currentVersion) : false;
  const problemCount = issues.length + (nameProblem ? 1 : 0);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/ontologies">
          <span aria-hidden="true">← </span>Back to ontologies
        </Link>
      </p>
      <PageHeader
        title={ontology ? ontology.name : 'New ontology'}
        description={ontology?.description || undefined}
        actions={
          <>
            {ontology ? <ExportButton ontology={ontology} /> : null}
            {!readOnly ? (
              <ImportIntoEditor
                onLoad={(d) =>
                  edit((draft) => {
                    draft.objects = d.objects;
                    draft.classifications = d.classifications;
                  })
                }
              />
            ) : null}
            {ontology && !readOnly ? <DeleteButton id={ontology.id} /> : null}
          </>
        }
      />
      {ontology ? (
        <dl className="meta-list ontology-meta">
          <div>
            <dt>Version</dt>
            <dd>{ontology.currentVersion}</dd>
          </div>
          <div>
            <dt>Projects</dt>
            <dd>{ontology.projectCount}</dd>
          </div>
          <div>
            <dt>Your role</dt>
            <dd>{SHARED_RESOURCE_ROLE_LABELS[ontology.myRole]}</dd>
          </div>
        </dl>
      ) : null}
      {ontology && pinnedCurrent && !readOnly ? (
        <Notice kind="info">
          Projects use version {ontology.currentVersion}: saving creates version {ontology.currentVersion + 1}{' '}
          and they keep theirs. Features they use can be archived but not removed.
        </Notice>
      ) : null}
      {readOnly ? (
        <Notice kind="info">You can use this ontology but not change it; ask one of its Admins.</Notice>
      ) : null}

      <form className="ontology-editor" onSubmit={submit} noValidate>
        <fieldset className="editor-body" disabled={readOnly}>
          <legend className="visually-hidden">Ontology</legend>
          <Card className="editor-section">
            <div className="editor-details">
              <TextField
                label="Ontology name"
                required
                maxLength={200}
                autoComplete="off"
                value={name}
                aria-invalid={(showProblems && nameProblem !== null) || undefined}
                onChange={(e) => {
                  touched();
                  setName(e.target.value);
                }}
              />
              <TextAreaField
                label="Description"
                maxLength={2000}
                rows={2}
                value={description}
                onChange={(e) => {
                  touched();
                  setDescription(e.target.value);
                }}
              />
            </div>
          </Card>
          <Card title="Objects" className="editor-section">
            <p className="card-description">
              Things annotators draw, each with a shape, a colour and a hotkey.
            </p>
            {doc.objects.length === 0 ? <p className="muted">No objects yet.</p> : null}
            {doc.objects.map((o, i) => (
              <ObjectNode
                key={o.featureId}
                object={o}
                index={i}
                count={doc.objects.length}
                objects={doc.objects}
                edit={edit}
                issues={issues}
              />
            ))}
            <div>
              <button
                type="button"
                className="btn"
                onClick={() => edit((d) => void d.objects.push(newObject(d.objects.length)))}
              >
                Add object
              </button>
            </div>
          </Card>
          <Card title="Classifications" className="editor-section">
            <p className="card-description">
              Questions about the whole data unit; an option may ask further questions.
            </p>
            {doc.classifications.length === 0 ? <p className="muted">No classifications yet.</p> : null}
            <QuestionList
              title=""
              questions={doc.classifications}
              path="classifications"
              level={1}
              isAttribute={false}
              addLabel="Add classification"
              newKind="radio"
              issues={issues}
              edit={(fn) => edit((d) => fn(d.classifications))}
            />
          </Card>
        </fieldset>

        <NodeMessages issues={issuesOn(issues, '')} />
        {showProblems && problemCount > 0 ? (
          <div role="alert" className="alert alert-error">
            <p>Fix these before saving:</p>
            <ul className="problem-list">
              {nameProblem ? <li>Ontology name: {nameProblem}</li> : null}
              {issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>{issueText(i)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <SaveOutcome
          error={save.error}
          success={(save.isSuccess && !dirty) || justSaved}
          notice={notice}
          onReload={() => void reload()}
        />
        {!readOnly ? (
          <div className="editor-savebar">
            <div className="editor-status" aria-live="polite">
              {problemCount > 0 ? (
                <span className="status-problems">
                  {problemCount === 1 ? '1 problem to fix' : `${problemCount} problems to fix`}
                </span>
              ) : dirty ? (
                <span>Unsaved changes</span>
              ) : (
                <span className="muted">No unsaved changes</span>
              )}
            </div>
            <SubmitButton busy={save.isPending}>Save ontology</SubmitButton>
          </div>
        ) : null}
      </form>
      {ontology ? <SharingCard ontology={ontology} mayManage={!readOnly} /> : null}
    </>
  );
}

function SaveOutcome({
  error,
  success,
  notice,
  onReload,
}: {
  error: unknown;
  success: boolean;
  notice: string | null;
  onReload: () => void;
}) {
  if (isApiError(error, 'revision_conflict')) {
    return (
      <div role="alert" className="alert alert-error conflict">
        <p>
          Someone else changed this ontology since you opened it. Reload to continue from their version (your
          changes here are dropped).
        </p>
        <button type="button" className="btn btn-small" onClick={onReload}>
          Reload ontology
        </button>
      </div>
    );
  }
  if (error) return <ErrorAlert error={error} />;
  if (!success) return null;
  return (
    <>
      <Notice kind="success">Ontology saved</Notice>
      {notice ? <p className="muted">{notice}</p> : null}
    </>
  );
}

function ExportButton({ ontology }: { ontology: OntologyDetail }) {
  const exportFile = useMutation({
    mutationFn: () =>
      unwrap(api.GET('/api/v1/ontologies/{id}/export', { params: { path: { id: ontology.id }, query: {} } })),
    onSuccess: (file) => downloadJson(file, exportFileName(ontology.name)),
  });
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() => exportFile.mutate()}
        disabled={exportFile.isPending}
      >
        Export JSON
      </button>
      {exportFile.error ? <ErrorAlert error={exportFile.error} /> : null}
    </>
  );
}

/** Loads the schema of an exported file into the editor (stored only when the user saves). */
function ImportIntoEditor({ onLoad }: { onLoad: (doc: OntologyDocument) => void }) {
  const [error, setError] = useState<string | null>(null);
  const chosen = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError(null);
    try {
      const json = await readJsonFile(file);
      const schema = json && typeof json === 'object' && 'schema' in json ? json.schema : json;
      onLoad(migrateOntologyDocument(schema));
    } catch (err) {
      setError(err instanceof OntologyFormatError ? `${file.name}: ${err.message}` : errorMessage(err));
    }
  };
  return (
    <div className="ontology-import">
      <label className="btn">
        Import JSON
        <input
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          onChange={(e) => void chosen(e)}
        />
      </label>
      {error ? (
        <div role="alert" className="alert alert-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}

function DeleteButton({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/ontologies/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ontologyKey(id) });
      void queryClient.invalidateQueries({ queryKey: [...ontologiesKey, 'list'] });
      navigate('/ontologies');
    },
  });
  return (
    <div className="ontology-import">
      <ConfirmButton
        label="Delete ontology"
        question="Delete this ontology and every version?"
        confirmLabel="Delete"
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
      <ErrorAlert error={remove.error} />
    </div>
  );
}
