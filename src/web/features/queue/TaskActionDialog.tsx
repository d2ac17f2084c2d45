import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { MAX_PRIORITY, MIN_PRIORITY } from '../../../core/queue/index.ts';
import type { Stage } from '../../../core/workflow/format.ts';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { PersonSelect } from './people.tsx';
import { type BulkAction, type Task, useBulkAction, useInvalidateQueue } from './queries.ts';

export type ManageKind = 'assign' | 'priority' | 'move' | 'reopen';

const TITLES: Record<ManageKind, string> = {
  assign: 'Assign',
  priority: 'Set priority',
  move: 'Move to stage',
  reopen: 'Reopen task',
};

interface Values {
  userId: string;
  priority: number;
  stageId: string;
  reason: string;
}

/** What one task's own route needs (with its revision, so a stale view is refused). */
function singleCall(kind: ManageKind, task: Task, v: Values) {
  const path = { params: { path: { id: task.id } } };
  const revision = task.revision;
  switch (kind) {
    case 'assign':
      return api.POST('/api/v1/tasks/{id}/assign', { ...path, body: { userId: v.userId, revision } });
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
    priority: tasks.length === 1 && first ? first.priority : 50,
    stageId: '',
    reason: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (change: Partial<Values>) => setValues((v) => ({ ...v, ...change }));
  const invalidate = useInvalidateQueue(projectId);
  const single = useMutation({
    mutationFn: (task: Task) => unwrap(singleCall(kind, task, values)),
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
    if (many && kind !== 'reopen') {
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

function doneMessage(kind: ManageKind, what: string) {
  switch (kind) {
    case 'assign':
      return `Assigned ${what}.`;
    case 'priority':
      return `Set the priority of ${what}.`;
    case 'move':
      return `Moved ${what}.`;
    case 'reopen':
      return `Reopened ${what}.`;
  }
}
