import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { recordTaskEvents, type TaskEvent } from '../queue/events.ts';
import { type IssueRow, insertIssues } from './queries.ts';

// Opening issues, shared by the issues API and the modules that raise issues of their own (a
// review's rejection reasons). Kept apart from service.ts so those modules do not import the
// issues API's access checks, which depend on the queue's worker actions (an import cycle).

/** An issue raised by another module (a review's rejection reasons); see raiseIssues. */
export interface NewIssue {
  projectId: string;
  taskId: string;
  stageId: string | null;
  authorId: string;
  body: string;
  tags: string[];
  labelId?: string | null;
  assigneeId?: string | null;
}

/** A new issue with everything the API lets its author say where it is. */
export interface IssueDraft extends NewIssue {
  frameStart?: number | null;
  frameEnd?: number | null;
  pin?: { x: number; y: number } | null;
}

/** Tags as kept: trimmed by the schema, each once, in the order given. */
export const distinct = <T>(items: readonly T[]) => [...new Set(items)];

function issueRow(draft: IssueDraft, at: string, now: number): IssueRow {
  return {
    id: newId(now),
    project_id: draft.projectId,
    task_id: draft.taskId,
    label_id: draft.labelId ?? null,
    frame_start: draft.frameStart ?? null,
    frame_end: draft.frameEnd ?? null,
    pin_x: draft.pin?.x ?? null,
    pin_y: draft.pin?.y ?? null,
    stage_id: draft.stageId,
    body: draft.body,
    tags: JSON.stringify(distinct(draft.tags)),
    author_id: draft.authorId,
    assignee_id: draft.assigneeId ?? null,
    status: 'open',
    created_at: at,
    updated_at: at,
    resolved_at: null,
    resolved_by: null,
    revision: 1,
  };
}

const openedEvent = (row: IssueRow): TaskEvent => ({
  projectId: row.project_id,
  taskId: row.task_id,
  kind: 'issue_opened',
  stageId: row.stage_id,
  actorId: row.author_id,
  subjectId: row.assignee_id,
  data: {
    issueId: row.id,
    ...(row.label_id ? { labelId: row.label_id } : {}),
    tags: JSON.parse(row.tags) as string[],
  },
});

/** Inserts the issues and their issue_opened events; returns the new ids in order. */
export async function openIssues(trx: Executor, now: number, drafts: readonly IssueDraft[]) {
  const at = nowIso(now);
  const rows = drafts.map((d) => issueRow(d, at, now));
  await insertIssues(trx, rows);
  await recordTaskEvents(trx, rows.map(openedEvent), now);
  return rows.map((r) => r.id);
}

/**
 * Opens issues and writes their issue_opened events, in the caller's transaction. No permission
 * or membership checks: the caller (a review decision) has made them. Returns the new ids in order.
 */
export async function raiseIssues(trx: Executor, now: Date, items: NewIssue[]): Promise<string[]> {
  if (items.length === 0) return [];
  return openIssues(trx, now.getTime(), items);
}
