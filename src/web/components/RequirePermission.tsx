import type { ReactNode } from 'react';
import type { WorkspaceAction } from '../../core/policy/index.ts';
import { useCurrentUser } from '../features/auth/session.tsx';
import { roleMay } from '../lib/permissions.ts';
import { PageHeader } from './Page.tsx';

/** Shows a page only to roles that may use it at all; others get a plain explanation. */
export function RequirePermission({ action, children }: { action: WorkspaceAction; children: ReactNode }) {
  const user = useCurrentUser();
  if (roleMay(user.role, action)) return children;
  return <PageHeader title="No access" description="Your role does not give you access to this page." />;
}
