import type { Actor, GroupResource, UserResource } from './types.ts';

// Small predicates shared by the policy table and the visibility scopes, so a rule is written once.

export const isSelf = (actor: Actor, userId: string) => actor.id === userId;

export const managesGroup = (actor: Actor, groupId: string) => actor.managedGroupIds.includes(groupId);

export const belongsToGroup = (actor: Actor, groupId: string) => actor.memberGroupIds.includes(groupId);

export const sharesManagedGroup = (actor: Actor, user: UserResource) =>
  user.groupIds.some((g) => actor.managedGroupIds.includes(g));

/**
 * A Workforce Manager sees Admins, the members of the groups they manage, the people they invited
 * (otherwise a freshly invited Tasker could never be put into a group), and themselves.
 */
export const workforceManagerSees = (actor: Actor, user: UserResource) =>
  isSelf(actor, user.id) ||
  user.role === 'admin' ||
  sharesManagedGroup(actor, user) ||
  user.invitedBy === actor.id;

/** A Workforce Manager manages the Taskers they can see, and nobody else. */
export const workforceManagerManages = (actor: Actor, user: UserResource) =>
  user.role === 'tasker' && !isSelf(actor, user.id) && workforceManagerSees(actor, user);

export const groupVisibleTo = (actor: Actor, group: GroupResource) =>
  managesGroup(actor, group.id) || belongsToGroup(actor, group.id);
