import { z } from 'zod';
import type { CommentRow, IssueListRow } from './queries.ts';

// Issues and comments as the API shows them.

const Person = z.object({ id: z.string(), name: z.string() });

export const IssueOut = z
  .object({
    id: z.string(),
    projectId: z.string(),
    taskId: z.string(),
    taskTitle: z.string(),
    labelId: z
      .string()
      .nullable()
      .describe('The label it is pinned to: an object id or classification:<featureId>'),
    frameStart: z.number().int().nullable(),
    frameEnd: z.number().int().nullable().describe('Equals frameStart for a single frame'),
    pin: z
      .object({ x: z.number(), y: z.number() })
      .nullable()
      .describe('A point of the image, in image pixels'),
    stageId: z.string().nullable().describe('The stage the task was in when the issue was raised'),
    body: z.string(),
    tags: z.array(z.string()),
    author: Person.nullable(),
    assignee: Person.nullable(),
    status: z.enum(['open', 'resolved']),
    commentCount: z.number().int(),
    mentions: z.array(Person),
    createdAt: z.string(),
    updatedAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedBy: Person.nullable(),
    revision: z.number().int(),
  })
  .meta({ id: 'Issue' });
export type IssueJson = z.infer<typeof IssueOut>;

export const IssueCommentOut = z
  .object({ id: z.string(), author: Person.nullable(), body: z.string(), createdAt: z.string() })
  .meta({ id: 'IssueComment' });

const person = (id: string | null, name: string | null | undefined) =>
  id === null ? null : { id, name: name ?? '' };

export function presentIssue(row: IssueListRow, mentions: { id: string; name: string }[]): IssueJson {
  return {
    id: row.id,
    projectId: row.project_id,
    taskId: row.task_id,
    taskTitle: row.task_title,
    labelId: row.label_id,
    frameStart: row.frame_start === null ? null : Number(row.frame_start),
    frameEnd: row.frame_end === null ? null : Number(row.frame_end),
    pin: row.pin_x === null || row.pin_y === null ? null : { x: Number(row.pin_x), y: Number(row.pin_y) },
    stageId: row.stage_id,
    body: row.body,
    tags: JSON.parse(row.tags) as string[],
    author: person(row.author_id, row.author_name),
    assignee: person(row.assignee_id, row.assignee_name),
    status: row.status,
    commentCount: Number(row.comment_count ?? 0),
    mentions,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    resolvedBy: person(row.resolved_by, row.resolved_by_name),
    revision: Number(row.revision),
  };
}

export const presentComment = (row: CommentRow) => ({
  id: row.id,
  author: person(row.author_id, row.author_name),
  body: row.body,
  createdAt: row.created_at,
});
