import {
  type CocoCategory,
  cocoAnnotation,
  cocoCategories,
  type LabelDocument,
} from '../../../core/labels/index.ts';
import type { OntologyDocument } from '../../../core/ontology/index.ts';
import { can } from '../../../core/policy/index.ts';
import { nowIso } from '../../db/ids.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { projectResourceFor } from '../access/service.ts';
import { projectOntology, storedDocument } from '../labels/heads.ts';
import { countExported, EXPORT_PAGE, type ExportFilter, type ExportRow, exportPage } from './queries.ts';

// Exports of a project's labels (the head of each task's main branch): Gloss's native JSON, and
// COCO. Both are produced as a stream of JSON text, a page of tasks at a time, so memory stays
// flat however many tasks there are. Everything that can refuse the export (permissions, the
// project, its ontology) is checked before the first byte, so a refusal is a normal error answer.

export type ExportFormat = 'native' | 'coco';

/** Who exports: a signed-in caller (checked by the policy), or the system (the CLI). */
export type Exporter = RequestContext | null;

export interface PreparedExport {
  project: { id: string; name: string; ontologyId: string | null; ontologyVersion: number | null };
  ontology: OntologyDocument | null;
  filter: ExportFilter;
  total: number;
}

export async function prepareExport(
  deps: AppDeps,
  exporter: Exporter,
  projectId: string,
  format: ExportFormat,
  filter: ExportFilter,
): Promise<PreparedExport> {
  const project = await deps.db
    .selectFrom('projects')
    .select(['id', 'name', 'ontology_id', 'ontology_version'])
    .where('id', '=', projectId)
    .executeTakeFirst();
  if (!project) throw notFound('Project');
  if (exporter) {
    const resource = await projectResourceFor(deps.db, exporter.actor, projectId);
    if (!can(exporter.actor, 'project.export_labels', resource))
      throw forbidden('export this project’s labels');
  }
  const ontology = await projectOntology(deps.db, projectId);
  if (format === 'coco' && !ontology) {
    throw conflict('no_ontology', 'COCO categories come from the project’s ontology, and it has none yet.');
  }
  return {
    project: {
      id: project.id,
      name: project.name,
      ontologyId: project.ontology_id,
      ontologyVersion: project.ontology_version,
    },
    ontology,
    filter,
    total: await countExported(deps.db, projectId, filter),
  };
}

/** Every page of the export's tasks, in id order. */
async function* pages(deps: AppDeps, e: PreparedExport, withLabels: boolean) {
  let after: string | null = null;
  for (;;) {
    const rows = await exportPage(deps.db, e.project.id, e.filter, after, withLabels);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < EXPORT_PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

const labelsOf = (row: ExportRow): LabelDocument | null =>
  row.document ? storedDocument(row.document) : null;

function nativeTask(row: ExportRow) {
  return {
    id: row.id,
    stageId: row.stage_id,
    status: row.status,
    priority: row.priority,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    dataUnit: {
      id: row.unit_id,
      datasetId: row.dataset_id,
      datasetName: row.dataset_name,
      kind: row.kind,
      title: row.title,
      storageKey: row.storage_key,
      url: row.external_url,
      mimeType: row.mime_type,
      width: row.width,
      height: row.height,
      metadata: JSON.parse(row.metadata) as unknown,
    },
    labels:
      row.revision === null
        ? null
        : {
            branch: 'main',
            revision: row.revision,
            savedAt: row.labelled_at,
            savedBy: row.author_id ? { user: row.author_id } : { model: row.model_name },
            document: labelsOf(row),
          },
  };
}

/**
 * Gloss's native export: `{format, exportedAt, project, ontology, filter, tasks: [...]}`, each task
 * with its data unit and its labels (null when it has none). `onTasks` reports progress.
 */
export async function* nativeExport(deps: AppDeps, e: PreparedExport, onTasks?: (n: number) => void) {
  const head = {
    format: 'gloss-labels',
    formatVersion: 1,
    exportedAt: nowIso(deps.clock()),
    project: e.project,
    ontology: e.ontology,
    filter: e.filter,
    taskCount: e.total,
  };
  yield `${JSON.stringify(head).slice(0, -1)},"tasks":[`;
  let first = true;
  for await (const rows of pages(deps, e, true)) {
    const chunk = rows.map((r) => JSON.stringify(nativeTask(r))).join(',');
    yield first ? chunk : `,${chunk}`;
    first = false;
    onTasks?.(rows.length);
  }
  yield ']}';
}

/** The image's name in COCO: the unit's storage key or URL, else its title. */
const fileName = (row: ExportRow) => row.storage_key ?? row.external_url ?? row.title;

/**
 * COCO (detection and keypoints): `images` (one per task, ids from 1 in task order), then
 * `annotations`, then `categories` from the ontology. Two passes over the tasks keep the arrays
 * apart without holding either. Polylines and lone points have no COCO form: `info` counts them.
 */
export async function* cocoExport(deps: AppDeps, e: PreparedExport, onTasks?: (n: number) => void) {
  const { categories, idOf } = cocoCategories(e.ontology!);
  const skeletons = new Map(
    e.ontology!.objects.map((f) => [f.featureId, f.skeleton?.points.map((p) => p.id) ?? []]),
  );
  yield '{"images":[';
  let imageId = 0;
  for await (const rows of pages(deps, e, false)) {
    const chunk = rows
      .map((r) =>
        JSON.stringify({
          id: ++imageId,
          file_name: fileName(r),
          width: r.width ?? 0,
          height: r.height ?? 0,
          gloss_task_id: r.id,
          gloss_data_unit_id: r.unit_id,
        }),
      )
      .join(',');
    yield imageId > rows.length ? `,${chunk}` : chunk;
  }
  yield '],"annotations":[';
  let image = 0;
  let annotationId = 0;
  let leftOut = 0;
  for await (const rows of pages(deps, e, true)) {
    const parts: string[] = [];
    for (const row of rows) {
      image++;
      for (const object of labelsOf(row)?.objects ?? []) {
        const category = idOf.get(object.featureId);
        const annotation =
          category === undefined
            ? null
            : cocoAnnotation(
                object,
                { annotation: annotationId + 1, image, category },
                skeletons.get(object.featureId),
              );
        if (!annotation) {
          leftOut++;
          continue;
        }
        annotationId++;
        parts.push(JSON.stringify(annotation));
      }
    }
    if (parts.length > 0) yield (annotationId > parts.length ? ',' : '') + parts.join(',');
    onTasks?.(rows.length);
  }
  const info = {
    description: `${e.project.name} (Gloss project ${e.project.id})`,
    version: `ontology ${e.project.ontologyId} v${e.project.ontologyVersion}`,
    date_created: nowIso(deps.clock()),
    gloss_objects_left_out: leftOut,
  };
  yield `],"categories":${JSON.stringify(categories satisfies CocoCategory[])},"info":${JSON.stringify(info)},"licenses":[]}`;
}

export const exportStream = (
  deps: AppDeps,
  e: PreparedExport,
  format: ExportFormat,
  onTasks?: (n: number) => void,
) => (format === 'coco' ? cocoExport(deps, e, onTasks) : nativeExport(deps, e, onTasks));
