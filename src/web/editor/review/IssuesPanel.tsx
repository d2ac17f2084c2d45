import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import type { LabelDocument } from '../../../core/labels/index.ts';
import type { OntologyDocument } from '../../../core/ontology/index.ts';
import type { EditorStore } from '../../../editor/index.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { useCurrentUser } from '../../features/auth/session.tsx';
import {
  type Issue,
  issueKey,
  issuesKey,
  useCommentOnIssue,
  useIssue,
  useIssueTags,
  useRaiseIssue,
  useTaskIssues,
  useUpdateIssue,
} from '../../features/issues/queries.ts';
import { useProject, useProjectMembers } from '../../features/projects/queries.ts';
import { formatDateTime } from '../../lib/format.ts';
import { shortId } from '../ObjectList.tsx';
import { useEditorState } from '../use-editor.ts';
import type { IssuePins } from './pins.ts';
import { revealObject, revealPoint } from './reveal.ts';
import { CLASSIFICATION_PREFIX } from './rows.ts';
import { TagPicker } from './TagPicker.tsx';

// The task's issues in the editor, open ones first: a click selects the issue's label and brings
// it (or its pin) into view, and opens its thread (comments, resolve or reopen). New issues are
// raised on the selected object or on the task, optionally pinned to a point of the image, with
// tags, an assignee and @mentions of project members.

const MANAGER_ROLES = new Set(['admin', 'team_manager']);

interface Member {
  id: string;
  name: string;
}

/** The project's user members by name (groups' members are not listed by the members API). */
function useMembers(projectId: string): Member[] {
  const members = useProjectMembers(projectId);
  return useMemo(
    () =>
      (members.data?.items ?? [])
        .filter((m) => m.principalType === 'user')
        .map((m) => ({ id: m.principalId, name: m.name ?? `User ${m.principalId.slice(0, 8)}…` }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [members.data],
  );
}

/** What an issue is about, in the words of the labels on screen. */
export function describeTarget(
  labelId: string | null,
  doc: LabelDocument,
  ontology: OntologyDocument,
): string {
  if (labelId === null) return 'Task';
  if (labelId.startsWith(CLASSIFICATION_PREFIX)) {
    const featureId = labelId.slice(CLASSIFICATION_PREFIX.length);
    return ontology.classifications.find((q) => q.featureId === featureId)?.name ?? 'A classification';
  }
  const object = doc.objects.find((o) => o.id === labelId);
  if (!object) return `Removed label ${shortId(labelId)}`;
  const name = ontology.objects.find((f) => f.featureId === object.featureId)?.name || 'Unknown class';
  return `${name} ${shortId(labelId)}`;
}

export function IssuesPanel({
  store,
  ontology,
  taskId,
  projectId,
  pins,
}: {
  store: EditorStore;
  ontology: OntologyDocument;
  taskId: string;
  projectId: string;
  /** Pins shared with the canvas: the raise form's pick, and the issue open here. */
  pins: IssuePins;
}) {
  const headingId = useId();
  const issues = useTaskIssues(taskId);
  const document = useEditorState(store, (s) => s.document);
  const { selectedId: openId, select: setOpenId } = pins;
  const [raising, setRaising] = useState(false);

  const sorted = useMemo(() => {
    const items = issues.data?.items ?? [];
    return [...items.filter((i) => i.status === 'open'), ...items.filter((i) => i.status !== 'open')];
  }, [issues.data]);
  const openCount = sorted.filter((i) => i.status === 'open').length;

  const pick = (issue: Issue) => {
    setOpenId((id) => (id === issue.id ? null : issue.id));
    if (issue.labelId && !issue.labelId.startsWith(CLASSIFICATION_PREFIX)) revealObject(store, issue.labelId);
    if (issue.pin) revealPoint(store, issue.pin);
  };

  return (
    <section className="ed-panel is-panel" aria-labelledby={headingId} data-testid="issues-panel">
      <div className="ed-panel-header">
        <h3 id={headingId}>Issues</h3>
        <span className="ed-count">{issues.data ? `${openCount} open` : ''}</span>
      </div>
      <ErrorAlert error={issues.error} />
      {issues.data && sorted.length === 0 ? <p className="ed-hint">No issues on this task.</p> : null}
      {sorted.length > 0 ? (
        <ul className="is-list" aria-label="Task issues">
          {sorted.map((issue) => (
            <li
              key={issue.id}
              className={`is-item is-item-${issue.status}${openId === issue.id ? ' is-item-open' : ''}`}
              data-issue-id={issue.id}
            >
              <button
                type="button"
                className="is-item-select"
                aria-expanded={openId === issue.id}
                onClick={() => pick(issue)}
              >
                <span className="is-item-head">
                  <span
                    className={`rv-status ${issue.status === 'open' ? 'rv-status-rejected' : 'rv-status-approved'}`}
                  >
                    {issue.status === 'open' ? 'Open' : 'Resolved'}
                  </span>
                  <span className="is-target">{describeTarget(issue.labelId, document, ontology)}</span>
                  {issue.pin ? (
                    <span className="ed-count" title="Pinned to a point of the image">
                      Pin
                    </span>
                  ) : null}
                  {issue.commentCount > 0 ? (
                    <span className="ed-count" title="Comments">
                      {issue.commentCount} {issue.commentCount === 1 ? 'comment' : 'comments'}
                    </span>
                  ) : null}
                </span>
                <span className="is-body">{issue.body}</span>
              </button>
              {openId === issue.id ? (
                <IssueThread issueId={issue.id} projectId={projectId} listed={issue} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {raising ? (
        <RaiseIssueForm
          store={store}
          ontology={ontology}
          taskId={taskId}
          projectId={projectId}
          pins={pins}
          onDone={(issue) => {
            setRaising(false);
            if (issue) setOpenId(issue.id);
          }}
        />
      ) : (
        <div className="rv-actions">
          <button type="button" className="btn btn-small" onClick={() => setRaising(true)}>
            Raise issue
          </button>
        </div>
      )}
    </section>
  );
}

function IssueThread({ issueId, projectId, listed }: { issueId: string; projectId: string; listed: Issue }) {
  const me = useCurrentUser();
  const project = useProject(projectId);
  const detail = useIssue(issueId);
  const update = useUpdateIssue(issueId);
  const comment = useCommentOnIssue(issueId);
  const queryClient = useQueryClient();
  const members = useMembers(projectId);
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<Member[]>([]);
  const commentId = useId();
  const issue = detail.data ?? listed;
  const manager = MANAGER_ROLES.has(project.data?.myRole ?? '');
  const mayChange = manager || issue.author?.id === me.id || issue.assignee?.id === me.id;
  const stale = isApiError(update.error, 'revision_conflict');

  const reload = () => {
    update.reset();
    void queryClient.invalidateQueries({ queryKey: issueKey(issueId) });
    void queryClient.invalidateQueries({ queryKey: issuesKey });
  };

  return (
    <div className="is-thread">
      <p className="is-full-body">{issue.body}</p>
      {issue.tags.length > 0 ? (
        <p className="rv-reason">
          {issue.tags.map((t) => (
            <span key={t} className="rv-tag">
              {t}
            </span>
          ))}
        </p>
      ) : null}
      <dl className="ed-meta is-meta">
        <div>
          <dt>Raised</dt>
          <dd>
            {issue.author?.name ?? 'Someone'}, {formatDateTime(issue.createdAt)}
          </dd>
        </div>
        <div>
          <dt>Assignee</dt>
          <dd>{issue.assignee?.name ?? 'Nobody'}</dd>
        </div>
        {issue.pin ? (
          <div>
            <dt>Pin</dt>
            <dd>{pointText(issue.pin)}</dd>
          </div>
        ) : null}
        {issue.mentions.length > 0 ? (
          <div>
            <dt>Mentions</dt>
            <dd>{issue.mentions.map((m) => m.name).join(', ')}</dd>
          </div>
        ) : null}
        {issue.status === 'resolved' && issue.resolvedAt ? (
          <div>
            <dt>Resolved</dt>
            <dd>
              {issue.resolvedBy?.name ?? 'Someone'}, {formatDateTime(issue.resolvedAt)}
            </dd>
          </div>
        ) : null}
      </dl>
      <ErrorAlert error={detail.error} />
      {detail.data && detail.data.comments.length > 0 ? (
        <ol className="is-comments" aria-label="Comments">
          {detail.data.comments.map((c) => (
            <li key={c.id}>
              <span className="is-comment-meta">
                {c.author?.name ?? 'Someone'} · {formatDateTime(c.createdAt)}
              </span>
              <span className="is-comment-body">{c.body}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {stale ? (
        <div className="rv-conflict" role="alert">
          <span>Someone changed this issue since you opened it.</span>
          <button type="button" className="btn btn-small" onClick={reload}>
            Reload
          </button>
        </div>
      ) : (
        <ErrorAlert error={update.error ?? comment.error} />
      )}
      <form
        className="is-comment-form"
        onSubmit={(e) => {
          e.preventDefault();
          const body = text.trim();
          if (!body) return;
          comment.mutate(
            { body, ...(mentions.length > 0 ? { mentions: mentions.map((m) => m.id) } : {}) },
            {
              onSuccess: () => {
                setText('');
                setMentions([]);
              },
            },
          );
        }}
      >
        <label htmlFor={commentId}>Comment</label>
        <textarea
          id={commentId}
          rows={2}
          maxLength={5000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <MentionPicker
          members={members}
          picked={mentions}
          onPick={(m) => {
            setMentions((all) => (all.some((x) => x.id === m.id) ? all : [...all, m]));
            setText((t) => `${t}${t && !t.endsWith(' ') ? ' ' : ''}@${m.name} `);
          }}
          onRemove={(id) => setMentions((all) => all.filter((m) => m.id !== id))}
        />
        <div className="rv-actions">
          <button type="submit" className="btn btn-small" disabled={comment.isPending || !text.trim()}>
            Comment
          </button>
          {mayChange ? (
            <button
              type="button"
              className="btn btn-small"
              disabled={update.isPending || stale}
              onClick={() =>
                update.mutate({
                  revision: issue.revision,
                  status: issue.status === 'open' ? 'resolved' : 'open',
                })
              }
            >
              {issue.status === 'open' ? 'Resolve' : 'Reopen'}
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}

function MentionPicker({
  members,
  picked,
  onPick,
  onRemove,
}: {
  members: readonly Member[];
  picked: readonly Member[];
  onPick: (m: Member) => void;
  onRemove: (id: string) => void;
}) {
  const id = useId();
  const choices = members.filter((m) => !picked.some((p) => p.id === m.id));
  return (
    <div className="is-mentions">
      <label htmlFor={id} className="visually-hidden">
        Mention a member
      </label>
      <select
        id={id}
        value=""
        disabled={choices.length === 0}
        onChange={(e) => {
          const m = members.find((x) => x.id === e.target.value);
          if (m) onPick(m);
        }}
      >
        <option value="">@ Mention a member…</option>
        {choices.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      {picked.map((m) => (
        <span key={m.id} className="rv-tag">
          @{m.name}
          <button
            type="button"
            className="is-chip-remove"
            aria-label={`Do not mention ${m.name}`}
            onClick={() => onRemove(m.id)}
          >
            ×
          </button>
        </span>
      ))}
    </div>
  );
}

function RaiseIssueForm({
  store,
  ontology,
  taskId,
  projectId,
  pins,
  onDone,
}: {
  store: EditorStore;
  ontology: OntologyDocument;
  taskId: string;
  projectId: string;
  pins: IssuePins;
  onDone: (issue: Issue | null) => void;
}) {
  const raise = useRaiseIssue(taskId);
  const tags = useIssueTags(projectId);
  const members = useMembers(projectId);
  const document = useEditorState(store, (s) => s.document);
  const selected = useEditorState(store, (s) => (s.selection.length === 1 ? (s.selection[0] ?? null) : null));
  const [onLabel, setOnLabel] = useState(selected !== null);
  const [body, setBody] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [assigneeId, setAssigneeId] = useState('');
  const [mentions, setMentions] = useState<Member[]>([]);
  const bodyId = useId();
  const assigneeFieldId = useId();
  const radioName = useId();
  const labelId = onLabel ? selected : null;
  const { picking, draft: pin, startPicking, cancelPicking, clear } = pins;
  // The pin goes with the form.
  useEffect(() => clear, [clear]);
  // While picking, Escape stops picking (before the form's Escape, which would close it).
  useEffect(() => {
    if (!picking) return;
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      cancelPicking();
    };
    window.addEventListener('keydown', onEscape, { capture: true });
    return () => window.removeEventListener('keydown', onEscape, { capture: true });
  }, [picking, cancelPicking]);

  return (
    <form
      className="is-raise"
      aria-label="Raise an issue"
      onSubmit={(e) => {
        e.preventDefault();
        const text = body.trim();
        if (!text) return;
        raise.mutate(
          {
            body: text,
            ...(picked.length > 0 ? { tags: picked } : {}),
            ...(labelId ? { labelId } : {}),
            ...(pin ? { pin } : {}),
            ...(assigneeId ? { assigneeId } : {}),
            ...(mentions.length > 0 ? { mentions: mentions.map((m) => m.id) } : {}),
          },
          { onSuccess: (issue) => onDone(issue) },
        );
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone(null);
        }
      }}
    >
      <fieldset className="radio-stack">
        <legend>On</legend>
        <label className="check">
          <input
            type="radio"
            name={radioName}
            checked={labelId !== null}
            disabled={selected === null}
            onChange={() => setOnLabel(true)}
          />
          {selected !== null
            ? `The selected object (${describeTarget(selected, document, ontology)})`
            : 'The selected object (select one first)'}
        </label>
        <label className="check">
          <input
            type="radio"
            name={radioName}
            checked={labelId === null}
            onChange={() => setOnLabel(false)}
          />
          The whole task
        </label>
      </fieldset>
      <div className="is-pin">
        {pin ? (
          <>
            <span>Pinned at {pointText(pin)}</span>
            <button type="button" className="btn btn-small btn-ghost" onClick={clear}>
              Remove pin
            </button>
          </>
        ) : picking ? (
          <>
            <span role="status">Click the image to place the pin (Esc cancels).</span>
            <button type="button" className="btn btn-small btn-ghost" onClick={cancelPicking}>
              Cancel pin
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-small" onClick={startPicking}>
            Pin a point
          </button>
        )}
      </div>
      <label htmlFor={bodyId}>What is wrong</label>
      <textarea
        id={bodyId}
        rows={3}
        maxLength={5000}
        required
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <TagPicker tags={tags.data ?? []} picked={picked} onChange={setPicked} />
      <label htmlFor={assigneeFieldId}>Assignee</label>
      <select id={assigneeFieldId} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
        <option value="">Nobody</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <MentionPicker
        members={members}
        picked={mentions}
        onPick={(m) => {
          setMentions((all) => (all.some((x) => x.id === m.id) ? all : [...all, m]));
          setBody((t) => `${t}${t && !t.endsWith(' ') ? ' ' : ''}@${m.name} `);
        }}
        onRemove={(id) => setMentions((all) => all.filter((m) => m.id !== id))}
      />
      <ErrorAlert error={raise.error} />
      <div className="rv-actions">
        <button
          type="submit"
          className="btn btn-small btn-primary"
          disabled={raise.isPending || !body.trim()}
        >
          Raise issue
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** An image point as the panel shows it: whole pixels, x then y. */
const pointText = (p: { x: number; y: number }) => `x ${Math.round(p.x)}, y ${Math.round(p.y)}`;
