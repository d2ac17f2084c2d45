import { type Actor, can, grantOf, type WorkspaceAction } from '../../core/policy/index.ts';
import type { WorkspaceRole } from '../../core/roles.ts';
import type { User } from '../api/client.ts';

// The web app asks the same policy the server enforces, only to hide controls a user may not use.
// It does not know the user's group memberships, so scoped grants are decided per screen from
// what the API returned (the server has the last word either way).

/** Whether `role` holds `action` on anything at all (always, or under some condition). */
export const roleMay = (role: WorkspaceRole, action: WorkspaceAction) =>
  grantOf(action, role).kind !== 'none';

/** The policy's view of the signed-in user; group ids are filled in where a screen knows them. */
export const actorOf = (user: User, managedGroupIds: readonly string[] = []): Actor => ({
  id: user.id,
  role: user.role,
  managedGroupIds,
  memberGroupIds: [],
});

/**
 * May `me` deactivate or reactivate `target`, a user the users list showed them? The list only
 * holds users they may see, so the resource carries that visibility (as "invited by me").
 */
export function mayToggleUser(me: User, target: User, action: 'user.deactivate' | 'user.reactivate') {
  if (target.id === me.id) return false;
  return can(actorOf(me), action, {
    kind: 'user',
    id: target.id,
    role: target.role,
    groupIds: [],
    invitedBy: me.id,
  });
}

/** Roles `me` may invite people with. */
export const invitableRoles = (me: User, roles: readonly WorkspaceRole[]) =>
  roles.filter((role) => can(actorOf(me), 'user.invite', { kind: 'invite', role, invitedBy: me.id }));

/** Group actions decided with what the group response says: listed as a manager means managing it. */
export function mayOnGroup(
  me: User,
  group: { id: string; managers: { id: string }[] | null },
  action: 'group.update' | 'group.delete' | 'group.manage_members' | 'group.manage_managers',
) {
  const manages = group.managers?.some((m) => m.id === me.id) ?? false;
  return can(actorOf(me, manages ? [group.id] : []), action, { kind: 'group', id: group.id });
}
