import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TenthsBin } from './TenthsCard.tsx';

// recharts draws with SVG attributes, which do not take CSS variables everywhere: these mirror
// --accent, --border and --text-muted of styles.css.
export const ACCENT = '#4b4ee0';
export const GRID = '#e3e6eb';
export const TICK = { fill: '#5a6474', fontSize: 12 };

/**
 * Counts by tenths of a 0–1 score, one bar each. Loaded on its own (recharts is large); the card
 * gives the same counts as a table for screen readers, so the drawing is hidden from them.
 */
export default function TenthsChart({ bins, unit }: { bins: readonly TenthsBin[]; unit: string }) {
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={[...bins]} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="label" tick={TICK} tickLine={false} interval={0} />
          <YAxis allowDecimals={false} tick={TICK} tickLine={false} axisLine={false} />
          <Tooltip cursor={{ fill: 'rgb(75 78 224 / 0.08)' }} formatter={(value) => [value, unit]} />
          <Bar dataKey="count" name={unit} fill={ACCENT} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
