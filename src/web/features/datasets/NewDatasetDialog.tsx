import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { CreateNamedDialog } from '../../components/CreateNamedDialog.tsx';
import { datasetKey, datasetsKey } from './queries.ts';

/** Creates a dataset (its creator becomes its Admin) and opens it, ready for uploads. */
export function NewDatasetDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <CreateNamedDialog
      title="New dataset"
      nameLabel="Dataset name"
      nameMaxLength={120}
      descriptionMaxLength={2000}
      submitLabel="Create dataset"
      create={(body) => unwrap(api.POST('/api/v1/datasets', { body }))}
      onCreated={(dataset) => {
        queryClient.setQueryData(datasetKey(dataset.id), dataset);
        void queryClient.invalidateQueries({ queryKey: [...datasetsKey, 'list'] });
        navigate(`/datasets/${dataset.id}`);
      }}
      onClose={onClose}
    />
  );
}
