import { emptyLabels } from '../../../core/labels/index.ts';
import { can } from '../../../core/policy/index.ts';
import { managesQueue, mayWorkIn } from '../../../core/queue/index.ts';
import { REVIEW_STAGE_TYPES, type Stage } from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import type { LabelRevisionsTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { recordTaskEvent } from '../queue/events.ts';
import { requireNotOwnWork } from '../queue/own-work.ts';
import { heldTask, renewHold, type TaskScene, visibleTask } from '../queue/work.ts';
import { annotatorBranch, branchFor, MAIN_BRANCH, storedDocument } from './heads.ts';
import { findRevision, headRevision, listRevisions } from './queries.ts';
import { appendRevision } from './write.ts';

// A task's labels: one document per branch ("main"; in consensus stages one per annotator, so
// nobody sees anyone else's), saved as revisions. A save names the revision it started from and
// is checked against the project's ontology before it is kept; nothing is ever overwritten.

/** Stages whose holders change the labels; review stages too when they allow reviewer edits. */
const LABELLING_STAGES: readonly Stage['type'][] = ['annotate', 'consensus'];

/** The branch the caller works on in the task's stage. */
const workingBranch = (ts: TaskScene) => branchFor(ts.stage.type, ts.worker.userId);

/**
 * Whether the holder may change the labels in the task's stage: annotating in annotate and
 * consensus stages; in review stages only where the stage allows reviewer edits (else 409
 * labels_read_only), as a reviewer, and not on their own work (403 own_work). The route lets every
 * worker role through, so the role is checked here, against the stage.
 */
async function requireEditable(db: Executor, ctx: RequestContext, ts: TaskScene) {
  if (LABELLING_STAGES.includes(ts.stage.type)) {
    if (!can(ctx.actor, 'project.annotate', ts.resource)) throw forbidden('annotate in this project');
    return;
  }
  if (!REVIEW_STAGE_TYPES.includes(ts.stage.type) || !ts.settings.allowReviewerEdits) {
    throw conflict(
      'labels_read_only',
      `Labels are changed in annotate and consensus stages, and in review stages that allow reviewer edits; “${ts.stage.name}” is a ${ts.stage.type} stage that does not.`,
    );
  }
  if (!can(ctx.actor, 'project.review', ts.resource)) throw forbidden('review in this project');
  await requireNotOwnWork(db, ts.stage, ts.row.id, ts.worker.userId);
}

/**
 * Annotators see only their own consensus branch; managers see every branch, and so do the
 * reviewers of a consensus review stage the task is in (they compare the branches).
 */
function requireReadable(ts: TaskScene, branch: string) {
  if (branch === MAIN_BRANCH || branch === annotatorBranch(ts.worker.userId)) return;
  if (managesQueue(ts.worker.role)) return;
  if (ts.stage.type === 'consensus_review' && mayWorkIn(ts.stage, ts.worker)) return;
  throw forbidden('see another annotator’s labels');
}

type RevisionRow = Omit<LabelRevisionsTable, 'document'> & { author_name?: string | null };

function presentRevision(row: RevisionRow) {
  return {
    revision: row.revision,
    baseRevision: row.base_revision,
    author: row.author_id
      ? { kind: 'user' as const, id: row.author_id, name: row.author_name ?? null }
      : { kind: 'model' as const, name: row.model_name ?? 'model' },
    changes: JSON.parse(row.changes) as Record<string, unknown>,
    createdAt: row.created_at,
  };
}

function presentLabels(taskId: string, branch: string, head: LabelRevisionsTable | undefined) {
  return {
    taskId,
    branch,
    revision: head?.revision ?? 0,
    document: head ? storedDocument(head.document) : emptyLabels(),
    savedAt: head?.created_at ?? null,
  };
}

/** The head of a branch of the task's labels (revision 0 and an empty document before the first save). */
export async function getLabels(deps: AppDeps, ctx: RequestContext, taskId: string, branch?: string) {
  const { ts } = await visibleTask(deps, ctx, taskId, deps.clock());
  const name = branch ?? workingBranch(ts);
  requireReadable(ts, name);
  return presentLabels(taskId, name, await headRevision(deps.db, taskId, name));
}

export interface SaveLabels {
  /** The revision the document was made from (0: none yet). */
  baseRevision: number;
  document: unknown;
}

/**
 * Saves the caller's labels of a task they hold as a new revision of their branch (a reviewer
 * editing in a review stage: the main branch): refused unless it was made from the branch's head
 * (409 revision_conflict, with the head's revision) and unless it checks out against the project's
 * ontology (400 invalid_labels naming the object and field).
 */
export async function saveLabels(deps: AppDeps, ctx: RequestContext, taskId: string, input: SaveLabels) {
  const now = deps.clock();
  const at = nowIso(now);
  return deps.db.transaction().execute(async (trx) => {
    const ts = await heldTask(trx, deps, ctx, taskId, now);
    await requireEditable(trx, ctx, ts);
    const branch = workingBranch(ts);
    const { row, document, changes } = await appendRevision(trx, {
      projectId: ts.row.project_id,
      taskId,
      dataUnitId: ts.row.data_unit_id,
      branch,
      baseRevision: input.baseRevision,
      document: input.document,
      author: { userId: ctx.user.id },
      at,
    });
    // Saving is work on the task: it keeps the caller's claim alive as a heartbeat would.
    await renewHold(trx, ts, now);
    await recordTaskEvent(
      trx,
      {
        projectId: ts.row.project_id,
        taskId,
        kind: 'labels_saved',
        stageId: ts.stage.id,
        actorId: ctx.user.id,
        subjectId: ctx.user.id,
        data: { branch, revision: row.revision, ...changes },
      },
      now,
    );
    return { ...presentLabels(taskId, branch, row), document };
  });
}

/** A branch's revisions, newest first: who saved, when, and what changed. */
export async function listLabelHistory(
  deps: AppDeps,
  ctx: RequestContext,
  taskId: string,
  query: { branch?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const { ts } = await visibleTask(deps, ctx, taskId, deps.clock());
  const branch = query.branch ?? workingBranch(ts);
  requireReadable(ts, branch);
  const cursor = decodeCursor(query.cursor, 1);
  const rows = await listRevisions(
    deps.db,
    taskId,
    branch,
    cursor ? Number(cursor[0]) : undefined,
    query.limit,
  );
  return toPage(
    rows,
    query.limit,
    (r) => [r.revision],
    (r) => presentRevision({ ...r, task_id: taskId, branch, format_version: 0 }),
  );
}

/** One revision of a branch, document included. */
export async function getLabelRevision(
  deps: AppDeps,
  ctx: RequestContext,
  taskId: string,
  revision: number,
  branch?: string,
) {
  const { ts } = await visibleTask(deps, ctx, taskId, deps.clock());
  const name = branch ?? workingBranch(ts);
  requireReadable(ts, name);
  const row = await findRevision(deps.db, taskId, name, revision);
  if (!row) throw notFound(`Revision ${revision} of these labels`);
  return { ...presentRevision(row), taskId, branch: name, document: storedDocument(row.document) };
}
