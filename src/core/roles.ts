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
