import { REVIEW_STAGE_TYPES } from '../../../core/workflow/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, invalid } from '../../http/errors.ts';
import { requireNotOwnWork } from '../queue/own-work.ts';
import { heldTask, renewHold, roundOf, visibleTask } from '../queue/work.ts';
import { type Decision, writeDecisions } from './rounds.ts';
import type { DecideInput } from './schemas.ts';
import { loadSheet, presentSheet, type Sheet } from './sheet.ts';

// Reviewing a task label by label: what each label's review stands at, and decisions on some of
// them by the reviewer who holds the task. The task-level approve and reject stay with the queue
// (POST /tasks/{id}/approve, /reject), which settles what is left through rounds.ts.

/** The label reviews of a task, for whoever may see the task. */
export async function taskReviews(deps: AppDeps, ctx: RequestContext, taskId: string) {
  await visibleTask(deps, ctx, taskId, deps.clock());
  return presentSheet(deps.db, taskId, await loadSheet(deps.db, taskId));
}

type DecisionInput = DecideInput['decisions'][number];

/** The checks that need nothing but the request: each label once; a rejection says why. */
function checkDecisions(decisions: readonly DecisionInput[]) {
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    if (seen.has(d.labelId)) throw invalid(`decisions[${i}].labelId`, 'is decided twice in this request');
    seen.add(d.labelId);
    if (d.decision === 'reject' && !d.reason && (d.tags ?? []).length === 0) {
      throw invalid(`decisions[${i}].reason`, 'a rejection needs a reason or at least one tag');
    }
  });
}

/** The decision on a label of the head; 400 naming the decision when the head has no such label. */
function toDecision(sheet: Sheet, d: DecisionInput, i: number): Decision {
  const label = sheet.byId.get(d.labelId);
  if (!label) throw invalid(`decisions[${i}].labelId`, `the task’s labels have no label “${d.labelId}”`);
  if (d.decision === 'approve') return { label, status: 'approved', reason: null, tags: [] };
  return { label, status: 'rejected', reason: d.reason || null, tags: d.tags ?? [] };
}

const labelsMoved = (current: number) =>
  new AppError(
    409,
    'revision_conflict',
    `The labels of this task changed (now at revision ${current}); review the new revision.`,
    'labelRevision',
    { currentRevision: current },
  );

/**
 * Approves or rejects labels of a task the caller holds in a review stage, as seen at
 * `labelRevision` (the main branch's head, else 409 revision_conflict). A label may be decided
 * again in the same round (the newer decision stands). Deciding keeps the caller's claim alive.
 * Returns the review sheet as it now stands.
 */
export async function decideLabels(deps: AppDeps, ctx: RequestContext, taskId: string, input: DecideInput) {
  checkDecisions(input.decisions);
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const ts = await heldTask(trx, deps, ctx, taskId, now, 'project.review');
    if (!REVIEW_STAGE_TYPES.includes(ts.stage.type)) {
      throw conflict(
        'wrong_action_for_stage',
        `In stage “${ts.stage.name}” you submit tasks; labels are reviewed in review stages.`,
      );
    }
    await requireNotOwnWork(trx, ts.stage, taskId, ts.worker.userId);
    const sheet = await loadSheet(trx, taskId);
    if (input.labelRevision !== sheet.revision) throw labelsMoved(sheet.revision);
    const decisions = input.decisions.map((d, i) => toDecision(sheet, d, i));
    await writeDecisions(trx, roundOf(ts), sheet.revision, decisions, now);
    await renewHold(trx, ts, now);
    return presentSheet(trx, taskId, await loadSheet(trx, taskId));
  });
}
