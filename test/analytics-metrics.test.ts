import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  forecastCompletion,
  incrementsOf,
  reviewQuality,
  weekOf,
  zeroCounts,
} from '../src/core/analytics/metrics.ts';

// What each task event counts for, and the small sums the dashboards derive from the counters.

const event = (kind: string, extra: Partial<Parameters<typeof incrementsOf>[0]> = {}) =>
  incrementsOf({ kind, stageId: 's', actorId: 'a', subjectId: null, data: {}, ...extra });

describe('analytics counters from task events', () => {
  it('counts task outcomes for the one who acted', () => {
    expect(event('submitted')).toEqual([
      { metric: 'tasks_submitted', userId: 'a', stageId: 's', featureId: '', n: 1 },
    ]);
    expect(event('skipped').map((i) => i.metric)).toEqual(['tasks_skipped']);
    expect(event('reopened').map((i) => i.metric)).toEqual(['tasks_reopened']);
    expect(event('completed')).toEqual([
      { metric: 'tasks_completed', userId: '', stageId: 's', featureId: '', n: 1 },
    ]);
    for (const kind of ['claimed', 'released', 'assigned', 'moved', 'label_resolved', 'issue_commented'])
      expect(event(kind)).toEqual([]);
  });

  it('counts a review decision for the reviewer and for each annotator, first-pass only the first time', () => {
    const first = event('rejected', { data: { annotators: ['x', 'y'], firstReview: true } });
    expect(first.map((i) => [i.metric, i.userId])).toEqual([
      ['tasks_rejected', 'a'],
      ['work_rejected', 'x'],
      ['work_rejected', 'y'],
      ['first_review_failed', 'x'],
      ['first_review_failed', 'y'],
    ]);
    const later = event('approved', { data: { annotators: ['x'], firstReview: false } });
    expect(later.map((i) => [i.metric, i.userId])).toEqual([
      ['tasks_approved', 'a'],
      ['work_approved', 'x'],
    ]);
    // Events recorded before reviews named their annotators count for the reviewer only.
    expect(event('approved').map((i) => i.metric)).toEqual(['tasks_approved']);
  });

  it('counts labels saved per class, and label decisions for the label’s author', () => {
    const saved = event('labels_saved', {
      data: { created: { car: 2, road: 1 }, edited: { car: 1 }, deleted: {}, added: 3 },
    });
    expect(saved.map((i) => [i.metric, i.featureId, i.n])).toEqual([
      ['labels_created', 'car', 2],
      ['labels_created', 'road', 1],
      ['labels_edited', 'car', 1],
    ]);
    expect(event('label_rejected', { subjectId: 'x', data: { featureId: 'car' } })).toEqual([
      { metric: 'labels_rejected', userId: 'x', stageId: 's', featureId: 'car', n: 1 },
    ]);
    // A model's label has no author to count for.
    expect(event('label_approved', { data: { featureId: 'car' } })[0]!.userId).toBe('');
  });

  it('counts issues for who raised and who resolved them', () => {
    expect(event('issue_opened').map((i) => [i.metric, i.userId])).toEqual([['issues_opened', 'a']]);
    expect(event('issue_resolved').map((i) => [i.metric, i.userId])).toEqual([['issues_resolved', 'a']]);
  });
});

describe('derived numbers', () => {
  it('puts a day in the week of its Monday', () => {
    expect(weekOf('2026-03-02')).toBe('2026-03-02'); // a Monday
    expect(weekOf('2026-03-08')).toBe('2026-03-02'); // the Sunday after
    expect(weekOf('2026-03-09')).toBe('2026-03-09');
    expect(weekOf('2027-01-01')).toBe('2026-12-28');
  });

  it('forecasts completion from the mean of the window, days without completions counting as zero', () => {
    const done = new Map([
      ['2026-03-02', 3],
      ['2026-03-10', 4],
      ['2026-02-10', 100], // outside the window
    ]);
    expect(forecastCompletion(done, 7, '2026-03-10')).toEqual({
      remaining: 7,
      perDay: 0.5,
      windowDays: 14,
      finishDay: '2026-03-24',
    });
    expect(forecastCompletion(new Map(), 5, '2026-03-10').finishDay).toBeNull();
    expect(forecastCompletion(new Map(), 0, '2026-03-10').finishDay).toBe('2026-03-10');
  });

  it('never forecasts a day too late by rounding (remaining × window / done, rounded up)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (remaining, done) => {
          const f = forecastCompletion(new Map([['2026-03-10', done]]), remaining, '2026-03-10');
          const days = (Date.parse(f.finishDay!) - Date.parse('2026-03-10')) / 86_400_000;
          expect(days * done).toBeGreaterThanOrEqual(remaining * 14);
          expect((days - 1) * done).toBeLessThan(remaining * 14);
        },
      ),
    );
  });

  it('leaves rates empty when nothing was reviewed', () => {
    expect(reviewQuality(zeroCounts())).toEqual({ rejectionRate: null, firstPassYield: null });
    const c = {
      ...zeroCounts(),
      work_approved: 3,
      work_rejected: 1,
      first_review_passed: 2,
      first_review_failed: 2,
    };
    expect(reviewQuality(c)).toEqual({ rejectionRate: 0.25, firstPassYield: 0.5 });
  });
});
