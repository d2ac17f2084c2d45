import { modelNameOf } from '../../../core/labels/index.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import { AppError, conflict } from '../../http/errors.ts';
import { type NewIssue, raiseIssues } from '../issues/raise.ts';
import { recordTaskEvents, type TaskEvent } from '../queue/events.ts';
import { existingUsers, lastSubmitter, moveReviews, upsertReviews } from './queries.ts';
import { decidedInRound, loadSheet, type ReviewLabel, type Round, type Sheet } from './sheet.ts';

// How label reviews move with the task: decisions on labels, the task-level approve and reject
// that settle what is still pending (a rejection's reasons becoming issues), the resubmission that
// marks rejections resolved, and a manager's reopening. The queue calls these inside its own
// transactions (work.ts, manage.ts); nothing here checks permissions — the callers have.

export interface Decision {
  label: ReviewLabel;
  status: 'approved' | 'rejected';
  reason: string | null;
  tags: string[];
}

/** The label's creator as an event's subject: a user who exists (not a model, not a stray id). */
async function creatorsOf(trx: Executor, decisions: readonly Decision[]) {
  const ids = new Set<string>();
  for (const { label } of decisions) {
    if (label.createdBy !== null && modelNameOf(label.createdBy) === null) ids.add(label.createdBy);
  }
  return existingUsers(trx, [...ids]);
}

function decisionEvent(round: Round, d: Decision, creators: Set<string>): TaskEvent {
  const { labelId, featureId, createdBy } = d.label;
  const rejected = d.status === 'rejected';
  return {
    projectId: round.projectId,
    taskId: round.taskId,
    kind: rejected ? 'label_rejected' : 'label_approved',
    stageId: round.stage.id,
    actorId: round.actorId,
    subjectId: createdBy !== null && creators.has(createdBy) ? createdBy : null,
    data: {
      labelId,
      featureId,
      ...(rejected && d.reason !== null ? { reason: d.reason } : {}),
      ...(rejected && d.tags.length > 0 ? { tags: d.tags } : {}),
    },
  };
}

/** Records decisions made on the main branch's `revision`: their rows and one event each. */
export async function writeDecisions(
  trx: Executor,
  round: Round,
  revision: number,
  decisions: readonly Decision[],
  now: number,
) {
  if (decisions.length === 0) return;
  const at = nowIso(now);
  await upsertReviews(
    trx,
    decisions.map((d) => ({
      task_id: round.taskId,
      label_id: d.label.labelId,
      status: d.status,
      reviewer_id: round.actorId,
      reason: d.reason,
      tags: JSON.stringify(d.tags),
      stage_id: round.stage.id,
      label_revision: revision,
      decided_at: at,
      updated_at: at,
    })),
  );
  const creators = await creatorsOf(trx, decisions);
  await recordTaskEvents(
    trx,
    decisions.map((d) => decisionEvent(round, d, creators)),
    now,
  );
}

/** The head's labels no decision of this round has settled yet. */
const pendingIn = (sheet: Sheet, round: Round) =>
  sheet.labels.filter((l) => !decidedInRound(sheet.reviews.get(l.labelId), round));

/** The head's labels rejected in this round, with their rows (reason and tags). */
const rejectedIn = (sheet: Sheet, round: Round) =>
  sheet.labels.flatMap((label) => {
    const row = sheet.reviews.get(label.labelId);
    return decidedInRound(row, round) && row.status === 'rejected' ? [{ label, row }] : [];
  });

/**
 * The task approved: every label still pending in this round is approved with it. A label
 * rejected in this round is not overruled silently: 409 labels_rejected (reject the task, or
 * approve the label first), and nothing is written.
 */
export async function settleApproval(trx: Executor, round: Round, now: number) {
  const sheet = await loadSheet(trx, round.taskId);
  const rejected = rejectedIn(sheet, round);
  if (rejected.length > 0) {
    const n = rejected.length;
    throw conflict(
      'labels_rejected',
      `${n} label${n > 1 ? 's' : ''} of this task ${n > 1 ? 'are' : 'is'} rejected in this review; reject the task, or approve ${n > 1 ? 'them' : 'it'} first.`,
    );
  }
  const approvals = pendingIn(sheet, round).map(
    (label): Decision => ({ label, status: 'approved', reason: null, tags: [] }),
  );
  await writeDecisions(trx, round, sheet.revision, approvals, now);
}

export interface Rejection {
  note?: string | undefined;
  tags?: readonly string[] | undefined;
}

const uniqueTags = (tags: readonly string[] | undefined) => [...new Set((tags ?? []).map((t) => t.trim()))];

/**
 * The task rejected. It needs a reason: a label rejected in this round, or a note or tags (else
 * 400 reason_required, field `note`). Labels still pending are rejected with the note. Each label
 * rejected with a reason of its own becomes an open issue pinned to it, and the note (or the tags)
 * one task-level issue — all assigned to whoever submitted the task last, who gets it back.
 */
export async function settleRejection(trx: Executor, round: Round, input: Rejection, now: number) {
  const sheet = await loadSheet(trx, round.taskId);
  const note = input.note?.trim() || null;
  const tags = uniqueTags(input.tags);
  const own = rejectedIn(sheet, round);
  if (own.length === 0 && note === null && tags.length === 0) {
    throw new AppError(
      400,
      'reason_required',
      'note: say why the task is rejected — reject at least one label with a reason, or give a note or tags.',
      'note',
    );
  }
  const rejections = pendingIn(sheet, round).map(
    (label): Decision => ({ label, status: 'rejected', reason: note, tags }),
  );
  await writeDecisions(trx, round, sheet.revision, rejections, now);

  const assigneeId = await lastSubmitter(trx, round.taskId);
  const issue = (body: string, issueTags: string[], labelId: string | null): NewIssue => ({
    projectId: round.projectId,
    taskId: round.taskId,
    stageId: round.stage.id,
    authorId: round.actorId,
    body,
    tags: issueTags,
    labelId,
    assigneeId,
  });
  const issues = own.map(({ label, row }) => {
    const labelTags = JSON.parse(row.tags) as string[];
    return issue(row.reason ?? labelTags.join(', '), labelTags, label.labelId);
  });
  if (note !== null || tags.length > 0) issues.push(issue(note ?? tags.join(', '), tags, null));
  await raiseIssues(trx, new Date(now), issues);
}

/** Who did what to a task, for the transitions below. */
export interface TaskRef {
  projectId: string;
  taskId: string;
  stageId: string | null;
  actorId: string;
}

/** The task resubmitted (submit in an annotate or consensus stage): its rejections are resolved. */
export async function resolveRejections(trx: Executor, ref: TaskRef, now: number) {
  const labelIds = await moveReviews(trx, ref.taskId, 'rejected', 'resolved', nowIso(now));
  await recordTaskEvents(
    trx,
    labelIds.map(
      (labelId): TaskEvent => ({
        projectId: ref.projectId,
        taskId: ref.taskId,
        kind: 'label_resolved',
        stageId: ref.stageId,
        actorId: ref.actorId,
        subjectId: ref.actorId,
        data: { labelId },
      }),
    ),
    now,
  );
}

/** A completed task reopened by a manager: its approvals are open to review again. */
export async function reopenApprovals(trx: Executor, taskId: string, now: number) {
  await moveReviews(trx, taskId, 'approved', 'reopened', nowIso(now));
}
