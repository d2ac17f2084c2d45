import type { TaskEventKind } from '../../../core/queue/index.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Empty, Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { type TaskEvent, useTaskEvents } from './queries.ts';

const KIND_TEXT: Record<TaskEventKind, string> = {
  created: 'Created',
  claimed: 'Claimed',
  released: 'Released',
  lease_expired: 'Lease expired',
  skipped: 'Skipped',
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  sampled_out: 'Passed review sampling',
  assigned: 'Assigned',
  unassigned: 'Unassigned',
  priority_changed: 'Priority changed',
  moved: 'Moved',
  reopened: 'Reopened',
  completed: 'Completed',
  labels_saved: 'Labels saved',
  label_approved: 'Label approved',
  label_rejected: 'Label rejected',
  label_resolved: 'Label fixed',
  issue_opened: 'Issue raised',
  issue_resolved: 'Issue resolved',
  issue_reopened: 'Issue reopened',
  issue_commented: 'Issue comment',
  consensus_closed: 'Consensus measured',
  consensus_accepted: 'Consensus auto-accepted',
  consensus_resolved: 'Consensus resolved',
};

const kindText = (kind: string) => KIND_TEXT[kind as TaskEventKind] ?? kind;

/** A note, reason or priority an event carries, as one line. */
function detailOf(event: TaskEvent): string | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['note', 'reason'] as const) {
    const value = data[key];
    if (typeof value === 'string' && value.trim()) parts.push(`“${value.trim()}”`);
  }
  if (typeof data.priority === 'number') parts.push(`priority ${data.priority}`);
  if (typeof data.score === 'number') parts.push(`agreement ${(data.score * 100).toFixed(0)}%`);
  if (typeof data.revision === 'number') {
    const n = (k: string) => (typeof data[k] === 'number' ? (data[k] as number) : 0);
    parts.push(
      `revision ${data.revision}: ${n('added')} added, ${n('changed')} changed, ${n('removed')} removed`,
    );
  }
  return parts.length ? parts.join(' · ') : null;
}

/** The task's events, newest last, in a section that opens on demand. */
export function TaskHistory({
  taskId,
  stageName,
}: {
  taskId: string;
  stageName: (id: string | null) => string | null;
}) {
  const events = useTaskEvents(taskId);
  const items = events.data?.items ?? [];
  return (
    <details className="task-history">
      <summary>History{events.data ? ` (${items.length})` : ''}</summary>
      <ErrorAlert error={events.error} />
      {events.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>Nothing has happened to this task yet.</Empty>
      ) : (
        <ol className="history-list" aria-label="Task history">
          {items.map((event) => {
            const from = stageName(event.stageId);
            const to =
              event.toStageId && event.toStageId !== event.stageId ? stageName(event.toStageId) : null;
            const detail = detailOf(event);
            return (
              <li key={event.id} className="history-item">
                <span className="history-kind">{kindText(event.kind)}</span>
                <span className="history-meta">
                  {event.actorName ? `by ${event.actorName}` : null}
                  {event.subjectName && event.subjectName !== event.actorName
                    ? ` → ${event.subjectName}`
                    : null}
                  {from ? ` · ${from}` : null}
                  {to ? ` → ${to}` : null}
                </span>
                {detail ? <span className="history-detail">{detail}</span> : null}
                <time className="history-time" dateTime={event.createdAt}>
                  {formatDateTime(event.createdAt)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
