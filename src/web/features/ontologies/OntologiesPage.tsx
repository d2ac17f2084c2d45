import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { emptyOntology } from '../../../core/ontology/index.ts';
import { SHARED_RESOURCE_ROLE_LABELS } from '../../../core/roles.ts';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { formatDate } from '../../lib/format.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { roleMay } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { ontologiesKey, ontologyKey, readJsonFile, useOntologyList } from './queries.ts';

export function OntologiesPage() {
  const me = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState('');
  const query = useDebounced(q);
  const ontologies = useOntologyList(query);
  const items = ontologies.data?.pages.flatMap((p) => p.items) ?? [];
  const mayCreate = roleMay(me.role, 'ontology.create');

  return (
    <>
      <PageHeader
        title="Ontologies"
        description="An ontology is the labelling schema projects use: the objects to draw and the questions to answer."
        actions={
          mayCreate ? (
            <>
              <ImportButton />
              <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                New ontology
              </button>
            </>
          ) : null
        }
      />
      {creating ? <NewOntologyDialog onClose={() => setCreating(false)} /> : null}
      <Card>
        <search className="filters" aria-label="Filter ontologies">
          <TextField
            label="Search ontologies"
            type="search"
            placeholder="Name or description"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </search>
        <ErrorAlert error={ontologies.error} />
        {ontologies.isPending ? (
          <Loading />
        ) : ontologies.isError && !ontologies.data ? null : items.length === 0 ? (
          <Empty>{query.trim() ? 'No ontologies match this search.' : 'No ontologies yet.'}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="cell-number">
                    Version
                  </th>
                  <th scope="col" className="cell-number">
                    Projects
                  </th>
                  <th scope="col">Your role</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.id}>
                    <th scope="row" className="cell-name">
                      <Link to={`/ontologies/${o.id}`}>{o.name}</Link>
                    </th>
                    <td className="cell-muted">{o.description || '—'}</td>
                    <td className="cell-number">{o.currentVersion}</td>
                    <td className="cell-number">{o.projectCount}</td>
                    <td>{SHARED_RESOURCE_ROLE_LABELS[o.myRole]}</td>
                    <td className="cell-nowrap">{formatDate(o.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore
          hasMore={ontologies.hasNextPage}
          loading={ontologies.isFetchingNextPage}
          onLoad={() => ontologies.fetchNextPage()}
        />
      </Card>
    </>
  );
}

/** Creates an empty ontology and opens it in the editor. */
function NewOntologyDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/ontologies', {
          body: { name, description: description.trim() || undefined, schema: emptyOntology() },
        }),
      ),
    onSuccess: (ontology) => {
      queryClient.setQueryData(ontologyKey(ontology.id), ontology);
      void queryClient.invalidateQueries({ queryKey: [...ontologiesKey, 'list'] });
      onClose();
      navigate(`/ontologies/${ontology.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Dialog title="New ontology" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={create.error} />
        <TextField
          label="Ontology name"
          name="name"
          required
          maxLength={200}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextAreaField
          label="Description"
          name="description"
          maxLength={2000}
          rows={3}
          hint="Optional."
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <SubmitButton busy={create.isPending}>Create ontology</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

/** Creates a new ontology from an exported JSON file. */
function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const importFile = useMutation({
    mutationFn: async (file: File) => {
      const body = (await readJsonFile(file)) as never;
      return unwrap(api.POST('/api/v1/ontologies/import', { body }));
    },
    onSuccess: (ontology) => {
      queryClient.setQueryData(ontologyKey(ontology.id), ontology);
      void queryClient.invalidateQueries({ queryKey: [...ontologiesKey, 'list'] });
      navigate(`/ontologies/${ontology.id}`);
    },
  });
  const chosen = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) importFile.mutate(file);
  };
  return (
    <div className="ontology-import">
      <label className="btn" aria-disabled={importFile.isPending || undefined}>
        Import ontology
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          onChange={chosen}
          disabled={importFile.isPending}
        />
      </label>
      {importFile.error ? <ErrorAlert error={importFile.error} /> : null}
    </div>
  );
}
