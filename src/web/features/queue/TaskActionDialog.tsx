import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { MAX_PRIORITY, MIN_PRIORITY } from '../../../core/queue/index.ts';
import type { Stage } from '../../../core/workflow/format.ts';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { useProjectMembers } from '../projects/queries.ts';
import { PersonSelect } from './people.tsx';
import { type BulkAction, type Task, useBulkAction, useInvalidateQueue } from './queries.ts';

/** `round_robin` and `unassign` act on many tasks only (one task has its own Assign and Unassign). */
export type ManageKind = 'assign' | 'round_robin' | 'unassign' | 'priority' | 'move' | 'reopen';

const TITLES: Record<ManageKind, string> = {
  assign: 'Assign',
  round_robin: 'Assign round-robin',
  unassign: 'Unassign',
  priority: 'Set priority',
  move: 'Move to stage',
  reopen: 'Reopen task',
};

interface Values {
  userId: string;
  groupId: string;
  priority: number;
  stageId: string;
  reason: string;
}

/** What one task's own route needs (with its revision, so a stale view is refused). */
function singleCall(kind: Exclude<ManageKind, 'round_robin'>, task: Task, v: Values) {
  const path = { params: { path: { id: task.id } } };
  const revision = task.revision;
  switch (kind) {
    case 'assign':
      return api.POST('/api/v1/tasks/{id}/assign', { ...path, body: { userId: v.userId, revision } });
    case 'unassign':
      return api.POST('/api/v1/tasks/{id}/unassign', { ...path, body: { revision } });
    case 'priority':
      return api.PUT('/api/v1/tasks/{id}/priority', { ...path, body: { priority: v.priority, revision } });
    case 'move':
      return api.POST('/api/v1/tasks/{id}/move', {
        ...path,
        body: { stageId: v.stageId, reason: v.reason.trim(), revision },
      });
    case 'reopen':
      return api.POST('/api/v1/tasks/{id}/reopen', {
        ...path,
        body: { stageId: v.stageId || undefined, reason: v.reason.trim() || undefined, revision },
      });
  }
}

function bulkAction(kind: Exclude<ManageKind, 'reopen'>, v: Values): BulkAction {
  switch (kind) {
    case 'assign':
      return { kind: 'assign', userId: v.userId };
    case 'round_robin':
      return { kind: 'assign_round_robin', groupId: v.groupId };
    case 'unassign':
      return { kind: 'unassign' };
    case 'priority':
      return { kind: 'set_priority', priority: v.priority };
    case 'move':
      return { kind: 'move', stageId: v.stageId, reason: v.reason.trim() };
  }
}

/**
 * Assign, prioritise, move or reopen one task (through its own route) or many (one all-or-nothing
 * bulk request). `stages` are where tasks may be moved or reopened to.
 */
export function TaskActionDialog({
  projectId,
  kind,
  tasks,
  stages,
  onClose,
  onDone,
}: {
  projectId: string;
  kind: ManageKind;
  tasks: Task[];
  stages: readonly Stage[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const first = tasks[0];
  const [values, setValues] = useState<Values>({
    userId: '',
    groupId: '',
    priority: tasks.length === 1 && first ? first.priority : 50,
    stageId: '',
    reason: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (change: Partial<Values>) => setValues((v) => ({ ...v, ...change }));
  const invalidate = useInvalidateQueue(projectId);
  const single = useMutation({
    mutationFn: (task: Task) => {
      if (kind === 'round_robin') throw new Error('Round-robin assigns many tasks at once.');
      return unwrap(singleCall(kind, task, values));
    },
    onSettled: invalidate,
  });
  const bulk = useBulkAction(projectId);
  const busy = single.isPending || bulk.isPending;
  const many = tasks.length > 1;
  const what = many ? `${tasks.length} tasks` : `“${first?.title ?? ''}”`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing =
      kind === 'assign' && !values.userId
        ? 'Choose who gets the task.'
        : kind === 'round_robin' && !values.groupId
          ? 'Choose the group to deal the tasks to.'
          : kind === 'priority' &&
              (!Number.isInteger(values.priority) ||
                values.priority < MIN_PRIORITY ||
                values.priority > MAX_PRIORITY)
            ? `Give a whole number from ${MIN_PRIORITY} to ${MAX_PRIORITY}.`
            : kind === 'move' && !values.stageId
              ? 'Choose the stage to move to.'
              : kind === 'move' && !values.reason.trim()
                ? 'Give a reason; it is kept with the task’s history.'
                : null;
    setProblem(missing);
    if (missing || !first) return;
    const done = () => onDone(doneMessage(kind, what));
    if ((many || kind === 'round_robin') && kind !== 'reopen') {
      bulk.mutate({ taskIds: tasks.map((t) => t.id), action: bulkAction(kind, values) }, { onSuccess: done });
    } else {
      single.mutate(first, { onSuccess: done });
    }
  };

  return (
    <Dialog title={`${TITLES[kind]}: ${what}`} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        {problem ? <Notice kind="error">{problem}</Notice> : null}
        <ErrorAlert error={single.error ?? bulk.error} />
        {kind === 'assign' ? (
          <PersonSelect
            projectId={projectId}
            label="Assignee"
            value={values.userId}
            onChange={(userId) => set({ userId })}
          />
        ) : null}
        {kind === 'round_robin' ? (
          <GroupSelect
            projectId={projectId}
            value={values.groupId}
            onChange={(groupId) => set({ groupId })}
          />
        ) : null}
        {kind === 'unassign' ? (
          <p className="card-description">Their holders lose them; they go back to the pool.</p>
        ) : null}
        {kind === 'priority' ? (
          <TextField
            label="Priority"
            type="number"
            min={MIN_PRIORITY}
            max={MAX_PRIORITY}
            step={1}
            hint={`${MIN_PRIORITY}–${MAX_PRIORITY}; higher is served first.`}
            value={Number.isNaN(values.priority) ? '' : values.priority}
            onChange={(e) => set({ priority: e.target.valueAsNumber })}
          />
        ) : null}
        {kind === 'move' || kind === 'reopen' ? (
          <SelectField
            label={kind === 'move' ? 'Stage' : 'Reopen in stage'}
            value={values.stageId}
            onChange={(e) => set({ stageId: e.target.value })}
          >
            <option value="" disabled={kind === 'move'}>
              {kind === 'move' ? 'Choose a stage' : 'The stage that last worked it'}
            </option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        {kind === 'move' || kind === 'reopen' ? (
          <TextAreaField
            label={kind === 'move' ? 'Reason' : 'Reason (optional)'}
            rows={2}
            maxLength={500}
            value={values.reason}
            onChange={(e) => set({ reason: e.target.value })}
          />
        ) : null}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <SubmitButton busy={busy}>{TITLES[kind]}</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

/** The project's collaborator groups: dealing tasks to one of them is what round-robin is for. */
function GroupSelect({
  projectId,
  value,
  onChange,
}: {
  projectId: string;
  value: string;
  onChange: (groupId: string) => void;
}) {
  const members = useProjectMembers(projectId);
  const groups = (members.data?.items ?? []).filter((m) => m.principalType === 'group');
  return (
    <SelectField
      label="Group"
      value={value}
      hint="Tasks are dealt to its members in turn; those who cannot work in a task’s stage are passed over."
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="" disabled>
        {members.isPending
          ? 'Loading…'
          : groups.length === 0
            ? 'The project has no groups'
            : 'Choose a group'}
      </option>
      {groups.map((g) => (
        <option key={g.principalId} value={g.principalId}>
          {g.name ?? 'Unnamed group'}
        </option>
      ))}
    </SelectField>
  );
}

function doneMessage(kind: ManageKind, what: string) {
  switch (kind) {
    case 'assign':
      return `Assigned ${what}.`;
    case 'round_robin':
      return `Dealt ${what} round-robin.`;
    case 'unassign':
      return `Unassigned ${what}.`;
    case 'priority':
      return `Set the priority of ${what}.`;
    case 'move':
      return `Moved ${what}.`;
    case 'reopen':
      return `Reopened ${what}.`;
  }
}
