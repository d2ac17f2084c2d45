import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { Card } from '../../components/Page.tsx';
import { ReportTable } from '../../components/ReportTable.tsx';
import { Empty, Loading } from '../../components/States.tsx';
import { formatDate } from '../../lib/format.ts';
import { AddGoldTasksForm } from './AddGoldTasksForm.tsx';
import { type GoldSetDetail, goldSetKey, goldSetsKey, useGoldSet } from './queries.ts';

/** One gold set: its gold tasks, adding more from completed tasks, removing them, deleting the set. */
export function GoldSetDetailCard({
  id,
  projectId,
  editable,
  onClose,
}: {
  id: string;
  projectId: string;
  editable: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const set = useGoldSet(id);
  // Every change answers with the set as it now stands; the list's counts follow.
  const settle = (detail: GoldSetDetail) => {
    queryClient.setQueryData(goldSetKey(id), detail);
    void queryClient.invalidateQueries({ queryKey: goldSetsKey(projectId) });
  };
  const remove = useMutation({
    mutationFn: (goldTaskId: string) =>
      unwrap(
        api.DELETE('/api/v1/gold-sets/{id}/tasks/{goldTaskId}', { params: { path: { id, goldTaskId } } }),
      ),
    onSuccess: settle,
  });
  const drop = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/gold-sets/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      onClose();
      queryClient.removeQueries({ queryKey: goldSetKey(id) });
      void queryClient.invalidateQueries({ queryKey: goldSetsKey(projectId) });
    },
  });

  if (set.isPending) return <Loading label="Loading the gold set…" />;
  if (set.isError) return <ErrorAlert error={set.error} />;
  const detail = set.data;

  return (
    <Card
      title={`Gold set “${detail.name}”`}
      actions={
        <span className="form-actions">
          {editable ? (
            <ConfirmButton
              label="Delete gold set"
              question="Delete this gold set? Scores already given stay."
              confirmLabel="Delete"
              danger
              busy={drop.isPending}
              onConfirm={() => drop.mutate()}
            />
          ) : null}
          <button type="button" className="btn btn-small btn-ghost" onClick={onClose}>
            Close
          </button>
        </span>
      }
    >
      {detail.description ? <p className="card-description">{detail.description}</p> : null}
      <ErrorAlert error={drop.error ?? remove.error} />
      {detail.tasks.length === 0 ? (
        <Empty>No gold task yet: add completed tasks below.</Empty>
      ) : (
        <ReportTable
          caption={`Gold tasks of ${detail.name}`}
          headers={[
            'Title',
            'Source task',
            '#Objects',
            '#Questions',
            'Added',
            ...(editable ? ['Remove'] : []),
          ]}
        >
          {detail.tasks.map((t) => (
            <tr key={t.id}>
              <th scope="row" className="cell-name">
                {t.title}
              </th>
              <td>
                {t.sourceTaskId ? (
                  <Link to={`/tasks/${t.sourceTaskId}`}>
                    <code>{t.sourceTaskId}</code>
                  </Link>
                ) : (
                  <span className="cell-muted">Imported</span>
                )}
              </td>
              <td className="cell-number">{t.objects.toLocaleString()}</td>
              <td className="cell-number">{t.classifications.toLocaleString()}</td>
              <td className="cell-nowrap">{formatDate(t.createdAt)}</td>
              {editable ? (
                <td>
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    disabled={remove.isPending}
                    aria-label={`Remove ${t.title}`}
                    onClick={() => remove.mutate(t.id)}
                  >
                    Remove
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </ReportTable>
      )}
      {editable ? <AddGoldTasksForm goldSetId={id} onAdded={settle} /> : null}
    </Card>
  );
}
