import { z } from 'zod';
import {
  type LabelDocument,
  LabelDocumentSchema,
  LabelFormatError,
  labelIssueText,
  migrateLabels,
  validateLabels,
} from '../../../core/labels/index.ts';
import { can } from '../../../core/policy/index.ts';
import { stageById, TERMINAL_STAGE_TYPES } from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, forbidden, invalid, notFound, revisionConflict } from '../../http/errors.ts';
import { Id } from '../../http/schemas.ts';
import { readableProject } from '../access/person-scope.ts';
import { datasetResourceFor, projectGateFor } from '../access/service.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';
import { documentIssues, MAIN_BRANCH, projectOntology, storedDocument } from '../labels/heads.ts';
import { headRevision } from '../labels/queries.ts';
import { workflowAt } from '../queue/workflow-store.ts';
import { benchmarkSettings } from './settings.ts';

// Gold sets: named collections of a project's reference labels. A gold task is a data unit and
// a snapshot of the labels taken as the truth — a completed task's main branch in a gold project
// the caller also manages, or an imported document — checked against this project's ontology, so
// the annotators scored against it could have drawn it. Gold units are not the project's own.

export const GoldSetIn = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).optional(),
});

export const GoldSetPatch = z.strictObject({
  revision: z.number().int().min(1),
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().max(2000).optional(),
});

export const GoldTasksIn = z.strictObject({
  taskIds: z
    .array(Id)
    .max(1000)
    .optional()
    .describe('Completed tasks of a gold project you also manage: their main labels become gold'),
  items: z
    .array(z.strictObject({ dataUnitId: Id, document: LabelDocumentSchema }))
    .max(1000)
    .optional()
    .describe('Imported reference labels, for data units you may read that this project does not label'),
});
export type GoldTasksIn = z.infer<typeof GoldTasksIn>;

/** 404 for an unknown project, 403 unless the caller may manage its benchmarks. */
export async function requireBenchmarkManager(deps: AppDeps, ctx: RequestContext, projectId: string) {
  const project = await readableProject(deps, ctx, projectId);
  if (!can(ctx.actor, 'project.manage_benchmark', project.resource)) {
    throw forbidden('manage this project’s benchmarks');
  }
  return project;
}

async function goldSetRow(db: Executor, id: string) {
  return db.selectFrom('gold_sets').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The gold set, after checking the caller may manage its project's benchmarks. */
async function managedGoldSet(deps: AppDeps, ctx: RequestContext, id: string) {
  const row = await goldSetRow(deps.db, id);
  if (!row) throw notFound('Gold set');
  await requireBenchmarkManager(deps, ctx, row.project_id);
  return row;
}

const countsOf = (db: Executor, setIds: readonly string[]) =>
  setIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('gold_tasks')
        .select(['gold_set_id', (eb) => eb.fn.countAll().as('n')])
        .where('gold_set_id', 'in', setIds)
        .groupBy('gold_set_id')
        .execute();

type GoldSetRow = NonNullable<Awaited<ReturnType<typeof goldSetRow>>>;
const presentSet = (row: GoldSetRow, taskCount: number) => ({
  id: row.id,
  projectId: row.project_id,
  name: row.name,
  description: row.description,
  taskCount,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  revision: row.revision,
});

export async function listGoldSets(deps: AppDeps, ctx: RequestContext, projectId: string) {
  await requireBenchmarkManager(deps, ctx, projectId);
  const rows = await deps.db
    .selectFrom('gold_sets')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('name')
    .execute();
  const counts = new Map(
    (
      await countsOf(
        deps.db,
        rows.map((r) => r.id),
      )
    ).map((c) => [c.gold_set_id, Number(c.n)]),
  );
  return { items: rows.map((r) => presentSet(r, counts.get(r.id) ?? 0)) };
}

async function requireNameFree(db: Executor, projectId: string, name: string, except?: string) {
  const clash = await db
    .selectFrom('gold_sets')
    .select('id')
    .where('project_id', '=', projectId)
    .where('name', '=', name)
    .$if(except !== undefined, (q) => q.where('id', '!=', except!))
    .executeTakeFirst();
  if (clash) throw conflict('name_taken', `This project already has a gold set named “${name}”.`, 'name');
}

export async function createGoldSet(
  deps: AppDeps,
  ctx: RequestContext,
  projectId: string,
  input: z.infer<typeof GoldSetIn>,
) {
  await requireBenchmarkManager(deps, ctx, projectId);
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    await requireNameFree(trx, projectId, input.name);
    const row = {
      id: newId(now),
      project_id: projectId,
      name: input.name,
      description: input.description ?? '',
      created_by: ctx.user.id,
      created_at: nowIso(now),
      updated_at: nowIso(now),
      revision: 1,
    };
    await trx.insertInto('gold_sets').values(row).execute();
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      { action: 'gold_set.create', targetType: 'gold_set', targetId: row.id, after: input },
      now,
    );
    return presentSet(row, 0);
  });
}

export async function updateGoldSet(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof GoldSetPatch>,
) {
  const before = await managedGoldSet(deps, ctx, id);
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    if (input.name !== undefined) await requireNameFree(trx, before.project_id, input.name, id);
    const done = await trx
      .updateTable('gold_sets')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        updated_at: nowIso(now),
        revision: input.revision + 1,
      })
      .where('id', '=', id)
      .where('revision', '=', input.revision)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw revisionConflict('The gold set', before.revision);
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'gold_set.update',
        targetType: 'gold_set',
        targetId: id,
        before: { name: before.name, description: before.description },
        after: { name: input.name, description: input.description },
      },
      now,
    );
    return getGoldSetIn(trx, id);
  });
}

export async function deleteGoldSet(deps: AppDeps, ctx: RequestContext, id: string) {
  const row = await managedGoldSet(deps, ctx, id);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const settings = await benchmarkSettings(trx, row.project_id);
    const use = [settings.screening, settings.monitoring].some((s) => s?.goldSetId === id);
    if (use) {
      throw conflict(
        'gold_set_in_use',
        'The project’s screening or monitoring uses this gold set; choose another there first.',
      );
    }
    // Attempts belong to their gold set: deleting it would erase who passed screening.
    const attempt = await trx
      .selectFrom('screening_attempts')
      .select('id')
      .where('gold_set_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (attempt) {
      throw conflict(
        'gold_set_has_attempts',
        'Screening attempts were taken on this gold set; it stays as their record (remove its gold tasks instead).',
      );
    }
    await trx.deleteFrom('gold_sets').where('id', '=', id).execute();
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      { action: 'gold_set.delete', targetType: 'gold_set', targetId: id, before: { name: row.name } },
      now,
    );
  });
}

async function getGoldSetIn(db: Executor, id: string) {
  const row = await goldSetRow(db, id);
  if (!row) throw notFound('Gold set');
  const tasks = await db
    .selectFrom('gold_tasks as g')
    .innerJoin('data_units as u', 'u.id', 'g.data_unit_id')
    .select([
      'g.id',
      'g.data_unit_id',
      'u.title',
      'g.source_task_id',
      'g.source_revision',
      'g.document',
      'g.created_at',
    ])
    .where('g.gold_set_id', '=', id)
    .orderBy('g.created_at')
    .orderBy('g.id')
    .execute();
  return {
    ...presentSet(row, tasks.length),
    tasks: tasks.map((t) => {
      const document = storedDocument(t.document);
      return {
        id: t.id,
        dataUnitId: t.data_unit_id,
        title: t.title,
        sourceTaskId: t.source_task_id,
        sourceRevision: t.source_revision,
        objects: document.objects.length,
        classifications: document.classifications.length,
        createdAt: t.created_at,
      };
    }),
  };
}

export async function getGoldSet(deps: AppDeps, ctx: RequestContext, id: string) {
  await managedGoldSet(deps, ctx, id);
  return getGoldSetIn(deps.db, id);
}

interface NewGold {
  dataUnitId: string;
  document: LabelDocument;
  sourceTaskId: string | null;
  sourceRevision: number | null;
}

/** A completed task's main labels, after checking the caller may manage that task's project. */
async function fromTask(deps: AppDeps, ctx: RequestContext, trx: Executor, taskId: string, field: string) {
  const task = await trx
    .selectFrom('tasks')
    .select(['id', 'project_id', 'data_unit_id', 'stage_id', 'gold_task_id'])
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!task || task.gold_task_id !== null) throw invalid(field, 'No such task.');
  const project = await projectGateFor(trx, deps.dialect, ctx.actor, task.project_id);
  if (!project || !can(ctx.actor, 'project.manage_benchmark', project.resource)) {
    throw invalid(field, 'is a task of a project whose benchmarks you do not manage');
  }
  const workflow = await workflowAt(trx, task.project_id, project.workflowVersion);
  const stage = workflow ? stageById(workflow, task.stage_id ?? '') : undefined;
  if (!stage || !TERMINAL_STAGE_TYPES.includes(stage.type)) {
    throw invalid(field, 'is not completed yet: only finished labels can be gold');
  }
  const head = await headRevision(trx, taskId, MAIN_BRANCH);
  if (!head) throw invalid(field, 'has no labels');
  return {
    dataUnitId: task.data_unit_id,
    document: storedDocument(head.document),
    sourceTaskId: taskId,
    sourceRevision: head.revision,
  };
}

/** Whether the caller may read the unit's dataset, or manages benchmarks of a project that labels it. */
async function mayUseUnit(
  deps: AppDeps,
  ctx: RequestContext,
  trx: Executor,
  unitId: string,
  datasetId: string,
) {
  if (can(ctx.actor, 'dataset.read', await datasetResourceFor(trx, ctx.actor, datasetId))) return true;
  const projects = await trx
    .selectFrom('tasks')
    .select('project_id')
    .distinct()
    .where('data_unit_id', '=', unitId)
    .where('gold_task_id', 'is', null)
    .execute();
  for (const { project_id } of projects) {
    const project = await projectGateFor(trx, deps.dialect, ctx.actor, project_id);
    if (project && can(ctx.actor, 'project.manage_benchmark', project.resource)) return true;
  }
  return false;
}

/** An imported document for a data unit the caller may read. */
async function fromImport(
  deps: AppDeps,
  ctx: RequestContext,
  trx: Executor,
  item: { dataUnitId: string; document: unknown },
  i: number,
) {
  const unit = await trx
    .selectFrom('data_units')
    .select('dataset_id')
    .where('id', '=', item.dataUnitId)
    .executeTakeFirst();
  if (!unit || !(await mayUseUnit(deps, ctx, trx, item.dataUnitId, unit.dataset_id))) {
    throw invalid(`items[${i}].dataUnitId`, 'is not a data unit you may read');
  }
  let document: unknown;
  try {
    document = migrateLabels(item.document);
  } catch (err) {
    if (err instanceof LabelFormatError) throw invalid(`items[${i}].document`, err.message);
    throw err;
  }
  return {
    dataUnitId: item.dataUnitId,
    document: document as LabelDocument,
    sourceTaskId: null,
    sourceRevision: null,
  };
}

/**
 * Gold must not be a task of the project it is served in: a project has one task per data unit,
 * and its annotators would meet the gold as real work. Keep gold data in a dataset of its own
 * (a gold project's).
 */
async function requireOutsideProject(trx: Executor, projectId: string, gold: NewGold, field: string) {
  const own = await trx
    .selectFrom('tasks')
    .select('id')
    .where('project_id', '=', projectId)
    .where('data_unit_id', '=', gold.dataUnitId)
    .where('gold_task_id', 'is', null)
    .executeTakeFirst();
  if (own) {
    throw invalid(
      field,
      'is a data unit of this project’s own tasks; take gold from a dataset the project does not label (a gold project’s)',
    );
  }
}

/** Refuses gold the project's annotators could not have drawn: it must pass the ontology's checks. */
async function requireValidGold(trx: Executor, projectId: string, gold: NewGold, field: string) {
  const ontology = await projectOntology(trx, projectId);
  if (!ontology) throw conflict('no_ontology', 'Give the project an ontology before adding gold tasks.');
  const unit = await trx
    .selectFrom('data_units')
    .select(['kind', 'width', 'height'])
    .where('id', '=', gold.dataUnitId)
    .executeTakeFirstOrThrow();
  const image =
    unit.kind === 'image' && unit.width && unit.height
      ? { image: { width: unit.width, height: unit.height } }
      : {};
  const checked = validateLabels(gold.document, ontology, { mode: 'save', ...image });
  if (checked.ok) return;
  const first = checked.issues[0]!;
  throw new AppError(400, 'invalid_labels', `${field}: ${labelIssueText(first)}`, `${field}.${first.path}`, {
    issues: documentIssues(checked.issues).map((d) => ({ ...d, path: `${field}.${d.path}` })),
  });
}

/** Adds gold tasks, all or nothing; a data unit already in the set gets its gold replaced. */
export async function addGoldTasks(deps: AppDeps, ctx: RequestContext, id: string, input: GoldTasksIn) {
  const set = await managedGoldSet(deps, ctx, id);
  if ((input.taskIds?.length ?? 0) + (input.items?.length ?? 0) === 0) {
    throw invalid('taskIds', 'give taskIds or items: the gold tasks to add');
  }
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const incoming: { gold: NewGold; field: string }[] = [];
    for (const [i, taskId] of (input.taskIds ?? []).entries()) {
      const field = `taskIds[${i}]`;
      incoming.push({ gold: await fromTask(deps, ctx, trx, taskId, field), field });
    }
    for (const [i, item] of (input.items ?? []).entries()) {
      incoming.push({ gold: await fromImport(deps, ctx, trx, item, i), field: `items[${i}].dataUnitId` });
    }
    const seen = new Set<string>();
    for (const { gold, field } of incoming) {
      if (seen.has(gold.dataUnitId)) throw invalid(field, 'names a data unit an earlier entry already names');
      seen.add(gold.dataUnitId);
      await requireOutsideProject(trx, set.project_id, gold, field);
      await requireValidGold(trx, set.project_id, gold, field.replace(/\.dataUnitId$/, '.document'));
    }
    for (const { gold } of incoming) {
      await trx
        .insertInto('gold_tasks')
        .values({
          id: newId(now),
          gold_set_id: id,
          data_unit_id: gold.dataUnitId,
          source_task_id: gold.sourceTaskId,
          source_revision: gold.sourceRevision,
          document: JSON.stringify(gold.document),
          created_by: ctx.user.id,
          created_at: nowIso(now),
        })
        .onConflict((oc) =>
          oc.columns(['gold_set_id', 'data_unit_id']).doUpdateSet({
            source_task_id: gold.sourceTaskId,
            source_revision: gold.sourceRevision,
            document: JSON.stringify(gold.document),
            created_by: ctx.user.id,
            created_at: nowIso(now),
          }),
        )
        .execute();
    }
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'gold_set.add_tasks',
        targetType: 'gold_set',
        targetId: id,
        after: { dataUnitIds: [...seen], taskIds: input.taskIds ?? [] },
      },
      now,
    );
    return getGoldSetIn(trx, id);
  });
}

export async function removeGoldTask(deps: AppDeps, ctx: RequestContext, id: string, goldTaskId: string) {
  await managedGoldSet(deps, ctx, id);
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const done = await trx
      .deleteFrom('gold_tasks')
      .where('id', '=', goldTaskId)
      .where('gold_set_id', '=', id)
      .executeTakeFirst();
    if (Number(done.numDeletedRows) !== 1) throw notFound('Gold task');
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      { action: 'gold_set.remove_task', targetType: 'gold_set', targetId: id, before: { goldTaskId } },
      now,
    );
    return getGoldSetIn(trx, id);
  });
}
