import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Stage } from '../../../core/workflow/format.ts';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { KIND_LABELS } from '../datasets/labels.ts';
import type { Project } from '../projects/queries.ts';
import { holderNames, isWorkStage, TaskStatusBadge } from './bits.tsx';
import { type QueueFilters, type Task, useInvalidateQueue, useQueue } from './queries.ts';
import { type ManageKind, TaskActionDialog } from './TaskActionDialog.tsx';

interface Pending {
  kind: ManageKind;
  tasks: Task[];
}

/**
 * One page after another of the queue. Managers tick rows (or the page) to act on many at once,
 * and act on one from its row. New filters clear the selection (it could hold tasks they hide).
 */
export function QueueTable({
  project,
  stages,
  stage,
  manager,
  filters,
}: {
  project: Project;
  stages: readonly Stage[];
  stage: Stage | null;
  manager: boolean;
  filters: QueueFilters;
}) {
  const queue = useQueue(project.id, filters);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const filtersKey = JSON.stringify(filters);
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>({
    key: filtersKey,
    ids: new Set(),
  });
  const selected = selection.key === filtersKey ? selection.ids : new Set<string>();
  const setSelected = (ids: ReadonlySet<string> | ((current: ReadonlySet<string>) => ReadonlySet<string>)) =>
    setSelection((current) => {
      const base = current.key === filtersKey ? current.ids : new Set<string>();
      return { key: filtersKey, ids: typeof ids === 'function' ? ids(base) : ids };
    });
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const invalidate = useInvalidateQueue(project.id);
  const unassign = useMutation({
    mutationFn: (task: Task) =>
      unwrap(
        api.POST('/api/v1/tasks/{id}/unassign', {
          params: { path: { id: task.id } },
          body: { revision: task.revision },
        }),
      ),
    onSuccess: (_, task) => setDone(`Unassigned “${task.title}”.`),
    onSettled: invalidate,
  });
  const readOnly = project.status === 'archived';
  const selecting = manager && !readOnly;
  const picked = items.filter((t) => selected.has(t.id));
  const allPicked = items.length > 0 && picked.length === items.length;
  // Tasks move to work stages only (routers and terminals are reached by the workflow).
  const targets = stages.filter((s) => isWorkStage(s.type));
  const open = (kind: ManageKind, tasks: Task[]) => {
    setDone(null);
    setPending({ kind, tasks });
  };
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="stack">
      {done ? <Notice kind="success">{done}</Notice> : null}
      <ErrorAlert error={queue.error ?? unassign.error} />
      {selecting && picked.length > 0 ? (
        <div className="bulk-bar" role="toolbar" aria-label="Selected tasks">
          <span className="bulk-count">{picked.length} selected</span>
          <button type="button" className="btn btn-small" onClick={() => open('assign', picked)}>
            Assign selected
          </button>
          <button type="button" className="btn btn-small" onClick={() => open('round_robin', picked)}>
            Assign round-robin
          </button>
          <button type="button" className="btn btn-small" onClick={() => open('unassign', picked)}>
            Unassign
          </button>
          <button type="button" className="btn btn-small" onClick={() => open('priority', picked)}>
            Set priority
          </button>
          <button type="button" className="btn btn-small" onClick={() => open('move', picked)}>
            Move to stage
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setSelected(new Set())}>
            Clear selection
          </button>
        </div>
      ) : null}
      {queue.isPending ? (
        <Loading />
      ) : queue.isError && !queue.data ? null : items.length === 0 ? (
        <Empty>{emptyText(project, filters)}</Empty>
      ) : (
        <div className="table-wrap" aria-busy={queue.isPlaceholderData || undefined}>
          <table className="table queue-table">
            <caption className="visually-hidden">Tasks{stage ? ` in ${stage.name}` : ''}</caption>
            <thead>
              <tr>
                {selecting ? (
                  <th scope="col" className="cell-check">
                    <input
                      type="checkbox"
                      aria-label="Select all tasks on this page"
                      checked={allPicked}
                      onChange={() => setSelected(allPicked ? new Set() : new Set(items.map((t) => t.id)))}
                    />
                  </th>
                ) : null}
                <th scope="col">Title</th>
                {stage ? null : <th scope="col">Stage</th>}
                <th scope="col">Dataset</th>
                <th scope="col">Data type</th>
                <th scope="col">Status</th>
                <th scope="col">Assignee</th>
                <th scope="col" className="cell-number">
                  Priority
                </th>
                <th scope="col">Issues</th>
                {selecting ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((task) => (
                <tr key={task.id} data-testid={`queue-row-${task.id}`}>
                  {selecting ? (
                    <td className="cell-check">
                      <input
                        type="checkbox"
                        aria-label={`Select ${task.title}`}
                        checked={selected.has(task.id)}
                        onChange={() => toggle(task.id)}
                      />
                    </td>
                  ) : null}
                  <th scope="row" className="cell-name">
                    <Link to={`/tasks/${task.id}`}>{task.title}</Link>
                  </th>
                  {stage ? null : <td>{task.stageName}</td>}
                  <td>{task.datasetName}</td>
                  <td>{KIND_LABELS[task.kind]}</td>
                  <td>
                    <TaskStatusBadge status={task.status} />
                  </td>
                  <td>{holderNames(task).join(', ') || <span className="cell-muted">Unassigned</span>}</td>
                  <td className="cell-number">{task.priority}</td>
                  <td>
                    <IssueCount task={task} />
                  </td>
                  {selecting ? (
                    <td className="cell-actions">
                      <RowActions
                        task={task}
                        busy={unassign.isPending}
                        onOpen={(kind) => open(kind, [task])}
                        onUnassign={() => {
                          setDone(null);
                          unassign.mutate(task);
                        }}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        hasMore={queue.hasNextPage}
        loading={queue.isFetchingNextPage}
        onLoad={() => queue.fetchNextPage()}
      />
      {pending ? (
        <TaskActionDialog
          projectId={project.id}
          kind={pending.kind}
          tasks={pending.tasks}
          stages={targets}
          onClose={() => setPending(null)}
          onDone={(message) => {
            setPending(null);
            setSelected(new Set());
            setDone(message);
          }}
        />
      ) : null}
    </div>
  );
}

function RowActions({
  task,
  busy,
  onOpen,
  onUnassign,
}: {
  task: Task;
  busy: boolean;
  onOpen: (kind: ManageKind) => void;
  onUnassign: () => void;
}) {
  if (task.status === 'completed') {
    return (
      <button
        type="button"
        className="btn btn-small"
        aria-label={`Reopen ${task.title}`}
        onClick={() => onOpen('reopen')}
      >
        Reopen
      </button>
    );
  }
  return (
    <span className="row-actions">
      {task.stageType !== 'consensus' ? (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Assign ${task.title}`}
          onClick={() => onOpen('assign')}
        >
          Assign
        </button>
      ) : null}
      {task.assigneeId ? (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Unassign ${task.title}`}
          disabled={busy}
          onClick={onUnassign}
        >
          Unassign
        </button>
      ) : null}
      <button
        type="button"
        className="btn btn-small"
        aria-label={`Set priority of ${task.title}`}
        onClick={() => onOpen('priority')}
      >
        Priority
      </button>
      <button
        type="button"
        className="btn btn-small"
        aria-label={`Move ${task.title}`}
        onClick={() => onOpen('move')}
      >
        Move
      </button>
    </span>
  );
}

/** The task's open issues as a badge, or a dash when none is open (resolved ones in its title). */
function IssueCount({ task }: { task: Task }) {
  const { openIssues, issues } = task;
  if (openIssues === 0) {
    return (
      <span className="cell-muted" title={issues > 0 ? `${issues} resolved` : undefined}>
        —<span className="visually-hidden">No open issues</span>
      </span>
    );
  }
  return (
    <span className="issue-count" title={`${openIssues} open of ${issues}`}>
      <Badge tone="accent">{openIssues} open</Badge>
    </span>
  );
}

function emptyText(project: Project, filters: QueueFilters) {
  const filtered =
    filters.datasetId !== '' ||
    filters.assigneeId !== '' ||
    filters.kind !== '' ||
    filters.status !== '' ||
    filters.q.trim() !== '' ||
    filters.issues !== '';
  if (filtered) return 'No tasks match these filters.';
  if (project.taskCount === 0) return 'No tasks yet. Attach a dataset with data units to create them.';
  return filters.stageId ? 'No tasks in this stage for you right now.' : 'No tasks for you right now.';
}
