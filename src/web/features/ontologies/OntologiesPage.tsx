import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SHARED_RESOURCE_ROLE_LABELS } from '../../../core/roles.ts';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { TextField } from '../../components/Field.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { formatDate } from '../../lib/format.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { roleMay } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { ontologiesKey, ontologyKey, readJsonFile, useOntologyList } from './queries.ts';

export function OntologiesPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
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
              <button type="button" className="btn btn-primary" onClick={() => navigate('/ontologies/new')}>
                New ontology
              </button>
            </>
          ) : null
        }
      />
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

/** Creates a new ontology from an exported JSON file. */
function ImportButton() {
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
