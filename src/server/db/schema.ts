import type { Generated, Insertable, Selectable } from 'kysely';
import type { WorkspaceRole } from '../../core/roles.ts';

// Portable column conventions (the same on SQLite and PostgreSQL):
// ids are UUIDv7 text, times are ISO-8601 UTC text (they sort as strings), JSON is text,
// and every row a user can edit carries an integer `revision` for optimistic concurrency.

export interface WorkspaceTable {
  id: number;
  name: string;
  created_at: string;
  revision: number;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: WorkspaceRole;
  status: 'active' | 'deactivated';
  password_hash: string | null;
  invited_by: string | null;
  created_at: string;
  updated_at: string;
  deactivated_at: string | null;
  last_login_at: string | null;
  revision: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeysTable {
  id: string;
  user_id: string;
  name: string;
  secret_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface InvitesTable {
  id: string;
  email: string;
  role: WorkspaceRole;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_user_id: string | null;
  revoked_at: string | null;
}

export interface GroupsTable {
  id: string;
  name: string;
  name_key: string;
  description: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface GroupMembersTable {
  group_id: string;
  user_id: string;
  added_at: string;
}

export type GroupManagersTable = GroupMembersTable;

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_kind: 'user' | 'system' | 'anonymous';
  api_key_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  ip: string | null;
  request_id: string | null;
  before: string | null;
  after: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: string;
  count: number;
}

export interface DB {
  workspace: WorkspaceTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  invites: InvitesTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  group_managers: GroupManagersTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitsTable;
}

export type UserRow = Selectable<UsersTable>;
export type GroupRow = Selectable<GroupsTable>;
export type InviteRow = Selectable<InvitesTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
export type { Generated };
