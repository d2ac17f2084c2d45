import { can } from '../../../core/policy/index.ts';
import { TASK_STATUS_LABELS, type TaskStatus } from '../../../core/queue/index.ts';
import {
  REVIEW_STAGE_TYPES,
  type Stage,
  type StageType,
  TERMINAL_STAGE_TYPES,
  WORK_STAGE_TYPES,
  type Workflow,
} from '../../../core/workflow/format.ts';
import type { User } from '../../api/client.ts';
import { Badge } from '../../components/Badge.tsx';
import { actorOf } from '../../lib/permissions.ts';
import type { Project } from '../projects/queries.ts';

const STATUS_TONES: Record<TaskStatus, 'neutral' | 'success' | 'muted' | 'accent'> = {
  new: 'neutral',
  assigned: 'accent',
  released: 'muted',
  skipped: 'muted',
  reopened: 'accent',
  completed: 'success',
};

/** A task's status; Reopened (sent back by a reviewer or a manager) stands out with a mark. */
export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return (
    <span className={status === 'reopened' ? 'task-status task-status-reopened' : 'task-status'}>
      <Badge tone={STATUS_TONES[status]}>{TASK_STATUS_LABELS[status]}</Badge>
    </span>
  );
}

type QueueAction = 'project.view_queue' | 'project.manage_queue' | 'project.edit_workflow';

/** What the project's `myRole` lets `me` do with its queue (the server has the last word). */
export const mayOnQueue = (me: User, project: Pick<Project, 'id' | 'myRole'>, action: QueueAction) =>
  can(actorOf(me), action, { kind: 'project', id: project.id, role: project.myRole ?? null });

export const isWorkStage = (type: StageType) => WORK_STAGE_TYPES.includes(type);
export const isReviewStage = (type: StageType) => REVIEW_STAGE_TYPES.includes(type);

/** "Start labelling" in annotate and consensus stages, "Start reviewing" in review stages. */
export const startLabel = (type: StageType) => (isReviewStage(type) ? 'Start reviewing' : 'Start labelling');

/** Who holds a task: its assignee, or its consensus holders, or nobody. */
export function holderNames(task: {
  assigneeId: string | null;
  assigneeName: string | null;
  holders: readonly { userId: string; name: string | null }[];
}): string[] {
  if (task.assigneeId) return [task.assigneeName ?? 'Someone'];
  return task.holders.map((h) => h.name ?? 'Someone');
}

/**
 * The stages in the order a task meets them: from the start along the edges (breadth first),
 * terminal stages last, anything unreachable after them.
 */
export function stagesInFlowOrder(workflow: Pick<Workflow, 'stages' | 'edges'>): Stage[] {
  const byId = new Map(workflow.stages.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const queue = workflow.stages.filter((s) => s.start).map((s) => s.id);
  const order: Stage[] = [];
  while (queue.length > 0) {
    const id = queue.shift() ?? '';
    const stage = byId.get(id);
    if (!stage || seen.has(id)) continue;
    seen.add(id);
    order.push(stage);
    for (const edge of workflow.edges) if (edge.from === id && !seen.has(edge.to)) queue.push(edge.to);
  }
  const terminal = (s: Stage) => TERMINAL_STAGE_TYPES.includes(s.type);
  const rest = workflow.stages.filter((s) => !seen.has(s.id));
  return [...order.filter((s) => !terminal(s)), ...order.filter(terminal), ...rest];
}
