import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { useCurrentUser } from '../auth/session.tsx';
import { benchmarkKey, retryScreening, useScreeningStatus } from './queries.ts';
import './benchmark.css';

/**
 * An error from asking for work, with the way on when screening stands in it: after a failed
 * attempt (409 screening_failed) a button starts the next one and asks for work again. Other
 * errors (screening_exhausted, screening_unavailable, screening_required among them) show their
 * message.
 */
export function WorkError({
  projectId,
  error,
  onRetried,
}: {
  projectId: string;
  error: unknown;
  /** After the new attempt started: ask for the next task again. */
  onRetried: () => void;
}) {
  if (!isApiError(error, 'screening_failed')) return <ErrorAlert error={error} />;
  return <ScreeningRetry projectId={projectId} message={error.message} onRetried={onRetried} />;
}

function ScreeningRetry({
  projectId,
  message,
  onRetried,
}: {
  projectId: string;
  message: string;
  onRetried: () => void;
}) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  // The error names the failed attempt in its message only; the caller's attempts say it too.
  const status = useScreeningStatus(projectId);
  const said = Number(/attempt (\d+)/.exec(message)?.[1] ?? 0);
  const mine = (status.data?.attempts ?? []).filter((a) => a.userId === me.id).map((a) => a.number);
  const last = Math.max(said, ...mine);
  const retry = useMutation({
    mutationFn: () => retryScreening(projectId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: benchmarkKey(projectId) });
      onRetried();
    },
  });
  return (
    <div role="alert" className="alert alert-error screening-retry">
      <p>{message}</p>
      <button
        type="button"
        className="btn btn-small btn-primary"
        disabled={retry.isPending}
        aria-busy={retry.isPending || undefined}
        onClick={() => retry.mutate()}
      >
        {last > 0 ? `Start attempt ${last + 1}` : 'Start attempt again'}
      </button>
      <ErrorAlert error={retry.error} />
    </div>
  );
}
