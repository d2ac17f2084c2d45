import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistogramBin } from './format.ts';

// recharts draws with SVG attributes, which do not take CSS variables everywhere: these mirror
// --accent, --border and --text-muted of styles.css.
const ACCENT = '#4b4ee0';
const GRID = '#e3e6eb';
const MUTED = '#5a6474';

/**
 * Tasks by agreement score, one bar per tenth. Loaded on its own (recharts is large); the tab gives
 * the same counts as a table for screen readers, so the drawing is hidden from them.
 */
export default function AgreementChart({ bins }: { bins: readonly HistogramBin[] }) {
  return (
    <div className="agreement-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={[...bins]} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="label" tick={{ fill: MUTED, fontSize: 12 }} tickLine={false} interval={0} />
          <YAxis
            allowDecimals={false}
            tick={{ fill: MUTED, fontSize: 12 }}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip cursor={{ fill: 'rgb(75 78 224 / 0.08)' }} formatter={(value) => [value, 'Tasks']} />
          <Bar dataKey="count" name="Tasks" fill={ACCENT} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
