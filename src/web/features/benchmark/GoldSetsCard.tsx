import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { CreateNamedDialog } from '../../components/CreateNamedDialog.tsx';
import { Card } from '../../components/Page.tsx';
import { ReportTable } from '../../components/ReportTable.tsx';
import { Empty, Loading } from '../../components/States.tsx';
import { GoldSetDetailCard } from './GoldSetDetail.tsx';
import { goldSetsKey, useGoldSets } from './queries.ts';

/** The project's gold sets: listed with their sizes, created here, one opened below the list. */
export function GoldSetsCard({ projectId, editable }: { projectId: string; editable: boolean }) {
  const queryClient = useQueryClient();
  const sets = useGoldSets(projectId);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const items = sets.data?.items ?? [];

  return (
    <>
      <Card
        title="Gold sets"
        actions={
          editable ? (
            <button type="button" className="btn btn-small btn-primary" onClick={() => setCreating(true)}>
              New gold set
            </button>
          ) : null
        }
      >
        <p className="card-description">
          Tasks whose right labels are known. Screening and monitoring serve them and score the labels against
          the gold.
        </p>
        <ErrorAlert error={sets.error} />
        {sets.isPending ? (
          <Loading label="Loading the gold sets…" />
        ) : items.length === 0 ? (
          <Empty>No gold set yet.</Empty>
        ) : (
          <ReportTable caption="Gold sets" headers={['Name', '#Gold tasks', 'Description']}>
            {items.map((s) => (
              <tr key={s.id} aria-current={s.id === openId || undefined}>
                <th scope="row" className="cell-name">
                  <button
                    type="button"
                    className="btn-link"
                    aria-expanded={s.id === openId}
                    onClick={() => setOpenId(s.id === openId ? null : s.id)}
                  >
                    {s.name}
                  </button>
                </th>
                <td className="cell-number">{s.taskCount.toLocaleString()}</td>
                <td className="cell-muted">{s.description}</td>
              </tr>
            ))}
          </ReportTable>
        )}
      </Card>
      {openId ? (
        <GoldSetDetailCard
          key={openId}
          id={openId}
          projectId={projectId}
          editable={editable}
          onClose={() => setOpenId(null)}
        />
      ) : null}
      {creating ? (
        <CreateNamedDialog
          title="New gold set"
          nameLabel="Gold set name"
          nameMaxLength={120}
          descriptionMaxLength={2000}
          submitLabel="Create gold set"
          create={(body) =>
            unwrap(api.POST('/api/v1/projects/{id}/gold-sets', { params: { path: { id: projectId } }, body }))
          }
          onCreated={(set) => {
            void queryClient.invalidateQueries({ queryKey: goldSetsKey(projectId) });
            setOpenId(set.id);
          }}
          onClose={() => setCreating(false)}
        />
      ) : null}
    </>
  );
}
