import { can, roleOn } from '../../../core/policy/index.ts';
import { projectGate } from '../../../core/projects/status-gate.ts';
import type { ProjectRole } from '../../../core/roles.ts';
import type { Workflow } from '../../../core/workflow/index.ts';
import type { DialectName, Executor } from '../../db/database.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { projectResourceFor } from '../access/service.ts';
import { findWorkflowVersion } from './workflow-store.ts';

// What every manager action loads first, inside its transaction: the project (404), the right
// to manage its queue (403), the status gate (Archived refuses: 409), its current workflow, and
// the tasks acted on — locked on PostgreSQL so a concurrent claim or submit waits for us.

export interface ManagedProject {
  id: string;
  workflow: Workflow;
}

export async function managedProject(
  trx: Executor,
  ctx: RequestContext,
  projectId: string,
): Promise<ManagedProject> {
  const project = await trx
    .selectFrom('projects')
    .select(['id', 'status', 'workflow_version'])
    .where('id', '=', projectId)
    .executeTakeFirst();
  if (!project) throw notFound('Project');
  const resource = await projectResourceFor(trx, ctx.actor, projectId);
  if (!can(ctx.actor, 'project.manage_queue', resource)) throw forbidden('manage this project’s queue');
  const role = (roleOn(ctx.actor, resource) as ProjectRole | null) ?? 'annotator';
  const refusal = projectGate(project.status, role, 'manage');
  if (refusal) throw new AppError(409, refusal.code, refusal.message, undefined, { status: project.status });
  const version = await findWorkflowVersion(trx, projectId, project.workflow_version);
  if (!version) throw new Error(`project ${projectId} has no workflow version ${project.workflow_version}`);
  return { id: projectId, workflow: version.workflow };
}

/** A task as the manager actions read and change it. */
export interface QueueTask {
  id: string;
  project_id: string;
  stage_id: string | null;
  status: string;
  priority: number;
  assignee_id: string | null;
  pinned: number;
  lease_expires_at: string | null;
  revision: number;
}

const CHUNK = 500;

/** The tasks with these ids (any project), locked for the transaction on PostgreSQL. */
export async function lockTasks(
  trx: Executor,
  dialect: DialectName,
  ids: readonly string[],
): Promise<Map<string, QueueTask>> {
  const found = new Map<string, QueueTask>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await trx
      .selectFrom('tasks')
      .select([
        'id',
        'project_id',
        'stage_id',
        'status',
        'priority',
        'assignee_id',
        'pinned',
        'lease_expires_at',
        'revision',
      ])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      // Gold tasks served to one annotator are not the managers' to move or hand out.
      .where('gold_task_id', 'is', null)
      .orderBy('id')
      .$if(dialect === 'postgres', (q) => q.forUpdate())
      .execute();
    for (const r of rows)
      found.set(r.id, { ...r, priority: Number(r.priority), revision: Number(r.revision) });
  }
  return found;
}

/** The project a task belongs to, read before the project is loaded (404 when no such task). */
export async function projectOfTask(trx: Executor, taskId: string): Promise<string> {
  const row = await trx.selectFrom('tasks').select('project_id').where('id', '=', taskId).executeTakeFirst();
  if (!row) throw notFound('Task');
  return row.project_id;
}
