import { can } from '../../../core/policy/index.ts';
import type { ProjectRole, ProjectStatus } from '../../../core/roles.ts';
import type { User } from '../../api/client.ts';
import { actorOf } from '../../lib/permissions.ts';

// What the signed-in user may do with issues, asked of the policy the server enforces (the server
// has the last word): every project role raises and comments; Admins and Team Managers manage the
// issue tags and update any issue, everyone else the issues they raised or are assigned to.

interface ProjectRef {
  id: string;
  myRole?: ProjectRole | null;
}

/** Statuses in which only Admins and Team Managers raise, comment on or change issues. */
const MANAGERS_ONLY: readonly ProjectStatus[] = ['paused', 'completed', 'cancelled'];

const resourceOf = (project: ProjectRef) => ({
  kind: 'project' as const,
  id: project.id,
  role: project.myRole ?? null,
});

export const mayRaiseIssue = (me: User, project: ProjectRef) =>
  can(actorOf(me), 'project.raise_issue', resourceOf(project));

export const mayManageIssueTags = (me: User, project: ProjectRef) =>
  can(actorOf(me), 'project.manage_issue_tags', resourceOf(project));

export const mayUpdateIssue = (
  me: User,
  project: ProjectRef,
  issue: { author: { id: string } | null; assignee: { id: string } | null },
) =>
  can(actorOf(me), 'issue.update', {
    kind: 'issue',
    project: resourceOf(project),
    mine: issue.author?.id === me.id || issue.assignee?.id === me.id,
  });

/**
 * Whether the project's status lets `me` raise, comment on or change issues at all: never while
 * it is Archived; while Paused, Completed or Cancelled only its Admins and Team Managers.
 */
export const mayChangeIssues = (me: User, project: ProjectRef & { status: ProjectStatus }) =>
  project.status !== 'archived' &&
  (!MANAGERS_ONLY.includes(project.status) || mayManageIssueTags(me, project));
