import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { annotatorColour } from '../../editor/consensus/describe.ts';
import { GRID, TICK } from './TenthsChart.tsx';

// Loaded on its own (recharts is large). The card around it gives the same numbers as a table for
// screen readers, so the drawing is hidden from them.

export interface TrendSeries {
  key: string;
  name: string;
  /** A fixed colour, so a measure looks the same on every chart; else one by position. */
  colour?: string;
}

export type TrendRow = { label: string } & Record<string, number | string | null>;

/** Several series over time: bars side by side, or lines. */
export default function TrendChart({
  rows,
  series,
  kind,
  unit = '',
}: {
  rows: readonly TrendRow[];
  series: readonly TrendSeries[];
  kind: 'bar' | 'line';
  unit?: string;
}) {
  const common = (
    <>
      <CartesianGrid stroke={GRID} vertical={false} />
      <XAxis dataKey="label" tick={TICK} tickLine={false} minTickGap={12} />
      <YAxis tick={TICK} tickLine={false} axisLine={false} unit={unit} allowDecimals={unit !== ''} />
      <Tooltip formatter={(value, name) => [`${value}${unit}`, name]} />
      {series.length > 1 ? <Legend /> : null}
    </>
  );
  return (
    <div className="chart trend-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={240}>
        {kind === 'bar' ? (
          <BarChart data={[...rows]} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
            {common}
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={s.colour ?? annotatorColour(i)}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        ) : (
          <LineChart data={[...rows]} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
            {common}
            {series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={s.colour ?? annotatorColour(i)}
                strokeWidth={2}
                dot={rows.length < 40 ? { r: 2 } : false}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
