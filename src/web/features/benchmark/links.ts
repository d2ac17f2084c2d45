// Where the training feedback of a screening task is. The task itself is gone once submitted (its
// score stays); the feedback names its project, stage and data unit, and the navigation state
// carries the unit as the task page had it (title, size) when there is one.

export interface FeedbackUnit {
  kind: string;
  title: string;
  fileUrl: string | null;
  width: number | null;
  height: number | null;
}

export const feedbackUrl = (task: { id: string }) => `/tasks/${encodeURIComponent(task.id)}/feedback`;

/** The unit's media when the page was opened without the task page's state (a reload). */
export const unitFileUrl = (unitId: string) => `/api/v1/data-units/${encodeURIComponent(unitId)}/file`;

export const queueUrlOf = (projectId: string, stageId: string) =>
  `/projects/${encodeURIComponent(projectId)}?tab=queue&stage=${encodeURIComponent(stageId)}`;
