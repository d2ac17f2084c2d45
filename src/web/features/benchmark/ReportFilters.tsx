import { DateRangeFields } from '../../components/DateRangeFields.tsx';
import { SelectField } from '../../components/Field.tsx';
import type { Purpose, ReportFilters } from './queries.ts';

/** What the report sums up: screening, monitoring or both, between two days (inclusive). */
export function ReportFiltersBar({
  filters,
  onChange,
}: {
  filters: ReportFilters;
  onChange: (next: ReportFilters) => void;
}) {
  return (
    <search className="filters benchmark-filters" aria-label="Filter the report">
      <SelectField
        label="Purpose"
        value={filters.purpose}
        onChange={(e) => onChange({ ...filters, purpose: e.target.value as Purpose | '' })}
      >
        <option value="">Screening and monitoring</option>
        <option value="screening">Screening</option>
        <option value="monitoring">Monitoring</option>
      </SelectField>
      <DateRangeFields
        from={filters.from}
        to={filters.to}
        onChange={(range) => onChange({ ...filters, ...range })}
      />
      {filters.user ? (
        <p className="benchmark-person">
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
