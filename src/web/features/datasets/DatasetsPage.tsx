import { useState } from 'react';
import { Link } from 'react-router';
import { SHARED_RESOURCE_ROLE_LABELS } from '../../../core/roles.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { TextField } from '../../components/Field.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { formatDate } from '../../lib/format.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { roleMay } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { NewDatasetDialog } from './NewDatasetDialog.tsx';
import { useDatasetList } from './queries.ts';

export function DatasetsPage() {
  const me = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState('');
  const query = useDebounced(q);
  const datasets = useDatasetList(query);
  const items = datasets.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Datasets"
        description="Collections of images, videos and texts to label. Attach them to projects to make tasks."
        actions={
          roleMay(me.role, 'dataset.create') ? (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              New dataset
            </button>
          ) : null
        }
      />
      {creating ? <NewDatasetDialog onClose={() => setCreating(false)} /> : null}
      <Card>
        <search className="filters" aria-label="Filter datasets">
          <TextField
            label="Search datasets"
            type="search"
            placeholder="Name or description"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </search>
        <ErrorAlert error={datasets.error} />
        {datasets.isPending ? (
          <Loading />
        ) : datasets.isError && !datasets.data ? null : items.length === 0 ? (
          <Empty>
            {query.trim()
              ? 'No datasets match this search.'
              : 'No datasets yet. Create one, or ask to have one shared with you.'}
          </Empty>
        ) : (
          <div className="table-wrap" aria-busy={datasets.isPlaceholderData || undefined}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="cell-number">
                    Data units
                  </th>
                  <th scope="col">Your role</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {items.map((dataset) => (
                  <tr key={dataset.id}>
                    <th scope="row" className="cell-name">
                      <Link to={`/datasets/${dataset.id}`}>{dataset.name}</Link>
                    </th>
                    <td className="cell-muted">{dataset.description || '—'}</td>
                    <td className="cell-number">{dataset.unitCount.toLocaleString()}</td>
                    <td>{me.role === 'admin' ? 'Admin' : SHARED_RESOURCE_ROLE_LABELS[dataset.myRole]}</td>
                    <td className="cell-nowrap">{formatDate(dataset.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore
          hasMore={datasets.hasNextPage}
          loading={datasets.isFetchingNextPage}
          onLoad={() => datasets.fetchNextPage()}
        />
      </Card>
    </>
  );
}
