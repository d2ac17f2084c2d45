import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { SelectField, TextField } from '../../components/Field.tsx';

export interface AuditFilters {
  action: string;
  actorId: string;
  /** yyyy-mm-dd from the date inputs, in the viewer's time zone. */
  from: string;
  to: string;
}

/** The server's rule for the action filter: an action (user.invite) or a prefix ending in '.' (user.). */
const ACTION = /^[a-z_]+(\.[a-z_]*)?$/;

const startOfDay = (date: string) => new Date(`${date}T00:00:00`);

/** The API query for the filters, leaving out (and explaining) any the server would refuse. */
export function filtersToQuery(f: AuditFilters) {
  const query: { action?: string; actorId?: string; from?: string; to?: string } = {};
  let problem: string | null = null;
  const action = f.action.trim();
  if (action && ACTION.test(action)) query.action = action;
  else if (action) problem = 'Action: use an action such as user.invite, or a prefix such as user.';
  if (f.actorId) query.actorId = f.actorId;
  if (f.from) query.from = startOfDay(f.from).toISOString();
  if (f.to) {
    // "To" includes the whole day: the bound sent is the start of the next day (exclusive).
    const end = startOfDay(f.to);
    end.setDate(end.getDate() + 1);
    query.to = end.toISOString();
  }
  if (f.from && f.to && f.from > f.to) problem = 'From must be on or before To.';
  return { query, problem };
}

export function AuditFilterBar({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  onChange: (f: AuditFilters) => void;
}) {
  const users = useQuery({
    queryKey: ['users', 'audit-actors'],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
  const set = (key: keyof AuditFilters) => (e: { target: { value: string } }) =>
    onChange({ ...filters, [key]: e.target.value });
  const actors = [...(users.data?.items ?? [])].sort((a, b) => a.email.localeCompare(b.email));

  return (
    <search className="filters" aria-label="Filter the audit log">
      <TextField
        label="Action"
        placeholder="e.g. user.invite or user."
        value={filters.action}
        onChange={set('action')}
        spellCheck={false}
        autoCapitalize="none"
      />
      <SelectField label="Actor" value={filters.actorId} onChange={set('actorId')}>
        <option value="">Anyone</option>
        {actors.map((u) => (
          <option key={u.id} value={u.id}>
            {u.email}
          </option>
        ))}
      </SelectField>
      <TextField
        label="From"
        type="date"
        value={filters.from}
        onChange={set('from')}
        max={filters.to || undefined}
      />
      <TextField
        label="To"
        type="date"
        value={filters.to}
        onChange={set('to')}
        min={filters.from || undefined}
      />
    </search>
  );
}
