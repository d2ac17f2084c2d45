import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { Card } from '../../components/Page.tsx';
import { TagPicker } from '../../editor/review/TagPicker.tsx';
import { feedbackUrl } from '../benchmark/links.ts';
import { useIssueTags } from '../issues/queries.ts';
import { PersonSelect } from '../queue/people.tsx';
import { claimNext, queueKey } from '../queue/queries.ts';
import { NOTHING_TO_DO } from '../queue/StartWork.tsx';
import { reportActiveTime } from './active-time.ts';
import {
  claimTask,
  type Handover,
  runAction,
  type TaskDetail,
  taskEventsKey,
  taskKey,
  type WorkerAction,
} from './queries.ts';

type Finishing = 'submit' | 'approve' | 'reject' | 'skip';
type HandoverMode = 'workflow' | 'keep' | 'person';

const DONE_TEXT: Record<Finishing | 'release', string> = {
  submit: 'Submitted',
  approve: 'Approved',
  reject: 'Rejected',
  skip: 'Skipped',
  release: 'Released',
};

/** Keys for the actions, as on the buttons' hints (R only moves to the rejection note). */
const KEYS: Partial<Record<WorkerAction, string>> = { submit: 'S', approve: 'A', skip: 'K' };

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * A page's own way to approve, in place of the plain Approve (consensus review: Resolve saves the
 * settled labels and approves the task in one call). It goes on like approving: the next task.
 */
export interface ApproveAs {
  label: string;
  /** What the notice says was done (“Resolved”). */
  done: string;
  /** Gets the handover the user chose (next holder, or keep it), as approve would. */
  run: (handover: Handover) => Promise<void>;
}

/**
 * The buttons the server says the user may press now (`actions`), with the rejection note, the
 * skip reason and the optional next holder. Submitting, approving, rejecting or skipping opens
 * the stage's next task, or returns to the queue when there is none.
 */
export function TaskActions({
  task,
  keys: keyMode = 'letters',
  prepare,
  approveAs,
  rejectLabel = 'Reject',
}: {
  task: TaskDetail;
  /** `editor`: single letters belong to the label editor, so the actions take Ctrl/⌘ chords. */
  keys?: 'letters' | 'editor';
  /** Runs before an action (the editor saves its work, and checks it before a submit); a throw stops it. */
  prepare?: (action: Finishing | 'release') => Promise<void>;
  /** Replaces the approve call; in the editor Ctrl/⌘+Enter runs it. */
  approveAs?: ApproveAs | undefined;
  /** The reject button's name (consensus review: “Send back” to the annotators). */
  rejectLabel?: string;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const may = new Set<string>(task.actions);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const issueTags = useIssueTags(may.has('reject') ? task.projectId : '');
  const [reason, setReason] = useState('');
  const [mode, setMode] = useState<HandoverMode>('workflow');
  const [nextHolderId, setNextHolderId] = useState('');
  const noteId = useId();
  const radioName = useId();

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: taskKey(task.id) }),
      queryClient.invalidateQueries({ queryKey: taskEventsKey(task.id) }),
      queryClient.invalidateQueries({ queryKey: queueKey(task.projectId) }),
    ]);

  const claim = useMutation({
    mutationFn: () => claimTask(task.id),
    onSuccess: (detail) => queryClient.setQueryData(taskKey(task.id), detail),
    onSettled: refresh,
  });

  // A screening task in training mode shows the labels against the gold before the next task.
  const showsFeedback = (action: Finishing | 'release') =>
    action === 'submit' && task.screening?.feedback === true;

  const handover = (): Handover =>
    mode === 'keep' ? { keepHolder: true } : mode === 'person' && nextHolderId ? { nextHolderId } : {};

  const act = useMutation({
    mutationFn: async (action: Finishing | 'release') => {
      await prepare?.(action);
      // The time spent lands in the task's stage before the action moves it on.
      await reportActiveTime(task.id);
      if (action === 'approve' && approveAs) await approveAs.run(handover());
      else
        await runAction(task.id, action, {
          ...(action === 'skip' || action === 'release' ? {} : handover()),
          note: action === 'reject' ? note.trim() || undefined : undefined,
          tags: action === 'reject' ? tags : undefined,
          reason: action === 'skip' ? reason.trim() || undefined : undefined,
        });
      if (action === 'release' || showsFeedback(action)) return { next: null, why: null };
      // The work is done whatever happens next: a failure to find more work only means none,
      // unless screening stands in the way (an attempt just failed): then that is what to say.
      const { next, why } = await claimNext(task.projectId, task.stageId).then(
        (claimed) => ({ next: claimed, why: null }),
        (err: unknown) => ({
          next: null,
          why: isApiError(err) && err.code.startsWith('screening_') ? err.message : null,
        }),
      );
      // A task skipped comes back only when nothing else is left: that is nothing to do.
      if (next?.id === task.id) {
        await runAction(task.id, 'release', {}).catch(() => undefined);
        return { next: null, why };
      }
      return { next, why };
    },
    onSuccess: ({ next, why }, action) => {
      const done = `${action === 'approve' && approveAs ? approveAs.done : DONE_TEXT[action]} “${task.title}”.`;
      void refresh();
      if (showsFeedback(action)) {
        // The task is gone once scored: the page gets where it was from the URL and this state.
        navigate(feedbackUrl(task), { state: { notice: done, unit: task.dataUnit } });
      } else if (action === 'release') {
        navigate(`/projects/${task.projectId}?tab=queue&stage=${encodeURIComponent(task.stageId)}`, {
          state: { notice: done },
        });
      } else if (next) {
        navigate(`/tasks/${next.id}`, { state: { notice: `${done} Here is the next one.` } });
      } else {
        navigate(`/projects/${task.projectId}?tab=queue&stage=${encodeURIComponent(task.stageId)}`, {
          state: { notice: `${done} ${why ?? NOTHING_TO_DO}` },
        });
      }
    },
    onError: () => void refresh(),
  });

  const busy = claim.isPending || act.isPending;
  const finishing = may.has('submit') || may.has('approve') || may.has('reject');

  // Single-key shortcuts, unless the user is typing (or holds a modifier for the browser's own).
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e) => {
    if (busy) return;
    if (keyMode === 'editor') {
      const chord = editorChord(e);
      // Ctrl+Enter finishes the task: submitting it, or where the page approves its own way, that.
      const action = chord === 'submit' && !may.has('submit') && approveAs ? 'approve' : chord;
      if (action && may.has(action)) {
        e.preventDefault();
        act.mutate(action);
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
    const key = e.key.toLowerCase();
    if (key === 'r' && may.has('reject')) {
      e.preventDefault();
      document.getElementById(noteId)?.focus();
      return;
    }
    const action = (Object.entries(KEYS) as [Finishing, string][]).find(
      ([, k]) => k.toLowerCase() === key,
    )?.[0];
    if (action && may.has(action)) {
      e.preventDefault();
      act.mutate(action);
    }
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (may.size === 0) {
    return (
      <Card title="Actions">
        <p className="card-description">
          {task.status === 'completed'
            ? 'This task is complete.'
            : 'Nothing for you to do with this task right now.'}
        </p>
      </Card>
    );
  }

  return (
    <Card title="Actions">
      <ErrorAlert error={claim.error ?? act.error} />
      <div className="task-actions">
        {may.has('claim') ? (
          <ActionButton label="Claim" primary busy={busy} onClick={() => claim.mutate()} />
        ) : null}
        {may.has('submit') ? (
          <ActionButton
            label="Submit"
            keyHint={keyMode === 'editor' ? 'Control+Enter' : 'S'}
            primary
            busy={busy}
            onClick={() => act.mutate('submit')}
          />
        ) : null}
        {may.has('approve') ? (
          <ActionButton
            label={approveAs?.label ?? 'Approve'}
            keyHint={keyMode === 'editor' ? (approveAs ? 'Control+Enter' : undefined) : 'A'}
            primary
            busy={busy}
            onClick={() => act.mutate('approve')}
          />
        ) : null}
      </div>
      {may.has('reject') ? (
        <div className="task-action-group">
          <TextAreaField
            id={noteId}
            label="Rejection note"
            rows={3}
            maxLength={2000}
            hint={`Needed unless you rejected a label or pick a tag; it becomes an open issue on the task.${
              keyMode === 'editor' ? '' : ' Press R to write one.'
            }`}
            aria-invalid={isApiError(act.error, 'reason_required') || undefined}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <TagPicker tags={issueTags.data ?? []} picked={tags} onChange={setTags} legend="Rejection tags" />
          <ActionButton label={rejectLabel} danger busy={busy} onClick={() => act.mutate('reject')} />
        </div>
      ) : null}
      {finishing ? (
        <details className="handover">
          <summary>Next holder (optional)</summary>
          <fieldset className="radio-stack">
            <legend className="visually-hidden">Who holds the task in its next stage</legend>
            {(
              [
                ['workflow', 'Whoever the workflow picks'],
                ['keep', 'Keep the current holder'],
                ['person', 'A person I choose'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="check">
                <input
                  type="radio"
                  name={radioName}
                  value={value}
                  checked={mode === value}
                  onChange={() => setMode(value)}
                />
                {label}
              </label>
            ))}
          </fieldset>
          {mode === 'person' ? (
            <PersonSelect
              projectId={task.projectId}
              label="Next holder"
              value={nextHolderId}
              onChange={setNextHolderId}
            />
          ) : null}
        </details>
      ) : null}
      {may.has('skip') ? (
        <div className="task-action-group">
          <TextField
            label="Skip reason (optional)"
            maxLength={500}
            autoComplete="off"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <ActionButton
            label="Skip"
            keyHint={keyMode === 'editor' ? 'Control+Shift+K' : 'K'}
            busy={busy}
            onClick={() => act.mutate('skip')}
          />
        </div>
      ) : null}
      {may.has('release') ? (
        <div className="task-actions">
          <ActionButton label="Release" ghost busy={busy} onClick={() => act.mutate('release')} />
          <span className="field-hint">Gives the task back to the queue for someone else.</span>
        </div>
      ) : null}
      <KeyHints may={may} mode={keyMode} approveLabel={approveAs?.label} />
    </Card>
  );
}

function ActionButton({
  label,
  keyHint,
  primary = false,
  danger = false,
  ghost = false,
  busy,
  onClick,
}: {
  label: string;
  keyHint?: string;
  primary?: boolean;
  danger?: boolean;
  ghost?: boolean;
  busy: boolean;
  onClick: () => void;
}) {
  const tone = primary ? ' btn-primary' : danger ? ' btn-danger' : ghost ? ' btn-ghost' : '';
  return (
    <button
      type="button"
      className={`btn${tone}`}
      disabled={busy}
      aria-keyshortcuts={keyHint}
      onClick={onClick}
    >
      {label}
      {keyHint ? (
        <span className="key-hint" aria-hidden="true">
          {keyHint}
        </span>
      ) : null}
    </button>
  );
}

/** Ctrl/⌘+Enter submits and Ctrl/⌘+Shift+K skips, even from a text field (the chords type nothing). */
function editorChord(e: KeyboardEvent): Finishing | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  if (e.key === 'Enter' && !e.shiftKey) return 'submit';
  if (e.shiftKey && e.key.toLowerCase() === 'k') return 'skip';
  return null;
}

function KeyHints({
  may,
  mode,
  approveLabel,
}: {
  may: ReadonlySet<string>;
  mode: 'letters' | 'editor';
  approveLabel?: string | undefined;
}) {
  if (mode === 'editor') {
    const chords = [
      may.has('submit') ? ['Ctrl+Enter', 'Submit'] : null,
      !may.has('submit') && may.has('approve') && approveLabel ? ['Ctrl+Enter', approveLabel] : null,
      may.has('skip') ? ['Ctrl+Shift+K', 'Skip'] : null,
    ].filter((h): h is [string, string] => h !== null);
    return chords.length === 0 ? null : <HintList hints={chords} />;
  }
  const hints = [
    may.has('submit') ? ['S', 'Submit'] : null,
    may.has('approve') ? ['A', 'Approve'] : null,
    may.has('reject') ? ['R', 'Write a rejection note'] : null,
    may.has('skip') ? ['K', 'Skip'] : null,
  ].filter((h): h is [string, string] => h !== null);
  if (hints.length === 0) return null;
  return <HintList hints={hints} />;
}

function HintList({ hints }: { hints: [string, string][] }) {
  return (
    <dl className="key-hints" aria-label="Keyboard shortcuts">
      {hints.map(([key, what]) => (
        <div key={key}>
          <dt>
            <kbd>{key}</kbd>
          </dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}
