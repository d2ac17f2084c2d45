import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Action,
  type Actor,
  can,
  type Resource,
  renderPermissionsMarkdown,
  type UserResource,
} from '../src/core/policy/index.ts';
import { WORKSPACE_ROLES, type WorkspaceRole } from '../src/core/roles.ts';

// The expected matrix is written out by hand from the product rules (DESIGN.md's reference
// matrix and issue 2), independently of the policy table, so a slip in either shows up here.
// Each scenario lists the roles that may act, as letters: A(dmin) W(orkforce manager) M(ember) T(asker).

const ME = 'actor';
const actor = (role: WorkspaceRole): Actor => ({
  id: ME,
  role,
  managedGroupIds: ['g-managed'],
  memberGroupIds: ['g-member'],
});
const user = (role: WorkspaceRole, extra: Partial<UserResource> = {}): UserResource => ({
  kind: 'user',
  id: 'other',
  role,
  groupIds: [],
  invitedBy: null,
  ...extra,
});

type Scenario = [label: string, resource: Resource, allowed: string];

const MATRIX: Record<Action, Scenario[]> = {
  'account.read': [
    ['own account', { kind: 'own', ownerId: ME }, 'AWMT'],
    ['someone else’s', { kind: 'own', ownerId: 'other' }, ''],
  ],
  'account.update': [
    ['own account', { kind: 'own', ownerId: ME }, 'AWMT'],
    ['someone else’s', { kind: 'own', ownerId: 'other' }, ''],
  ],
  'api_key.create': [['own', { kind: 'own', ownerId: ME }, 'AWMT']],
  'api_key.list': [['own', { kind: 'own', ownerId: ME }, 'AWMT']],
  'api_key.revoke': [
    ['own key', { kind: 'own', ownerId: ME }, 'AWMT'],
    ['someone else’s key', { kind: 'own', ownerId: 'other' }, ''],
  ],
  'workspace.read': [['workspace', { kind: 'workspace' }, 'AWMT']],
  'workspace.update': [['workspace', { kind: 'workspace' }, 'A']],
  'audit.read': [['workspace', { kind: 'workspace' }, 'A']],
  'user.list': [['workspace', { kind: 'workspace' }, 'AWM']],
  'user.read': [
    ['an Admin', user('admin'), 'AWM'],
    ['a Member in no shared group', user('member'), 'AM'],
    ['a Tasker in a group the actor manages', user('tasker', { groupIds: ['g-managed'] }), 'AWM'],
    ['a Tasker in a group the actor only belongs to', user('tasker', { groupIds: ['g-member'] }), 'AM'],
    ['a Tasker the actor invited', user('tasker', { invitedBy: ME }), 'AWM'],
    ['themselves', user('tasker', { id: ME }), 'AWMT'],
  ],
  'user.invite': [
    ['as Tasker', { kind: 'invite', role: 'tasker', invitedBy: ME }, 'AW'],
    ['as Member', { kind: 'invite', role: 'member', invitedBy: ME }, 'A'],
    ['as Workforce Manager', { kind: 'invite', role: 'workforce_manager', invitedBy: ME }, 'A'],
    ['as Admin', { kind: 'invite', role: 'admin', invitedBy: ME }, 'A'],
  ],
  'invite.list': [['workspace', { kind: 'workspace' }, 'AW']],
  'invite.revoke': [
    ['a Tasker invite', { kind: 'invite', role: 'tasker', invitedBy: 'other' }, 'AW'],
    ['a Member invite', { kind: 'invite', role: 'member', invitedBy: ME }, 'A'],
  ],
  'user.change_role': [
    [
      'Tasker → Member',
      { kind: 'role_change', user: user('tasker', { invitedBy: ME }), newRole: 'member' },
      'A',
    ],
    ['Member → Admin', { kind: 'role_change', user: user('member'), newRole: 'admin' }, 'A'],
  ],
  'user.deactivate': [
    ['a Tasker the actor invited', user('tasker', { invitedBy: ME }), 'AW'],
    ['a Tasker in a managed group', user('tasker', { groupIds: ['g-managed'] }), 'AW'],
    ['a Tasker the actor cannot see', user('tasker'), 'A'],
    ['a Member in a managed group', user('member', { groupIds: ['g-managed'] }), 'A'],
    ['an Admin', user('admin'), 'A'],
  ],
  'user.reactivate': [
    ['a Tasker the actor invited', user('tasker', { invitedBy: ME }), 'AW'],
    ['a Workforce Manager', user('workforce_manager', { invitedBy: ME }), 'A'],
  ],
  'group.list': [['workspace', { kind: 'workspace' }, 'AWMT']],
  'group.read': [
    ['a group the actor manages', { kind: 'group', id: 'g-managed' }, 'AW'],
    ['a group the actor belongs to', { kind: 'group', id: 'g-member' }, 'AWMT'],
    ['any other group', { kind: 'group', id: 'g-other' }, 'A'],
  ],
  'group.see_managers': [
    ['a group the actor manages', { kind: 'group', id: 'g-managed' }, 'AW'],
    ['a group the actor belongs to', { kind: 'group', id: 'g-member' }, 'A'],
  ],
  'group.create': [['workspace', { kind: 'workspace' }, 'AW']],
  'group.update': [
    ['a group the actor manages', { kind: 'group', id: 'g-managed' }, 'AW'],
    ['a group the actor belongs to', { kind: 'group', id: 'g-member' }, 'A'],
  ],
  'group.delete': [
    ['a group the actor manages', { kind: 'group', id: 'g-managed' }, 'AW'],
    ['any other group', { kind: 'group', id: 'g-other' }, 'A'],
  ],
  'group.manage_members': [
    ['a group the actor manages', { kind: 'group', id: 'g-managed' }, 'AW'],
    ['any other group', { kind: 'group', id: 'g-other' }, 'A'],
  ],
  'group.manage_managers': [
    ['a group the actor manages', { kind: 'group', id: 'g-managed' }, 'AW'],
    ['a group the actor belongs to', { kind: 'group', id: 'g-member' }, 'A'],
  ],
};

const LETTER: Record<WorkspaceRole, string> = {
  admin: 'A',
  workforce_manager: 'W',
  member: 'M',
  tasker: 'T',
};

describe('the permission policy', () => {
  it('has an expected row for every action it defines, and no other', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const [label, resource, allowed] of MATRIX[action]) {
      for (const role of WORKSPACE_ROLES) {
        const expected = allowed.includes(LETTER[role]);
        it(`${expected ? 'lets' : 'refuses'} ${role} ${action} on ${label}`, () => {
          expect(can(actor(role), action, resource as never)).toBe(expected);
        });
      }
    }
  }

  it('is what docs/permissions.md shows (regenerate with npm run docs:permissions)', () => {
    const doc = readFileSync(new URL('../docs/permissions.md', import.meta.url), 'utf8');
    expect(doc).toBe(renderPermissionsMarkdown());
  });
});
