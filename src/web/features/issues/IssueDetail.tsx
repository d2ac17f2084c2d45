import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { PROJECT_STATUS_LABELS } from '../../../core/roles.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { SelectField, TextAreaField } from '../../components/Field.tsx';
import { Empty, Loading } from '../../components/States.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { useProject } from '../projects/queries.ts';
import { useProjectWorkflow } from '../workflows/queries.ts';
import { Age, IssueStatusBadge, IssueTagChips, issueTarget, personName } from './bits.tsx';
import { mentionedIn, useIssuePeople, withSeen } from './people.ts';
import { mayChangeIssues, mayUpdateIssue } from './permissions.ts';
import {
  type Issue,
  type IssueDetail as IssueDetailData,
  type IssuePatch,
  type IssuePerson,
  useCommentOnIssue,
  useIssue,
  useUpdateIssue,
} from './queries.ts';

export const COMMENT_MAX = 5000;

/** An issue in a dialog: what it is about, its thread, and (for those who may) its controls. */
export function IssueDialog({ issueId, onClose }: { issueId: string; onClose: () => void }) {
  const issue = useIssue(issueId);
  return (
    <Dialog title={issue.data ? `Issue on ${issue.data.taskTitle}` : 'Issue'} onClose={onClose}>
      {issue.isPending ? (
        <Loading />
      ) : issue.isError ? (
        <ErrorAlert error={issue.error} />
      ) : (
        <IssueDetail issue={issue.data} />
      )}
    </Dialog>
  );
}

function IssueDetail({ issue }: { issue: IssueDetailData }) {
  const me = useCurrentUser();
  const project = useProject(issue.projectId);
  const workflow = useProjectWorkflow(issue.projectId);
  const { people } = useIssuePeople(issue.projectId);
  const readOnly = project.data ? !mayChangeIssues(me, project.data) : true;
  const mayUpdate = project.data ? mayUpdateIssue(me, project.data, issue) && !readOnly : false;
  const mayComment = Boolean(project.data) && !readOnly;
  const stageName = workflow.data?.workflow.stages.find((s) => s.id === issue.stageId)?.name;

  return (
    <div className="issue-detail" data-testid="issue-detail">
      <p className="issue-body prose">{issue.body}</p>
      <dl className="summary-list issue-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <IssueStatusBadge status={issue.status} />
            {issue.status === 'resolved' && issue.resolvedAt ? (
              <span className="cell-sub">
                {' '}
                by {personName(issue.resolvedBy, 'someone')}, {formatDateTime(issue.resolvedAt)}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Task</dt>
          <dd>
            <Link to={`/tasks/${issue.taskId}`}>{issue.taskTitle}</Link>
          </dd>
        </div>
        <div>
          <dt>On</dt>
          <dd>{issueTarget(issue)}</dd>
        </div>
        {issue.stageId ? (
          <div>
            <dt>Stage</dt>
            <dd>{stageName ?? issue.stageId}</dd>
          </div>
        ) : null}
        <div>
          <dt>Raised by</dt>
          <dd>
            {personName(issue.author, 'Someone')}, <Age iso={issue.createdAt} />
          </dd>
        </div>
        <div>
          <dt>Assignee</dt>
          <dd>{personName(issue.assignee, 'Unassigned')}</dd>
        </div>
        {issue.tags.length > 0 ? (
          <div>
            <dt>Tags</dt>
            <dd>
              <IssueTagChips tags={issue.tags} />
            </dd>
          </div>
        ) : null}
        {issue.mentions.length > 0 ? (
          <div>
            <dt>Mentions</dt>
            <dd>{issue.mentions.map((m) => m.name).join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      {mayUpdate ? <IssueControls issue={issue} people={withSeen(people, [issue.assignee])} /> : null}
      <section className="issue-thread" aria-labelledby={`thread-${issue.id}`}>
        <h3 id={`thread-${issue.id}`}>
          Comments <span className="cell-muted">({issue.comments.length})</span>
        </h3>
        {issue.comments.length === 0 ? (
          <Empty>No comments yet.</Empty>
        ) : (
          <ol className="issue-comments">
            {issue.comments.map((c) => (
              <li key={c.id} className="issue-comment">
                <p className="issue-comment-meta">
                  <strong>{personName(c.author, 'Someone')}</strong> <Age iso={c.createdAt} />
                </p>
                <p className="issue-comment-body">{c.body}</p>
              </li>
            ))}
          </ol>
        )}
        {mayComment ? (
          <CommentForm issueId={issue.id} people={people} />
        ) : project.data ? (
          <p className="field-hint">
            While the project is {PROJECT_STATUS_LABELS[project.data.status]}, its issues are read-only for
            you.
          </p>
        ) : null}
      </section>
    </div>
  );
}

/**
 * Resolve or reopen, and reassign; both sent with the revision shown. A 409 (someone changed it
 * meanwhile) says so; the issue reloads either way, and the assignee field starts again from it.
 */
function IssueControls({ issue, people }: { issue: IssueDetailData; people: readonly IssuePerson[] }) {
  const update = useUpdateIssue(issue.id);
  const [done, setDone] = useState<string | null>(null);
  const conflict = isApiError(update.error, 'revision_conflict');
  const send = (patch: Omit<IssuePatch, 'revision'>, message: (next: Issue) => string) => {
    setDone(null);
    update.mutate({ ...patch, revision: issue.revision }, { onSuccess: (next) => setDone(message(next)) });
  };
  const resolving = issue.status === 'open';
  return (
    <div className="issue-controls">
      {conflict ? (
        <Notice kind="error">
          Someone changed this issue while you were looking at it. It has been reloaded: check it and try
          again.
        </Notice>
      ) : (
        <ErrorAlert error={update.error} />
      )}
      {done ? <Notice kind="success">{done}</Notice> : null}
      <div className="form-actions form-actions-start">
        <button
          type="button"
          className="btn"
          disabled={update.isPending}
          onClick={() =>
            send({ status: resolving ? 'resolved' : 'open' }, () =>
              resolving ? 'The issue is resolved.' : 'The issue is open again.',
            )
          }
        >
          {resolving ? 'Resolve issue' : 'Reopen issue'}
        </button>
      </div>
      <ReassignForm
        key={`${issue.revision}:${issue.assignee?.id ?? ''}`}
        current={issue.assignee?.id ?? ''}
        people={people}
        busy={update.isPending}
        onSave={(assigneeId) =>
          send({ assigneeId }, (next) =>
            next.assignee ? `Assigned to ${next.assignee.name}.` : 'The issue is unassigned.',
          )
        }
      />
    </div>
  );
}

function ReassignForm({
  current,
  people,
  busy,
  onSave,
}: {
  current: string;
  people: readonly IssuePerson[];
  busy: boolean;
  onSave: (assigneeId: string | null) => void;
}) {
  const [assigneeId, setAssigneeId] = useState(current);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(assigneeId || null);
  };
  return (
    <form className="form form-inline" onSubmit={submit} noValidate>
      <SelectField label="Assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
        <option value="">Unassigned</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <div className="form-actions">
        <SubmitButton busy={busy} disabled={assigneeId === current} className="btn">
          Reassign
        </SubmitButton>
      </div>
    </form>
  );
}

/**
 * A new comment. "@Name" of a project member in the text mentions them (the picker inserts it);
 * those mentioned are listed under the text before sending.
 */
function CommentForm({ issueId, people }: { issueId: string; people: readonly IssuePerson[] }) {
  const comment = useCommentOnIssue(issueId);
  const [text, setText] = useState('');
  const [pick, setPick] = useState('');
  const mentioned = mentionedIn(text, people);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    comment.mutate(
      { body: text.trim(), mentions: mentioned.map((p) => p.id) },
      { onSuccess: () => setText('') },
    );
  };
  const mention = () => {
    const person = people.find((p) => p.id === pick);
    if (!person) return;
    setText((t) => `${t}${t === '' || t.endsWith(' ') || t.endsWith('\n') ? '' : ' '}@${person.name} `);
    setPick('');
  };
  return (
    <form className="form issue-comment-form" onSubmit={submit} noValidate>
      <ErrorAlert error={comment.error} />
      <TextAreaField
        label="Comment"
        rows={3}
        maxLength={COMMENT_MAX}
        value={text}
        hint="Type @ and a project member’s name, or pick them below, to notify them."
        onChange={(e) => {
          setText(e.target.value);
          if (comment.isError) comment.reset();
        }}
      />
      <div className="form form-inline">
        <SelectField label="Mention someone" value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">Choose a project member</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="button" className="btn" disabled={!pick} onClick={mention}>
            Mention
          </button>
        </div>
      </div>
      <p className="field-hint" aria-live="polite">
        {mentioned.length > 0 ? `Mentions: ${mentioned.map((p) => p.name).join(', ')}` : ''}
      </p>
      <div className="form-actions form-actions-start">
        <SubmitButton busy={comment.isPending} disabled={!text.trim()}>
          Add comment
        </SubmitButton>
      </div>
    </form>
  );
}
