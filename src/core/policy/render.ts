import { WORKSPACE_ROLE_LABELS, WORKSPACE_ROLES } from '../roles.ts';
import { ACTIONS, type Action, grantOf, POLICY } from './policy.ts';

function cell(action: Action, role: (typeof WORKSPACE_ROLES)[number]): string {
  const grant = grantOf(action, role);
  if (grant.kind === 'all') return '✓';
  if (grant.kind === 'none') return '–';
  return grant.label;
}

/** Renders the policy table as Markdown; `docs/permissions.md` is this output, checked by a test. */
export function renderPermissionsMarkdown(): string {
  const header = `| action | what it allows | ${WORKSPACE_ROLES.map((r) => WORKSPACE_ROLE_LABELS[r]).join(' | ')} |`;
  const rule = `|---|---|${WORKSPACE_ROLES.map(() => '---').join('|')}|`;
  const areas = [...new Set(ACTIONS.map((a) => POLICY[a].area))];
  const sections = areas.map((area) => {
    const rows = ACTIONS.filter((a) => POLICY[a].area === area).map(
      (a) => `| \`${a}\` | ${POLICY[a].summary} | ${WORKSPACE_ROLES.map((r) => cell(a, r)).join(' | ')} |`,
    );
    return [`## ${area}`, '', header, rule, ...rows].join('\n');
  });
  return [
    '# Permissions',
    '',
    '<!-- Generated from src/core/policy/policy.ts by `npm run docs:permissions`; a test fails when this file is stale. -->',
    '',
    'Every route asks one policy function, `can(actor, action, resource)` in `src/core/policy`, before it acts.',
    'A cell reads: ✓ always, – never, otherwise the condition under which the role may act.',
    'Deactivated users cannot sign in or use API keys, so they hold no permission at all.',
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
}
