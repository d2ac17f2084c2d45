import type { TaskDetail } from '../tasks/queries.ts';
import './benchmark.css';

/** On a screening task: which of the attempt's tasks this is, and whether feedback follows the submit. */
export function ScreeningBanner({ screening }: { screening: NonNullable<TaskDetail['screening']> }) {
  return (
    <div className="screening-banner" role="status">
      <strong>
        Screening — task {screening.position} of {screening.of} (attempt {screening.attempt})
      </strong>
      {screening.feedback ? (
        <span> After you submit, you will see your labels against the gold.</span>
      ) : (
        <span> Your labels are scored against known answers before you get real tasks.</span>
      )}
    </div>
  );
}
