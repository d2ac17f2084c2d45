import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB, IssueCommentsTable, IssuesTable } from '../../db/schema.ts';
import type { listScope } from '../access/service.ts';

// Issues, their comments and mentions, and a project's issue tags. Lists read `issues as i` with
// the task's title and the people's names joined in, newest first, a page at a time.

const CHUNK = 500;

export type IssueRow = Omit<IssuesTable, 'tags' | 'revision'> & { tags: string; revision: number };

/** Inserts issues in multi-row statements. */
export async function insertIssues(db: Executor, rows: readonly IssueRow[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('issues')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/** Records that users were @mentioned in an issue (again: nothing changes). */
export async function insertMentions(db: Executor, issueId: string, userIds: readonly string[], at: string) {
  if (userIds.length === 0) return;
  await db
    .insertInto('issue_mentions')
    .values(userIds.map((user_id) => ({ issue_id: issueId, user_id, created_at: at })))
    .onConflict((oc) => oc.columns(['issue_id', 'user_id']).doNothing())
    .execute();
}

export const insertComment = (db: Executor, row: IssueCommentsTable) =>
  db.insertInto('issue_comments').values(row).execute();

/** The issue as stored, with the stage its task sits in now (for the events of changes to it). */
export const findIssue = (db: Executor, id: string) =>
  db
    .selectFrom('issues as i')
    .innerJoin('tasks as t', 't.id', 'i.task_id')
    .selectAll('i')
    .select('t.stage_id as task_stage_id')
    .where('i.id', '=', id)
    .executeTakeFirst();

export type StoredIssue = NonNullable<Awaited<ReturnType<typeof findIssue>>>;

type IssueEb = ExpressionBuilder<DB & { i: DB['issues']; t: DB['tasks'] }, 'i' | 't'>;

/** Per issue row: a seek in the mentions' primary key (issue_id, user_id). */
const mentionedIn = (eb: IssueEb, userId: string) =>
  eb.exists(
    eb
      .selectFrom('issue_mentions as m')
      .select('m.issue_id')
      .whereRef('m.issue_id', '=', 'i.id')
      .where('m.user_id', '=', userId),
  );

/** The issues mentioning the user, from issue_mentions_user_idx: for lists that start from the user. */
const mentioning = (eb: IssueEb, userId: string) =>
  eb('i.id', 'in', eb.selectFrom('issue_mentions as m').select('m.issue_id').where('m.user_id', '=', userId));

/**
 * The issues a project member who does not manage the queue may see: those they raised, are
 * assigned or were mentioned in, and those on tasks they hold or have worked on. Each branch is
 * a seek in a primary key or index (task_holds and task_workers lead with task_id).
 */
export function involves(eb: IssueEb, userId: string) {
  return eb.or([
    eb('i.author_id', '=', userId),
    eb('i.assignee_id', '=', userId),
    mentionedIn(eb, userId),
    eb('t.assignee_id', '=', userId),
    eb.exists(
      eb
        .selectFrom('task_holds as h')
        .select('h.task_id')
        .whereRef('h.task_id', '=', 'i.task_id')
        .where('h.user_id', '=', userId),
    ),
    eb.exists(
      eb
        .selectFrom('task_workers as w')
        .select('w.task_id')
        .whereRef('w.task_id', '=', 'i.task_id')
        .where('w.user_id', '=', userId),
    ),
  ]);
}

/** Whether a non-managing member may see the issue (see `involves`). */
export async function issueVisibleTo(db: Executor, issueId: string, userId: string) {
  const hit = await db
    .selectFrom('issues as i')
    .innerJoin('tasks as t', 't.id', 'i.task_id')
    .select('i.id')
    .where('i.id', '=', issueId)
    .where((eb) => involves(eb, userId))
    .executeTakeFirst();
  return hit !== undefined;
}

/** Changes an issue if it is still at `revision`; 0 rows updated means someone changed it first. */
export async function updateIssueAt(
  db: Executor,
  id: string,
  revision: number,
  set: Partial<Pick<IssuesTable, 'status' | 'assignee_id' | 'resolved_at' | 'resolved_by'>> & {
    tags?: string;
    updated_at: string;
  },
) {
  const res = await db
    .updateTable('issues')
    .set((eb) => ({ ...set, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** A comment makes the issue recently active without being an edit (its revision stays). */
export const touchIssue = (db: Executor, id: string, at: string) =>
  db.updateTable('issues').set({ updated_at: at }).where('id', '=', id).execute();

/**
 * Which of `userIds` are active members of the project: they hold a role on it, directly or
 * through a group, or are workspace Admins (who act as every project's Admin).
 */
export async function membersAmong(db: Executor, projectId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('users as u')
    .select('u.id')
    .where('u.id', 'in', userIds)
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('u.role', '=', 'admin'),
        eb.exists(
          eb
            .selectFrom('project_members as pm')
            .select('pm.project_id')
            .where('pm.project_id', '=', projectId)
            .where((m) =>
              m.or([
                m.and([m('pm.principal_type', '=', 'user'), m('pm.principal_id', '=', m.ref('u.id'))]),
                m.and([
                  m('pm.principal_type', '=', 'group'),
                  m(
                    'pm.principal_id',
                    'in',
                    m
                      .selectFrom('group_members as gm')
                      .select('gm.group_id')
                      .whereRef('gm.user_id', '=', 'u.id'),
                  ),
                ]),
              ]),
            ),
        ),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Issues with what their JSON shows: the task's title, names, and the number of comments. */
function issueSelect(db: Executor) {
  return db
    .selectFrom('issues as i')
    .innerJoin('tasks as t', 't.id', 'i.task_id')
    .innerJoin('data_units as du', 'du.id', 't.data_unit_id')
    .leftJoin('users as au', 'au.id', 'i.author_id')
    .leftJoin('users as asg', 'asg.id', 'i.assignee_id')
    .leftJoin('users as rb', 'rb.id', 'i.resolved_by')
    .selectAll('i')
    .select([
      'du.title as task_title',
      'au.name as author_name',
      'asg.name as assignee_name',
      'rb.name as resolved_by_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('issue_comments as c')
        .select((c) => c.fn.countAll().as('n'))
        .whereRef('c.issue_id', '=', 'i.id')
        .as('comment_count'),
    );
}

export type IssueListRow = Selectable<IssuesTable> & {
  task_title: string;
  author_name: string | null;
  assignee_name: string | null;
  resolved_by_name: string | null;
  comment_count: string | number | bigint | null;
};

export const issueById = (db: Executor, id: string) =>
  issueSelect(db).where('i.id', '=', id).executeTakeFirst() as Promise<IssueListRow | undefined>;

/** Where a page starts: after the last issue of the previous one (newest first). */
export interface IssuePage {
  after: { createdAt: string; id: string } | null;
  limit: number;
}

type PagedQuery = ReturnType<typeof issueSelect>;

function pageOf(q: PagedQuery, page: IssuePage) {
  const { after } = page;
  if (after) {
    // The bound on created_at alone lets the index scan start at the cursor.
    q = q
      .where('i.created_at', '<=', after.createdAt)
      .where((eb) =>
        eb.or([
          eb('i.created_at', '<', after.createdAt),
          eb.and([eb('i.created_at', '=', after.createdAt), eb('i.id', '<', after.id)]),
        ]),
      );
  }
  return q
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(page.limit + 1)
    .execute() as Promise<IssueListRow[]>;
}

export interface ProjectIssueFilter {
  status?: 'open' | 'resolved' | undefined;
  /** A user id, or null for unassigned issues. */
  assigneeId?: string | null | undefined;
  authorId?: string | undefined;
  stageId?: string | undefined;
  taskId?: string | undefined;
  labelId?: string | undefined;
}

/** Newest first, as pages are: created_at, then id, both descending. */
const newerFirst = (a: IssueListRow, b: IssueListRow) =>
  a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1;

/**
 * A page of a project's issues matching the filter; `viewer` (a member who does not manage the
 * queue) narrows them to the ones that involve them. Reads issues_project_idx (project, status,
 * created_at) in order, or issues_task_idx when one task is asked for.
 */
export async function projectIssues(
  db: Executor,
  projectId: string,
  f: ProjectIssueFilter,
  viewer: string | null,
  page: IssuePage,
) {
  const ofStatus = (status: IssuesTable['status'] | undefined) => {
    let q = issueSelect(db).where('i.project_id', '=', projectId);
    if (status) q = q.where('i.status', '=', status);
    if (f.assigneeId !== undefined) {
      const assignee = f.assigneeId;
      q = assignee === null ? q.where('i.assignee_id', 'is', null) : q.where('i.assignee_id', '=', assignee);
    }
    if (f.authorId) q = q.where('i.author_id', '=', f.authorId);
    if (f.stageId) q = q.where('i.stage_id', '=', f.stageId);
    if (f.taskId) q = q.where('i.task_id', '=', f.taskId);
    if (f.labelId) q = q.where('i.label_id', '=', f.labelId);
    if (viewer) q = q.where((eb) => involves(eb, viewer));
    return pageOf(q, page);
  };
  // A task has few issues: one query. Otherwise, without a status the index cannot give the
  // project's issues in time order, and one query would sort them all; each status's issues come
  // from it newest first, so two scans of at most a page each, merged, make the page.
  if (f.status || f.taskId) return ofStatus(f.status);
  const both = [...(await ofStatus('open')), ...(await ofStatus('resolved'))];
  return both.sort(newerFirst).slice(0, page.limit + 1);
}

export type Involvement = 'assigned' | 'authored' | 'mentioned';

/**
 * A page of the issues that involve `userId` across projects (assigned to them, raised by them or
 * mentioning them; all three when `involvement` is undefined), in the projects of `scope` (those
 * they hold a role on). Each kind seeks its own index (assignee, author, mentions).
 */
export function userIssues(
  db: Executor,
  userId: string,
  f: { involvement?: Involvement | undefined; status?: 'open' | 'resolved' | undefined },
  scope: ReturnType<typeof listScope>,
  page: IssuePage,
) {
  let q = issueSelect(db).where((eb) => {
    if (f.involvement === 'assigned') return eb('i.assignee_id', '=', userId);
    if (f.involvement === 'authored') return eb('i.author_id', '=', userId);
    if (f.involvement === 'mentioned') return mentioning(eb, userId);
    return eb.or([eb('i.assignee_id', '=', userId), eb('i.author_id', '=', userId), mentioning(eb, userId)]);
  });
  if (f.status) q = q.where('i.status', '=', f.status);
  if (scope.kind === 'ids') q = q.where('i.project_id', 'in', scope.ids);
  return pageOf(q, page);
}

/** Who was mentioned in each of the issues, by issue id. */
export async function mentionsOf(db: Executor, issueIds: readonly string[]) {
  const byIssue = new Map<string, { id: string; name: string }[]>();
  if (issueIds.length === 0) return byIssue;
  const rows = await db
    .selectFrom('issue_mentions as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.issue_id', 'u.id', 'u.name'])
    .where('m.issue_id', 'in', issueIds)
    .orderBy('m.created_at')
    .orderBy('u.name')
    .execute();
  for (const r of rows)
    byIssue.set(r.issue_id, [...(byIssue.get(r.issue_id) ?? []), { id: r.id, name: r.name }]);
  return byIssue;
}

/** The first `limit` comments of an issue, oldest first, with their authors' names. */
export const commentsOf = (db: Executor, issueId: string, limit: number) =>
  db
    .selectFrom('issue_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.author_id', 'u.name as author_name', 'c.body', 'c.created_at'])
    .where('c.issue_id', '=', issueId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();

export const commentById = (db: Executor, id: string) =>
  db
    .selectFrom('issue_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.author_id', 'u.name as author_name', 'c.body', 'c.created_at'])
    .where('c.id', '=', id)
    .executeTakeFirstOrThrow();

export type CommentRow = Awaited<ReturnType<typeof commentById>>;

/**
 * Open and total issues of each task, by task id (tasks without issues are absent): one grouped
 * scan of issues_task_idx (task_id, status) over the given tasks only.
 */
export async function issueCountsOf(db: Executor, taskIds: readonly string[]) {
  const counts = new Map<string, { open: number; total: number }>();
  if (taskIds.length === 0) return counts;
  const rows = await db
    .selectFrom('issues')
    .select(['task_id', 'status', (eb) => eb.fn.countAll().as('n')])
    .where('task_id', 'in', taskIds)
    .groupBy(['task_id', 'status'])
    .execute();
  for (const r of rows) {
    const c = counts.get(r.task_id) ?? { open: 0, total: 0 };
    c.total += Number(r.n);
    if (r.status === 'open') c.open += Number(r.n);
    counts.set(r.task_id, c);
  }
  return counts;
}

export const issueTagsOf = (db: Executor, projectId: string) =>
  db.selectFrom('project_issue_tags').select('name').where('project_id', '=', projectId).execute();

/** Replaces the project's issue tags with `names`. */
export async function replaceIssueTags(
  db: Executor,
  projectId: string,
  names: readonly string[],
  at: string,
) {
  await db.deleteFrom('project_issue_tags').where('project_id', '=', projectId).execute();
  if (names.length === 0) return;
  await db
    .insertInto('project_issue_tags')
    .values(names.map((name) => ({ project_id: projectId, name, created_at: at })))
    .execute();
}
