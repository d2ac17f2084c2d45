import { describe, expect, it } from 'vitest';
import { activeRows, countRows, queueRows } from '../src/web/features/analytics/chart-rows.ts';
import { duration, minutes, percent } from '../src/web/features/analytics/format.ts';
import { toCsv } from '../src/web/lib/csv.ts';

// The web app's pure analytics helpers: the CSV a table downloads, the chart rows, the rounding
// tables and CSV share.

describe('CSV of a table', () => {
  it('quotes what needs quoting and leaves empty cells empty', () => {
    expect(
      toCsv(
        ['Person', 'Note', 'n'],
        [
          ['Ana, A.', 'said "hi"', 2],
          ['Bo', null, 0],
          [' lead', 'x\ny', undefined],
        ],
      ),
    ).toBe('Person,Note,n\r\n"Ana, A.","said ""hi""",2\r\nBo,,0\r\n" lead","x\ny",\r\n');
  });
});

describe('analytics figures', () => {
  it('rounds once, to a tenth, for the table and the CSV alike', () => {
    expect(minutes(90_000)).toBe(1.5);
    expect(minutes(null)).toBeNull();
    expect(percent(1 / 3)).toBe(33.3);
    expect(duration(42_400)).toBe('42 s');
    expect(duration(5 * 3_600_000)).toMatch(/^5 h$/);
  });

  it('charts counts per day or week, active time in minutes until a period reaches two hours', () => {
    const days = [
      { day: '2026-03-02', activeMs: 30 * 60_000, tasks_submitted: 2 },
      { day: '2026-03-03', activeMs: 0 },
    ];
    expect(countRows(days, ['tasks_submitted'], 'day').map((r) => r.tasks_submitted)).toEqual([2, 0]);
    expect(activeRows(days, 'day')).toMatchObject({ unit: ' min', rows: [{ time: 30 }, { time: 0 }] });
    const long = activeRows([{ week: '2026-03-02', activeMs: 3 * 3_600_000 }], 'week');
    expect(long).toMatchObject({ unit: ' h', rows: [{ time: 3 }] });
    expect(long.rows[0]!.label).toMatch(/^Week of /);
  });

  it('lays queue depth out per day with a series per stage, zero where a stage had no count', () => {
    const { rows, series } = queueRows(
      [
        { day: '2026-03-02', stageId: 'annotate', depth: 3 },
        { day: '2026-03-02', stageId: 'review', depth: 1 },
        { day: '2026-03-03', stageId: 'annotate', depth: 2 },
      ],
      (id) => id.toUpperCase(),
    );
    expect(series).toEqual([
      { key: 'annotate', name: 'ANNOTATE' },
      { key: 'review', name: 'REVIEW' },
    ]);
    expect(rows.map((r) => [r.annotate, r.review])).toEqual([
      [3, 1],
      [2, 0],
    ]);
  });
});
