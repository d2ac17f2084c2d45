import { can } from '../../../core/policy/index.ts';
import type { ProjectRole } from '../../../core/roles.ts';
import type { User } from '../../api/client.ts';
import { actorOf, roleMay } from '../../lib/permissions.ts';

// Who sees what of the analytics, asked of the policy the server enforces (it scopes the numbers
// itself; this only picks what to offer).

interface ProjectRef {
  id: string;
  myRole?: ProjectRole | null;
}

const numbers = (project: ProjectRef, mine: boolean) => ({
  kind: 'person_numbers' as const,
  project: { kind: 'project' as const, id: project.id, role: project.myRole ?? null },
  mine,
});

/** Any project role: their own numbers at least. */
export const mayViewAnalytics = (me: User, project: ProjectRef) =>
  can(actorOf(me), 'analytics.view', numbers(project, true));

/** Project Admins and Team Managers (and workspace Admins): the team, with drill-down. */
export const mayViewTeamAnalytics = (me: User, project: ProjectRef) =>
  can(actorOf(me), 'analytics.view', numbers(project, false));

/** Workspace Admins (everyone) and Workforce Managers (their groups' members). */
export const mayViewWorkspaceReport = (me: User) => roleMay(me.role, 'analytics.workspace');
