import { useState } from 'react';
import { PageHeader } from '../../components/Page.tsx';
import { roleMay } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { InviteDialog } from './InviteDialog.tsx';
import { PendingInvites } from './PendingInvites.tsx';
import { UsersTable } from './UsersTable.tsx';

export function UsersPage() {
  const me = useCurrentUser();
  const [inviting, setInviting] = useState(false);
  const mayInvite = roleMay(me.role, 'user.invite');
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone in this workspace that you can see."
        actions={
          mayInvite ? (
            <button type="button" className="btn btn-primary" onClick={() => setInviting(true)}>
              Invite user
            </button>
          ) : null
        }
      />
      {inviting ? <InviteDialog onClose={() => setInviting(false)} /> : null}
      <div className="card-stack">
        <UsersTable />
        {roleMay(me.role, 'invite.list') ? <PendingInvites /> : null}
      </div>
    </>
  );
}
