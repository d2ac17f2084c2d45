import { useState } from 'react';
import type { User } from '../../api/client.ts';
import { TextField } from '../../components/Field.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { roleLabel } from '../../lib/format.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { useUserList } from '../users/queries.ts';

/**
 * Search active users and tick the ones to add. `eligible` narrows who may be picked; `present`
 * are already there (shown, not pickable).
 */
export function UserPicker({
  submitLabel,
  busy,
  onSubmit,
  present,
  eligible = () => true,
}: {
  submitLabel: string;
  busy: boolean;
  onSubmit: (userIds: string[]) => void;
  present: ReadonlySet<string>;
  eligible?: (user: User) => boolean;
}) {
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Map<string, User>>(new Map());
  const users = useUserList({ q: useDebounced(q), role: '', status: 'active' });
  const items = (users.data?.pages.flatMap((p) => p.items) ?? []).filter(eligible);

  const toggle = (user: User) =>
    setPicked((current) => {
      const next = new Map(current);
      if (next.has(user.id)) next.delete(user.id);
      else next.set(user.id, user);
      return next;
    });

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (picked.size > 0) onSubmit([...picked.keys()]);
      }}
    >
      <TextField
        label="Search users"
        type="search"
        placeholder="Name or email"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <fieldset className="picker">
        <legend className="visually-hidden">Users to add</legend>
        {users.isPending ? (
          <Loading />
        ) : users.isError && !users.data ? null : items.length === 0 ? (
          <Empty>No matching active users.</Empty>
        ) : (
          <ul className="picker-list">
            {items.map((user) => {
              const already = present.has(user.id);
              return (
                <li key={user.id}>
                  <label className={`picker-item${already ? ' picker-item-disabled' : ''}`}>
                    <input
                      type="checkbox"
                      checked={already || picked.has(user.id)}
                      disabled={already}
                      onChange={() => toggle(user)}
                    />
                    <span className="picker-name">{user.name}</span>
                    <span className="picker-meta">
                      {user.email} · {roleLabel(user.role)}
                      {already ? ' · already added' : ''}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
        <LoadMore
          hasMore={users.hasNextPage}
          loading={users.isFetchingNextPage}
          onLoad={() => users.fetchNextPage()}
        />
      </fieldset>
      <div className="form-actions">
        <span className="picker-count" role="status">
          {picked.size === 0 ? 'Nobody selected' : `${picked.size} selected`}
        </span>
        <SubmitButton busy={busy} disabled={picked.size === 0}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
