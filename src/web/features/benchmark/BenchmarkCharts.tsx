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
import type { HistogramBin } from '../agreement/format.ts';
import type { DayRow, Series } from './chart-data.ts';

// Loaded on its own (recharts is large). The report gives the same figures as tables for screen
// readers, so the drawings are hidden from them. recharts takes colours as SVG attributes, which
// do not read CSS variables everywhere: these mirror --accent, --border and --text-muted.
const ACCENT = '#4b4ee0';
const GRID = '#e3e6eb';
const MUTED = '#5a6474';
const TICK = { fill: MUTED, fontSize: 12 };

/** Scores by tenth, one bar each. */
export function ScoreHistogram({ bins }: { bins: readonly HistogramBin[] }) {
  return (
    <div className="benchmark-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={[...bins]} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="label" tick={TICK} tickLine={false} interval={0} />
          <YAxis allowDecimals={false} tick={TICK} tickLine={false} axisLine={false} />
          <Tooltip cursor={{ fill: 'rgb(75 78 224 / 0.08)' }} formatter={(value) => [value, 'Scores']} />
          <Bar dataKey="count" name="Scores" fill={ACCENT} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

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
