import type { ProjectRole } from '../roles.ts';
import {
  REVIEW_STAGE_TYPES,
  resolveSettings,
  type Stage,
  type StageType,
  WORK_STAGE_TYPES,
} from '../workflow/format.ts';

// The queue's vocabulary, shared by the server (which enforces it) and the web app (which shows
// it): task statuses, the events every transition writes, and who may work in a stage.

/**
 * Where a task stands in its stage. `new`: entered and untouched; `assigned`: someone holds it
 * (claimed or named); `released`: given back (by its holder, a manager, or a lapsed lease);
 * `skipped`: someone skipped it (others may still take it); `reopened`: sent back by a rejection
 * or a manager; `completed`: in a terminal stage.
 */
export const TASK_STATUSES = ['new', 'assigned', 'released', 'skipped', 'reopened', 'completed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  new: 'New',
  assigned: 'Assigned',
  released: 'Released',
  skipped: 'Skipped',
  reopened: 'Reopened',
  completed: 'Completed',
};

/** The statuses a task can have in a stage of each kind (reviewers cannot skip). */
export function statusesOf(type: StageType): readonly TaskStatus[] {
  if (type === 'complete' || type === 'archive') return ['completed'];
  if (REVIEW_STAGE_TYPES.includes(type)) return ['new', 'assigned', 'released', 'reopened'];
  return ['new', 'assigned', 'released', 'skipped', 'reopened'];
}

export const TASK_EVENT_KINDS = [
  'created', // entered the start stage
  'claimed', // someone took it (next task or opened from the queue)
  'released', // the holder gave it back
  'lease_expired', // the holder's lease lapsed; back in the pool
  'skipped',
  'submitted', // annotate and consensus stages
  'approved',
  'rejected',
  'sampled_out', // a review stage's sampling let it pass unreviewed
  'assigned', // a manager (or the workflow) named its holder
  'unassigned',
  'priority_changed',
  'moved', // a manager moved it, or a workflow change mapped its stage away
  'reopened', // a manager reopened a completed task
  'completed', // entered a terminal stage
  'labels_saved', // a new revision of one of its label branches (data: what changed, by feature)
  'label_approved', // a reviewer approved one label (subject: its annotator; data: labelId, featureId)
  'label_rejected', // a reviewer rejected one label (data: labelId, featureId, reason, tags)
  'label_resolved', // a resubmission settled a rejected label's review (data: labelId)
  'issue_opened', // data: issueId, labelId?, tags
  'issue_resolved', // data: issueId
  'issue_reopened', // data: issueId
  'issue_commented', // data: issueId, commentId
  'consensus_closed', // a consensus stage compared the branches (data: roundId, score, closedBy, branches)
  'consensus_accepted', // the agreement reached the auto-accept threshold: consensus labels kept, review passed
  'consensus_resolved', // a consensus reviewer settled the labels (data: roundId, base, taken, won/overruled)
] as const;
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];

export const MIN_PRIORITY = 0;
export const MAX_PRIORITY = 100;
export const DEFAULT_PRIORITY = 50;

const MANAGERS: readonly ProjectRole[] = ['admin', 'team_manager'];
const ANNOTATING_ROLES: readonly ProjectRole[] = ['annotator', 'annotator_reviewer'];
const REVIEWING_ROLES: readonly ProjectRole[] = ['reviewer', 'annotator_reviewer'];

export interface Worker {
  userId: string;
  /** Effective project role; a workspace Admin's is 'admin'. Null: no role on the project. */
  role: ProjectRole | null;
  /** Every group the user belongs to. */
  groupIds: readonly string[];
}

/**
 * Whether a person may work in a stage: project Admins and Team Managers always; otherwise the
 * stage's workers setting — all the project's annotators (annotate, consensus) or reviewers
 * (review stages), or the named users and groups (who must still be collaborators).
 */
export function mayWorkIn(stage: Stage, who: Worker): boolean {
  if (!WORK_STAGE_TYPES.includes(stage.type) || who.role === null) return false;
  if (MANAGERS.includes(who.role)) return true;
  const { workers } = resolveSettings(stage);
  if (workers.mode === 'selected') {
    return workers.userIds.includes(who.userId) || workers.groupIds.some((g) => who.groupIds.includes(g));
  }
  return (REVIEW_STAGE_TYPES.includes(stage.type) ? REVIEWING_ROLES : ANNOTATING_ROLES).includes(who.role);
}

/** Whether a project role manages the queue (sees every task, assigns, moves, prioritises). */
export const managesQueue = (role: ProjectRole | null): boolean => role !== null && MANAGERS.includes(role);
