import { useState } from 'react';
import { Link } from 'react-router';
import { PROJECT_STATUS_LABELS, PROJECT_STATUSES, type ProjectStatus } from '../../../core/roles.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { formatDate } from '../../lib/format.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { roleMay } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { useDatasetList } from '../datasets/queries.ts';
import { projectRoleLabel, StatusBadge, TagChips } from './ProjectBits.tsx';
import { type ProjectSort, useProjectList, useProjectTags } from './queries.ts';

const SORTS: { value: ProjectSort; label: string }[] = [
  { value: 'updated', label: 'Last updated' },
  { value: 'created', label: 'Newest' },
  { value: 'name', label: 'Name' },
];

export function ProjectsPage() {
  const me = useCurrentUser();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ProjectStatus | ''>('');
  const [tag, setTag] = useState('');
  const [datasetId, setDatasetId] = useState('');
  const [sort, setSort] = useState<ProjectSort>('updated');
  const query = useDebounced(q);
  const projects = useProjectList({ q: query, status, tag, datasetId, sort });
  const tags = useProjectTags();
  const mayListDatasets = roleMay(me.role, 'dataset.list');
  const datasets = useDatasetList('', { enabled: mayListDatasets });
  const items = projects.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = query.trim() !== '' || status !== '' || tag !== '' || datasetId !== '';
  const datasetOptions = mayListDatasets ? (datasets.data?.pages.flatMap((p) => p.items) ?? []) : [];

  return (
    <>
      <PageHeader
        title="Projects"
        description="Annotation projects you take part in."
        actions={
          roleMay(me.role, 'project.create') ? (
            <Link to="/projects/new" className="btn btn-primary">
              New project
            </Link>
          ) : null
        }
      />
      <Card>
        <search className="filters" aria-label="Filter projects">
          <TextField
            label="Search projects"
            type="search"
            placeholder="Name or description"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <SelectField
            label="Status"
            value={status}
            onChange={(e) => setStatus(e.target.value as ProjectStatus | '')}
          >
            <option value="">All statuses</option>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PROJECT_STATUS_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Tag" value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">All tags</option>
            {(tags.data?.items ?? []).map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </SelectField>
          {datasetOptions.length > 0 ? (
            <SelectField label="Dataset" value={datasetId} onChange={(e) => setDatasetId(e.target.value)}>
              <option value="">All datasets</option>
              {datasetOptions.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as ProjectSort)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </SelectField>
        </search>
        <ErrorAlert error={projects.error} />
        {projects.isPending ? (
          <Loading />
        ) : projects.isError && !projects.data ? null : items.length === 0 ? (
          <Empty>
            {filtered
              ? 'No projects match these filters.'
              : roleMay(me.role, 'project.create')
                ? 'No projects yet. Create one to start labelling.'
                : 'You are not part of any project yet.'}
          </Empty>
        ) : (
          <div className="table-wrap" aria-busy={projects.isPlaceholderData || undefined}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Tags</th>
                  <th scope="col">Datasets</th>
                  <th scope="col" className="cell-number">
                    Tasks
                  </th>
                  <th scope="col">Your role</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {items.map((project) => (
                  <tr key={project.id}>
                    <th scope="row" className="cell-name">
                      <Link to={`/projects/${project.id}`}>{project.name}</Link>
                    </th>
                    <td>
                      <StatusBadge status={project.status} />
                    </td>
                    <td>
                      <TagChips tags={project.tags} label={`Tags of ${project.name}`} />
                    </td>
                    <td className="cell-muted">
                      {project.datasets.length === 0 ? '—' : project.datasets.map((d) => d.name).join(', ')}
                    </td>
                    <td className="cell-number">{project.taskCount.toLocaleString()}</td>
                    <td>{projectRoleLabel(project.myRole, me.role === 'admin')}</td>
                    <td className="cell-nowrap">{formatDate(project.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore
          hasMore={projects.hasNextPage}
          loading={projects.isFetchingNextPage}
          onLoad={() => projects.fetchNextPage()}
        />
      </Card>
    </>
  );
}
