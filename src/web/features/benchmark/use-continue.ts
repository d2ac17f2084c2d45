import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { claimNext, useInvalidateQueue } from '../queue/queries.ts';
import { NOTHING_TO_DO } from '../queue/StartWork.tsx';
import { queueUrlOf } from './links.ts';

/** Asks for the stage's next task and opens it, as "Start labelling" does; the queue when there is none. */
export function useContinueWork(projectId: string, stageId: string) {
  const navigate = useNavigate();
  const invalidate = useInvalidateQueue(projectId);
  return useMutation({
    mutationFn: () => claimNext(projectId, stageId),
    onSuccess: (task) => {
      void invalidate();
      if (task) navigate(`/tasks/${task.id}`);
      else navigate(queueUrlOf(projectId, stageId), { state: { notice: NOTHING_TO_DO } });
    },
  });
}
