import { useQueryClient } from '@tanstack/react-query';
import { type RefObject, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { OntologyDocument } from '../../../core/ontology/index.ts';
import type { EditorStore } from '../../../editor/index.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { useCurrentUser } from '../../features/auth/session.tsx';
import { useIssueTags } from '../../features/issues/queries.ts';
import { shortId } from '../ObjectList.tsx';
import { useEditorState } from '../use-editor.ts';
import type { DecisionQueue } from './decision-queue.ts';
import {
  type LabelReview,
  postDecisions,
  type ReviewDecision,
  reviewsKey,
  STATUS_TEXT,
  type TaskReviews,
  useReviews,
} from './queries.ts';
import { revealObject } from './reveal.ts';
import { isPending, type ReviewRow, reviewRows, withDecisions } from './rows.ts';
import { TagPicker } from './TagPicker.tsx';

/** The review panel's keys, offered each keydown before the engine's shortcuts; true = taken. */
export type ReviewKeyHandler = (e: KeyboardEvent) => boolean;

/**
 * Review mode's panel: every label with its review status, walked with N / Shift+N, approved with
 * A and rejected with R (a reason and the project's issue tags). Each decision is posted at once
 * against the label revision the statuses were read at.
 */
export function ReviewPanel({
  store,
  ontology,
  taskId,
  projectId,
  keys,
  queue,
}: {
  store: EditorStore;
  ontology: OntologyDocument;
  taskId: string;
  projectId: string;
  keys: RefObject<ReviewKeyHandler | null>;
  queue: DecisionQueue;
}) {
  const headingId = useId();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const reviews = useReviews(taskId);
  const document = useEditorState(store, (s) => s.document);
  const selection = useEditorState(store, (s) => s.selection);
  const { rows, removed } = useMemo(
    () => reviewRows(document, ontology, reviews.data?.items ?? []),
    [document, ontology, reviews.data],
  );
  const [current, setCurrent] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // A label picked on the canvas or in the object list becomes the one under review.
  const picked = selection.length === 1 ? selection[0] : undefined;
  useEffect(() => {
    if (picked !== undefined) setCurrent(picked);
  }, [picked]);

  // The current row is kept in view within the list only (not the sidebar or the page).
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || current === null) return;
    const row = list.querySelector<HTMLElement>(`[data-label-id="${CSS.escape(current)}"]`);
    if (!row) return;
    const top = row.offsetTop - list.offsetTop;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + row.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = top + row.offsetHeight - list.clientHeight;
    }
  }, [current]);

  const go = (row: ReviewRow) => {
    setCurrent(row.labelId);
    if (row.kind === 'object') revealObject(store, row.labelId, { onlyIfOutside: true });
    else store.clearSelection();
  };

  const step = (by: 1 | -1) => {
    if (rows.length === 0) return;
    const at = rows.findIndex((r) => r.labelId === current);
    const next = at < 0 ? (by === 1 ? 0 : rows.length - 1) : (at + by + rows.length) % rows.length;
    const row = rows[next];
    if (row) go(row);
  };

  const decide = (decisions: ReviewDecision[]) => {
    const key = reviewsKey(taskId);
    const data = queryClient.getQueryData<TaskReviews>(key);
    if (!data || decisions.length === 0) return;
    setFailure(null);
    void queryClient.cancelQueries({ queryKey: key });
    queryClient.setQueryData(key, withDecisions(data, rows, decisions, { id: me.id, name: me.name }));
    queue.run(async () => {
      try {
        queryClient.setQueryData(key, await postDecisions(taskId, data.labelRevision, decisions));
      } catch (err) {
        setFailure(err);
        await queryClient.invalidateQueries({ queryKey: key });
      }
    });
  };

  const currentRow = rows.find((r) => r.labelId === current);
  const pending = rows.filter(isPending);
  const ready = reviews.data !== undefined;

  keys.current = (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    const key = e.key.toLowerCase();
    if (rejecting !== null) {
      if (key !== 'escape') return false;
      setRejecting(null);
      return true;
    }
    // While a shape is being drawn (reviewers who may edit), its keys are the tool's.
    if (store.getState().draft) return false;
    if (key === 'n') {
      step(e.shiftKey ? -1 : 1);
      return true;
    }
    if (e.shiftKey || (key !== 'a' && key !== 'r')) return false;
    if (currentRow && ready) {
      if (key === 'a') decide([{ labelId: currentRow.labelId, decision: 'approve' }]);
      else setRejecting(currentRow.labelId);
    }
    return true;
  };
  useEffect(
    () => () => {
      keys.current = null;
    },
    [keys],
  );

  const decided = rows.length - pending.length;
  const conflict = isApiError(failure, 'revision_conflict');
  return (
    <section className="ed-panel rv-panel" aria-labelledby={headingId} data-testid="review-panel">
      <div className="ed-panel-header">
        <h3 id={headingId}>Review</h3>
        <span className="ed-count">
          {decided} of {rows.length} decided
        </span>
      </div>
      {reviews.isError ? <ErrorAlert error={reviews.error} /> : null}
      {conflict ? (
        <div className="rv-conflict" role="alert">
          <span>The labels changed since this review was loaded; that decision was not saved.</span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setFailure(null);
              void queryClient.invalidateQueries({ queryKey: reviewsKey(taskId) });
            }}
          >
            Reload
          </button>
        </div>
      ) : (
        <ErrorAlert error={failure} />
      )}
      {rows.length === 0 && removed.length === 0 ? (
        <p className="ed-hint">No labels to review.</p>
      ) : (
        <ul ref={listRef} className="rv-list" aria-label="Labels to review">
          {rows.map((row) => (
            <ReviewItem
              key={row.labelId}
              row={row}
              current={row.labelId === current}
              onPick={() => go(row)}
            />
          ))}
          {removed.map((r) => (
            <RemovedItem key={r.labelId} review={r} ontology={ontology} />
          ))}
        </ul>
      )}
      {rejecting !== null ? (
        <RejectForm
          key={rejecting}
          projectId={projectId}
          label={rows.find((r) => r.labelId === rejecting)}
          onCancel={() => setRejecting(null)}
          onConfirm={(reason, tags) => {
            const labelId = rejecting;
            setRejecting(null);
            decide([
              {
                labelId,
                decision: 'reject',
                ...(reason ? { reason } : {}),
                ...(tags.length > 0 ? { tags } : {}),
              },
            ]);
          }}
        />
      ) : (
        <div className="rv-actions">
          <button
            type="button"
            className="btn btn-small"
            disabled={!currentRow || !ready}
            aria-keyshortcuts="A"
            onClick={() => currentRow && decide([{ labelId: currentRow.labelId, decision: 'approve' }])}
          >
            Approve label <kbd className="ed-key">A</kbd>
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={!currentRow || !ready}
            aria-keyshortcuts="R"
            onClick={() => currentRow && setRejecting(currentRow.labelId)}
          >
            Reject label <kbd className="ed-key">R</kbd>
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={pending.length === 0 || !ready}
            onClick={() => decide(pending.map((r) => ({ labelId: r.labelId, decision: 'approve' as const })))}
          >
            Approve all{pending.length > 0 ? ` (${pending.length})` : ''}
          </button>
        </div>
      )}
      <p className="ed-hint rv-keys">
        <kbd className="ed-key">N</kbd> / <kbd className="ed-key">Shift+N</kbd> next / previous label. Approve
        or reject the task below when you are done; labels left undecided go with it.
      </p>
    </section>
  );
}

function StatusBadge({ status }: { status: LabelReview['status'] }) {
  return <span className={`rv-status rv-status-${status}`}>{STATUS_TEXT[status]}</span>;
}

function ReviewItem({ row, current, onPick }: { row: ReviewRow; current: boolean; onPick: () => void }) {
  const review = row.review;
  const why = review && (review.status === 'rejected' || review.status === 'resolved') ? review : null;
  return (
    <li
      className={`rv-row${current ? ' rv-row-current' : ''}`}
      data-label-id={row.labelId}
      aria-current={current ? 'true' : undefined}
    >
      <div className="rv-row-line">
        <button type="button" className="rv-row-select" onClick={onPick} title={row.labelId}>
          {row.kind === 'object' ? (
            <span
              className="ed-swatch"
              style={{ background: row.color ?? 'transparent' }}
              aria-hidden="true"
            />
          ) : (
            <span className="rv-question-mark" aria-hidden="true">
              ?
            </span>
          )}
          <span className="rv-row-name">{row.name}</span>
          {row.kind === 'object' ? <span className="ed-row-id">{shortId(row.labelId)}</span> : null}
        </button>
        <StatusBadge status={row.status} />
        {row.changed ? (
          <span className="rv-changed" title="Changed since the last review decision">
            Changed
          </span>
        ) : null}
      </div>
      {why && (why.reason || why.tags.length > 0) ? (
        <p className="rv-reason">
          {why.reason ? `“${why.reason}”` : null}
          {why.tags.map((t) => (
            <span key={t} className="rv-tag">
              {t}
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}

function RemovedItem({ review, ontology }: { review: LabelReview; ontology: OntologyDocument }) {
  const name =
    review.kind === 'object'
      ? ontology.objects.find((f) => f.featureId === review.featureId)?.name
      : ontology.classifications.find((q) => q.featureId === review.featureId)?.name;
  const fixed = review.status === 'rejected' || review.status === 'resolved';
  return (
    <li className="rv-row rv-row-removed" data-label-id={review.labelId}>
      <div className="rv-row-line">
        <span className="rv-row-select rv-row-gone">
          <span className="rv-row-name">{name || 'Unknown'}</span>
          {review.kind === 'object' ? <span className="ed-row-id">{shortId(review.labelId)}</span> : null}
        </span>
        <span className={`rv-status ${fixed ? 'rv-status-resolved' : 'rv-status-new'}`}>
          {fixed ? 'Fixed by deletion' : 'Removed'}
        </span>
      </div>
      {fixed && review.reason ? <p className="rv-reason">“{review.reason}”</p> : null}
    </li>
  );
}

function RejectForm({
  projectId,
  label,
  onCancel,
  onConfirm,
}: {
  projectId: string;
  label: ReviewRow | undefined;
  onCancel: () => void;
  onConfirm: (reason: string, tags: string[]) => void;
}) {
  const reasonId = useId();
  const tags = useIssueTags(projectId);
  const [reason, setReason] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const confirm = () => {
    const text = reason.trim();
    if (!text && picked.length === 0) {
      setProblem('Give a reason or pick a tag.');
      return;
    }
    onConfirm(text, picked);
  };
  return (
    <form
      className="rv-reject"
      aria-label="Reject label"
      onSubmit={(e) => {
        e.preventDefault();
        confirm();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        } else if (
          e.key === 'Enter' &&
          e.target instanceof HTMLInputElement &&
          e.target.type === 'checkbox'
        ) {
          e.preventDefault();
          confirm();
        }
      }}
    >
      <label htmlFor={reasonId}>
        Reason for rejecting{' '}
        {label ? `${label.name}${label.kind === 'object' ? ` ${shortId(label.labelId)}` : ''}` : 'the label'}
      </label>
      <input
        id={reasonId}
        type="text"
        // biome-ignore lint/a11y/noAutofocus: R opens this input to be typed into at once.
        autoFocus
        maxLength={2000}
        autoComplete="off"
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          setProblem(null);
        }}
      />
      <TagPicker
        tags={tags.data ?? []}
        picked={picked}
        onChange={(next) => {
          setPicked(next);
          setProblem(null);
        }}
      />
      {problem ? (
        <p className="rv-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="rv-actions">
        <button type="submit" className="btn btn-small btn-danger">
          Reject label <span className="key-hint">Enter</span>
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={onCancel}>
          Cancel <span className="key-hint">Esc</span>
        </button>
      </div>
    </form>
  );
}
