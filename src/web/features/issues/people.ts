import { useProjectMembers } from '../projects/queries.ts';
import type { IssuePerson } from './queries.ts';

/**
 * The project's people an issue can name (assignee, @mentions): its user collaborators, A to Z.
 * Members through groups are not listed one by one; the server accepts them all the same.
 */
export function useIssuePeople(projectId: string) {
  const members = useProjectMembers(projectId);
  const people: IssuePerson[] = (members.data?.items ?? [])
    .filter((m) => m.principalType === 'user')
    .map((m) => ({ id: m.principalId, name: m.name ?? 'Unnamed user' }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { people, pending: members.isPending, error: members.error };
}

/** `people` plus anyone else in `seen` (e.g. authors on the page), once each, A to Z. */
export function withSeen(
  people: readonly IssuePerson[],
  seen: readonly (IssuePerson | null)[],
): IssuePerson[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  for (const p of seen) if (p && !byId.has(p.id)) byId.set(p.id, p);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The people `@Name` in `text` names (longest names first, so "Ann Lee" wins over "Ann"). */
export function mentionedIn(text: string, people: readonly IssuePerson[]): IssuePerson[] {
  const found: IssuePerson[] = [];
  let rest = text;
  for (const p of [...people].sort((a, b) => b.name.length - a.name.length)) {
    const tag = `@${p.name}`;
    if (rest.includes(tag)) {
      found.push(p);
      rest = rest.split(tag).join(' ');
    }
  }
  return found;
}
