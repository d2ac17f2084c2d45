import { useState } from 'react';
import { SelectField, TextField } from '../../components/Field.tsx';
import { useDebounced } from '../../lib/hooks.ts';
import { roleMay } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { useProjectMembers } from '../projects/queries.ts';
import { useUserList } from '../users/queries.ts';

export interface Person {
  id: string;
  name: string;
  email: string | null;
}

/**
 * People a manager may name as a task's holder, matching `q`: active workspace users when the
 * role may list them (so members through groups are found too), else the project's own user
 * collaborators. The server refuses anyone who cannot work in the stage.
 */
export function usePeople(projectId: string, q: string, enabled = true) {
  const me = useCurrentUser();
  const mayList = roleMay(me.role, 'user.list');
  const users = useUserList({ q, role: '', status: 'active' }, { enabled: enabled && mayList });
  const members = useProjectMembers(projectId);
  if (mayList) {
    const people: Person[] = (users.data?.pages.flatMap((p) => p.items) ?? []).map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
    }));
    return { people, pending: users.isPending, error: users.error };
  }
  const needle = q.trim().toLowerCase();
  const people: Person[] = (members.data?.items ?? [])
    .filter((m) => m.principalType === 'user')
    .map((m) => ({ id: m.principalId, name: m.name ?? 'Unnamed user', email: m.email }))
    .filter(
      (p) => !needle || p.name.toLowerCase().includes(needle) || p.email?.toLowerCase().includes(needle),
    );
  return { people, pending: members.isPending, error: members.error };
}

const personLabel = (p: Person) => (p.email ? `${p.name} (${p.email})` : p.name);

/**
 * A search box and a select of people. `value` is the chosen user id ('' for none); `noneLabel`
 * names the empty choice when there is one (e.g. "Whoever the workflow picks").
 */
export function PersonSelect({
  projectId,
  label,
  value,
  onChange,
  noneLabel,
}: {
  projectId: string;
  label: string;
  value: string;
  onChange: (userId: string) => void;
  noneLabel?: string;
}) {
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Person | null>(null);
  const { people, pending } = usePeople(projectId, useDebounced(q));
  // The choice stays listed when a later search no longer matches it.
  const shown =
    picked && picked.id === value && !people.some((p) => p.id === value) ? [picked, ...people] : people;
  return (
    <div className="person-select">
      <TextField
        label={`Search for ${label.toLowerCase()}`}
        type="search"
        placeholder="Name or email"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <SelectField
        label={label}
        value={value}
        onChange={(e) => {
          setPicked(shown.find((p) => p.id === e.target.value) ?? null);
          onChange(e.target.value);
        }}
      >
        {noneLabel !== undefined ? <option value="">{noneLabel}</option> : null}
        {noneLabel === undefined && !value ? (
          <option value="" disabled>
            {pending ? 'Loading…' : shown.length === 0 ? 'Nobody matches' : 'Choose a person'}
          </option>
        ) : null}
        {shown.map((p) => (
          <option key={p.id} value={p.id}>
            {personLabel(p)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
