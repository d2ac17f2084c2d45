import type { ProjectRole, ProjectStatus } from '../roles.ts';

/** What a request wants to do with a project, for the status gate. */
export type ProjectIntent = 'read' | 'work' | 'manage';

export interface GateRefusal {
  code: 'project_not_active' | 'project_archived';
  message: string;
}

const MANAGING_ROLES: readonly ProjectRole[] = ['admin', 'team_manager'];

/**
 * The project status rules of DESIGN.md §3, apart from the role policy: an Archived project is
 * read-only for everyone (only un-archiving is allowed, and that is `manage` by a manager with the
 * status route); Annotators and Reviewers work on tasks only while the project is In progress;
 * Admins and Team Managers keep full access otherwise. `role` is the caller's effective role
 * (a workspace Admin's is 'admin'). Returns null when the request may go ahead.
 */
export function projectGate(
  status: ProjectStatus,
  role: ProjectRole,
  intent: ProjectIntent,
): GateRefusal | null {
  if (intent === 'read') return null;
  if (status === 'archived') {
    return {
      code: 'project_archived',
      message: 'This project is archived and read-only; unarchive it first.',
    };
  }
  if (intent === 'work' && status !== 'in_progress' && !MANAGING_ROLES.includes(role)) {
    return {
      code: 'project_not_active',
      message: `This project is ${status.replace('_', ' ')}; tasks can be opened only while it is in progress.`,
    };
  }
  return null;
}
