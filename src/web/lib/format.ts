import { WORKSPACE_ROLE_LABELS, type WorkspaceRole } from '../../core/roles.ts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatDate = (iso: string) => dateOnly.format(new Date(iso));

export const roleLabel = (role: WorkspaceRole) => WORKSPACE_ROLE_LABELS[role];

export const statusLabel = (status: 'active' | 'deactivated') =>
  status === 'active' ? 'Active' : 'Deactivated';

/** A message for anything a query or mutation threw. */
export const errorMessage = (err: unknown) =>
  err instanceof Error ? err.message : 'Something went wrong. Please try again.';
