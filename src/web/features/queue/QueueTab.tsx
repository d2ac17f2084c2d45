import { useLocation, useSearchParams } from 'react-router';
import {
  mayWorkIn,
  statusesOf,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type TaskStatus,
} from '../../../core/queue/index.ts';
import {
  resolveSettings,
  STAGE_TYPE_LABELS,
  type Stage,
  TERMINAL_STAGE_TYPES,
} from '../../../core/workflow/format.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Card } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { useDebounced } from '../../lib/hooks.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { KIND_LABELS } from '../datasets/labels.ts';
import type { DataUnitKind } from '../datasets/queries.ts';
import type { Project } from '../projects/queries.ts';
import { isWorkStage, mayOnQueue, stagesInFlowOrder } from './bits.tsx';
import { usePeople } from './people.tsx';
import { QueueTable } from './QueueTable.tsx';
import {
  type IssueFilter,
  type QueueFilters,
  type QueueSort,
  type StageCount,
  useProjectWorkflow,
  useStageCounts,
} from './queries.ts';
import { StartWork } from './StartWork.tsx';
import './queue.css';

const KINDS: DataUnitKind[] = ['image', 'image_group', 'video', 'text'];

type Defaults = Omit<QueueFilters, 'stageId' | 'q'> & { q: string };

/** Each filter's key in the URL (`?tab=queue&stage=…&status=…&issues=open`); empty values are left out. */
const FILTER_PARAMS: Record<keyof Defaults, string> = {
  datasetId: 'dataset',
  assigneeId: 'assignee',
  kind: 'kind',
  status: 'status',
  q: 'q',
  sort: 'sort',
  issues: 'issues',
};

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.find((a) => a === value) ?? fallback;

/** The filters the URL holds (anything unknown falls back to no filter). */
function filtersOf(params: URLSearchParams): Defaults {
  const get = (key: keyof Defaults) => params.get(FILTER_PARAMS[key]) ?? '';
  return {
    datasetId: get('datasetId'),
    assigneeId: get('assigneeId'),
    kind: oneOf<DataUnitKind | ''>(get('kind'), KINDS, ''),
    status: oneOf<TaskStatus | ''>(get('status'), TASK_STATUSES, ''),
    q: get('q'),
    sort: oneOf<QueueSort>(get('sort'), ['priority', 'name'], 'priority'),
    issues: oneOf<IssueFilter>(get('issues'), ['open', 'none'], ''),
  };
}

/**
 * The project's queue: a stage picker with counts, "Start labelling" for the chosen stage, the
 * stage's tasks filtered and sorted, and (for managers) assigning, prioritising and moving them.
 * The chosen stage and the filters are in the URL (`?tab=queue&stage=<id>&issues=open`), so the task
 * page can return to them and a filtered queue can be shared.
 */
export function QueueTab({ project }: { project: Project }) {
  const me = useCurrentUser();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const workflow = useProjectWorkflow(project.id);
  const counts = useStageCounts(project.id);
  const filters = filtersOf(params);
  const setFilters = (change: Partial<Defaults>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change) as [keyof Defaults, string][]) {
      if (value && !(key === 'sort' && value === 'priority')) next.set(FILTER_PARAMS[key], value);
      else next.delete(FILTER_PARAMS[key]);
    }
    setParams(next, { replace: true });
  };
  const q = useDebounced(filters.q);
  const manager = mayOnQueue(me, project, 'project.manage_queue');
  const notice = (location.state as { notice?: unknown } | null)?.notice;

  if (workflow.isPending) return <Loading />;
  if (workflow.isError) return <ErrorAlert error={workflow.error} />;

  // Routers pass tasks straight on, so they never hold any: they are not listed.
  const stages = stagesInFlowOrder(workflow.data.workflow).filter((s) => s.type !== 'router');
  // The page does not know the user's groups: stages open to named people offer the button and
  // the server decides.
  const worker = { userId: me.id, role: project.myRole ?? null, groupIds: [] };
  const mayStart = (s: Stage) =>
    isWorkStage(s.type) && (mayWorkIn(s, worker) || resolveSettings(s).workers.mode === 'selected');
  // Managers start on every stage at once; workers on the first stage they can take work from.
  const asked = params.get('stage');
  const stage =
    asked !== null
      ? (stages.find((s) => s.id === asked) ?? null)
      : manager
        ? null
        : (stages.find(mayStart) ?? null);
  const chooseStage = (id: string) => {
    // "All stages" is an empty stage, not none: none means the default above.
    const next = new URLSearchParams(params);
    next.set('stage', id);
    // A status of one stage type may not exist in another.
    next.delete(FILTER_PARAMS.status);
    setParams(next, { replace: true });
  };

  return (
    <div className="card-stack">
      {typeof notice === 'string' ? <Notice kind="info">{notice}</Notice> : null}
      <Card title="Queue">
        <StagePicker
          stages={stages}
          counts={counts.data?.stages ?? []}
          current={stage?.id ?? ''}
          onChange={chooseStage}
        />
        <ErrorAlert error={counts.error} />
        {stage && mayStart(stage) ? (
          <StartWork
            key={stage.id}
            projectId={project.id}
            stage={stage}
            disabledReason={
              project.status === 'in_progress'
                ? null
                : 'Tasks are handed out while the project is In progress.'
            }
          />
        ) : null}
        <QueueFiltersBar
          project={project}
          stage={stage}
          manager={manager}
          filters={filters}
          onChange={setFilters}
        />
        <QueueTable
          project={project}
          stages={stages}
          stage={stage}
          manager={manager}
          filters={{ ...filters, q, stageId: stage?.id ?? '' }}
        />
      </Card>
    </div>
  );
}

function StagePicker({
  stages,
  counts,
  current,
  onChange,
}: {
  stages: readonly Stage[];
  counts: readonly StageCount[];
  current: string;
  onChange: (stageId: string) => void;
}) {
  const countOf = (id: string) => counts.find((c) => c.stageId === id)?.total;
  const total = counts.reduce((sum, c) => sum + c.total, 0);
  const item = (id: string, name: string, type: string | null, count: number | undefined) => (
    <li key={id || 'all'}>
      <button
        type="button"
        className="stage-pick"
        aria-pressed={current === id}
        onClick={() => onChange(id)}
        data-testid={`queue-stage-${id || 'all'}`}
      >
        <span className="stage-pick-name">{name}</span>
        {type ? <span className="stage-pick-type">{type}</span> : null}
        <span className="stage-pick-count">
          {count === undefined ? '…' : count.toLocaleString()}
          <span className="visually-hidden"> tasks</span>
        </span>
      </button>
    </li>
  );
  return (
    <nav aria-label="Stages">
      <ul className="stage-picker">
        {item('', 'All stages', null, counts.length ? total : undefined)}
        {stages.map((s) =>
          item(
            s.id,
            s.name,
            s.name === STAGE_TYPE_LABELS[s.type] ? null : STAGE_TYPE_LABELS[s.type],
            countOf(s.id),
          ),
        )}
      </ul>
    </nav>
  );
}

function QueueFiltersBar({
  project,
  stage,
  manager,
  filters,
  onChange,
}: {
  project: Project;
  stage: Stage | null;
  manager: boolean;
  filters: Defaults;
  onChange: (change: Partial<Defaults>) => void;
}) {
  const { people } = usePeople(project.id, '', manager);
  const statuses: readonly TaskStatus[] = stage
    ? statusesOf(stage.type)
    : ['new', 'assigned', 'released', 'skipped', 'reopened', 'completed'];
  const terminal = stage !== null && TERMINAL_STAGE_TYPES.includes(stage.type);
  return (
    <search className="filters queue-filters" aria-label="Filter tasks">
      <TextField
        label="Search tasks"
        type="search"
        placeholder="Title"
        value={filters.q}
        onChange={(e) => onChange({ q: e.target.value })}
      />
      <SelectField
        label="Dataset"
        value={filters.datasetId}
        onChange={(e) => onChange({ datasetId: e.target.value })}
      >
        <option value="">All datasets</option>
        {project.datasets.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      {terminal ? null : (
        <SelectField
          label="Assignee"
          value={filters.assigneeId}
          onChange={(e) => onChange({ assigneeId: e.target.value })}
        >
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="none">Unassigned</option>
          {manager
            ? people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))
            : null}
        </SelectField>
      )}
      <SelectField
        label="Data type"
        value={filters.kind}
        onChange={(e) => onChange({ kind: e.target.value as DataUnitKind | '' })}
      >
        <option value="">All types</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      {terminal ? null : (
        <SelectField
          label="Status"
          value={filters.status}
          onChange={(e) => onChange({ status: e.target.value as TaskStatus | '' })}
        >
          <option value="">All statuses</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {TASK_STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        label="Issues"
        value={filters.issues}
        onChange={(e) => onChange({ issues: e.target.value as IssueFilter })}
      >
        <option value="">Any</option>
        <option value="open">Has open issues</option>
        <option value="none">No open issues</option>
      </SelectField>
      <SelectField
        label="Sort by"
        value={filters.sort}
        onChange={(e) => onChange({ sort: e.target.value as QueueSort })}
      >
        <option value="priority">Priority</option>
        <option value="name">Name</option>
      </SelectField>
    </search>
  );
}
