import { Notice } from '../../components/Alert.tsx';
import { formatPercent } from './format.ts';
import type { GoldFeedback } from './queries.ts';

type Attempt = NonNullable<GoldFeedback['attempt']>;

/** Where the screening attempt stands; once it has ended, whether it passed and with what mean. */
export function AttemptProgress({ attempt }: { attempt: Attempt }) {
  if (attempt.state === 'in_progress') {
    return (
      <Notice kind="info">
        Screening attempt {attempt.number}: {attempt.scored} of {attempt.taskCount} tasks scored.
      </Notice>
    );
  }
  const mean = formatPercent(attempt.meanScore);
  const needed = formatPercent(attempt.passThreshold);
  return attempt.state === 'passed' ? (
    <Notice kind="success">
      Screening attempt {attempt.number} passed with a mean score of {mean} ({needed} needed). Real tasks come
      next.
    </Notice>
  ) : (
    <Notice kind="error">
      Screening attempt {attempt.number} failed with a mean score of {mean}; {needed} is needed.
    </Notice>
  );
}
