import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { WORKSPACE_ROLES, type WorkspaceRole } from '../../../core/roles.ts';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { roleLabel } from '../../lib/format.ts';
import { invitableRoles } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { invitesKey } from './queries.ts';

/** Invite someone by email; afterwards shows the one-time link to pass on. */
export function InviteDialog({ onClose }: { onClose: () => void }) {
  const me = useCurrentUser();
  const roles = invitableRoles(me, WORKSPACE_ROLES);
  const defaultRole: WorkspaceRole = roles.includes('member') ? 'member' : (roles[0] ?? 'tasker');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<WorkspaceRole>(defaultRole);
  const queryClient = useQueryClient();

  const invite = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/invites', { body: { email, role } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitesKey }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  const again = () => {
    setEmail('');
    invite.reset();
  };

  return (
    <Dialog title="Invite user" onClose={onClose}>
      {invite.data ? (
        <div className="stack">
          <Notice kind="success">
            {invite.data.emailed
              ? `The invite was emailed to ${invite.data.email}. You can also pass on the link yourself.`
              : `The invite for ${invite.data.email} was not emailed (this server does not send email). Copy the link and send it to them.`}
          </Notice>
          <CopyField
            label="Invite link"
            value={invite.data.inviteUrl}
            hint="Anyone with this link can join as the invited user until it expires. It is shown only now."
          />
          <div className="form-actions">
            <button type="button" className="btn" onClick={again}>
              Invite someone else
            </button>
            <button type="button" className="btn btn-primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <ErrorAlert error={invite.error} />
          <TextField
            label="Email"
            type="email"
            name="email"
            required
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <SelectField
            label="Role"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as WorkspaceRole)}
            hint={roles.length < WORKSPACE_ROLES.length ? 'You can invite Taskers only.' : undefined}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </SelectField>
          <div className="form-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <SubmitButton busy={invite.isPending}>Send invite</SubmitButton>
          </div>
        </form>
      )}
    </Dialog>
  );
}
