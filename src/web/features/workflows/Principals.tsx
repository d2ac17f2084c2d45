import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { PrincipalPicker, principalKey } from '../../components/PrincipalPicker.tsx';

// The users and groups a stage (its workers) or a router branch (its collaborators) names. The
// document keeps ids only; names are looked up for display.

export interface PrincipalIds {
  userIds: string[];
  groupIds: string[];
}

const PICK_ROLE = [{ value: 'named', label: 'Named here' }] as const;

function usePrincipalName(type: 'user' | 'group', id: string) {
  const name = useQuery({
    queryKey: ['principal-name', type, id],
    queryFn: async () =>
      type === 'user'
        ? (await unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } }))).name
        : (await unwrap(api.GET('/api/v1/groups/{id}', { params: { path: { id } } }))).name,
    staleTime: 5 * 60_000,
    retry: false,
  });
  // Someone who may not read users or groups still sees which ids are named.
  const shown = name.data ?? id;
  return type === 'group' ? `${shown} (group)` : shown;
}

function PrincipalEntry({
  type,
  id,
  onRemove,
}: {
  type: 'user' | 'group';
  id: string;
  onRemove: (() => void) | null;
}) {
  const name = usePrincipalName(type, id);
  return (
    <li>
      <span>{name}</span>
      {onRemove ? (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          aria-label={`Remove ${name}`}
          onClick={onRemove}
        >
          Remove
        </button>
      ) : null}
    </li>
  );
}

/** The named users and groups, each removable, and a picker to add more. */
export function PrincipalList({
  value,
  onChange,
  readOnly,
  emptyText,
  addLabel,
}: {
  value: PrincipalIds;
  onChange: (value: PrincipalIds) => void;
  readOnly: boolean;
  emptyText: string;
  addLabel: string;
}) {
  const present = new Set([
    ...value.userIds.map((id) => principalKey({ principalType: 'user', principalId: id })),
    ...value.groupIds.map((id) => principalKey({ principalType: 'group', principalId: id })),
  ]);
  const entries = [
    ...value.userIds.map((id) => ({ type: 'user' as const, id })),
    ...value.groupIds.map((id) => ({ type: 'group' as const, id })),
  ];
  const remove = (type: 'user' | 'group', id: string) =>
    onChange(
      type === 'user'
        ? { ...value, userIds: value.userIds.filter((x) => x !== id) }
        : { ...value, groupIds: value.groupIds.filter((x) => x !== id) },
    );
  return (
    <div className="wf-principals">
      {entries.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="wf-principal-list">
          {entries.map((p) => (
            <PrincipalEntry
              key={`${p.type}:${p.id}`}
              type={p.type}
              id={p.id}
              onRemove={readOnly ? null : () => remove(p.type, p.id)}
            />
          ))}
        </ul>
      )}
      {!readOnly ? (
        <PrincipalPicker
          roles={PICK_ROLE}
          roleFieldLabel="Access"
          defaultRole="named"
          submitLabel={addLabel}
          busy={false}
          present={present}
          onAdd={(picked) =>
            onChange(
              picked.principalType === 'user'
                ? { ...value, userIds: [...value.userIds, picked.principalId] }
                : { ...value, groupIds: [...value.groupIds, picked.principalId] },
            )
          }
        />
      ) : null}
    </div>
  );
}
