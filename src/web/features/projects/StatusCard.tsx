import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { PROJECT_STATUS_LABELS, PROJECT_STATUSES, type ProjectStatus } from '../../../core/roles.ts';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Card } from '../../components/Page.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { StatusBadge } from './ProjectBits.tsx';
import { type Project, projectKey, projectsKey } from './queries.ts';

const STATUS_HELP: Record<ProjectStatus, string> = {
  not_started: 'Being set up; annotators and reviewers cannot open tasks yet.',
  in_progress: 'Live: annotators and reviewers get tasks.',
  paused: 'On hold: annotators and reviewers cannot open tasks; managers keep full access.',
  completed: 'Done: annotators and reviewers cannot open tasks; managers keep full access.',
  cancelled: 'Stopped: annotators and reviewers cannot open tasks; managers keep full access.',
  archived: 'Read-only for everyone until it is unarchived.',
};

/** The project's status, and (for its Admins and Team Managers) the control that changes it. */
export function StatusCard({ project, mayChange }: { project: Project; mayChange: boolean }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ProjectStatus>(project.status);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<ProjectStatus | null>(null);

  const change = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/projects/{id}/status', {
          params: { path: { id: project.id } },
          body: { status, reason: reason.trim(), revision: project.revision },
        }),
      ),
    onMutate: () => setDone(null),
    onSuccess: async () => {
      setDone(status);
      setReason('');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKey(project.id) }),
        queryClient.invalidateQueries({ queryKey: [...projectsKey, 'list'] }),
      ]);
    },
    onError: (err) => {
      if (isApiError(err, 'revision_conflict'))
        void queryClient.invalidateQueries({ queryKey: projectKey(project.id) });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setProblem('Give a reason for the change; it is kept in the audit log.');
      return;
    }
    setProblem(null);
    change.mutate();
  };

  return (
    <Card title="Status">
      <div className="status-now">
        <StatusBadge status={project.status} />
        <span className="cell-muted">{STATUS_HELP[project.status]}</span>
      </div>
      {project.statusReason ? (
        <p className="status-reason">
          <span className="cell-muted">
            Reason{project.statusChangedAt ? ` (${formatDateTime(project.statusChangedAt)})` : ''}:
          </span>{' '}
          {project.statusReason}
        </p>
      ) : null}
      {mayChange ? (
        <form className="form form-inline" onSubmit={submit} noValidate>
          <SelectField
            label="Status"
            value={status}
            onChange={(e) => setStatus(e.target.value as ProjectStatus)}
          >
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PROJECT_STATUS_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Reason"
            required
            maxLength={500}
            autoComplete="off"
            placeholder="Why the change?"
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (done) setDone(null);
            }}
          />
          <div className="form-actions">
            <SubmitButton busy={change.isPending}>Update status</SubmitButton>
          </div>
        </form>
      ) : null}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <ErrorAlert error={change.error} />
      {done ? <Notice kind="success">The status is now {PROJECT_STATUS_LABELS[done]}.</Notice> : null}
    </Card>
  );
}
