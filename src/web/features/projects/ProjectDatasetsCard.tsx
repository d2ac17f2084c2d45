import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Card } from '../../components/Page.tsx';
import { Empty } from '../../components/States.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { roleMay } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { useDatasetList } from '../datasets/queries.ts';
import { type Project, projectKey, projectsKey, projectTasksKey } from './queries.ts';

/** The datasets whose units are the project's tasks; project Admins attach and detach them. */
export function ProjectDatasetsCard({ project, mayManage }: { project: Project; mayManage: boolean }) {
  const me = useCurrentUser();
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: projectKey(project.id) }),
      queryClient.invalidateQueries({ queryKey: projectTasksKey(project.id) }),
      queryClient.invalidateQueries({ queryKey: [...projectsKey, 'list'] }),
    ]);

  const attach = useMutation({
    mutationFn: (dataset: { id: string; name: string }) =>
      unwrap(
        api.POST('/api/v1/projects/{id}/datasets', {
          params: { path: { id: project.id } },
          body: { datasetId: dataset.id },
        }),
      ),
    onMutate: () => setNotice(null),
    onSuccess: (_ok, dataset) => {
      setNotice(`Attached ${dataset.name}; its data units are now tasks of this project.`);
      return refresh();
    },
  });
  const detach = useMutation({
    mutationFn: (dataset: { id: string; name: string }) =>
      unwrap(
        api.DELETE('/api/v1/projects/{id}/datasets/{datasetId}', {
          params: { path: { id: project.id, datasetId: dataset.id } },
        }),
      ),
    onMutate: () => setNotice(null),
    onSuccess: (_ok, dataset) => {
      setNotice(`Detached ${dataset.name}.`);
      return refresh();
    },
  });

  return (
    <Card title="Datasets">
      <p className="card-description">Each data unit of an attached dataset is one task of this project.</p>
      {mayManage && roleMay(me.role, 'dataset.list') ? (
        <AttachForm project={project} busy={attach.isPending} onAttach={(d) => attach.mutate(d)} />
      ) : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorAlert error={attach.error ?? detach.error} />
      {project.datasets.length === 0 ? (
        <Empty>No datasets attached yet.</Empty>
      ) : (
        <ul className="row-list">
          {project.datasets.map((dataset) => (
            <li key={dataset.id} className="row-item">
              <Link to={`/datasets/${dataset.id}`} className="row-name">
                {dataset.name}
              </Link>
              {mayManage ? (
                <ConfirmButton
                  label={`Detach ${dataset.name}`}
                  question={`Detach ${dataset.name} from this project? Its tasks here are deleted; once any of them has been worked on, detaching is refused.`}
                  confirmLabel="Detach"
                  danger
                  busy={detach.isPending}
                  onConfirm={() => detach.mutate(dataset)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function AttachForm({
  project,
  busy,
  onAttach,
}: {
  project: Project;
  busy: boolean;
  onAttach: (dataset: { id: string; name: string }) => void;
}) {
  const datasets = useDatasetList('');
  const attached = new Set(project.datasets.map((d) => d.id));
  const options = (datasets.data?.pages.flatMap((p) => p.items) ?? []).filter((d) => !attached.has(d.id));
  const [chosen, setChosen] = useState('');
  const selected = options.find((d) => d.id === chosen) ?? options[0];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (selected) onAttach({ id: selected.id, name: selected.name });
  };
  return (
    <form className="form form-inline" onSubmit={submit} noValidate>
      <ErrorAlert error={datasets.error} />
      <SelectField
        label="Dataset to attach"
        value={selected?.id ?? ''}
        disabled={options.length === 0}
        onChange={(e) => setChosen(e.target.value)}
      >
        {datasets.isPending ? (
          <option value="">Loading…</option>
        ) : options.length === 0 ? (
          <option value="">No other datasets</option>
        ) : (
          options.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.unitCount.toLocaleString()} units)
            </option>
          ))
        )}
      </SelectField>
      <div className="form-actions">
        <SubmitButton busy={busy} disabled={!selected} className="btn">
          Attach dataset
        </SubmitButton>
      </div>
    </form>
  );
}
