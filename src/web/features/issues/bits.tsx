import { Badge } from '../../components/Badge.tsx';
import { formatDateTime } from '../../lib/format.ts';
import type { Issue, IssueStatus } from './queries.ts';

export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = { open: 'Open', resolved: 'Resolved' };

export function IssueStatusBadge({ status }: { status: IssueStatus }) {
  return <Badge tone={status === 'open' ? 'accent' : 'success'}>{ISSUE_STATUS_LABELS[status]}</Badge>;
}

/** The first line of an issue's text, cut to `max` characters. */
export function excerpt(body: string, max = 90): string {
  const line = body.trim().split('\n')[0]?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line || '(no text)';
}

/** What the issue is pinned to: a label, a frame (range), a point of the image, or the task. */
export function issueTarget(issue: Pick<Issue, 'labelId' | 'frameStart' | 'frameEnd' | 'pin'>): string {
  const parts: string[] = [];
  if (issue.labelId) parts.push('Label');
  if (issue.frameStart !== null) {
    parts.push(
      issue.frameEnd !== null && issue.frameEnd !== issue.frameStart
        ? `Frames ${issue.frameStart}–${issue.frameEnd}`
        : `Frame ${issue.frameStart}`,
    );
  }
  if (issue.pin) parts.push(`Point ${Math.round(issue.pin.x)}, ${Math.round(issue.pin.y)}`);
  return parts.length > 0 ? parts.join(' · ') : 'Task';
}

export function IssueTargetMark({ issue }: { issue: Issue }) {
  const target = issueTarget(issue);
  return (
    <span className={`issue-target issue-target-${target === 'Task' ? 'task' : 'pinned'}`}>{target}</span>
  );
}

export function IssueTagChips({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="chips issue-tags" aria-label="Tags">
      {tags.map((t) => (
        <li key={t} className="chip">
          {t}
        </li>
      ))}
    </ul>
  );
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "5 min. ago", "yesterday", "3 mo. ago" for an ISO time. */
export function ageOf(iso: string, now = Date.now()): string {
  let value = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return relative.format(Math.round(value), 'year');
}

/** A time shown as its age, the exact time on hover. */
export function Age({ iso }: { iso: string }) {
  const exact = formatDateTime(iso);
  return (
    <time dateTime={iso} title={exact}>
      {ageOf(iso)}
    </time>
  );
}

export const personName = (p: { name: string } | null, none = 'Nobody') => p?.name ?? none;
