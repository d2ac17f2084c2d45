import { useState } from 'react';
import { WORKSPACE_ROLES, type WorkspaceRole } from '../../../core/roles.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Card } from '../../components/Page.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { errorMessage, roleLabel } from '../../lib/format.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { type UserFilters, useUserList } from './queries.ts';
import { UserRow } from './UserRow.tsx';

export type RowOutcome = { kind: 'success'; message: string } | { kind: 'error'; message: string } | null;

/** Search and filters over the workspace's users, with each row's actions. */
export function UsersTable() {
  const [q, setQ] = useState('');
  const [role, setRole] = useState<UserFilters['role']>('');
  const [status, setStatus] = useState<UserFilters['status']>('');
  const filters = { q: useDebounced(q), role, status };
  const users = useUserList(filters);
  const items = users.data?.pages.flatMap((p) => p.items) ?? [];
  const [outcome, setOutcome] = useState<RowOutcome>(null);
  const filtered = filters.q.trim() !== '' || role !== '' || status !== '';

  return (
    <Card title="People">
      <search className="filters" aria-label="Filter users">
        <TextField
          label="Search users"
          type="search"
          placeholder="Name or email"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          label="Filter by role"
          value={role}
          onChange={(e) => setRole(e.target.value as UserFilters['role'])}
        >
          <option value="">All roles</option>
          {WORKSPACE_ROLES.map((r: WorkspaceRole) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Filter by status"
          value={status}
          onChange={(e) => setStatus(e.target.value as UserFilters['status'])}
        >
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="deactivated">Deactivated</option>
        </SelectField>
      </search>
      {outcome ? <Notice kind={outcome.kind}>{outcome.message}</Notice> : null}
      <ErrorAlert error={users.error} />
      {users.isPending ? (
        <Loading />
      ) : users.isError && !users.data ? null : items.length === 0 ? (
        <Empty>{filtered ? 'No users match these filters.' : 'No users yet.'}</Empty>
      ) : (
        <div className="table-wrap" aria-busy={users.isPlaceholderData || undefined}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((user) => (
                <UserRow
                  key={`${user.id}:${user.revision}`}
                  user={user}
                  onOutcome={(o) => setOutcome(o)}
                  onError={(err) => setOutcome({ kind: 'error', message: errorMessage(err) })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        hasMore={users.hasNextPage}
        loading={users.isFetchingNextPage}
        onLoad={() => users.fetchNextPage()}
      />
    </Card>
  );
}
