import { Card, PageHeader } from '../../components/Page.tsx';
import { formatDate, roleLabel } from '../../lib/format.ts';
import { useCurrentUser } from '../auth/session.tsx';

const ROLE_SUMMARY = {
  admin: 'You can manage everything in this workspace: people, groups, settings and the audit log.',
  workforce_manager: 'You can invite and manage Taskers, and manage the groups you look after.',
  member: 'You can create projects and work in the projects you are invited to.',
  tasker: 'You work on the projects and tasks assigned to you.',
} as const;

export function HomePage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name}`}
        description={
          <>
            Your role: <strong className="role-name">{roleLabel(user.role)}</strong>
          </>
        }
      />
      <Card title="Your account">
        <p>{ROLE_SUMMARY[user.role]}</p>
        <dl className="summary-list">
          <div>
            <dt>Email</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{roleLabel(user.role)}</dd>
          </div>
          <div>
            <dt>Member since</dt>
            <dd>{formatDate(user.createdAt)}</dd>
          </div>
        </dl>
      </Card>
    </>
  );
}
