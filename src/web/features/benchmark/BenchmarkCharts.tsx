import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { GRID, TICK } from '../../components/charts/TenthsChart.tsx';
import { annotatorColour } from '../../editor/consensus/describe.ts';
import type { DayRow, Series } from './chart-data.ts';

// Loaded on its own (recharts is large). The report gives the same figures as tables for screen
// readers, so the drawings are hidden from them.

/** Each annotator's mean score per day, one line each (in %). */
export function ScoreOverTime({ rows, series }: { rows: readonly DayRow[]; series: readonly Series[] }) {
  return (
    <div className="benchmark-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={[...rows]} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="day" tick={TICK} tickLine={false} />
          <YAxis domain={[0, 100]} tick={TICK} tickLine={false} axisLine={false} unit="%" />
          <Tooltip formatter={(value, name) => [`${value}%`, name]} />
          {series.length > 1 ? <Legend /> : null}
          {series.map((s, i) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={annotatorColour(i)}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
