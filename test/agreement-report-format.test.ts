import { describe, expect, it } from 'vitest';
import { tenthsBins } from '../src/web/components/charts/TenthsCard.tsx';
import {
  csvHref,
  formatAlpha,
  formatPercent,
  formatSimilarity,
  NONE,
} from '../src/web/features/agreement/format.ts';

describe('the agreement report’s figures', () => {
  it('shows shares as whole percents, and a dash where there is none', () => {
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.834)).toBe('83%');
    expect(formatPercent(0.835)).toBe('84%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe(NONE);
  });

  it('shows Krippendorff’s alpha to three decimals, negative ones too, and a dash when undefined', () => {
    expect(formatAlpha(0.8)).toBe('0.800');
    expect(formatAlpha(1)).toBe('1.000');
    expect(formatAlpha(-0.12345)).toBe('-0.123');
    expect(formatAlpha(null)).toBe(NONE);
  });

  it('shows a mean IoU to two decimals', () => {
    expect(formatSimilarity(0.8149)).toBe('0.81');
    expect(formatSimilarity(null)).toBe(NONE);
  });

  it('labels the ten histogram bins by tenths of agreement', () => {
    const bins = tenthsBins([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ label: '0–10%', count: 0 });
    expect(bins[9]).toEqual({ label: '90–100%', count: 9 });
  });
});

describe('the agreement report’s CSV links', () => {
  it('name the project, the stage and the table, escaped', () => {
    expect(csvHref('p1', 'stage one', 'annotators')).toBe(
      '/api/v1/projects/p1/agreement.csv?stageId=stage+one&table=annotators',
    );
    expect(csvHref('a/b', 's', 'tasks')).toBe('/api/v1/projects/a%2Fb/agreement.csv?stageId=s&table=tasks');
  });
});
