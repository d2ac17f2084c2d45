import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type LabelDocument, labelIssueText, modelNameOf, validateLabels } from '../../core/labels/index.ts';
import type { OntologyDocument } from '../../core/ontology/index.ts';
import {
  Autosave,
  type AutosaveStatus,
  EditorStore,
  missingRequired,
  type QuestionPath,
} from '../../editor/index.ts';
import { ErrorAlert } from '../components/Alert.tsx';
import { Loading } from '../components/States.tsx';
import { useCurrentUser } from '../features/auth/session.tsx';
import { useTaskIssues } from '../features/issues/queries.ts';
import { useProject, useProjectMembers } from '../features/projects/queries.ts';
import { useProjectWorkflow } from '../features/queue/queries.ts';
import { TaskActions } from '../features/tasks/TaskActions.tsx';
import { AdjustControls } from './AdjustControls.tsx';
import { apiTransport, indexedDbOutbox } from './autosave-adapters.ts';
import { Canvas } from './Canvas.tsx';
import { ClassificationsPanel } from './ClassificationsPanel.tsx';
import { ClassPicker } from './ClassPicker.tsx';
import { browserClipboard } from './clipboard.ts';
import { ConsensusPanel } from './consensus/ConsensusPanel.tsx';
import { ConsensusStage } from './consensus/ConsensusStage.tsx';
import { type ConsensusRound, consensusKey, useConsensusRound } from './consensus/queries.ts';
import { useConsensus } from './consensus/use-consensus.ts';
import { HelpOverlay } from './HelpOverlay.tsx';
import type { ImageTask } from './LazyLabelEditor.tsx';
import { type ObjectBadge, ObjectList } from './ObjectList.tsx';
import { ObjectPanel } from './ObjectPanel.tsx';
import { labelsKey, useLabels, useOntologyVersion } from './queries.ts';
import { DecisionQueue } from './review/decision-queue.ts';
import { IssuesPanel } from './review/IssuesPanel.tsx';
import { useIssuePins, usePinMarks } from './review/pins.ts';
import { type ReviewStatus, reviewsKey, STATUS_TEXT, useReviews } from './review/queries.ts';
import { type ReviewKeyHandler, ReviewPanel } from './review/ReviewPanel.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';
import { useEditorState } from './use-editor.ts';
import './editor.css';
import './layout.css';
import './review/review.css';
import './consensus/consensus.css';

/**
 * The label editor for one task: loads the project's ontology and the user's labels, restores
 * any work the browser kept but never saved, and wires the engine to the canvas, the panels,
 * autosave and the task's actions.
 */
export function LabelEditor({
  task,
  facts,
  fallback,
}: {
  task: ImageTask;
  facts?: ReactNode;
  /** What the page shows instead when the project has no ontology (nothing to label with). */
  fallback: ReactNode;
}) {
  const project = useProject(task.projectId);
  const ontology = useOntologyVersion(project.data?.ontology ?? null);
  const labels = useLabels(task.id);
  // Review mode: the user holds the task in a review stage. The stage's settings say whether
  // reviewers may change the labels too.
  const reviewing = task.actions.includes('approve');
  const workflow = useProjectWorkflow(task.projectId);
  const stage = workflow.data?.workflow.stages.find((s) => s.id === task.stageId);
  // Consensus review: the reviewer settles the annotators' branches into a draft of the labels.
  const settling = reviewing && stage?.type === 'consensus_review';
  const round = useConsensusRound(task.id, settling);
  if (project.isError || ontology.isError || labels.isError) {
    return <ErrorAlert error={project.error ?? ontology.error ?? labels.error} />;
  }
  if (project.data && !project.data.ontology) return fallback;
  if (!ontology.data || !labels.data || (reviewing && workflow.isPending) || (settling && round.isPending)) {
    return <Loading />;
  }
  const reviewerEdits = reviewing && stage?.settings.allowReviewerEdits === true;
  return (
    <>
      {/* Without its round (none yet, or not readable) the task is reviewed as in a plain review stage. */}
      {settling && round.isError ? <ErrorAlert error={round.error} /> : null}
      <EditorSession
        task={task}
        ontology={ontology.data}
        head={labels.data}
        facts={facts}
        reviewing={reviewing}
        reviewerEdits={reviewerEdits}
        round={settling ? (round.data ?? null) : null}
      />
    </>
  );
}

interface Session {
  store: EditorStore;
  autosave: Autosave | null;
  /** Consensus review: the round the draft was made from (the draft is not autosaved: Resolve sends it). */
  round: ConsensusRound | null;
  /** Hand edits refused (the store's own read-only); consensus drafts may still take versions. */
  readOnly: boolean;
}

function EditorSession({
  task,
  ontology,
  head,
  facts,
  reviewing,
  reviewerEdits,
  round,
}: {
  task: ImageTask;
  ontology: OntologyDocument;
  head: { revision: number; document: LabelDocument };
  facts: ReactNode;
  reviewing: boolean;
  reviewerEdits: boolean;
  round: ConsensusRound | null;
}) {
  const user = useCurrentUser();
  // Annotators edit their branch; a reviewer edits main when the review stage allows it.
  const editable = task.actions.includes('submit') || reviewerEdits;
  const [session, setSession] = useState<Session | null>(null);
  const [status, setStatus] = useState<AutosaveStatus | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one session per task and mode; its head and ontology were loaded for it once.
  useEffect(() => {
    let live = true;
    let made: Session | null = null;
    openSession({
      task,
      ontology,
      head,
      round,
      userId: user.id,
      editable,
      onStatus: (s) => live && setStatus(s),
    })
      .then((s) => {
        made = s;
        if (live) setSession(s);
        else s.autosave?.dispose();
      })
      .catch((err: unknown) => live && setFailure(err));
    return () => {
      live = false;
      made?.autosave?.dispose();
    };
  }, [task.id, editable, user.id, round?.roundId]);

  if (failure) return <ErrorAlert error={failure} />;
  if (!session) return <Loading />;
  return (
    <EditorView
      task={task}
      ontology={ontology}
      session={session}
      status={status}
      facts={facts}
      reviewing={reviewing}
    />
  );
}

async function openSession(o: {
  task: ImageTask;
  ontology: OntologyDocument;
  head: { revision: number; document: LabelDocument };
  round: ConsensusRound | null;
  userId: string;
  editable: boolean;
  onStatus: (s: AutosaveStatus) => void;
}): Promise<Session> {
  const unit = o.task.dataUnit;
  const image =
    unit.width && unit.height ? { width: unit.width, height: unit.height } : await naturalSize(unit.fileUrl);
  const base = { ontology: o.ontology, image, view: { width: 0, height: 0 }, userId: o.userId };
  if (o.round) {
    // The draft lives in the browser until Resolve: it starts as the round's consensus labels.
    const store = new EditorStore({
      ...base,
      document: o.round.consensus,
      readOnly: !o.editable,
      clipboard: browserClipboard(),
    });
    return { store, autosave: null, round: o.round, readOnly: !o.editable };
  }
  if (!o.editable) {
    return {
      store: new EditorStore({ ...base, document: o.head.document, readOnly: true }),
      autosave: null,
      round: null,
      readOnly: true,
    };
  }
  const { autosave, restored } = await Autosave.restore({
    transport: apiTransport(o.task.id),
    storage: indexedDbOutbox({ taskId: o.task.id, userId: o.userId }),
    baseRevision: o.head.revision,
    baseDocument: o.head.document,
    onChange: o.onStatus,
  });
  o.onStatus(autosave.status());
  const store = new EditorStore({
    ...base,
    document: restored ?? o.head.document,
    clipboard: browserClipboard(),
  });
  return { store, autosave, round: null, readOnly: false };
}

async function naturalSize(url: string) {
  const img = new Image();
  img.src = url;
  await img.decode();
  return { width: img.naturalWidth, height: img.naturalHeight };
}

/** Authors by name: you, a model, a direct project member, or (members through a group) a short id. */
function useAuthorNames(projectId: string) {
  const user = useCurrentUser();
  const members = useProjectMembers(projectId);
  return useMemo(() => {
    const names = new Map(
      (members.data?.items ?? []).flatMap((m) =>
        m.principalType === 'user' && m.name ? [[m.principalId, m.name] as const] : [],
      ),
    );
    return (id: string) => {
      if (id === user.id) return `${user.name} (you)`;
      const model = modelNameOf(id);
      if (model !== null) return `Model “${model}”`;
      return names.get(id) ?? `User ${id.slice(0, 8)}…`;
    };
  }, [members.data, user]);
}

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Keys a focused button or link acts on itself: moving focus on, or pressing it. */
const CONTROL_KEYS = new Set(['Tab', ' ', 'Enter']);
const onControl = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('button, a, [role="button"], summary') !== null;

function EditorView({
  task,
  ontology,
  session,
  status,
  facts,
  reviewing,
}: {
  task: ImageTask;
  ontology: OntologyDocument;
  session: Session;
  status: AutosaveStatus | null;
  facts: ReactNode;
  reviewing: boolean;
}) {
  const { store, autosave, readOnly } = session;
  const consensus = useConsensus(store, session.round);
  const describeUser = useAuthorNames(task.projectId);
  const queryClient = useQueryClient();
  const [missing, setMissing] = useState<QuestionPath[] | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const canUndo = useEditorState(store, (s) => s.canUndo);
  const canRedo = useEditorState(store, (s) => s.canRedo);
  const reviewKeys = useRef<ReviewKeyHandler | null>(null);
  const decisions = useMemo(() => new DecisionQueue(), []);
  const { flagged, badges } = useLabelMarks(task.id);
  const pins = useIssuePins(store);
  const pinMarks = usePinMarks(task.id, pins);

  // A reviewer's own saves move the labels' head: the review statuses are read again for it.
  const savedRevision = status?.revision;
  useEffect(() => {
    if (reviewing && savedRevision !== undefined) {
      void queryClient.invalidateQueries({ queryKey: reviewsKey(task.id) });
    }
  }, [reviewing, savedRevision, queryClient, task.id]);

  // Every change of the document goes to the autosave queue.
  useEffect(() => {
    if (!autosave) return;
    let seen = store.getState().revisionOfChange;
    return store.subscribe(() => {
      const s = store.getState();
      if (s.revisionOfChange === seen) return;
      seen = s.revisionOfChange;
      autosave.change(s.document);
      setMissing(undefined);
    });
  }, [store, autosave]);

  useEffect(() => {
    if (!autosave) return;
    const online = () => autosave.online();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [autosave]);

  // A page left with unsaved work asks first (the outbox still keeps it if the user goes anyway).
  useEffect(() => {
    if (!autosave) return;
    const guard = (e: BeforeUnloadEvent) => {
      if (autosave.status().pendingCount > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [autosave]);

  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (typingIn(e.target)) return;
      if (CONTROL_KEYS.has(e.key) && onControl(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      // Task chords (Ctrl+Enter, Ctrl+Shift+K) belong to the task's actions.
      if (mod && (e.key === 'Enter' || (e.shiftKey && e.key.toLowerCase() === 'k'))) return;
      if (mod && !e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void autosave?.flush().catch(() => undefined);
        return;
      }
      // Review keys (N, A, R…) come before the engine's shortcuts in review mode.
      if (reviewKeys.current?.(e)) {
        e.preventDefault();
        return;
      }
      const handled = store.key({
        key: e.key,
        code: e.code,
        shift: e.shiftKey,
        alt: e.altKey,
        ctrl: e.ctrlKey,
        meta: e.metaKey,
      });
      if (handled) e.preventDefault();
    };
    const up = (e: KeyboardEvent) =>
      store.keyUp({
        key: e.key,
        code: e.code,
        shift: e.shiftKey,
        alt: e.altKey,
        ctrl: e.ctrlKey,
        meta: e.metaKey,
      });
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, [store, autosave]);

  /** Before the task leaves the user: every change saved, and for a submit, nothing missing. */
  const prepare = useCallback(
    async (action: string) => {
      // Label decisions still on their way land before the task's own decision.
      await decisions.idle();
      const doc = store.getState().document;
      if (action === 'submit') {
        const gaps = missingRequired(doc.classifications, ontology.classifications);
        const check = validateLabels(doc, ontology, { mode: 'submit', image: store.getState().image });
        if (!check.ok || gaps.length > 0) {
          setMissing(gaps);
          const issues = check.ok ? [] : check.issues.map(labelIssueText);
          throw new Error(
            `The labels are not finished: ${issues.slice(0, 3).join('; ') || 'answer the required questions'}.`,
          );
        }
      }
      if (autosave) await autosave.flush();
      // The next task's editor must not reuse this one's labels (nor its consensus round).
      queryClient.removeQueries({ queryKey: labelsKey(task.id) });
      queryClient.removeQueries({ queryKey: consensusKey(task.id) });
    },
    [store, autosave, ontology, queryClient, task.id, decisions],
  );

  const resolve = async (how: 'reload' | 'merge') => {
    if (!autosave) return;
    if (how === 'reload') {
      store.replaceDocument(await autosave.resolveReload());
      setNotice('Reloaded the saved labels; your unsaved changes were set aside.');
    } else {
      const merged = await autosave.resolveMerge();
      store.replaceDocument(merged.document);
      setNotice(
        merged.conflicts.length > 0
          ? `Merged. ${merged.conflicts.length} object(s) changed on both sides kept your version.`
          : 'Merged your changes with the saved labels.',
      );
    }
  };

  const canvas = (
    <Canvas
      store={store}
      ontology={ontology}
      imageUrl={task.dataUnit.fileUrl}
      flagged={flagged}
      pins={pinMarks}
      onPick={pins.onPick}
    />
  );

  return (
    <div className="ed-root">
      <div className="ed-toolbar" role="toolbar" aria-label="Editor">
        <button
          type="button"
          className="btn btn-ghost"
          disabled={!canUndo}
          onClick={() => store.undo()}
          title="Undo (Ctrl+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          disabled={!canRedo}
          onClick={() => store.redo()}
          title="Redo (Ctrl+Shift+Z)"
        >
          Redo
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => store.fit()} title="Fit the image (F)">
          Fit
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => store.zoomBy(1.25)}
          title="Zoom in (+)"
        >
          +
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => store.zoomBy(0.8)}
          title="Zoom out (-)"
        >
          −
        </button>
        <AdjustControls store={store} />
        <span className="ed-toolbar-gap" />
        {status ? (
          <SaveIndicator
            status={status}
            onReload={() => void resolve('reload')}
            onMerge={() => void resolve('merge')}
          />
        ) : consensus ? (
          <span className="ed-readonly" role="status">
            {readOnly ? 'Draft (no hand edits)' : 'Draft'} — saved when you resolve
          </span>
        ) : (
          <span className="ed-readonly" role="status">
            Read only
          </span>
        )}
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => store.toggleHelp()}
          title="Keyboard shortcuts (?)"
        >
          Shortcuts
        </button>
      </div>
      {notice ? (
        <p className="ed-notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="ed-layout">
        <div className="ed-main">
          {consensus ? (
            <ConsensusStage
              store={store}
              ontology={ontology}
              imageUrl={task.dataUnit.fileUrl}
              consensus={consensus}
            >
              {canvas}
            </ConsensusStage>
          ) : (
            canvas
          )}
        </div>
        <aside className="ed-side">
          {consensus ? (
            <ConsensusPanel store={store} ontology={ontology} consensus={consensus} />
          ) : reviewing ? (
            <ReviewPanel
              store={store}
              ontology={ontology}
              taskId={task.id}
              projectId={task.projectId}
              keys={reviewKeys}
              queue={decisions}
            />
          ) : null}
          <ClassPicker store={store} ontology={ontology} readOnly={readOnly} />
          <ObjectPanel store={store} ontology={ontology} readOnly={readOnly} describeUser={describeUser} />
          <IssuesPanel
            store={store}
            ontology={ontology}
            taskId={task.id}
            projectId={task.projectId}
            pins={pins}
          />
          <ClassificationsPanel store={store} ontology={ontology} missing={missing} readOnly={readOnly} />
          <ObjectList store={store} ontology={ontology} readOnly={readOnly} badges={badges} />
          <TaskActions
            task={task}
            keys="editor"
            prepare={prepare}
            approveAs={
              consensus
                ? {
                    label: 'Resolve',
                    done: 'Resolved',
                    run: (handover) => consensus.resolve(task.id, handover),
                  }
                : undefined
            }
            rejectLabel={consensus ? 'Send back' : undefined}
          />
          {facts}
        </aside>
      </div>
      <HelpOverlay store={store} ontology={ontology} />
    </div>
  );
}

const STATUS_TONE: Record<ReviewStatus, ObjectBadge['tone']> = {
  new: 'muted',
  approved: 'success',
  rejected: 'danger',
  resolved: 'accent',
  reopened: 'warning',
};

const NO_FLAGS: ReadonlySet<string> = new Set();

/**
 * What the canvas and the object list mark on the task's objects: open issues (a red dashed
 * outline, and a count in the list) and review statuses once a label has been decided.
 */
function useLabelMarks(taskId: string) {
  const issues = useTaskIssues(taskId);
  const reviews = useReviews(taskId);
  const flagged = useMemo(() => {
    const ids = (issues.data?.items ?? []).flatMap((i) =>
      i.status === 'open' && i.labelId !== null ? [i.labelId] : [],
    );
    return ids.length > 0 ? new Set(ids) : NO_FLAGS;
  }, [issues.data]);
  const badges = useMemo(() => {
    const marks = new Map<string, ObjectBadge[]>();
    const add = (id: string, badge: ObjectBadge) => marks.set(id, [...(marks.get(id) ?? []), badge]);
    for (const r of reviews.data?.items ?? []) {
      if (r.kind !== 'object' || r.removed || r.status === 'new') continue;
      add(r.labelId, {
        text: STATUS_TEXT[r.status],
        tone: STATUS_TONE[r.status],
        title: r.reason ? `${STATUS_TEXT[r.status]}: ${r.reason}` : `Review: ${STATUS_TEXT[r.status]}`,
      });
    }
    const open = new Map<string, number>();
    for (const i of issues.data?.items ?? []) {
      if (i.status === 'open' && i.labelId !== null) open.set(i.labelId, (open.get(i.labelId) ?? 0) + 1);
    }
    for (const [id, n] of open) {
      add(id, {
        text: `${n} ${n === 1 ? 'issue' : 'issues'}`,
        tone: 'danger',
        title: 'Open issues on this object',
      });
    }
    return marks;
  }, [reviews.data, issues.data]);
  return { flagged, badges };
}
