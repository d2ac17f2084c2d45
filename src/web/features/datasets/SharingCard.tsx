import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  SHARED_RESOURCE_ROLE_LABELS,
  SHARED_RESOURCE_ROLES,
  type SharedResourceRole,
} from '../../../core/roles.ts';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Card } from '../../components/Page.tsx';
import { type PickedPrincipal, PrincipalPicker, principalKey } from '../../components/PrincipalPicker.tsx';
import { Empty, Loading } from '../../components/States.tsx';
import { formatDate } from '../../lib/format.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { type AccessEntry, type Dataset, datasetAccessKey, useDatasetAccess } from './queries.ts';

const ROLE_OPTIONS = SHARED_RESOURCE_ROLES.map((value) => ({
  value,
  label: SHARED_RESOURCE_ROLE_LABELS[value],
}));

/** Who may use the dataset (Users) or also manage it (Admins), directly or through a group. */
export function SharingCard({ dataset, mayManage }: { dataset: Dataset; mayManage: boolean }) {
  const me = useCurrentUser();
  const access = useDatasetAccess(dataset.id);
  const items = access.data?.items ?? [];
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: datasetAccessKey(dataset.id) });

  const share = useMutation({
    mutationFn: ({ principal, role }: { principal: PickedPrincipal; role: SharedResourceRole }) =>
      unwrap(
        api.PUT('/api/v1/datasets/{id}/access', {
          params: { path: { id: dataset.id } },
          body: { principalType: principal.principalType, principalId: principal.principalId, role },
        }),
      ),
    onMutate: () => setNotice(null),
    onSuccess: (_ok, { principal, role }) => {
      setNotice(`Shared with ${principal.name} as ${SHARED_RESOURCE_ROLE_LABELS[role]}.`);
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (entry: AccessEntry) =>
      unwrap(
        api.DELETE('/api/v1/datasets/{id}/access/{principalType}/{principalId}', {
          params: {
            path: { id: dataset.id, principalType: entry.principalType, principalId: entry.principalId },
          },
        }),
      ),
    onMutate: () => setNotice(null),
    onSuccess: (_ok, entry) => {
      setNotice(`${entry.name} no longer has access.`);
      return refresh();
    },
  });

  return (
    <Card title="Sharing">
      <p className="card-description">
        Users can see the dataset and attach it to their projects; Admins can also upload, rename, share and
        delete it. Workspace Admins can always manage it.
      </p>
      {mayManage ? (
        <PrincipalPicker
          roles={ROLE_OPTIONS}
          roleFieldLabel="Dataset role"
          defaultRole="user"
          submitLabel="Share"
          busy={share.isPending}
          error={share.error}
          present={new Set(items.map(principalKey))}
          onAdd={(principal, role) => share.mutate({ principal, role })}
        />
      ) : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorAlert error={remove.error ?? access.error} />
      {access.isPending ? (
        <Loading />
      ) : access.isError ? null : items.length === 0 ? (
        <Empty>Not shared with anyone yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Role</th>
                <th scope="col">Added</th>
                {mayManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={principalKey(entry)}>
                  <th scope="row" className="cell-name">
                    {entry.name}
                    {entry.principalType === 'user' && entry.principalId === me.id ? (
                      <span className="you"> (you)</span>
                    ) : null}
                    {entry.email ? <span className="cell-sub">{entry.email}</span> : null}
                  </th>
                  <td>{entry.principalType === 'group' ? 'Group' : 'User'}</td>
                  <td>
                    {mayManage ? (
                      <select
                        className="select-small"
                        aria-label={`Dataset role of ${entry.name}`}
                        value={entry.role}
                        disabled={share.isPending}
                        onChange={(e) =>
                          share.mutate({ principal: entry, role: e.target.value as SharedResourceRole })
                        }
                      >
                        {ROLE_OPTIONS.map((r) => (
                          <option key={r.value} value={r.value}>
                            {r.label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <Badge tone={entry.role === 'admin' ? 'accent' : 'neutral'}>
                        {SHARED_RESOURCE_ROLE_LABELS[entry.role]}
                      </Badge>
                    )}
                  </td>
                  <td>{formatDate(entry.addedAt)}</td>
                  {mayManage ? (
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="btn btn-small btn-danger-outline"
                        disabled={remove.isPending}
                        aria-label={`Remove ${entry.name}`}
                        onClick={() => remove.mutate(entry)}
                      >
                        Remove
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
