import { can, roleOn } from '../../../core/policy/index.ts';
import { projectGate } from '../../../core/projects/status-gate.ts';
import type { ProjectRole } from '../../../core/roles.ts';
import { compareWorkflows, stageById, type Workflow } from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts';
import { projectResourceFor } from '../access/service.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';
import { withdrawGoldTask } from '../benchmarks/submission.ts';
import { lockProject } from '../projects/queries.ts';
import { recordTaskEvents, type TaskEvent } from '../queue/events.ts';
import { enterStage, type QueueEnv } from '../queue/placement.ts';
import { addWorkflowVersion, currentWorkflow, findWorkflowVersion } from '../queue/workflow-store.ts';
import { getWorkflowTemplate, validDefinition } from '../workflow-templates/service.ts';
import { presentVersion, presentWorkflow } from './present.ts';

// A project's workflow: its versions (read by every collaborator) and the change to a new version
// (project Admins). A change may remove stages; the tasks waiting in them are moved, in the same
// transaction, to the stages the request maps them to — or the change is refused.

type WorkflowAction = 'project.view_queue' | 'project.edit_workflow';

async function loadProject(db: Executor, ctx: RequestContext, id: string, action: WorkflowAction) {
  const row = await db
    .selectFrom('projects')
    .select(['id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Project');
  const resource = await projectResourceFor(db, ctx.actor, id);
  if (!can(ctx.actor, action, resource)) {
    throw forbidden(
      action === 'project.edit_workflow' ? 'change this project’s workflow' : 'see this project’s workflow',
    );
  }
  return { row, role: (roleOn(ctx.actor, resource) ?? 'annotator') as ProjectRole };
}

export async function getProjectWorkflow(deps: AppDeps, ctx: RequestContext, projectId: string) {
  await loadProject(deps.db, ctx, projectId, 'project.view_queue');
  return presentWorkflow(await currentWorkflow(deps.db, projectId));
}

export async function listProjectWorkflowVersions(deps: AppDeps, ctx: RequestContext, projectId: string) {
  await loadProject(deps.db, ctx, projectId, 'project.view_queue');
  const rows = await deps.db
    .selectFrom('project_workflows')
    .select(['project_id', 'version', 'template_id', 'note', 'created_by', 'created_at'])
    .where('project_id', '=', projectId)
    .orderBy('version', 'desc')
    .execute();
  return {
    items: rows.map((r) =>
      presentVersion({
        projectId: r.project_id,
        version: Number(r.version),
        templateId: r.template_id,
        note: r.note,
        createdBy: r.created_by,
        createdAt: r.created_at,
      }),
    ),
  };
}

export async function getProjectWorkflowVersion(
  deps: AppDeps,
  ctx: RequestContext,
  projectId: string,
  version: number,
) {
  await loadProject(deps.db, ctx, projectId, 'project.view_queue');
  const found = await findWorkflowVersion(deps.db, projectId, version);
  if (!found) throw notFound('Workflow version');
  return presentWorkflow(found);
}

export interface WorkflowChangeInput {
  workflow: unknown;
  baseVersion: number;
  stageMapping?: Record<string, string> | undefined;
  note?: string | undefined;
}

/**
 * Checks the mapping against what the change removes: keys must be removed stages, targets stages
 * of the new workflow where a task can rest (not routers).
 */
function checkMapping(next: Workflow, removed: readonly string[], mapping: Record<string, string>) {
  for (const [from, to] of Object.entries(mapping)) {
    const field = `stageMapping.${from}`;
    if (!removed.includes(from)) throw invalid(field, 'is not a stage this change removes');
    const target = stageById(next, to);
    if (!target) throw invalid(field, `“${to}” is not a stage of the new workflow`);
    if (target.type === 'router')
      throw invalid(field, 'tasks cannot wait in a router; map them to a work or terminal stage');
  }
}

/**
 * Gold tasks being worked in removed stages are withdrawn, not mapped: moved on, one could land in
 * a review stage or the project's output (see benchmarks/submission.ts).
 */
async function withdrawGoldIn(trx: Executor, projectId: string, stageIds: readonly string[]) {
  if (stageIds.length === 0) return;
  const served = await trx
    .selectFrom('tasks')
    .select('id')
    .where('project_id', '=', projectId)
    .where('stage_id', 'in', [...stageIds])
    .where('gold_task_id', 'is not', null)
    .execute();
  for (const { id } of served) await withdrawGoldTask(trx, id);
}

/** Removed stages that hold tasks, with the ids of those tasks. */
async function tasksInStages(trx: Executor, projectId: string, stageIds: readonly string[]) {
  const byStage = new Map<string, string[]>();
  if (stageIds.length === 0) return byStage;
  const rows = await trx
    .selectFrom('tasks')
    .select(['id', 'stage_id'])
    .where('project_id', '=', projectId)
    .where('stage_id', 'in', [...stageIds])
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = byStage.get(r.stage_id!) ?? [];
    list.push(r.id);
    byStage.set(r.stage_id!, list);
  }
  return byStage;
}

export async function changeProjectWorkflow(
  deps: AppDeps,
  ctx: RequestContext,
  projectId: string,
  input: WorkflowChangeInput,
) {
  const mapping = input.stageMapping ?? {};
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { row, role } = await loadProject(trx, ctx, projectId, 'project.edit_workflow');
    const refusal = projectGate(row.status, role, 'manage');
    if (refusal) throw new AppError(409, refusal.code, refusal.message, undefined, { status: row.status });
    const next = validDefinition(input.workflow, 'workflow');
    // Serialises changes to one project: a second request waits here, then sees the first's version.
    await lockProject(trx, projectId);
    const current = await currentWorkflow(trx, projectId);
    if (current.version !== input.baseVersion) {
      throw new AppError(
        409,
        'workflow_version_conflict',
        `The workflow was changed by someone else (now at version ${current.version}); reload and try again.`,
        'baseVersion',
        { currentVersion: current.version },
      );
    }
    const changes = compareWorkflows(current.workflow, next);
    if (changes.typeChanged.length > 0) {
      const names = changes.typeChanged.map((id) => `“${stageById(current.workflow, id)?.name ?? id}”`);
      throw new AppError(
        409,
        'stage_type_changed',
        `A stage’s type cannot change (${names.join(', ')}); add a new stage and map the old one to it instead.`,
        'workflow.stages',
        { stageIds: changes.typeChanged },
      );
    }
    checkMapping(next, changes.removedStageIds, mapping);
    await withdrawGoldIn(trx, projectId, changes.removedStageIds);
    const held = await tasksInStages(trx, projectId, changes.removedStageIds);
    for (const [stageId, taskIds] of held) {
      if (!mapping[stageId]) {
        const name = stageById(current.workflow, stageId)?.name ?? stageId;
        throw new AppError(
          400,
          'unmapped_stage',
          `Stage “${name}” holds ${taskIds.length} task(s): map it to a stage of the new workflow.`,
          `stageMapping.${stageId}`,
          { stageId, taskCount: taskIds.length },
        );
      }
    }

    const version = await addWorkflowVersion(
      trx,
      { projectId, workflow: next, templateId: null, note: input.note ?? '', createdBy: ctx.user.id },
      now,
    );
    await trx
      .updateTable('projects')
      .set({ updated_at: nowIso(now) })
      .where('id', '=', projectId)
      .execute();
    // The move is logged before the entry, so a task's log reads moved → (sampled out / completed).
    const moves = [...held].flatMap(([stageId, taskIds]) =>
      taskIds.map((taskId) => ({ taskId, stageId, target: mapping[stageId]! })),
    );
    await recordTaskEvents(
      trx,
      moves.map(
        (m): TaskEvent => ({
          projectId,
          taskId: m.taskId,
          kind: 'moved',
          stageId: m.stageId,
          toStageId: m.target,
          actorId: ctx.user.id,
          data: {
            reason: `workflow changed to version ${version}`,
            fromVersion: current.version,
            toVersion: version,
          },
        }),
      ),
      now,
    );
    const env: QueueEnv = { now, random: deps.random, actorId: ctx.user.id };
    for (const m of moves) {
      await enterStage(
        trx,
        env,
        next,
        { id: m.taskId, project_id: projectId, stage_id: m.stageId },
        { stageId: m.target, status: 'new', holder: { kind: 'none' } },
      );
    }
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'project.workflow.update',
        targetType: 'project',
        targetId: projectId,
        before: { version: current.version },
        after: {
          version,
          removedStageIds: changes.removedStageIds,
          addedStageIds: changes.addedStageIds,
          stageMapping: mapping,
          tasksMoved: moves.length,
        },
      },
      now,
    );
    return presentWorkflow((await findWorkflowVersion(trx, projectId, version))!);
  });
}

/** The workflow a new project starts with, as its creator chose it. */
export interface ChosenWorkflow {
  workflow: Workflow;
  templateId: string | null;
}

/**
 * A new project's workflow: from a template (built-in or saved, which the caller must be allowed
 * to see), from a document sent in full, or — neither named — the built-in Annotate → Review.
 */
export async function chooseWorkflow(
  deps: AppDeps,
  ctx: RequestContext,
  input: { workflowTemplateId?: string | undefined; workflow?: unknown },
  fallback: () => { id: string; workflow: Workflow },
): Promise<ChosenWorkflow> {
  if (input.workflowTemplateId !== undefined && input.workflow !== undefined) {
    throw invalid('workflow', 'give either workflowTemplateId or workflow, not both');
  }
  if (input.workflow !== undefined)
    return { workflow: validDefinition(input.workflow, 'workflow'), templateId: null };
  if (input.workflowTemplateId === undefined) {
    const d = fallback();
    return { workflow: d.workflow, templateId: d.id };
  }
  if (!can(ctx.actor, 'workflow_template.list', { kind: 'workspace' })) {
    throw new AppError(403, 'forbidden', 'You may not use workflow templates.', 'workflowTemplateId', {
      action: 'workflow_template.list',
    });
  }
  try {
    const t = await getWorkflowTemplate(deps, ctx, input.workflowTemplateId);
    return { workflow: t.definition, templateId: t.id };
  } catch (err) {
    if (err instanceof AppError && err.status === 404)
      throw invalid('workflowTemplateId', 'no such workflow template');
    throw err;
  }
}
