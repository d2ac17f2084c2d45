import type { Selectable } from 'kysely';
import { z } from 'zod';
import { TASK_STATUSES, type TaskStatus } from '../../../core/queue/index.ts';
import { STAGE_TYPES, stageById, type Workflow } from '../../../core/workflow/index.ts';
import { nowIso } from '../../db/ids.ts';
import type { TasksTable } from '../../db/schema.ts';

// Tasks as the API shows them: where they sit, who holds them, and until when. A lapsed lease
// shows as it will act — released, no holder — before the sweeper has written it down.

export const TaskStatusSchema = z.enum(TASK_STATUSES);

export const TaskHolderOut = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  /** Consensus: `submitted` once their branch is in. */
  state: z.enum(['active', 'submitted']),
  /** Named by a manager or the workflow (outlives the lease). */
  pinned: z.boolean(),
  leaseExpiresAt: z.string().nullable(),
});

export const TaskOut = z
  .object({
    id: z.string(),
    projectId: z.string(),
    dataUnitId: z.string(),
    title: z.string(),
    kind: z.enum(['image', 'image_group', 'video', 'text']),
    datasetId: z.string(),
    datasetName: z.string(),
    stageId: z.string(),
    stageName: z.string(),
    stageType: z.enum(STAGE_TYPES),
    status: TaskStatusSchema,
    priority: z.number().int(),
    /** The holder in single-holder stages (null: unassigned); consensus holders are in `holders`. */
    assigneeId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    holders: z.array(TaskHolderOut),
    leaseExpiresAt: z.string().nullable(),
    stageEnteredAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string().nullable(),
    revision: z.number().int(),
    screening: z
      .object({
        attempt: z.number().int().describe('The screening attempt this task belongs to'),
        position: z.number().int().describe('Which of the attempt’s tasks this is, from 1'),
        of: z.number().int().describe('How many tasks the attempt has'),
        feedback: z
          .boolean()
          .describe('Training mode: the labels are shown against the gold after submitting'),
      })
      .optional()
      .describe('Present on a screening task only (monitoring gold tasks look like any other task)'),
  })
  .meta({ id: 'Task' });
export type TaskJson = z.infer<typeof TaskOut>;

/** What the queue list and a task's page show of its issues. */
export const TaskIssueCounts = {
  openIssues: z.number().int().describe('Issues on the task still open'),
  issues: z.number().int().describe('Issues on the task, open or resolved'),
};

export const QueueTaskOut = TaskOut.extend(TaskIssueCounts).meta({ id: 'QueueTask' });

export type TaskRow = Selectable<TasksTable> & {
  title: string;
  kind: string;
  dataset_id: string;
  dataset_name: string;
  assignee_name: string | null;
};

export interface HoldRow {
  task_id: string;
  user_id: string;
  user_name: string | null;
  state: 'active' | 'submitted';
  pinned: number;
  lease_expires_at: string | null;
}

const lapsed = (pinned: number, lease: string | null, at: string) =>
  pinned === 0 && lease !== null && lease < at;

export function presentTask(
  row: TaskRow,
  workflow: Workflow,
  holds: readonly HoldRow[],
  now: number,
): TaskJson {
  const at = nowIso(now);
  const stage = stageById(workflow, row.stage_id ?? '');
  const gone = row.assignee_id !== null && lapsed(row.pinned, row.lease_expires_at, at);
  const liveHolds = holds.filter((h) => h.state === 'submitted' || !lapsed(h.pinned, h.lease_expires_at, at));
  let status = row.status as TaskStatus;
  if (gone && status !== 'reopened') status = 'released';
  if (stage?.type === 'consensus' && status === 'assigned' && liveHolds.length === 0) status = 'released';
  return {
    id: row.id,
    projectId: row.project_id,
    dataUnitId: row.data_unit_id,
    title: row.title,
    kind: row.kind as TaskJson['kind'],
    datasetId: row.dataset_id,
    datasetName: row.dataset_name,
    stageId: row.stage_id ?? '',
    stageName: stage?.name ?? row.stage_id ?? '',
    stageType: stage?.type ?? 'annotate',
    status,
    priority: row.priority,
    assigneeId: gone ? null : row.assignee_id,
    assigneeName: gone ? null : row.assignee_name,
    holders: liveHolds.map((h) => ({
      userId: h.user_id,
      name: h.user_name,
      state: h.state,
      pinned: h.pinned === 1,
      leaseExpiresAt: h.lease_expires_at,
    })),
    leaseExpiresAt: gone ? null : row.lease_expires_at,
    stageEnteredAt: row.stage_entered_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
  };
}
