import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { can } from '../../../core/policy/index.ts';
import { api, type Invite, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Card } from '../../components/Page.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { formatDateTime, roleLabel } from '../../lib/format.ts';
import { actorOf } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { invitesKey, useInviteList } from './queries.ts';

export function PendingInvites() {
  const invites = useInviteList();
  const items = invites.data?.pages.flatMap((p) => p.items) ?? [];
  const [error, setError] = useState<unknown>(null);

  return (
    <Card title="Pending invites">
      <ErrorAlert error={error ?? invites.error} />
      {invites.isPending ? (
        <Loading />
      ) : invites.isError && !invites.data ? null : items.length === 0 ? (
        <Empty>No pending invites.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Invited by</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((invite) => (
                <InviteRow key={invite.id} invite={invite} onError={setError} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        hasMore={invites.hasNextPage}
        loading={invites.isFetchingNextPage}
        onLoad={() => invites.fetchNextPage()}
      />
    </Card>
  );
}

function InviteRow({ invite, onError }: { invite: Invite; onError: (err: unknown) => void }) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/invites/{id}', { params: { path: { id: invite.id } } })),
    onMutate: () => onError(null),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitesKey }),
    onError,
  });
  const mayRevoke = can(actorOf(me), 'invite.revoke', {
    kind: 'invite',
    role: invite.role,
    invitedBy: invite.invitedBy,
  });
  return (
    <tr>
      <td>{invite.email}</td>
      <td>{roleLabel(invite.role)}</td>
      <td>{invite.invitedByEmail ?? '—'}</td>
      <td>{formatDateTime(invite.expiresAt)}</td>
      <td className="cell-actions">
        {mayRevoke ? (
          <button
            type="button"
            className="btn btn-small btn-danger-outline"
            onClick={() => revoke.mutate()}
            disabled={revoke.isPending}
          >
            Revoke
          </button>
        ) : null}
      </td>
    </tr>
  );
}
