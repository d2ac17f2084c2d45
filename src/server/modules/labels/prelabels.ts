import { z } from 'zod';
import {
  diffLabels,
  LabelDocumentSchema,
  LabelFormatError,
  labelIssueText,
  migrateLabels,
  validateLabels,
} from '../../../core/labels/index.ts';
import { can, roleOn } from '../../../core/policy/index.ts';
import { projectGate } from '../../../core/projects/status-gate.ts';
import type { ProjectRole } from '../../../core/roles.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { Id } from '../../http/schemas.ts';
import { projectResourceFor } from '../access/service.ts';
import { auditSourceOf, recordAudit, systemSource } from '../audit/service.ts';
import { recordTaskEvents } from '../queue/events.ts';
import { changesByFeature } from './authorship.ts';
import { documentIssues, MAIN_BRANCH, projectOntology } from './heads.ts';

// Pre-labels: a model's predictions loaded as the first revision of tasks' labels, authored by
// the model (`model:<name>`), for annotators to correct rather than draw from scratch. Never over
// anyone's work: a task whose labels have a revision already is skipped. A batch is checked
// whole before anything is written, so a refused one changes nothing; a batch that passes is
// imported in one transaction.

/** One prediction: the task (by its id or its data unit's), and the labels document. */
export const PrelabelItemSchema = z.strictObject({
  taskId: Id.optional(),
  dataUnitId: Id.optional(),
  document: LabelDocumentSchema,
});

export type PrelabelItem = z.infer<typeof PrelabelItemSchema>;

export const ModelName = z
  .string()
  .regex(/^\S{1,128}$/, { error: 'must be 1–128 characters without spaces' })
  .describe('The model’s name: objects are authored by model:<name>');

export interface PrelabelBatch {
  model: string;
  items: readonly PrelabelItem[];
}

/** Who imports: a signed-in caller (checked by the policy), or the system (the CLI). */
export type Importer = RequestContext | null;

interface Target {
  taskId: string;
  stageId: string | null;
  kind: string;
  width: number | null;
  height: number | null;
  hasLabels: boolean;
}

async function requireImportable(db: Executor, importer: Importer, projectId: string) {
  const project = await db
    .selectFrom('projects')
    .select(['id', 'status'])
    .where('id', '=', projectId)
    .executeTakeFirst();
  if (!project) throw notFound('Project');
  let role: ProjectRole = 'admin';
  if (importer) {
    const resource = await projectResourceFor(db, importer.actor, projectId);
    if (!can(importer.actor, 'project.import_labels', resource))
      throw forbidden('import labels into this project');
    role = (roleOn(importer.actor, resource) as ProjectRole | null) ?? 'annotator';
  }
  const refusal = projectGate(project.status, role, 'manage');
  if (refusal) throw new AppError(409, refusal.code, refusal.message, undefined, { status: project.status });
}

/** The batch's tasks by item, each named by its task id or its data unit's id. */
async function targetsOf(db: Executor, projectId: string, items: readonly PrelabelItem[]): Promise<Target[]> {
  const taskIds = items.flatMap((i) => (i.taskId ? [i.taskId] : []));
  const unitIds = items.flatMap((i) => (i.dataUnitId ? [i.dataUnitId] : []));
  const rows = await db
    .selectFrom('tasks')
    .innerJoin('data_units as u', 'u.id', 'tasks.data_unit_id')
    .select((eb) => [
      'tasks.id',
      'tasks.data_unit_id',
      'tasks.stage_id',
      'u.kind',
      'u.width',
      'u.height',
      eb
        .exists(
          eb.selectFrom('label_revisions as r').select('r.task_id').whereRef('r.task_id', '=', 'tasks.id'),
        )
        .as('has_labels'),
    ])
    .where('tasks.project_id', '=', projectId)
    .where('tasks.gold_task_id', 'is', null)
    .where((eb) =>
      eb.or([
        ...(taskIds.length ? [eb('tasks.id', 'in', taskIds)] : []),
        ...(unitIds.length ? [eb('tasks.data_unit_id', 'in', unitIds)] : []),
        eb.lit(false),
      ]),
    )
    .execute();
  const byTask = new Map(rows.map((r) => [r.id, r]));
  const byUnit = new Map(rows.map((r) => [r.data_unit_id, r]));
  return items.map((item, i) => {
    if (!item.taskId === !item.dataUnitId)
      throw invalid(`items[${i}]`, 'name the task by taskId or dataUnitId (one of them)');
    const row = item.taskId ? byTask.get(item.taskId) : byUnit.get(item.dataUnitId!);
    if (!row) {
      const field = item.taskId ? 'taskId' : 'dataUnitId';
      throw invalid(`items[${i}].${field}`, 'is not a task of this project');
    }
    return {
      taskId: row.id,
      stageId: row.stage_id,
      kind: row.kind,
      width: row.width,
      height: row.height,
      hasLabels: Boolean(row.has_labels),
    };
  });
}

/** Checks a batch of pre-labels and, when every item passes, imports it. */
export async function importPrelabels(
  deps: AppDeps,
  importer: Importer,
  projectId: string,
  batch: PrelabelBatch,
) {
  const now = deps.clock();
  const at = nowIso(now);
  const author = `model:${batch.model}`;
  return deps.db.transaction().execute(async (trx) => {
    await requireImportable(trx, importer, projectId);
    const ontology = await projectOntology(trx, projectId);
    if (!ontology) {
      throw conflict(
        'no_ontology',
        'This project has no ontology to label with yet; a project Admin picks one.',
      );
    }
    const targets = await targetsOf(trx, projectId, batch.items);
    const seen = new Set<string>();
    const imported: { taskId: string; objects: number }[] = [];
    const skipped: { index: number; taskId: string; reason: string }[] = [];
    const events = [];
    for (const [i, item] of batch.items.entries()) {
      const target = targets[i]!;
      if (seen.has(target.taskId)) throw invalid(`items[${i}]`, 'names a task an earlier item already names');
      seen.add(target.taskId);
      let incoming: unknown;
      try {
        incoming = migrateLabels(item.document);
      } catch (err) {
        if (err instanceof LabelFormatError) throw invalid(`items[${i}].document`, err.message);
        throw err;
      }
      const image =
        target.kind === 'image' && target.width && target.height
          ? { image: { width: target.width, height: target.height } }
          : {};
      const checked = validateLabels(incoming, ontology, { mode: 'save', ...image });
      if (!checked.ok) {
        const first = checked.issues[0]!;
        throw new AppError(
          400,
          'invalid_labels',
          `items[${i}].document.${labelIssueText(first)}`,
          `items[${i}].document.${first.path}`,
          {
            issues: documentIssues(checked.issues).map((d) => ({ ...d, path: `items[${i}].${d.path}` })),
          },
        );
      }
      if (target.hasLabels) {
        skipped.push({
          index: i,
          taskId: target.taskId,
          reason: 'The task has labels already; pre-labels never replace them.',
        });
        continue;
      }
      const document = {
        ...checked.document,
        objects: checked.document.objects.map((o) => ({
          ...o,
          createdBy: author,
          createdAt: at,
          updatedBy: author,
          updatedAt: at,
        })),
      };
      const changes = { ...diffLabels(null, document), ...changesByFeature(null, document) };
      await trx
        .insertInto('label_revisions')
        .values({
          task_id: target.taskId,
          branch: MAIN_BRANCH,
          revision: 1,
          base_revision: null,
          format_version: document.formatVersion,
          document: JSON.stringify(document),
          author_id: null,
          model_name: batch.model,
          changes: JSON.stringify(changes),
          created_at: at,
        })
        .execute();
      events.push({
        projectId,
        taskId: target.taskId,
        kind: 'labels_saved' as const,
        stageId: target.stageId,
        actorId: null,
        data: { branch: MAIN_BRANCH, revision: 1, model: batch.model, ...changes },
      });
      imported.push({ taskId: target.taskId, objects: document.objects.length });
    }
    await recordTaskEvents(trx, events, now);
    await recordAudit(
      trx,
      importer ? auditSourceOf(importer) : systemSource,
      {
        action: 'project.import_labels',
        targetType: 'project',
        targetId: projectId,
        after: { model: batch.model, imported: imported.length, skipped: skipped.length },
      },
      now,
    );
    return { model: batch.model, imported, skipped };
  });
}
