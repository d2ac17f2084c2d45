import { api, unwrap } from '../../api/client.ts';
import { SharingCard as SharedSharingCard } from '../../components/SharingCard.tsx';
import { type Dataset, datasetAccessKey, useDatasetAccess } from './queries.ts';

/** Who may use the dataset (Users) or also manage it (Admins), directly or through a group. */
export function SharingCard({ dataset, mayManage }: { dataset: Dataset; mayManage: boolean }) {
  const path = { id: dataset.id };
  return (
    <SharedSharingCard
      mayManage={mayManage}
      description="Users can see the dataset and attach it to their projects; Admins can also upload, rename, share and delete it. Workspace Admins can always manage it."
      sharing={{
        noun: 'Dataset',
        access: useDatasetAccess(dataset.id),
        queryKey: datasetAccessKey(dataset.id),
        share: (principal, role) =>
          unwrap(api.PUT('/api/v1/datasets/{id}/access', { params: { path }, body: { ...principal, role } })),
        remove: (entry) =>
          unwrap(
            api.DELETE('/api/v1/datasets/{id}/access/{principalType}/{principalId}', {
              params: {
                path: { ...path, principalType: entry.principalType, principalId: entry.principalId },
              },
            }),
          ),
      }}
    />
  );
}
