import { type UseQueryResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import {
  SHARED_RESOURCE_ROLE_LABELS,
  SHARED_RESOURCE_ROLES,
  type SharedResourceRole,
} from '../../core/roles.ts';
import { useCurrentUser } from '../features/auth/session.tsx';
import { formatDate } from '../lib/format.ts';
import { ErrorAlert, Notice } from './Alert.tsx';
import { Badge } from './Badge.tsx';
import { Card } from './Page.tsx';
import { type PickedPrincipal, PrincipalPicker, principalKey } from './PrincipalPicker.tsx';
import { Empty, Loading } from './States.tsx';

const ROLE_OPTIONS = SHARED_RESOURCE_ROLES.map((value) => ({
  value,
  label: SHARED_RESOURCE_ROLE_LABELS[value],
}));

/** One row of a dataset's or an ontology's sharing list. */
export interface AccessEntry {
  principalType: 'user' | 'group';
  principalId: string;
  name: string | null;
  email?: string | null;
  role: SharedResourceRole;
  addedAt: string;
}

type Principal = Pick<PickedPrincipal, 'principalType' | 'principalId'>;

/** How one kind of shared resource talks to the API; the card is the same for every kind. */
export interface SharingApi {
  /** "Dataset" or "Ontology": labels read "Dataset role of …". */
  noun: string;
  access: UseQueryResult<{ items: AccessEntry[] }>;
  queryKey: readonly unknown[];
  share(principal: Principal, role: SharedResourceRole): Promise<unknown>;
  remove(entry: AccessEntry): Promise<unknown>;
}

/** Who may use a dataset or ontology (Users) or also manage it (Admins), directly or through a group. */
export function SharingCard({
  sharing,
  mayManage,
  description,
}: {
  sharing: SharingApi;
  mayManage: boolean;
  description: ReactNode;
}) {
  const me = useCurrentUser();
  const { access, noun } = sharing;
  const items = access.data?.items ?? [];
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: sharing.queryKey });

  const share = useMutation({
    // Only the principal's identity goes to the API, which refuses unknown fields.
    mutationFn: ({
      principal,
      role,
    }: {
      principal: Principal & { name: string | null };
      role: SharedResourceRole;
    }) => sharing.share({ principalType: principal.principalType, principalId: principal.principalId }, role),
    onMutate: () => setNotice(null),
    onSuccess: (_ok, { principal, role }) => {
      setNotice(`Shared with ${principal.name} as ${SHARED_RESOURCE_ROLE_LABELS[role]}.`);
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (entry: AccessEntry) => sharing.remove(entry),
    onMutate: () => setNotice(null),
    onSuccess: (_ok, entry) => {
      setNotice(`${entry.name} no longer has access.`);
      return refresh();
    },
  });

  return (
    <Card title="Sharing">
      <p className="card-description">{description}</p>
      {mayManage ? (
        <PrincipalPicker
          roles={ROLE_OPTIONS}
          roleFieldLabel={`${noun} role`}
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
                        aria-label={`${noun} role of ${entry.name}`}
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
