export const WORKSPACE_ROLES = ['admin', 'workforce_manager', 'member', 'tasker'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

export const WORKSPACE_ROLE_LABELS: Record<WorkspaceRole, string> = {
  admin: 'Admin',
  workforce_manager: 'Workforce Manager',
  member: 'Member',
  tasker: 'Tasker',
};

export const USER_STATUSES = ['active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Roles allowed to manage a user group (be named one of its managers). */
export const GROUP_MANAGER_ROLES: readonly WorkspaceRole[] = ['admin', 'workforce_manager'];

export const PROJECT_ROLES = [
  'admin',
  'team_manager',
  'annotator_reviewer',
  'reviewer',
  'annotator',
] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export const PROJECT_ROLE_LABELS: Record<ProjectRole, string> = {
  admin: 'Admin',
  team_manager: 'Team Manager',
  annotator_reviewer: 'Annotator + Reviewer',
  reviewer: 'Reviewer',
  annotator: 'Annotator',
};

/** A user holding several roles on a project (directly and through groups) acts with the strongest. */
export function strongestProjectRole(roles: readonly ProjectRole[]): ProjectRole | null {
  for (const role of PROJECT_ROLES) if (roles.includes(role)) return role;
  return null;
}

/** Datasets and ontologies are shared with people as Admins (manage them) or Users (use them). */
export const SHARED_RESOURCE_ROLES = ['admin', 'user'] as const;
export type SharedResourceRole = (typeof SHARED_RESOURCE_ROLES)[number];

export const SHARED_RESOURCE_ROLE_LABELS: Record<SharedResourceRole, string> = {
  admin: 'Admin',
  user: 'User',
};

export function strongestSharedRole(roles: readonly SharedResourceRole[]): SharedResourceRole | null {
  for (const role of SHARED_RESOURCE_ROLES) if (roles.includes(role)) return role;
  return null;
}

export const PROJECT_STATUSES = [
  'not_started',
  'in_progress',
  'paused',
  'completed',
  'cancelled',
  'archived',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  paused: 'Paused',
  completed: 'Completed',
  cancelled: 'Cancelled',
  archived: 'Archived',
};
