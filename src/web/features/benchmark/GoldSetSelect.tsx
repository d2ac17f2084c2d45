import { SelectField } from '../../components/Field.tsx';
import type { GoldSet } from './queries.ts';

/** Picks one of the project's gold sets (with its size: screening needs at least K tasks). */
export function GoldSetSelect({
  label,
  goldSets,
  value,
  onChange,
}: {
  label: string;
  goldSets: readonly GoldSet[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="" disabled>
        {goldSets.length === 0 ? 'Create a gold set first' : 'Choose a gold set'}
      </option>
      {goldSets.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name} ({s.taskCount} {s.taskCount === 1 ? 'task' : 'tasks'})
        </option>
      ))}
    </SelectField>
  );
}
