import { SelectField } from '../../components/Field.tsx';
import type { Period } from './chart-rows.ts';

/** Whether the charts and the period table go by day or by week. */
export function PeriodPicker({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  return (
    <div className="analytics-period">
      <SelectField label="Show per" value={period} onChange={(e) => onChange(e.target.value as Period)}>
        <option value="day">Day</option>
        <option value="week">Week</option>
      </SelectField>
    </div>
  );
}
