import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { SHARED_RESOURCE_ROLE_LABELS } from '../../../core/roles.ts';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { NameDescriptionForm } from '../../components/NameDescriptionForm.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { mayOnDataset } from './permissions.ts';
import { type Dataset, datasetKey, datasetsKey, unitsKey, useDataset } from './queries.ts';
import { SharingCard } from './SharingCard.tsx';
import { UnitsCard } from './UnitsCard.tsx';
import { UploadCard } from './UploadCard.tsx';

export function DatasetPage() {
  const { id = '' } = useParams();
  const dataset = useDataset(id);
  if (dataset.isPending) return <Loading />;
  if (dataset.isError) {
    return (
      <>
        <PageHeader title="Dataset" />
        <ErrorAlert error={dataset.error} />
        <p>
          <Link to="/datasets">Back to datasets</Link>
        </p>
      </>
    );
  }
  return <DatasetDetail dataset={dataset.data} />;
}

function DatasetDetail({ dataset }: { dataset: Dataset }) {
  const me = useCurrentUser();
  const mayUpdate = mayOnDataset(me, dataset, 'dataset.update');
  return (
    <>
      <p className="breadcrumb">
        <Link to="/datasets">
          <span aria-hidden="true">← </span>Back to datasets
        </Link>
      </p>
      <PageHeader
        title={dataset.name}
        description={dataset.description || undefined}
        actions={mayOnDataset(me, dataset, 'dataset.delete') ? <DeleteDataset dataset={dataset} /> : null}
      />
      <div className="card-stack">
        <Card>
          <dl className="summary-list">
            <div>
              <dt>Data units</dt>
              <dd>{dataset.unitCount.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Your role</dt>
              <dd>{me.role === 'admin' ? 'Admin' : SHARED_RESOURCE_ROLE_LABELS[dataset.myRole]}</dd>
            </div>
            <div>
              <dt>Updated</dt>
              <dd>{formatDateTime(dataset.updatedAt)}</dd>
            </div>
          </dl>
        </Card>
        {mayUpdate ? <UploadCard dataset={dataset} /> : null}
        <UnitsCard dataset={dataset} />
        <SharingCard dataset={dataset} mayManage={mayOnDataset(me, dataset, 'dataset.manage_members')} />
        {mayUpdate ? <DetailsCard dataset={dataset} /> : null}
      </div>
    </>
  );
}

function DetailsCard({ dataset }: { dataset: Dataset }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (change: { name: string; description: string }) =>
      unwrap(
        api.PATCH('/api/v1/datasets/{id}', {
          params: { path: { id: dataset.id } },
          body: { ...change, revision: dataset.revision },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(datasetKey(dataset.id), updated);
      void queryClient.invalidateQueries({ queryKey: [...datasetsKey, 'list'] });
    },
    onError: (err) => {
      if (isApiError(err, 'revision_conflict'))
        void queryClient.invalidateQueries({ queryKey: datasetKey(dataset.id) });
    },
  });
  return (
    <Card title="Details">
      <ErrorAlert error={save.error} />
      {save.isSuccess ? <Notice kind="success">The dataset was saved.</Notice> : null}
      <NameDescriptionForm
        key={dataset.revision}
        initial={dataset}
        nameLabel="Dataset name"
        nameMaxLength={120}
        descriptionMaxLength={2000}
        busy={save.isPending}
        onSave={(change) => save.mutate(change)}
        onEdit={() => save.isSuccess && save.reset()}
      />
    </Card>
  );
}

function DeleteDataset({ dataset }: { dataset: Dataset }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/datasets/{id}', { params: { path: { id: dataset.id } } })),
    onSuccess: () => {
      navigate('/datasets', { replace: true });
      queryClient.removeQueries({ queryKey: datasetKey(dataset.id) });
      queryClient.removeQueries({ queryKey: unitsKey(dataset.id) });
      void queryClient.invalidateQueries({ queryKey: [...datasetsKey, 'list'] });
    },
  });
  return (
    <div className="stack-tight">
      <ConfirmButton
        label="Delete dataset"
        question="Delete this dataset and all its data units and files?"
        confirmLabel="Confirm"
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
      <ErrorAlert error={remove.error} />
    </div>
  );
}
