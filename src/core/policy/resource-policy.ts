import type { ProjectRole, SharedResourceRole } from '../roles.ts';
import type { Actor } from './types.ts';

// Who may do what on one project, dataset or ontology, by the role the actor holds on it. A
// workspace Admin acts as that resource's Admin everywhere; the resource's role for anyone else
// is resolved by the server (directly granted, or the strongest granted through a group).

export interface ProjectResource {
  kind: 'project';
  id: string;
  /** The actor's effective role on the project, or null when they hold none. */
  role: ProjectRole | null;
}

/** Adding, changing or removing a collaborator: `role` is the stronger of the old and new roles. */
export interface ProjectMemberResource {
  kind: 'project_member';
  project: ProjectResource;
  role: ProjectRole;
}

/**
 * An issue raised on one of a project's tasks. `mine`: the actor authored it or is its assignee
 * (the server works it out), which is what lets workers resolve and edit their own issues.
 */
export interface IssueResource {
  kind: 'issue';
  project: ProjectResource;
  mine: boolean;
}

/**
 * Numbers about one person on a project — benchmark scores, time, throughput. `mine`: they are
 * the actor's own, which is all workers may see (managers see everyone's).
 */
export interface PersonNumbersResource {
  kind: 'person_numbers';
  project: ProjectResource;
  mine: boolean;
}

export interface DatasetResource {
  kind: 'dataset';
  id: string;
  role: SharedResourceRole | null;
}

export interface OntologyResource {
  kind: 'ontology';
  id: string;
  role: SharedResourceRole | null;
}

export type ScopedResource =
  | ProjectResource
  | ProjectMemberResource
  | IssueResource
  | PersonNumbersResource
  | DatasetResource
  | OntologyResource;

export type ResourceGrant<R> = boolean | { label: string; test: (resource: R) => boolean };

interface ResourceActionSpec<Role extends string, R> {
  summary: string;
  grants: Record<Role, ResourceGrant<R>>;
}

const projectSpec = <
  R extends ProjectResource | ProjectMemberResource | IssueResource | PersonNumbersResource = ProjectResource,
>(
  summary: string,
  roles: ProjectRole[] | Record<ProjectRole, ResourceGrant<R>>,
): ResourceActionSpec<ProjectRole, R> => ({
  summary,
  grants: Array.isArray(roles)
    ? {
        admin: roles.includes('admin'),
        team_manager: roles.includes('team_manager'),
        annotator_reviewer: roles.includes('annotator_reviewer'),
        reviewer: roles.includes('reviewer'),
        annotator: roles.includes('annotator'),
      }
    : roles,
});

const sharedSpec = <R extends DatasetResource | OntologyResource>(
  summary: string,
  roles: SharedResourceRole[],
): ResourceActionSpec<SharedResourceRole, R> => ({
  summary,
  grants: { admin: roles.includes('admin'), user: roles.includes('user') },
});

const EVERY_PROJECT_ROLE: ProjectRole[] = [
  'admin',
  'team_manager',
  'annotator_reviewer',
  'reviewer',
  'annotator',
];
const MANAGERS: ProjectRole[] = ['admin', 'team_manager'];
/** DESIGN.md §3: workers resolve the issues they raised or that are assigned to them. */
const ownOrAssigned: ResourceGrant<IssueResource> = { label: 'own or assigned', test: (i) => i.mine };

export const PROJECT_POLICY = {
  'project.read': projectSpec(
    'See the project, its datasets, ontology and collaborators',
    EVERY_PROJECT_ROLE,
  ),
  'project.update': projectSpec('Change name, description and tags', MANAGERS),
  'project.set_status': projectSpec('Change the project status (with a reason)', MANAGERS),
  'project.manage_members': projectSpec<ProjectMemberResource>('Add, change or remove collaborators', {
    admin: true,
    team_manager: { label: 'non-Admin roles', test: (m) => m.role !== 'admin' },
    annotator_reviewer: false,
    reviewer: false,
    annotator: false,
  }),
  'project.manage_datasets': projectSpec('Attach or detach datasets', ['admin']),
  'project.switch_ontology': projectSpec('Switch the ontology or its pinned version', ['admin']),
  'project.delete': projectSpec('Delete the project', ['admin']),
  'project.annotate': projectSpec('Open and submit annotation tasks', [
    'admin',
    'team_manager',
    'annotator_reviewer',
    'annotator',
  ]),
  'project.review': projectSpec('Open and decide review tasks', [
    'admin',
    'team_manager',
    'annotator_reviewer',
    'reviewer',
  ]),
  'project.view_queue': projectSpec(
    'See the workflow and the queue (workers: their own and claimable tasks; managers: every task)',
    EVERY_PROJECT_ROLE,
  ),
  'project.manage_queue': projectSpec(
    'Assign, unassign, release, prioritise, move and reopen tasks',
    MANAGERS,
  ),
  'project.edit_workflow': projectSpec(
    'Change the workflow (a new version; tasks of removed stages mapped)',
    ['admin'],
  ),
  'project.import_labels': projectSpec(
    'Import a model’s pre-labels as the first revision of tasks’ labels',
    MANAGERS,
  ),
  'project.export_labels': projectSpec('Export the labels (native JSON, COCO)', MANAGERS),
  'project.view_agreement': projectSpec(
    'See the agreement report of the consensus stages (per task, question, class and annotator; CSV)',
    MANAGERS,
  ),
  'project.raise_issue': projectSpec(
    'Raise issues on tasks one may see, comment on issues one may see',
    EVERY_PROJECT_ROLE,
  ),
  'project.manage_issue_tags': projectSpec(
    'Change the list of issue tags (common rejection reasons)',
    MANAGERS,
  ),
  'project.manage_benchmark': projectSpec(
    'Manage gold sets, the scoring, screening and monitoring; see screening results',
    MANAGERS,
  ),
  'project.take_screening': projectSpec(
    'Be screened before real work (where the project screens), and start another attempt after a failed one',
    ['annotator_reviewer', 'annotator'],
  ),
  'benchmark.view_scores': projectSpec<PersonNumbersResource>('See benchmark scores and reports', {
    admin: true,
    team_manager: true,
    annotator_reviewer: { label: 'own', test: (s) => s.mine },
    reviewer: { label: 'own', test: (s) => s.mine },
    annotator: { label: 'own', test: (s) => s.mine },
  }),
  'analytics.view': projectSpec<PersonNumbersResource>('See the project’s analytics (time, throughput)', {
    admin: true,
    team_manager: true,
    annotator_reviewer: { label: 'own', test: (s) => s.mine },
    reviewer: { label: 'own', test: (s) => s.mine },
    annotator: { label: 'own', test: (s) => s.mine },
  }),
  'issue.update': projectSpec<IssueResource>('Resolve, reopen, reassign and retag an issue', {
    admin: true,
    team_manager: true,
    annotator_reviewer: ownOrAssigned,
    reviewer: ownOrAssigned,
    annotator: ownOrAssigned,
  }),
};

export const DATASET_POLICY = {
  'dataset.read': sharedSpec<DatasetResource>('See the dataset, its data units and media', ['admin', 'user']),
  'dataset.attach': sharedSpec<DatasetResource>('Attach the dataset to a project one administers', [
    'admin',
    'user',
  ]),
  'dataset.update': sharedSpec<DatasetResource>('Rename; add, edit and remove data units', ['admin']),
  'dataset.manage_members': sharedSpec<DatasetResource>('Share with users and groups', ['admin']),
  'dataset.delete': sharedSpec<DatasetResource>('Delete (refused while a project uses it)', ['admin']),
};

export const ONTOLOGY_POLICY = {
  'ontology.read': sharedSpec<OntologyResource>('See the ontology and every version; export it', [
    'admin',
    'user',
  ]),
  'ontology.use': sharedSpec<OntologyResource>('Pin a version in a project one administers', [
    'admin',
    'user',
  ]),
  'ontology.update': sharedSpec<OntologyResource>('Edit (a new version once projects use it)', ['admin']),
  'ontology.manage_members': sharedSpec<OntologyResource>('Share with users and groups', ['admin']),
  'ontology.delete': sharedSpec<OntologyResource>('Delete (refused while a project uses it)', ['admin']),
};

export type ProjectAction = keyof typeof PROJECT_POLICY;
export type DatasetAction = keyof typeof DATASET_POLICY;
export type OntologyAction = keyof typeof ONTOLOGY_POLICY;
export type ResourceAction = ProjectAction | DatasetAction | OntologyAction;

export const PROJECT_ACTIONS = Object.keys(PROJECT_POLICY) as ProjectAction[];
export const DATASET_ACTIONS = Object.keys(DATASET_POLICY) as DatasetAction[];
export const ONTOLOGY_ACTIONS = Object.keys(ONTOLOGY_POLICY) as OntologyAction[];

export type ResourceOfScoped<A extends ResourceAction> = A extends 'project.manage_members'
  ? ProjectMemberResource
  : A extends 'issue.update'
    ? IssueResource
    : A extends 'benchmark.view_scores' | 'analytics.view'
      ? PersonNumbersResource
      : A extends ProjectAction
        ? ProjectResource
        : A extends DatasetAction
          ? DatasetResource
          : OntologyResource;

export const isResourceAction = (action: string): action is ResourceAction =>
  action in PROJECT_POLICY || action in DATASET_POLICY || action in ONTOLOGY_POLICY;

function decide<R>(grant: ResourceGrant<R> | undefined, resource: R): boolean {
  if (grant === undefined) return false;
  return typeof grant === 'boolean' ? grant : grant.test(resource);
}

/** The role the actor acts with on the resource: a workspace Admin is its Admin. */
export function roleOn(actor: Actor, resource: ScopedResource): string | null {
  if (actor.role === 'admin') return 'admin';
  return resource.kind === 'project_member' || resource.kind === 'issue' || resource.kind === 'person_numbers'
    ? resource.project.role
    : resource.role;
}

/** Every resource action's rules in one table (merged once: every request asks). */
const RESOURCE_POLICY: Record<string, ResourceActionSpec<string, ScopedResource>> = {
  ...PROJECT_POLICY,
  ...DATASET_POLICY,
  ...ONTOLOGY_POLICY,
} as never;

export function canOnResource(actor: Actor, action: ResourceAction, resource: ScopedResource): boolean {
  const role = roleOn(actor, resource);
  if (role === null) return false;
  return decide(RESOURCE_POLICY[action]?.grants[role], resource);
}
