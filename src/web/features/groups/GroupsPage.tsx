import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/Alert.tsx';
import { TextField } from '../../components/Field.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { useDebounced } from '../../lib/hooks.ts';
import { roleMay } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { NewGroupDialog } from './NewGroupDialog.tsx';
import { useGroupList } from './queries.ts';

export function GroupsPage() {
  const me = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState('');
  const query = useDebounced(q);
  const groups = useGroupList(query);
  const items = groups.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Groups"
        description="Groups gather people so they can be added to projects together."
        actions={
          roleMay(me.role, 'group.create') ? (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              New group
            </button>
          ) : null
        }
      />
      {creating ? <NewGroupDialog onClose={() => setCreating(false)} /> : null}
      <Card>
        <search className="filters" aria-label="Filter groups">
          <TextField
            label="Search groups"
            type="search"
            placeholder="Name or description"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </search>
        <ErrorAlert error={groups.error} />
        {groups.isPending ? (
          <Loading />
        ) : groups.isError && !groups.data ? null : items.length === 0 ? (
          <Empty>{query.trim() ? 'No groups match this search.' : 'No groups yet.'}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="cell-number">
                    Members
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((group) => (
                  <tr key={group.id}>
                    <th scope="row" className="cell-name">
                      <Link to={`/settings/groups/${group.id}`}>{group.name}</Link>
                    </th>
                    <td className="cell-muted">{group.description || '—'}</td>
                    <td className="cell-number">{group.memberCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore
          hasMore={groups.hasNextPage}
          loading={groups.isFetchingNextPage}
          onLoad={() => groups.fetchNextPage()}
        />
      </Card>
    </>
  );
}
