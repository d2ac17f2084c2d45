import { can } from '../../../core/policy/index.ts';
import { PROJECT_ROLE_LABELS, PROJECT_ROLES, type ProjectRole } from '../../../core/roles.ts';
import type { User } from '../../api/client.ts';
import { actorOf } from '../../lib/permissions.ts';
import type { Project } from './queries.ts';

type ProjectAction =
  | 'project.read'
  | 'project.update'
  | 'project.set_status'
  | 'project.manage_datasets'
  | 'project.switch_ontology'
  | 'project.delete'
  | 'project.annotate'
  | 'project.review'
  | 'project.export_labels';

const resourceOf = (project: Pick<Project, 'id' | 'myRole'>) => ({
  kind: 'project' as const,
  id: project.id,
  role: project.myRole ?? null,
});

/** What the project's `myRole` lets `me` do (workspace Admins act as its Admin). */
export const mayOnProject = (me: User, project: Pick<Project, 'id' | 'myRole'>, action: ProjectAction) =>
  can(actorOf(me), action, resourceOf(project));

/** Project roles `me` may give (or take away) on the project: Team Managers not Admin. */
export const assignableRoles = (me: User, project: Pick<Project, 'id' | 'myRole'>) =>
  PROJECT_ROLES.filter((role) =>
    can(actorOf(me), 'project.manage_members', {
      kind: 'project_member',
      project: resourceOf(project),
      role,
    }),
  );

/** The wizard's creator becomes the project's Admin, so every role is theirs to give. */
export const ROLE_OPTIONS_IN_ORDER: readonly ProjectRole[] = [
  'annotator',
  'reviewer',
  'annotator_reviewer',
  'team_manager',
  'admin',
];

export const roleOptions = (roles: readonly ProjectRole[]) =>
  ROLE_OPTIONS_IN_ORDER.filter((r) => roles.includes(r)).map((value) => ({
    value,
    label: PROJECT_ROLE_LABELS[value],
  }));

/** Whether the project's status lets anyone change it, apart from its status. */
export const isReadOnly = (project: Pick<Project, 'status'>) => project.status === 'archived';
