import { WORKSPACE_ROLES, type WorkspaceRole } from '../roles.ts';
import {
  canOnResource,
  DATASET_ACTIONS,
  isResourceAction,
  ONTOLOGY_ACTIONS,
  PROJECT_ACTIONS,
  type ResourceAction,
  type ResourceOfScoped,
  type ScopedResource,
} from './resource-policy.ts';
import {
  belongsToGroup,
  groupVisibleTo,
  isSelf,
  managesGroup,
  workforceManagerManages,
  workforceManagerSees,
} from './rules.ts';
import type {
  Actor,
  GroupResource,
  InviteResource,
  MemberNumbersResource,
  OwnResource,
  Resource,
  RoleChangeResource,
  UserResource,
  WorkspaceResource,
} from './types.ts';

/** How a role holds an action: always, never, or only where a condition on the resource holds. */
export type Grant<R extends Resource> =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'scoped'; label: string; test: (actor: Actor, resource: R) => boolean };

interface ActionSpec<R extends Resource> {
  area: string;
  summary: string;
  grants: Record<WorkspaceRole, Grant<R>>;
}

const all = { kind: 'all' } as const;
const none = { kind: 'none' } as const;
const scoped = <R extends Resource>(
  label: string,
  test: (actor: Actor, resource: R) => boolean,
): Grant<R> => ({
  kind: 'scoped',
  label,
  test,
});
const own = scoped<OwnResource>('own', (actor, r) => isSelf(actor, r.ownerId));
const everyone = <R extends Resource>(grant: Grant<R>): Record<WorkspaceRole, Grant<R>> => ({
  admin: grant,
  workforce_manager: grant,
  member: grant,
  tasker: grant,
});
const adminOnly = <R extends Resource>(): Record<WorkspaceRole, Grant<R>> => ({
  admin: all,
  workforce_manager: none,
  member: none,
  tasker: none,
});

const spec = <R extends Resource>(s: ActionSpec<R>) => s;
const creators = <R extends Resource>(): Record<WorkspaceRole, Grant<R>> => ({
  admin: all,
  workforce_manager: all,
  member: all,
  tasker: none,
});

const theirOwn = scoped<OwnResource>('their own', (actor, r) => isSelf(actor, r.ownerId));
const managedTaskers = scoped<UserResource>('Taskers they see', workforceManagerManages);
const visibleGroups = scoped<GroupResource>('groups they belong to', (a, g) => belongsToGroup(a, g.id));
const managedGroups = scoped<GroupResource>('groups they manage', (a, g) => managesGroup(a, g.id));

/**
 * The one table of who may do what in the workspace. Routes ask `can()`; nothing else decides.
 * `docs/permissions.md` is rendered from this table by `npm run docs:permissions`.
 */
export const POLICY = {
  'account.read': spec<OwnResource>({ area: 'Account', summary: 'Read own profile', grants: everyone(own) }),
  'account.update': spec<OwnResource>({
    area: 'Account',
    summary: 'Change own name or password',
    grants: everyone(own),
  }),
  'api_key.create': spec<OwnResource>({
    area: 'Account',
    summary: 'Create an API key',
    grants: everyone(own),
  }),
  'api_key.list': spec<OwnResource>({ area: 'Account', summary: 'List API keys', grants: everyone(own) }),
  'api_key.revoke': spec<OwnResource>({
    area: 'Account',
    summary: 'Revoke an API key',
    grants: everyone(own),
  }),

  'workspace.read': spec<WorkspaceResource>({
    area: 'Workspace',
    summary: 'Read workspace settings',
    grants: everyone(all),
  }),
  'workspace.update': spec<WorkspaceResource>({
    area: 'Workspace',
    summary: 'Change workspace settings',
    grants: adminOnly(),
  }),
  'audit.read': spec<WorkspaceResource>({
    area: 'Workspace',
    summary: 'Read the audit log',
    grants: adminOnly(),
  }),

  'user.list': spec<WorkspaceResource>({
    area: 'Users',
    summary: 'List workspace users (results are scoped by user.read)',
    grants: { admin: all, workforce_manager: all, member: all, tasker: none },
  }),
  'user.read': spec<UserResource>({
    area: 'Users',
    summary: 'See a workspace user',
    grants: {
      admin: all,
      workforce_manager: scoped('Admins, their groups’ members, people they invited', workforceManagerSees),
      member: all,
      tasker: scoped('themselves', (a, u) => isSelf(a, u.id)),
    },
  }),
  'user.invite': spec<InviteResource>({
    area: 'Users',
    summary: 'Invite a user with a workspace role',
    grants: {
      admin: all,
      workforce_manager: scoped('Taskers only', (_a, i) => i.role === 'tasker'),
      member: none,
      tasker: none,
    },
  }),
  'invite.list': spec<WorkspaceResource>({
    area: 'Users',
    summary: 'List pending invites (results are scoped by invite.revoke)',
    grants: { admin: all, workforce_manager: all, member: none, tasker: none },
  }),
  'invite.revoke': spec<InviteResource>({
    area: 'Users',
    summary: 'See or revoke a pending invite',
    grants: {
      admin: all,
      workforce_manager: scoped('Tasker invites', (_a, i) => i.role === 'tasker'),
      member: none,
      tasker: none,
    },
  }),
  'user.change_role': spec<RoleChangeResource>({
    area: 'Users',
    summary: 'Change a user’s workspace role',
    grants: adminOnly(),
  }),
  'user.deactivate': spec<UserResource>({
    area: 'Users',
    summary: 'Deactivate a user',
    grants: { admin: all, workforce_manager: managedTaskers, member: none, tasker: none },
  }),
  'user.reactivate': spec<UserResource>({
    area: 'Users',
    summary: 'Reactivate a user',
    grants: { admin: all, workforce_manager: managedTaskers, member: none, tasker: none },
  }),

  'group.list': spec<WorkspaceResource>({
    area: 'Groups',
    summary: 'List user groups (results are scoped by group.read)',
    grants: everyone(all),
  }),
  'group.read': spec<GroupResource>({
    area: 'Groups',
    summary: 'See a group and its members',
    grants: {
      admin: all,
      workforce_manager: scoped('groups they manage or belong to', groupVisibleTo),
      member: visibleGroups,
      tasker: visibleGroups,
    },
  }),
  'group.see_managers': spec<GroupResource>({
    area: 'Groups',
    summary: 'See who manages a group',
    grants: { admin: all, workforce_manager: managedGroups, member: none, tasker: none },
  }),
  'group.create': spec<WorkspaceResource>({
    area: 'Groups',
    summary: 'Create a group',
    grants: { admin: all, workforce_manager: all, member: none, tasker: none },
  }),
  'group.update': spec<GroupResource>({
    area: 'Groups',
    summary: 'Rename a group or change its description',
    grants: { admin: all, workforce_manager: managedGroups, member: none, tasker: none },
  }),
  'group.delete': spec<GroupResource>({
    area: 'Groups',
    summary: 'Delete a group',
    grants: { admin: all, workforce_manager: managedGroups, member: none, tasker: none },
  }),
  'group.manage_members': spec<GroupResource>({
    area: 'Groups',
    summary: 'Add or remove group members',
    grants: { admin: all, workforce_manager: managedGroups, member: none, tasker: none },
  }),
  'group.manage_managers': spec<GroupResource>({
    area: 'Groups',
    summary: 'Add or remove group managers',
    grants: { admin: all, workforce_manager: managedGroups, member: none, tasker: none },
  }),

  'analytics.workspace': spec<MemberNumbersResource>({
    area: 'Analytics',
    summary: 'Read the workspace report: throughput, utilisation and quality across every project',
    grants: {
      admin: all,
      workforce_manager: scoped('members of groups they manage', (a, r) =>
        r.groupIds.some((g) => managesGroup(a, g)),
      ),
      member: none,
      tasker: none,
    },
  }),

  'project.create': spec<WorkspaceResource>({
    area: 'Projects, datasets and ontologies',
    summary: 'Create a project (its creator becomes its Admin)',
    grants: creators(),
  }),
  'project.list': spec<WorkspaceResource>({
    area: 'Projects, datasets and ontologies',
    summary: 'List projects (results: every project for Admins, else those one holds a role on)',
    grants: everyone(all),
  }),
  'dataset.create': spec<WorkspaceResource>({
    area: 'Projects, datasets and ontologies',
    summary: 'Create a dataset (its creator becomes its Admin)',
    grants: creators(),
  }),
  'dataset.list': spec<WorkspaceResource>({
    area: 'Projects, datasets and ontologies',
    summary: 'List datasets (results: every dataset for Admins, else those shared with one)',
    grants: everyone(all),
  }),
  'ontology.create': spec<WorkspaceResource>({
    area: 'Projects, datasets and ontologies',
    summary: 'Create an ontology (its creator becomes its Admin)',
    grants: creators(),
  }),
  'ontology.list': spec<WorkspaceResource>({
    area: 'Projects, datasets and ontologies',
    summary: 'List ontologies (results: every ontology for Admins, else those shared with one)',
    grants: everyone(all),
  }),

  'issue.list': spec<WorkspaceResource>({
    area: 'Issues',
    summary:
      'List one’s own issues across projects (results: those one raised, is assigned or was mentioned in, in projects one holds a role on)',
    grants: everyone(all),
  }),

  'workflow_template.list': spec<WorkspaceResource>({
    area: 'Workflows',
    summary: 'List and read workflow templates (built-in and saved)',
    grants: creators(),
  }),
  'workflow_template.create': spec<WorkspaceResource>({
    area: 'Workflows',
    summary: 'Save a workflow as a workspace template',
    grants: creators(),
  }),
  'workflow_template.update': spec<OwnResource>({
    area: 'Workflows',
    summary: 'Change a saved workflow template',
    grants: { admin: all, workforce_manager: theirOwn, member: theirOwn, tasker: none },
  }),
  'workflow_template.delete': spec<OwnResource>({
    area: 'Workflows',
    summary: 'Delete a saved workflow template',
    grants: { admin: all, workforce_manager: theirOwn, member: theirOwn, tasker: none },
  }),
} satisfies Record<string, ActionSpec<never>>;

export type WorkspaceAction = keyof typeof POLICY;
export type Action = WorkspaceAction | ResourceAction;
export const WORKSPACE_ACTIONS = Object.keys(POLICY) as WorkspaceAction[];
export const ACTIONS: Action[] = [
  ...WORKSPACE_ACTIONS,
  ...PROJECT_ACTIONS,
  ...DATASET_ACTIONS,
  ...ONTOLOGY_ACTIONS,
];

type WorkspaceResourceOf<A extends WorkspaceAction> =
  (typeof POLICY)[A] extends ActionSpec<infer R> ? R : never;
export type ResourceOf<A extends Action> = A extends WorkspaceAction
  ? WorkspaceResourceOf<A>
  : A extends ResourceAction
    ? ResourceOfScoped<A>
    : never;

export function grantOf<A extends WorkspaceAction>(
  action: A,
  role: WorkspaceRole,
): Grant<WorkspaceResourceOf<A>> {
  return POLICY[action].grants[role] as Grant<WorkspaceResourceOf<A>>;
}

/** The single decision point: may `actor` perform `action` on `resource`? */
export function can<A extends Action>(actor: Actor, action: A, resource: ResourceOf<A>): boolean {
  if (isResourceAction(action)) return canOnResource(actor, action, resource as ScopedResource);
  const grant = grantOf(action as WorkspaceAction, actor.role);
  switch (grant.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'scoped':
      return grant.test(actor, resource as never);
  }
}

export { WORKSPACE_ROLES };
