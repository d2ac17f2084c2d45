import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
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
import './ontologies.css';
import {
  downloadJson,
  type OntologyDetail,
  ontologiesKey,
  ontologyKey,
  readJsonFile,
  useOntology,
} from './queries.ts';

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

function OntologyEditor({ ontology }: { ontology: OntologyDetail }) {
  const queryClient = useQueryClient();
  const readOnly = ontology.myRole !== 'admin';
  const saved = asDocument(ontology);
  const [doc, setDoc] = useState<OntologyDocument>(saved);
  const [notice, setNotice] = useState<string | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const validation = useMemo(() => validateOntology(doc), [doc]);
  const issues = validation.issues;
  const dirty = useMemo(() => JSON.stringify(doc) !== JSON.stringify(saved), [doc, saved]);

  const edit: Edit = (change) => {
    setNotice(null);
    setDoc((d) => {
      const copy = structuredClone(d);
      change(copy);
      return copy;
    });
  };

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/ontologies/{id}/schema', {
          params: { path: { id: ontology.id } },
          body: { schema: doc as never, revision: ontology.revision },
        }),
      ),
    onSuccess: (updated) => {
      const newVersion = updated.currentVersion !== ontology.currentVersion;
      setNotice(
        newVersion
          ? `Projects keep version ${ontology.currentVersion}; this is version ${updated.currentVersion}.`
          : null,
      );
      queryClient.setQueryData(ontologyKey(ontology.id), updated);
      void queryClient.invalidateQueries({ queryKey: [...ontologiesKey, 'list'] });
    },
  });

  /** After a conflict: fetch what is stored now and start again from it. */
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: ontologyKey(ontology.id) });
    const fresh = queryClient.getQueryData<OntologyDetail>(ontologyKey(ontology.id));
    if (fresh) setDoc(asDocument(fresh));
    save.reset();
    setShowProblems(false);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!validation.ok) {
      setShowProblems(true);
      return;
    }
    save.mutate();
  };

  const pinnedCurrent = ontology.pinnedVersions.includes(ontology.currentVersion);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/ontologies">
          <span aria-hidden="true">← </span>Back to ontologies
        </Link>
      </p>
      <PageHeader
        title={ontology.name}
        description={ontology.description || undefined}
        actions={
          <>
            <ExportButton ontology={ontology} />
            {!readOnly ? <ImportIntoEditor onLoad={(d) => edit((draft) => Object.assign(draft, d))} /> : null}
          </>
        }
      />
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
      {pinnedCurrent && !readOnly ? (
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
          <legend className="visually-hidden">Ontology schema</legend>
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
              Questions about the whole data unit; options may ask further questions.
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

        {!readOnly ? (
          <div className="editor-savebar">
            <div className="editor-status" aria-live="polite">
              {issues.length > 0 ? (
                <span className="status-problems">
                  {issues.length === 1 ? '1 problem to fix' : `${issues.length} problems to fix`}
                </span>
              ) : dirty ? (
                <span>Unsaved changes</span>
              ) : (
                <span className="muted">All changes saved</span>
              )}
            </div>
            <SubmitButton busy={save.isPending}>Save ontology</SubmitButton>
          </div>
        ) : null}
        {showProblems && issues.length > 0 ? (
          <div role="alert" className="alert alert-error">
            <p>Fix these before saving:</p>
            <ul className="problem-list">
              {issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>{issueText(i)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <NodeMessages issues={issuesOn(issues, '')} />
        <SaveOutcome
          error={save.error}
          success={save.isSuccess && !dirty}
          notice={notice}
          onReload={() => void reload()}
        />
      </form>

      {!readOnly ? <DetailsCard ontology={ontology} /> : null}
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
          Someone else saved this ontology since you opened it. Reload to see their version (your changes here
          are lost).
        </p>
        <button type="button" className="btn btn-small" onClick={onReload}>
          Reload ontology
        </button>
      </div>
    );
  }
  if (isApiError(error, 'feature_in_use')) {
    return (
      <div role="alert" className="alert alert-error">
        {errorMessage(error)} Tick “Archived” on them to retire them instead.
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

/** Loads the schema of an exported file into the editor (saved only when the user saves). */
function ImportIntoEditor({ onLoad }: { onLoad: (doc: OntologyDocument) => void }) {
  const input = useRef<HTMLInputElement>(null);
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
          ref={input}
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

function DetailsCard({ ontology }: { ontology: OntologyDetail }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState(ontology.name);
  const [description, setDescription] = useState(ontology.description);
  const update = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/ontologies/{id}', {
          params: { path: { id: ontology.id } },
          body: { name, description, revision: ontology.revision },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(ontologyKey(ontology.id), updated);
      void queryClient.invalidateQueries({ queryKey: [...ontologiesKey, 'list'] });
    },
  });
  const remove = useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/api/v1/ontologies/{id}', { params: { path: { id: ontology.id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ontologyKey(ontology.id) });
      void queryClient.invalidateQueries({ queryKey: [...ontologiesKey, 'list'] });
      navigate('/ontologies');
    },
  });
  const unchanged = name.trim() === ontology.name && description.trim() === ontology.description;
  return (
    <Card
      title="Details"
      className="editor-details"
      actions={
        <ConfirmButton
          label="Delete ontology"
          question="Delete this ontology and every version?"
          confirmLabel="Delete"
          danger
          busy={remove.isPending}
          onConfirm={() => remove.mutate()}
        />
      }
    >
      <ErrorAlert error={update.error ?? remove.error} />
      <form
        className="form form-narrow"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate();
        }}
      >
        <TextField
          label="Ontology name"
          required
          maxLength={200}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextAreaField
          label="Description"
          maxLength={2000}
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <div className="form-actions">
          <SubmitButton busy={update.isPending} disabled={unchanged}>
            Save details
          </SubmitButton>
        </div>
      </form>
    </Card>
  );
}
