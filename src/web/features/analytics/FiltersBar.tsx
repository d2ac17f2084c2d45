import type { ReactNode } from 'react';
import { DateRangeFields } from '../../components/DateRangeFields.tsx';
import { SelectField } from '../../components/Field.tsx';
import { useGroupList } from '../groups/queries.ts';
import type { AnalyticsFilters } from './queries.ts';

export interface Option {
  id: string;
  name: string;
}

/**
 * The report's filters: the days (inclusive, UTC), then whichever of stage, dataset, class and
 * group the page offers, and the one person drilled down to.
 */
export function FiltersBar<F extends Pick<AnalyticsFilters, 'from' | 'to' | 'user'>>({
  filters,
  onChange,
  children,
}: {
  filters: F;
  onChange: (next: F) => void;
  children?: ReactNode;
}) {
  return (
    <search className="filters analytics-filters" aria-label="Filter the numbers">
      <DateRangeFields
        from={filters.from}
        to={filters.to}
        onChange={(range) => onChange({ ...filters, ...range })}
      />
      {children}
      {filters.user ? (
        <p className="analytics-person">
          Only {filters.user.name}{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onChange({ ...filters, user: null })}
          >
            Everyone
          </button>
        </p>
      ) : null}
    </search>
  );
}

/** A select of `options` with "any" first; absent when there is nothing to choose between. */
export function OptionFilter({
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  anyLabel: string;
  value: string;
  options: readonly Option[];
  onChange: (id: string) => void;
}) {
  if (options.length === 0) return null;
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{anyLabel}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </SelectField>
  );
}

/** The groups the caller can see (the first page: a workspace keeps few), to filter by. */
export function useGroupOptions(enabled: boolean): Option[] {
  const groups = useGroupList('');
  if (!enabled) return [];
  return (groups.data?.pages ?? []).flatMap((p) => p.items.map((g) => ({ id: g.id, name: g.name })));
}
