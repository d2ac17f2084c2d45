import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Stage } from '../../../core/workflow/format.ts';
import { Notice } from '../../components/Alert.tsx';
import { WorkError } from '../benchmark/WorkError.tsx';
import { startLabel } from './bits.tsx';
import { claimNext, useInvalidateQueue } from './queries.ts';

export const NOTHING_TO_DO = 'Nothing to do in this stage right now.';

/** "Start labelling" / "Start reviewing": claims the stage's next task and opens it. */
export function StartWork({
  projectId,
  stage,
  disabledReason,
}: {
  projectId: string;
  stage: Stage;
  disabledReason: string | null;
}) {
  const navigate = useNavigate();
  const invalidate = useInvalidateQueue(projectId);
  const [empty, setEmpty] = useState(false);
  const start = useMutation({
    mutationFn: () => claimNext(projectId, stage.id),
    onMutate: () => setEmpty(false),
    onSuccess: (task) => {
      if (task) navigate(`/tasks/${task.id}`);
      else {
        setEmpty(true);
        void invalidate();
      }
    },
  });
  return (
    <div className="start-work">
      <button
        type="button"
        className="btn btn-primary"
        disabled={start.isPending || disabledReason !== null}
        aria-busy={start.isPending || undefined}
        aria-describedby={disabledReason ? `start-why-${stage.id}` : undefined}
        onClick={() => start.mutate()}
      >
        {start.isPending ? <span className="spinner spinner-inline" aria-hidden="true" /> : null}
        {startLabel(stage.type)}
      </button>
      {disabledReason ? (
        <span className="field-hint" id={`start-why-${stage.id}`}>
          {disabledReason}
        </span>
      ) : null}
      {empty ? <Notice kind="info">{NOTHING_TO_DO}</Notice> : null}
      {/* Screening may stand between the user and real tasks: a failed attempt offers the next. */}
      <WorkError projectId={projectId} error={start.error} onRetried={() => start.mutate()} />
    </div>
  );
}
