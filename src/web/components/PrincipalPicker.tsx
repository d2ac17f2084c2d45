import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { useCurrentUser } from '../features/auth/session.tsx';
import { groupsKey } from '../features/groups/queries.ts';
import { useUserList } from '../features/users/queries.ts';
import { useDebounced } from '../lib/hooks.ts';
import { roleMay } from '../lib/permissions.ts';
import { ErrorAlert } from './Alert.tsx';
import { SelectField, TextField } from './Field.tsx';
import { SubmitButton } from './SubmitButton.tsx';

export type PrincipalType = 'user' | 'group';

/** A user or a group picked to share something with, with what the list showed of it. */
export interface PickedPrincipal {
  principalType: PrincipalType;
  principalId: string;
  name: string;
  email: string | null;
}

export const principalKey = (p: { principalType: PrincipalType; principalId: string }) =>
  `${p.principalType}:${p.principalId}`;

/**
 * Pick a user or a group (search, then choose) and a role for them. Used to share datasets and to
 * add project collaborators. `present` holds principalKey()s already there (shown, not pickable).
 */
export function PrincipalPicker<Role extends string>({
  roles,
  roleFieldLabel,
  defaultRole,
  submitLabel,
  busy,
  error,
  present,
  onAdd,
}: {
  roles: readonly { value: Role; label: string }[];
  roleFieldLabel: string;
  defaultRole: Role;
  submitLabel: string;
  busy: boolean;
  error?: unknown;
  present: ReadonlySet<string>;
  onAdd: (principal: PickedPrincipal, role: Role) => void;
}) {
  const me = useCurrentUser();
  const mayUsers = roleMay(me.role, 'user.list');
  const mayGroups = roleMay(me.role, 'group.list');
  const [type, setType] = useState<PrincipalType>(mayUsers ? 'user' : 'group');
  const [q, setQ] = useState('');
  const query = useDebounced(q);
  const [chosen, setChosen] = useState('');
  const [role, setRole] = useState<Role>(defaultRole);
  const radioName = useId();

  const users = useUserList(
    { q: query, role: '', status: 'active' },
    { enabled: type === 'user' && mayUsers },
  );
  const groups = useGroupOptions(query, type === 'group' && mayGroups);
  const options: PickedPrincipal[] =
    type === 'user'
      ? (users.data?.pages.flatMap((p) => p.items) ?? []).map((u) => ({
          principalType: 'user',
          principalId: u.id,
          name: u.name,
          email: u.email,
        }))
      : (groups.data?.pages.flatMap((p) => p.items) ?? []).map((g) => ({
          principalType: 'group',
          principalId: g.id,
          name: g.name,
          email: null,
        }));
  const pickable = options.filter((o) => !present.has(principalKey(o)));
  // The choice follows the list: if the search hid it, the first one left is chosen.
  const selected = pickable.find((o) => o.principalId === chosen) ?? pickable[0];
  const list = type === 'user' ? users : groups;
  const roleOk = roles.some((r) => r.value === role);
  const effectiveRole = roleOk ? role : (roles[0]?.value ?? defaultRole);

  if (!mayUsers && !mayGroups) {
    return <p className="field-hint">Your role cannot list users or groups to add.</p>;
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (selected) onAdd(selected, effectiveRole);
  };

  return (
    <form className="form principal-picker" onSubmit={submit} noValidate>
      <ErrorAlert error={error ?? list.error} />
      <fieldset className="radio-row">
        <legend>Add a</legend>
        {mayUsers ? (
          <label className="check">
            <input
              type="radio"
              name={radioName}
              value="user"
              checked={type === 'user'}
              onChange={() => {
                setType('user');
                setChosen('');
              }}
            />
            User
          </label>
        ) : null}
        {mayGroups ? (
          <label className="check">
            <input
              type="radio"
              name={radioName}
              value="group"
              checked={type === 'group'}
              onChange={() => {
                setType('group');
                setChosen('');
              }}
            />
            Group
          </label>
        ) : null}
      </fieldset>
      <div className="form form-inline">
        <TextField
          label={type === 'user' ? 'Search users' : 'Search groups'}
          type="search"
          placeholder={type === 'user' ? 'Name or email' : 'Group name'}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          label={type === 'user' ? 'User to add' : 'Group to add'}
          value={selected?.principalId ?? ''}
          disabled={pickable.length === 0}
          onChange={(e) => setChosen(e.target.value)}
        >
          {list.isPending ? (
            <option value="">Loading…</option>
          ) : pickable.length === 0 ? (
            <option value="">{type === 'user' ? 'No users to add' : 'No groups to add'}</option>
          ) : (
            pickable.map((o) => (
              <option key={o.principalId} value={o.principalId}>
                {o.email ? `${o.name} (${o.email})` : o.name}
              </option>
            ))
          )}
        </SelectField>
        <SelectField
          label={roleFieldLabel}
          value={effectiveRole}
          onChange={(e) => setRole(e.target.value as Role)}
        >
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-actions form-actions-start">
        <SubmitButton busy={busy} disabled={!selected} className="btn">
          {submitLabel}
        </SubmitButton>
        {type === 'user' && users.hasNextPage ? (
          <span className="field-hint">Showing the first matches; search to narrow them.</span>
        ) : null}
        {type === 'group' && groups.hasNextPage ? (
          <span className="field-hint">Showing the first matches; search to narrow them.</span>
        ) : null}
      </div>
    </form>
  );
}

/** Groups matching a search (the first pages), only while groups are being picked. */
function useGroupOptions(q: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...groupsKey, 'list', q],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/groups', {
          params: { query: { q: q.trim() || undefined, cursor: pageParam, limit: 50 } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** "Ada Admin", or "Night shift (group)" for a group. */
export const principalLabel = (p: { principalType: PrincipalType; name: string }) =>
  p.principalType === 'group' ? `${p.name} (group)` : p.name;
