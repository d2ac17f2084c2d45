import { sql } from 'kysely';
import { can } from '../../../core/policy/index.ts';
import { managesQueue, mayWorkIn, TASK_STATUSES, type TaskStatus } from '../../../core/queue/index.ts';
import { resolveSettings, type Workflow } from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { projectResourceFor } from '../access/service.ts';
import { issueCountsOfTasks } from '../issues/service.ts';
import {
  claimable,
  defaultOrder,
  heldBy,
  type QueueFilter,
  type QueueSort,
  queueRows,
  type SortOrder,
} from './list-queries.ts';
import { presentTask } from './present.ts';
import { holdsOf } from './queries.ts';
import { workerFromActor } from './worker.ts';
import { findWorkflowVersion } from './workflow-store.ts';

// The queue list and the per-stage counts. Admins and Team Managers see every task; everyone
// else sees what they hold and what the next-task claim could give them, stage by stage — the
// same eligibility query the claim runs, asked of each row.

async function viewableProject(db: Executor, ctx: RequestContext, projectId: string): Promise<Workflow> {
  const project = await db
    .selectFrom('projects')
    .select(['id', 'workflow_version'])
    .where('id', '=', projectId)
    .executeTakeFirst();
  if (!project) throw notFound('Project');
  const resource = await projectResourceFor(db, ctx.actor, projectId);
  if (!can(ctx.actor, 'project.view_queue', resource)) throw forbidden('see this project’s queue');
  const version = await findWorkflowVersion(db, projectId, project.workflow_version);
  if (!version) throw new Error(`project ${projectId} has no workflow version ${project.workflow_version}`);
  return version.workflow;
}

export interface QueueQuery extends QueueFilter {
  sort: QueueSort;
  order?: SortOrder | undefined;
  cursor?: string | undefined;
  limit: number;
}

function readCursor(query: QueueQuery) {
  const key = decodeCursor(query.cursor, 2);
  if (!key) return null;
  const [value, id] = key;
  const wanted = query.sort === 'priority' ? 'number' : 'string';
  if (typeof value !== wanted || typeof id !== 'string') throw invalid('cursor', 'belongs to another sort');
  return { key: value!, id };
}

export async function listQueue(deps: AppDeps, ctx: RequestContext, projectId: string, query: QueueQuery) {
  const { db } = deps;
  const workflow = await viewableProject(db, ctx, projectId);
  const now = deps.clock();
  const at = nowIso(now);
  const worker = await workerFromActor(db, ctx.actor, projectId);
  const page = {
    sort: query.sort,
    order: query.order ?? defaultOrder(query.sort),
    after: readCursor(query),
    limit: query.limit,
  };
  const assigneeId = query.assigneeId === 'me' ? ctx.user.id : query.assigneeId;
  let scope: Parameters<typeof queueRows>[4] = null;
  if (!managesQueue(worker.role)) {
    const stages = workflow.stages.filter(
      (s) => mayWorkIn(s, worker) && (query.stageId === undefined || s.id === query.stageId),
    );
    if (query.stageId !== undefined && stages.length === 0) return { items: [], nextCursor: null };
    const open = stages.filter((s) => !resolveSettings(s).hideUnassignedTasks);
    scope = (eb) =>
      eb.or([
        heldBy(eb, worker.userId, at),
        ...open.map((stage) =>
          claimable(db, eb, {
            projectId,
            stage,
            settings: resolveSettings(stage),
            userId: worker.userId,
            now,
          }),
        ),
      ]);
  }
  const rows = await queueRows(
    db,
    projectId,
    { ...query, assigneeId, at, viewerId: ctx.user.id },
    page,
    scope,
  );
  const ids = rows.map((r) => r.id);
  const holds = await holdsOf(db, ids);
  // Counted for the page's tasks only: one grouped scan of the issues' task index.
  const issues = await issueCountsOfTasks(db, ids);
  return toPage(
    rows,
    query.limit,
    (r) => [query.sort === 'priority' ? Number(r.priority) : r.title, r.id],
    (r) => ({
      ...presentTask(
        { ...r, priority: Number(r.priority), revision: Number(r.revision) },
        workflow,
        holds.get(r.id) ?? [],
        now,
      ),
      openIssues: issues.get(r.id)?.open ?? 0,
      issues: issues.get(r.id)?.total ?? 0,
    }),
  );
}

/**
 * Tasks per stage of the current workflow, by status as presented (a lapsed claim counts as
 * released). Two grouped scans of the (project, stage, status) index: all tasks, then the
 * `assigned` ones that nobody holds any more.
 */
export async function stageCounts(deps: AppDeps, ctx: RequestContext, projectId: string) {
  const { db } = deps;
  const workflow = await viewableProject(db, ctx, projectId);
  const at = nowIso(deps.clock());
  const all = await db
    .selectFrom('tasks')
    .select(['stage_id', 'status', (eb) => eb.fn.countAll().as('n')])
    .where('project_id', '=', projectId)
    .where('gold_task_id', 'is', null)
    .groupBy(['stage_id', 'status'])
    .execute();
  const lapsed = await db
    .selectFrom('tasks as t')
    .select(['t.stage_id', (eb) => eb.fn.countAll().as('n')])
    .where('t.project_id', '=', projectId)
    .where('t.status', '=', 'assigned')
    .where((eb) =>
      eb.not(
        eb.or([
          eb.and([
            eb('t.assignee_id', 'is not', null),
            eb.or([
              eb('t.pinned', '=', 1),
              eb('t.lease_expires_at', 'is', null),
              eb('t.lease_expires_at', '>=', at),
            ]),
          ]),
          eb.exists(
            eb
              .selectFrom('task_holds as h')
              .select('h.task_id')
              .whereRef('h.task_id', '=', 't.id')
              .where(
                sql<boolean>`(h.state = 'submitted' or h.pinned = 1 or h.lease_expires_at is null or h.lease_expires_at >= ${at})`,
              ),
          ),
        ]),
      ),
    )
    .groupBy('t.stage_id')
    .execute();
  const counts = new Map(
    workflow.stages.map((s) => [
      s.id,
      Object.fromEntries(TASK_STATUSES.map((st) => [st, 0])) as Record<TaskStatus, number>,
    ]),
  );
  for (const r of all) {
    const byStatus = counts.get(r.stage_id ?? '');
    if (byStatus && r.status in byStatus) byStatus[r.status as TaskStatus] += Number(r.n);
  }
  for (const r of lapsed) {
    const byStatus = counts.get(r.stage_id ?? '');
    if (!byStatus) continue;
    byStatus.assigned -= Number(r.n);
    byStatus.released += Number(r.n);
  }
  return {
    stages: workflow.stages.map((s) => {
      const byStatus = counts.get(s.id)!;
      return { stageId: s.id, total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
    }),
  };
}
