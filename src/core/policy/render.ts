import {
  PROJECT_ROLE_LABELS,
  PROJECT_ROLES,
  SHARED_RESOURCE_ROLE_LABELS,
  SHARED_RESOURCE_ROLES,
  WORKSPACE_ROLE_LABELS,
  WORKSPACE_ROLES,
} from '../roles.ts';
import { grantOf, POLICY, WORKSPACE_ACTIONS, type WorkspaceAction } from './policy.ts';
import { DATASET_POLICY, ONTOLOGY_POLICY, PROJECT_POLICY, type ResourceGrant } from './resource-policy.ts';

function workspaceCell(action: WorkspaceAction, role: (typeof WORKSPACE_ROLES)[number]): string {
  const grant = grantOf(action, role);
  if (grant.kind === 'all') return '✓';
  if (grant.kind === 'none') return '–';
  return grant.label;
}

const resourceCell = (grant: ResourceGrant<never>) =>
  grant === true ? '✓' : grant === false ? '–' : grant.label;

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function resourceSection<Role extends string>(
  title: string,
  intro: string,
  policy: Record<string, { summary: string; grants: Record<Role, ResourceGrant<never>> }>,
  roles: readonly Role[],
  labels: Record<Role, string>,
): string {
  const rows = Object.entries(policy).map(([action, spec]) => [
    `\`${action}\``,
    spec.summary,
    ...roles.map((r) => resourceCell(spec.grants[r])),
  ]);
  return [
    `## ${title}`,
    '',
    intro,
    '',
    table(['action', 'what it allows', ...roles.map((r) => labels[r])], rows),
  ].join('\n');
}

/** Renders the policy tables as Markdown; `docs/permissions.md` is this output, checked by a test. */
export function renderPermissionsMarkdown(): string {
  const areas = [...new Set(WORKSPACE_ACTIONS.map((a) => POLICY[a].area))];
  const workspaceSections = areas.map((area) => {
    const rows = WORKSPACE_ACTIONS.filter((a) => POLICY[a].area === area).map((a) => [
      `\`${a}\``,
      POLICY[a].summary,
      ...WORKSPACE_ROLES.map((r) => workspaceCell(a, r)),
    ]);
    return [
      `## ${area}`,
      '',
      table(['action', 'what it allows', ...WORKSPACE_ROLES.map((r) => WORKSPACE_ROLE_LABELS[r])], rows),
    ].join('\n');
  });
  const asAdmin = 'A workspace Admin acts as its Admin on every one.';
  return [
    '# Permissions',
    '',
    '<!-- Generated from src/core/policy by `npm run docs:permissions`; a test fails when this file is stale. -->',
    '',
    'Every route asks one policy function, `can(actor, action, resource)` in `src/core/policy`, before it acts.',
    'A cell reads: ✓ always, – never, otherwise the condition under which the role may act.',
    'Deactivated users cannot sign in or use API keys, so they hold no permission at all.',
    '',
    '# Workspace actions, by workspace role',
    '',
    ...workspaceSections.flatMap((s) => [s, '']),
    '# Actions on one project, dataset or ontology, by the role held on it',
    '',
    'Roles are granted to users directly or to groups (every member of the group holds the role,',
    'for as long as they are a member); someone holding several acts with the strongest.',
    '',
    resourceSection(
      'Project',
      `${asAdmin} Whatever the role, Annotators and Reviewers open tasks only while the project is In progress, and an Archived project is read-only for everyone.`,
      PROJECT_POLICY,
      PROJECT_ROLES,
      PROJECT_ROLE_LABELS,
    ),
    '',
    resourceSection('Dataset', asAdmin, DATASET_POLICY, SHARED_RESOURCE_ROLES, SHARED_RESOURCE_ROLE_LABELS),
    '',
    resourceSection('Ontology', asAdmin, ONTOLOGY_POLICY, SHARED_RESOURCE_ROLES, SHARED_RESOURCE_ROLE_LABELS),
    '',
  ].join('\n');
}
