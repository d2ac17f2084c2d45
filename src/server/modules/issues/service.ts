import { can, type ProjectResource } from '../../../core/policy/index.ts';
import { projectGate } from '../../../core/projects/status-gate.ts';
import { managesQueue } from '../../../core/queue/index.ts';
import type { ProjectRole, ProjectStatus } from '../../../core/roles.ts';
import type { DialectName, Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, forbidden, invalid, notFound, revisionConflict } from '../../http/errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { listScope, projectGateFor } from '../access/service.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';
import { MAIN_BRANCH, storedDocument } from '../labels/heads.ts';
import { headRevision } from '../labels/queries.ts';
import { recordTaskEvent } from '../queue/events.ts';
import { visibleTask } from '../queue/work.ts';
import { presentComment, presentIssue } from './present.ts';
import {
  commentById,
  commentsOf,
  findIssue,
  type Involvement,
  type IssuePage,
  insertComment,
  insertMentions,
  issueById,
  issueCountsOf,
  issueTagsOf,
  issueVisibleTo,
  membersAmong,
  mentionsOf,
  type ProjectIssueFilter,
  projectIssues,
  replaceIssueTags,
  type StoredIssue,
  touchIssue,
  updateIssueAt,
  userIssues,
} from './queries.ts';
import { distinct, openIssues } from './raise.ts';

// Issues: problems raised on a task (optionally pinned to a label, a frame range or a point), with
// an author, an assignee, a comment thread and @mentions; open until someone resolves them.
// Managers see every issue of their projects; other members the issues that involve them (see
// queries.ts `involves`). Writes obey the project status gate as work on tasks does.

// ——— Access ————————————————————————————————————————————————————————————————

type IssueProjectAction =
  | 'project.read'
  | 'project.view_queue'
  | 'project.raise_issue'
  | 'project.manage_issue_tags';

const ACTION_WORDS: Record<IssueProjectAction, string> = {
  'project.read': 'see this project',
  'project.view_queue': 'see this project’s issues',
  'project.raise_issue': 'raise or discuss issues in this project',
  'project.manage_issue_tags': 'change this project’s issue tags',
};

interface ProjectAccess {
  resource: ProjectResource;
  /** The caller's effective role (a workspace Admin's is 'admin'). */
  role: ProjectRole | null;
  status: ProjectStatus;
}

/** The caller on the project: 404 unknown, 403 when they may not do `action` there. */
async function projectAccess(
  db: Executor,
  dialect: DialectName,
  ctx: RequestContext,
  projectId: string,
  action: IssueProjectAction,
): Promise<ProjectAccess> {
  const project = await projectGateFor(db, dialect, ctx.actor, projectId);
  if (!project) throw notFound('Project');
  if (!can(ctx.actor, action, project.resource)) throw forbidden(ACTION_WORDS[action]);
  const role = ctx.actor.role === 'admin' ? 'admin' : project.resource.role;
  return { resource: project.resource, role, status: project.status };
}

/**
 * The project status gate for a change: nothing changes in an Archived project; while it is not
 * In progress only managers change issues (`work`), as only they may open its tasks.
 */
function requireChangeable(access: ProjectAccess, intent: 'work' | 'manage') {
  // Past `can`, the caller holds a role (or is a workspace Admin): the fallback never applies.
  const refusal = projectGate(access.status, access.role ?? 'annotator', intent);
  if (refusal) throw new AppError(403, refusal.code, refusal.message, undefined, { status: access.status });
}

/** The issue, if the caller may see it: 403 without `action` on its project, 404 when not theirs to see. */
async function issueScene(
  db: Executor,
  dialect: DialectName,
  ctx: RequestContext,
  issueId: string,
  action: IssueProjectAction,
): Promise<{ row: StoredIssue; access: ProjectAccess }> {
  const row = await findIssue(db, issueId);
  if (!row) throw notFound('Issue');
  const access = await projectAccess(db, dialect, ctx, row.project_id, action);
  if (!managesQueue(access.role) && !(await issueVisibleTo(db, issueId, ctx.user.id))) {
    throw notFound('Issue');
  }
  return { row, access };
}

/** Refuses people who are not active members of the project (400 naming the field). */
async function requireMembers(db: Executor, projectId: string, userIds: readonly string[], field: string) {
  if (userIds.length === 0) return;
  const members = await membersAmong(db, projectId, userIds);
  const outsider = userIds.find((id) => !members.has(id));
  if (outsider) throw invalid(field, `${outsider} is not an active member of this project`);
}

/** The label must be an object or a top-level classification of the task's main-branch head. */
async function requireLabel(db: Executor, taskId: string, labelId: string | undefined) {
  if (labelId === undefined) return;
  const head = await headRevision(db, taskId, MAIN_BRANCH);
  const doc = head ? storedDocument(head.document) : null;
  const found =
    doc !== null &&
    (doc.objects.some((o) => o.id === labelId) ||
      doc.classifications.some((c) => `classification:${c.featureId}` === labelId));
  if (!found) throw invalid('labelId', 'is not a label in the task’s current labels');
}

// ——— Reading ———————————————————————————————————————————————————————————————

async function presentById(db: Executor, id: string) {
  const row = await issueById(db, id);
  if (!row) throw notFound('Issue');
  const mentions = await mentionsOf(db, [id]);
  return presentIssue(row, mentions.get(id) ?? []);
}

/** The most comments one read returns; commentCount tells whether there are more. */
const COMMENTS_SHOWN = 1000;

export async function getIssue(deps: AppDeps, ctx: RequestContext, issueId: string) {
  await issueScene(deps.db, deps.dialect, ctx, issueId, 'project.view_queue');
  const issue = await presentById(deps.db, issueId);
  const comments = await commentsOf(deps.db, issueId, COMMENTS_SHOWN);
  return { ...issue, comments: comments.map(presentComment) };
}

function readCursor(cursor: string | undefined): IssuePage['after'] {
  const key = decodeCursor(cursor, 2);
  if (!key) return null;
  const [createdAt, id] = key;
  if (typeof createdAt !== 'string' || typeof id !== 'string') {
    throw invalid('cursor', 'is not a cursor this endpoint returned');
  }
  return { createdAt, id };
}

async function issuePage(db: Executor, rows: Awaited<ReturnType<typeof projectIssues>>, limit: number) {
  const mentions = await mentionsOf(
    db,
    rows.slice(0, limit).map((r) => r.id),
  );
  return toPage(
    rows,
    limit,
    (r) => [r.created_at, r.id],
    (r) => presentIssue(r, mentions.get(r.id) ?? []),
  );
}

export interface ProjectIssueQuery {
  status?: 'open' | 'resolved' | undefined;
  /** A user id, `me`, or `none` (unassigned). */
  assigneeId?: string | undefined;
  /** A user id or `me`. */
  authorId?: string | undefined;
  stageId?: string | undefined;
  taskId?: string | undefined;
  labelId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** A project's issues, newest first: every issue for managers, the ones involving them for others. */
export async function listProjectIssues(
  deps: AppDeps,
  ctx: RequestContext,
  projectId: string,
  query: ProjectIssueQuery,
) {
  const access = await projectAccess(deps.db, deps.dialect, ctx, projectId, 'project.view_queue');
  const me = ctx.user.id;
  const filter: ProjectIssueFilter = {
    status: query.status,
    assigneeId: query.assigneeId === 'none' ? null : query.assigneeId === 'me' ? me : query.assigneeId,
    authorId: query.authorId === 'me' ? me : query.authorId,
    stageId: query.stageId,
    taskId: query.taskId,
    labelId: query.labelId,
  };
  const page = { after: readCursor(query.cursor), limit: query.limit };
  const viewer = managesQueue(access.role) ? null : me;
  const rows = await projectIssues(deps.db, projectId, filter, viewer, page);
  return issuePage(deps.db, rows, query.limit);
}

export interface MyIssueQuery {
  involvement?: Involvement | undefined;
  status?: 'open' | 'resolved' | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The caller's issues across the projects they hold a role on, newest first. */
export async function listMyIssues(deps: AppDeps, ctx: RequestContext, query: MyIssueQuery) {
  if (!can(ctx.actor, 'issue.list', { kind: 'workspace' })) throw forbidden('list your issues');
  const page = { after: readCursor(query.cursor), limit: query.limit };
  const scope = listScope(deps.db, ctx.actor, 'project');
  const rows = await userIssues(deps.db, ctx.user.id, query, scope, page);
  return issuePage(deps.db, rows, query.limit);
}

/** Open and total issues of each task (absent: none), for the queue's rows. */
export const issueCountsOfTasks = (db: Executor, taskIds: readonly string[]) => issueCountsOf(db, taskIds);

/** A task as the queue shows it, with its open and total issue counts. */
export async function withIssueCounts<T extends { id: string }>(db: Executor, task: T) {
  const counts = (await issueCountsOf(db, [task.id])).get(task.id);
  return { ...task, openIssues: counts?.open ?? 0, issues: counts?.total ?? 0 };
}

// ——— Changing ——————————————————————————————————————————————————————————————

export interface CreateIssue {
  body: string;
  tags?: string[] | undefined;
  labelId?: string | undefined;
  frameStart?: number | undefined;
  frameEnd?: number | undefined;
  pin?: { x: number; y: number } | undefined;
  assigneeId?: string | undefined;
  mentions?: string[] | undefined;
}

/** A frame range; a single frame is stored as a range of one. */
function framesOf(input: CreateIssue) {
  if (input.frameStart === undefined) {
    if (input.frameEnd !== undefined) throw invalid('frameEnd', 'needs frameStart');
    return { frameStart: null, frameEnd: null };
  }
  const frameEnd = input.frameEnd ?? input.frameStart;
  if (frameEnd < input.frameStart) throw invalid('frameEnd', 'must not be before frameStart');
  return { frameStart: input.frameStart, frameEnd };
}

/**
 * Raises an issue on a task the caller may see (as GET /tasks/:id decides, status gate included),
 * optionally on one of its labels, a frame range or a point, assigned to and mentioning members.
 */
export async function createIssue(deps: AppDeps, ctx: RequestContext, taskId: string, input: CreateIssue) {
  const now = deps.clock();
  const { ts } = await visibleTask(deps, ctx, taskId, now);
  const projectId = ts.row.project_id;
  if (!can(ctx.actor, 'project.raise_issue', { kind: 'project', id: projectId, role: ts.worker.role })) {
    throw forbidden(ACTION_WORDS['project.raise_issue']);
  }
  const frames = framesOf(input);
  const mentions = distinct(input.mentions ?? []);
  return deps.db.transaction().execute(async (trx) => {
    await requireLabel(trx, taskId, input.labelId);
    await requireMembers(trx, projectId, input.assigneeId ? [input.assigneeId] : [], 'assigneeId');
    await requireMembers(trx, projectId, mentions, 'mentions');
    const [id] = await openIssues(trx, now, [
      {
        projectId,
        taskId,
        stageId: ts.row.stage_id,
        authorId: ctx.user.id,
        body: input.body,
        tags: input.tags ?? [],
        labelId: input.labelId ?? null,
        assigneeId: input.assigneeId ?? null,
        ...frames,
        pin: input.pin ?? null,
      },
    ]);
    await insertMentions(trx, id!, mentions, nowIso(now));
    return presentById(trx, id!);
  });
}

/** Adds a comment to an issue the caller may see, recording whom it @mentions. */
export async function commentOnIssue(
  deps: AppDeps,
  ctx: RequestContext,
  issueId: string,
  input: { body: string; mentions?: string[] | undefined },
) {
  const now = deps.clock();
  const at = nowIso(now);
  return deps.db.transaction().execute(async (trx) => {
    const { row, access } = await issueScene(trx, deps.dialect, ctx, issueId, 'project.raise_issue');
    requireChangeable(access, 'work');
    const mentions = distinct(input.mentions ?? []);
    await requireMembers(trx, row.project_id, mentions, 'mentions');
    const commentId = newId(now);
    await insertComment(trx, {
      id: commentId,
      issue_id: issueId,
      author_id: ctx.user.id,
      body: input.body,
      created_at: at,
    });
    await insertMentions(trx, issueId, mentions, at);
    await touchIssue(trx, issueId, at);
    await recordTaskEvent(
      trx,
      {
        projectId: row.project_id,
        taskId: row.task_id,
        kind: 'issue_commented',
        stageId: row.task_stage_id,
        actorId: ctx.user.id,
        data: { issueId, commentId },
      },
      now,
    );
    return presentComment(await commentById(trx, commentId));
  });
}

export interface UpdateIssue {
  revision: number;
  status?: 'open' | 'resolved' | undefined;
  assigneeId?: string | null | undefined;
  tags?: string[] | undefined;
}

type IssueChange = Parameters<typeof updateIssueAt>[3];

/** What the update changes (nothing: null), and the event a change of status writes. */
function changeOf(row: StoredIssue, input: UpdateIssue, me: string, at: string) {
  const set: IssueChange = { updated_at: at };
  let changed = false;
  let event: 'issue_resolved' | 'issue_reopened' | null = null;
  if (input.status !== undefined && input.status !== row.status) {
    const resolving = input.status === 'resolved';
    Object.assign(set, {
      status: input.status,
      resolved_at: resolving ? at : null,
      resolved_by: resolving ? me : null,
    });
    event = resolving ? 'issue_resolved' : 'issue_reopened';
    changed = true;
  }
  if (input.assigneeId !== undefined && input.assigneeId !== row.assignee_id) {
    set.assignee_id = input.assigneeId;
    changed = true;
  }
  if (input.tags !== undefined) {
    const tags = JSON.stringify(distinct(input.tags));
    if (tags !== row.tags) {
      set.tags = tags;
      changed = true;
    }
  }
  return changed ? { set, event } : null;
}

/**
 * Resolves, reopens, reassigns or retags an issue: managers any, other members the issues they
 * raised or are assigned (issue.update). Made against the revision the caller read (409 when it
 * moved on); asking for what is already so changes nothing.
 */
export async function updateIssue(deps: AppDeps, ctx: RequestContext, issueId: string, input: UpdateIssue) {
  const now = deps.clock();
  const at = nowIso(now);
  const me = ctx.user.id;
  return deps.db.transaction().execute(async (trx) => {
    const { row, access } = await issueScene(trx, deps.dialect, ctx, issueId, 'project.view_queue');
    const mine = row.author_id === me || row.assignee_id === me;
    if (!can(ctx.actor, 'issue.update', { kind: 'issue', project: access.resource, mine })) {
      throw forbidden('change this issue (its author, its assignee and managers may)');
    }
    requireChangeable(access, 'work');
    if (input.assigneeId) await requireMembers(trx, row.project_id, [input.assigneeId], 'assigneeId');
    if (input.revision !== row.revision) throw revisionConflict('This issue', row.revision);
    const change = changeOf(row, input, me, at);
    if (change) {
      if ((await updateIssueAt(trx, issueId, input.revision, change.set)) === 0) {
        // A concurrent change got in between the read and the write (PostgreSQL).
        const current = await findIssue(trx, issueId);
        throw revisionConflict('This issue', current?.revision ?? row.revision + 1);
      }
      if (change.event) {
        await recordTaskEvent(
          trx,
          {
            projectId: row.project_id,
            taskId: row.task_id,
            kind: change.event,
            stageId: row.task_stage_id,
            actorId: me,
            subjectId: row.author_id,
            data: { issueId },
          },
          now,
        );
      }
    }
    return presentById(trx, issueId);
  });
}

// ——— Issue tags ————————————————————————————————————————————————————————————

/** In code-point order, the same on both databases (their collations differ). */
const tagNames = async (db: Executor, projectId: string) =>
  (await issueTagsOf(db, projectId)).map((t) => t.name).sort();

export async function getIssueTags(deps: AppDeps, ctx: RequestContext, projectId: string) {
  await projectAccess(deps.db, deps.dialect, ctx, projectId, 'project.read');
  return { items: (await tagNames(deps.db, projectId)).map((name) => ({ name })) };
}

/** Replaces the project's list of issue tags (the common rejection reasons offered to reviewers). */
export async function putIssueTags(deps: AppDeps, ctx: RequestContext, projectId: string, names: string[]) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const access = await projectAccess(trx, deps.dialect, ctx, projectId, 'project.manage_issue_tags');
    requireChangeable(access, 'manage');
    const before = await tagNames(trx, projectId);
    const after = distinct(names).sort();
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await replaceIssueTags(trx, projectId, after, nowIso(now));
      await recordAudit(
        trx,
        auditSourceOf(ctx),
        {
          action: 'project.update_issue_tags',
          targetType: 'project',
          targetId: projectId,
          before: { names: before },
          after: { names: after },
        },
        now,
      );
    }
    return { items: after.map((name) => ({ name })) };
  });
}
