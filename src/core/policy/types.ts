import type { WorkspaceRole } from '../roles.ts';

/** Who is asking. Group ids let scoped rules ("groups they manage") be decided without I/O. */
export interface Actor {
  id: string;
  role: WorkspaceRole;
  managedGroupIds: readonly string[];
  memberGroupIds: readonly string[];
}

/** A user as the policy sees it, when the user is what an action targets. */
export interface UserResource {
  kind: 'user';
  id: string;
  role: WorkspaceRole;
  groupIds: readonly string[];
  invitedBy: string | null;
}

export interface InviteResource {
  kind: 'invite';
  role: WorkspaceRole;
  invitedBy: string | null;
}

export interface RoleChangeResource {
  kind: 'role_change';
  user: UserResource;
  newRole: WorkspaceRole;
}

export interface GroupResource {
  kind: 'group';
  id: string;
}

export interface WorkspaceResource {
  kind: 'workspace';
}

/** A person's numbers in the workspace report: whose, and the groups they belong to. */
export interface MemberNumbersResource {
  kind: 'member_numbers';
  userId: string;
  groupIds: readonly string[];
}

export interface OwnResource {
  kind: 'own';
  ownerId: string;
}

export type {
  DatasetResource,
  IssueResource,
  OntologyResource,
  PersonNumbersResource,
  ProjectMemberResource,
  ProjectResource,
} from './resource-policy.ts';

export type Resource =
  | UserResource
  | InviteResource
  | RoleChangeResource
  | GroupResource
  | WorkspaceResource
  | MemberNumbersResource
  | OwnResource;
