import type { AuditEntry } from '../../api/client.ts';
import { formatDateTime } from '../../lib/format.ts';

const actorOf = (entry: AuditEntry) =>
  entry.actor?.email ??
  (entry.actorKind === 'system' ? 'System' : entry.actorKind === 'anonymous' ? 'Anonymous' : '—');

const detailsId = (entry: AuditEntry) => `audit-${entry.id}`;

export function AuditRow({
  entry,
  expanded,
  onToggle,
}: {
  entry: AuditEntry;
  expanded: boolean;
  onToggle: () => void;
}) {
  return (
    <tr className={expanded ? 'row-expanded' : undefined}>
      <td className="cell-nowrap">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </td>
      <td>{actorOf(entry)}</td>
      <td>
        <code>{entry.action}</code>
      </td>
      <td>
        <span className="target-type">{entry.targetType}</span>
        {entry.targetId ? <span className="target-id">{entry.targetId}</span> : null}
      </td>
      <td className="cell-nowrap">{entry.ip ?? '—'}</td>
      <td className="cell-actions">
        <button
          type="button"
          className="btn btn-small btn-ghost"
          aria-expanded={expanded}
          aria-controls={expanded ? detailsId(entry) : undefined}
          onClick={onToggle}
        >
          <span className={`chevron${expanded ? ' chevron-open' : ''}`} aria-hidden="true" />
          Details
        </button>
      </td>
    </tr>
  );
}

/** Top-level keys whose values differ between before and after (for objects on both sides). */
function changedKeys(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const json = (value: unknown) =>
  value === undefined || value === null ? null : JSON.stringify(value, null, 2);

/** The entry's before → after, and where the request came from. */
export function AuditRowDetails({ entry }: { entry: AuditEntry }) {
  const before = json(entry.before);
  const after = json(entry.after);
  const changed = changedKeys(entry.before, entry.after);
  return (
    <tr className="row-detail" id={detailsId(entry)}>
      <td colSpan={6}>
        {changed.length > 0 ? (
          <p className="diff-summary">
            Changed:{' '}
            {changed.map((k, i) => (
              <span key={k}>
                {i > 0 ? ', ' : null}
                <code>{k}</code>
              </span>
            ))}
          </p>
        ) : null}
        <div className="diff">
          <div className="diff-side">
            <h3>Before</h3>
            {before ? <pre>{before}</pre> : <p className="cell-muted">Nothing recorded</p>}
          </div>
          <div className="diff-arrow" aria-hidden="true">
            →
          </div>
          <div className="diff-side">
            <h3>After</h3>
            {after ? <pre>{after}</pre> : <p className="cell-muted">Nothing recorded</p>}
          </div>
        </div>
        <dl className="meta-list">
          <div>
            <dt>Request</dt>
            <dd>
              <code>{entry.requestId ?? '—'}</code>
            </dd>
          </div>
          <div>
            <dt>Via</dt>
            <dd>
              {entry.apiKeyId
                ? `API key ${entry.apiKeyId}`
                : entry.actorKind === 'user'
                  ? 'Signed-in session'
                  : entry.actorKind}
            </dd>
          </div>
          {entry.targetId ? (
            <div>
              <dt>Target id</dt>
              <dd>
                <code>{entry.targetId}</code>
              </dd>
            </div>
          ) : null}
        </dl>
      </td>
    </tr>
  );
}
