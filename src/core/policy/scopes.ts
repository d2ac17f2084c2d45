import { grantOf } from './policy.ts';
import type { Actor } from './types.ts';

/**
 * List endpoints cannot call `can()` row by row on a large table, so the policy also describes the
 * rows a `*.read` grant covers in a form the query layer turns into a WHERE clause. Tests check
 * that every scope selects exactly the rows `can()` allows.
 */
export type UserScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'self'; userId: string }
  | { kind: 'workforce'; userId: string; managedGroupIds: readonly string[] };

export function userReadScope(actor: Actor): UserScope {
  const grant = grantOf('user.read', actor.role);
  if (grant.kind !== 'scoped') return { kind: grant.kind };
  if (actor.role === 'workforce_manager') {
    return { kind: 'workforce', userId: actor.id, managedGroupIds: actor.managedGroupIds };
  }
  return { kind: 'self', userId: actor.id };
}

export type GroupScope = { kind: 'all' } | { kind: 'none' } | { kind: 'ids'; groupIds: readonly string[] };

export function groupReadScope(actor: Actor): GroupScope {
  const grant = grantOf('group.read', actor.role);
  if (grant.kind !== 'scoped') return { kind: grant.kind };
  return { kind: 'ids', groupIds: [...new Set([...actor.managedGroupIds, ...actor.memberGroupIds])] };
}

export type InviteScope = { kind: 'all' } | { kind: 'none' } | { kind: 'roles'; roles: readonly 'tasker'[] };

export function inviteReadScope(actor: Actor): InviteScope {
  const grant = grantOf('invite.revoke', actor.role);
  if (grant.kind !== 'scoped') return { kind: grant.kind };
  return { kind: 'roles', roles: ['tasker'] };
}

/** Whose numbers the workspace report covers: everyone's, nobody's, or the members of groups. */
export type MemberNumbersScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'groups'; groupIds: readonly string[] };

export function workspaceReportScope(actor: Actor): MemberNumbersScope {
  const grant = grantOf('analytics.workspace', actor.role);
  if (grant.kind !== 'scoped') return { kind: grant.kind };
  return { kind: 'groups', groupIds: actor.managedGroupIds };
}
