import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { WORKSPACE_ROLES, type WorkspaceRole } from '../../../core/roles.ts';
import { api, isApiError, type User, unwrap } from '../../api/client.ts';
import { Badge } from '../../components/Badge.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { roleLabel, statusLabel } from '../../lib/format.ts';
import { mayToggleUser, roleMay } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { usersKey } from './queries.ts';
import type { RowOutcome } from './UsersTable.tsx';

interface RowProps {
  user: User;
  onOutcome: (outcome: RowOutcome) => void;
  onError: (err: unknown) => void;
}

export function UserRow({ user, onOutcome, onError }: RowProps) {
  const me = useCurrentUser();
  const mayChangeRole = roleMay(me.role, 'user.change_role') && user.id !== me.id;
  return (
    <tr className={user.status === 'deactivated' ? 'row-muted' : undefined}>
      <th scope="row" className="cell-name">
        {user.name}
        {user.id === me.id ? <span className="you"> (you)</span> : null}
      </th>
      <td>{user.email}</td>
      <td>
        {mayChangeRole ? (
          <RoleEditor user={user} onOutcome={onOutcome} onError={onError} />
        ) : (
          roleLabel(user.role)
        )}
      </td>
      <td>
        <Badge tone={user.status === 'active' ? 'success' : 'muted'}>{statusLabel(user.status)}</Badge>
      </td>
      <td className="cell-actions">
        <ActiveToggle user={user} onOutcome={onOutcome} onError={onError} />
      </td>
    </tr>
  );
}

/** A role select and Save; sends the revision shown, and on a conflict reloads the list. */
function RoleEditor({ user, onOutcome, onError }: RowProps) {
  const queryClient = useQueryClient();
  const [role, setRole] = useState<WorkspaceRole>(user.role);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/users/{id}/role', {
          params: { path: { id: user.id } },
          body: { role, revision: user.revision },
        }),
      ),
    onMutate: () => onOutcome(null),
    onSuccess: (updated) => {
      onOutcome({ kind: 'success', message: `${updated.name} is now ${roleLabel(updated.role)}.` });
      return queryClient.invalidateQueries({ queryKey: usersKey });
    },
    onError: (err) => {
      if (isApiError(err, 'revision_conflict')) {
        onOutcome({ kind: 'error', message: `${err.message} The list now shows the current values.` });
        void queryClient.invalidateQueries({ queryKey: usersKey });
      } else {
        onError(err);
      }
    },
  });
  return (
    <div className="inline-edit">
      <select
        aria-label={`Role for ${user.name}`}
        value={role}
        onChange={(e) => setRole(e.target.value as WorkspaceRole)}
        className="select-small"
      >
        {WORKSPACE_ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn-small"
        disabled={role === user.role || save.isPending}
        onClick={() => save.mutate()}
      >
        Save
      </button>
    </div>
  );
}

/** Deactivate or reactivate, after a confirmation. */
function ActiveToggle({ user, onOutcome, onError }: RowProps) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const active = user.status === 'active';
  const verb = active ? 'deactivate' : 'reactivate';
  const toggle = useMutation({
    mutationFn: () =>
      unwrap(
        active
          ? api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id: user.id } }, body: {} })
          : api.POST('/api/v1/users/{id}/reactivate', { params: { path: { id: user.id } }, body: {} }),
      ),
    onMutate: () => onOutcome(null),
    onSuccess: (updated) => {
      onOutcome({
        kind: 'success',
        message: `${updated.name} was ${active ? 'deactivated and signed out' : 'reactivated'}.`,
      });
      return queryClient.invalidateQueries({ queryKey: usersKey });
    },
    onError,
  });
  // Admins cannot be deactivated (their role has to change first).
  if (active && user.role === 'admin') return null;
  if (!mayToggleUser(me, user, `user.${verb}`)) return null;
  return (
    <ConfirmButton
      label={active ? 'Deactivate' : 'Reactivate'}
      question={active ? `Deactivate ${user.name}?` : `Reactivate ${user.name}?`}
      confirmLabel="Confirm"
      danger={active}
      busy={toggle.isPending}
      onConfirm={() => toggle.mutate()}
    />
  );
}
