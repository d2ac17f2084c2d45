import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Actor,
  can,
  type ProjectResource,
  type Resource,
  renderPermissionsMarkdown,
  type UserResource,
  WORKSPACE_ACTIONS,
  type WorkspaceAction,
  workspaceReportScope,
} from '../src/core/policy/index.ts';
import type { DatasetAction, OntologyAction, ProjectAction } from '../src/core/policy/resource-policy.ts';
import { PROJECT_ROLES, type ProjectRole, WORKSPACE_ROLES, type WorkspaceRole } from '../src/core/roles.ts';

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

const MATRIX: Record<WorkspaceAction, Scenario[]> = {
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
  'analytics.workspace': [
    [
      'a member of a group the actor manages',
      { kind: 'member_numbers', userId: 'other', groupIds: ['g-managed'] },
      'AW',
    ],
    ['a member of another group', { kind: 'member_numbers', userId: 'other', groupIds: ['g-other'] }, 'A'],
    [
      'the actor, in a group they belong to',
      { kind: 'member_numbers', userId: ME, groupIds: ['g-member'] },
      'A',
    ],
    ['someone in no group', { kind: 'member_numbers', userId: 'other', groupIds: [] }, 'A'],
  ],
  'project.create': [['workspace', { kind: 'workspace' }, 'AWM']],
  'project.list': [['workspace', { kind: 'workspace' }, 'AWMT']],
  'dataset.create': [['workspace', { kind: 'workspace' }, 'AWM']],
  'dataset.list': [['workspace', { kind: 'workspace' }, 'AWMT']],
  'ontology.create': [['workspace', { kind: 'workspace' }, 'AWM']],
  'ontology.list': [['workspace', { kind: 'workspace' }, 'AWMT']],
  'issue.list': [['workspace', { kind: 'workspace' }, 'AWMT']],
  'workflow_template.list': [['workspace', { kind: 'workspace' }, 'AWM']],
  'workflow_template.create': [['workspace', { kind: 'workspace' }, 'AWM']],
  'workflow_template.update': [
    ['own template', { kind: 'own', ownerId: ME }, 'AWM'],
    ['someone else’s template', { kind: 'own', ownerId: 'other' }, 'A'],
  ],
  'workflow_template.delete': [
    ['own template', { kind: 'own', ownerId: ME }, 'AWM'],
    ['someone else’s template', { kind: 'own', ownerId: 'other' }, 'A'],
  ],
};

// Actions on one project, by the project role held: a(dmin) t(eam manager) b (annotator+reviewer)
// r(eviewer) n (annotator). DESIGN.md §3's project matrix.
const PROJECT_ROLE_LETTER: Record<ProjectRole, string> = {
  admin: 'a',
  team_manager: 't',
  annotator_reviewer: 'b',
  reviewer: 'r',
  annotator: 'n',
};
const PROJECT_MATRIX: Record<ProjectAction, string> = {
  'project.read': 'atbrn',
  'project.update': 'at',
  'project.set_status': 'at',
  'project.manage_members': 'at',
  'project.manage_datasets': 'a',
  'project.switch_ontology': 'a',
  'project.delete': 'a',
  'project.annotate': 'atbn',
  'project.review': 'atbr',
  'project.view_queue': 'atbrn',
  'project.manage_queue': 'at',
  'project.edit_workflow': 'a',
  'project.import_labels': 'at',
  'project.export_labels': 'at',
  'project.view_agreement': 'at',
  'project.raise_issue': 'atbrn',
  'project.manage_issue_tags': 'at',
  'project.manage_benchmark': 'at',
  'project.take_screening': 'bn',
  // Someone else's numbers (see below for one's own).
  'benchmark.view_scores': 'at',
  'analytics.view': 'at',
  // Someone else's issue (see below for one's own and assigned ones).
  'issue.update': 'at',
};
const SHARED_MATRIX: Record<DatasetAction | OntologyAction, string> = {
  'dataset.read': 'au',
  'dataset.attach': 'au',
  'dataset.update': 'a',
  'dataset.manage_members': 'a',
  'dataset.delete': 'a',
  'ontology.read': 'au',
  'ontology.use': 'au',
  'ontology.update': 'a',
  'ontology.manage_members': 'a',
  'ontology.delete': 'a',
};

const LETTER: Record<WorkspaceRole, string> = {
  admin: 'A',
  workforce_manager: 'W',
  member: 'M',
  tasker: 'T',
};

describe('the permission policy', () => {
  it('has an expected row for every action it defines, and no other', () => {
    expect(
      [...Object.keys(MATRIX), ...Object.keys(PROJECT_MATRIX), ...Object.keys(SHARED_MATRIX)].sort(),
    ).toEqual([...ACTIONS].sort());
  });

  const project = (role: ProjectRole | null): ProjectResource => ({ kind: 'project', id: 'p', role });
  /** The resource each project action is asked about: for issues, someone else's issue. */
  const resourceFor = (action: ProjectAction, role: ProjectRole | null) => {
    if (action === 'project.manage_members') {
      return { kind: 'project_member' as const, project: project(role), role: 'admin' as const };
    }
    if (action === 'issue.update') return { kind: 'issue' as const, project: project(role), mine: false };
    if (action === 'benchmark.view_scores' || action === 'analytics.view')
      return { kind: 'person_numbers' as const, project: project(role), mine: false };
    return project(role);
  };
  for (const [action, allowed] of Object.entries(PROJECT_MATRIX) as [ProjectAction, string][]) {
    for (const role of PROJECT_ROLES) {
      const expected = allowed.includes(PROJECT_ROLE_LETTER[role]);
      it(`${expected ? 'lets' : 'refuses'} a project ${role} ${action}`, () => {
        const resource =
          action === 'project.manage_members'
            ? { kind: 'project_member' as const, project: project(role), role: 'annotator' as const }
            : resourceFor(action, role);
        expect(can(actor('member'), action, resource as never)).toBe(expected);
      });
    }
    // A workspace Admin acts as every project's Admin: as able as one, and as little screened.
    const adminMay = allowed.includes('a');
    it(`${adminMay ? 'lets' : 'refuses'} a workspace Admin ${action} on any project, and nobody without a role`, () => {
      const resource = resourceFor(action, null);
      expect(can(actor('admin'), action, resource as never)).toBe(adminMay);
      for (const role of ['workforce_manager', 'member', 'tasker'] as const) {
        expect(can(actor(role), action, resource as never)).toBe(false);
      }
    });
  }

  it('scopes the workspace report to exactly the people can() lets each role see', () => {
    const people = [
      { kind: 'member_numbers' as const, userId: 'a', groupIds: ['g-managed'] },
      { kind: 'member_numbers' as const, userId: 'b', groupIds: ['g-member', 'g-managed'] },
      { kind: 'member_numbers' as const, userId: 'c', groupIds: ['g-member'] },
      { kind: 'member_numbers' as const, userId: 'd', groupIds: [] },
    ];
    for (const role of WORKSPACE_ROLES) {
      const scope = workspaceReportScope(actor(role));
      const inScope = (p: (typeof people)[number]) =>
        scope.kind === 'all' ||
        (scope.kind === 'groups' && p.groupIds.some((g) => scope.groupIds.includes(g)));
      expect(people.map(inScope), role).toEqual(
        people.map((p) => can(actor(role), 'analytics.workspace', p)),
      );
    }
    expect(workspaceReportScope(actor('workforce_manager'))).toEqual({
      kind: 'groups',
      groupIds: ['g-managed'],
    });
  });

  // DESIGN.md §3: "resolve issues: own+assigned" for workers; managers resolve any.
  const ISSUE_MINE_MATRIX = 'atbrn';
  for (const role of PROJECT_ROLES) {
    const expected = ISSUE_MINE_MATRIX.includes(PROJECT_ROLE_LETTER[role]);
    it(`${expected ? 'lets' : 'refuses'} a project ${role} issue.update on an issue they raised or are assigned`, () => {
      expect(
        can(actor('member'), 'issue.update', { kind: 'issue', project: project(role), mine: true }),
      ).toBe(expected);
    });
  }
  it('refuses issue.update on one’s own issue to anyone without a role on its project', () => {
    for (const role of ['workforce_manager', 'member', 'tasker'] as const) {
      expect(can(actor(role), 'issue.update', { kind: 'issue', project: project(null), mine: true })).toBe(
        false,
      );
    }
  });

  // Issues 8 and 9: every collaborator sees their own scores and analytics; managers everyone's.
  for (const action of ['benchmark.view_scores', 'analytics.view'] as const) {
    for (const role of PROJECT_ROLES) {
      it(`lets a project ${role} ${action} of their own`, () => {
        const own = { kind: 'person_numbers' as const, project: project(role), mine: true };
        expect(can(actor('member'), action, own)).toBe(true);
      });
    }
    it(`refuses ${action}, even of one’s own, to anyone without a role on the project`, () => {
      for (const role of ['workforce_manager', 'member', 'tasker'] as const) {
        const own = { kind: 'person_numbers' as const, project: project(null), mine: true };
        expect(can(actor(role), action, own)).toBe(false);
      }
    });
  }

  it('lets a Team Manager manage collaborators except Admins', () => {
    const tm = project('team_manager');
    expect(
      can(actor('member'), 'project.manage_members', {
        kind: 'project_member',
        project: tm,
        role: 'reviewer',
      }),
    ).toBe(true);
    expect(
      can(actor('member'), 'project.manage_members', { kind: 'project_member', project: tm, role: 'admin' }),
    ).toBe(false);
  });

  for (const [action, allowed] of Object.entries(SHARED_MATRIX) as [
    DatasetAction | OntologyAction,
    string,
  ][]) {
    const kind = action.startsWith('dataset.') ? 'dataset' : 'ontology';
    for (const role of ['admin', 'user', null] as const) {
      const expected = role !== null && allowed.includes(role[0]!);
      it(`${expected ? 'lets' : 'refuses'} a ${kind} ${role ?? 'outsider'} ${action}`, () => {
        expect(can(actor('tasker'), action, { kind, id: 'x', role } as never)).toBe(expected);
        expect(can(actor('admin'), action, { kind, id: 'x', role } as never)).toBe(true);
      });
    }
  }

  for (const action of WORKSPACE_ACTIONS) {
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
