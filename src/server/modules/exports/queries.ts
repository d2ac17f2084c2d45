import { sql } from 'kysely';
import type { TaskStatus } from '../../../core/queue/index.ts';
import type { Executor } from '../../db/database.ts';

// The tasks an export covers, a page at a time in id order (keyset: memory stays flat whatever
// the project's size), each with its data unit and the head of its main label branch.

export interface ExportFilter {
  stageId?: string | undefined;
  status?: TaskStatus | undefined;
  datasetId?: string | undefined;
  /** Tasks whose labels were last saved in [from, to) (ISO); both optional. */
  from?: string | undefined;
  to?: string | undefined;
}

export const EXPORT_PAGE = 500;

function exportedTasks(db: Executor, projectId: string, f: ExportFilter) {
  return db
    .selectFrom('tasks')
    .innerJoin('data_units as u', 'u.id', 'tasks.data_unit_id')
    .innerJoin('datasets as d', 'd.id', 'u.dataset_id')
    .leftJoin('label_revisions as r', (j) =>
      j
        .onRef('r.task_id', '=', 'tasks.id')
        .on('r.branch', '=', 'main')
        .on(
          'r.revision',
          '=',
          sql<number>`(select max(r2.revision) from label_revisions r2 where r2.task_id = tasks.id and r2.branch = 'main')`,
        ),
    )
    .where('tasks.project_id', '=', projectId)
    .where('tasks.gold_task_id', 'is', null)
    .$if(f.stageId !== undefined, (q) => q.where('tasks.stage_id', '=', f.stageId!))
    .$if(f.status !== undefined, (q) => q.where('tasks.status', '=', f.status!))
    .$if(f.datasetId !== undefined, (q) => q.where('u.dataset_id', '=', f.datasetId!))
    .$if(f.from !== undefined, (q) => q.where('r.created_at', '>=', f.from!))
    .$if(f.to !== undefined, (q) => q.where('r.created_at', '<', f.to!));
}

export const countExported = async (db: Executor, projectId: string, f: ExportFilter) =>
  Number(
    (
      await exportedTasks(db, projectId, f)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** One page of the export after `afterId`; `withLabels: false` leaves the documents out (COCO's images pass). */
export const exportPage = (
  db: Executor,
  projectId: string,
  f: ExportFilter,
  afterId: string | null,
  withLabels: boolean,
) =>
  exportedTasks(db, projectId, f)
    .select([
      'tasks.id',
      'tasks.stage_id',
      'tasks.status',
      'tasks.priority',
      'tasks.created_at',
      'tasks.updated_at',
      'u.id as unit_id',
      'u.kind',
      'u.title',
      'u.storage_key',
      'u.external_url',
      'u.mime_type',
      'u.width',
      'u.height',
      'u.metadata',
      'd.id as dataset_id',
      'd.name as dataset_name',
      'r.revision',
      'r.created_at as labelled_at',
      'r.author_id',
      'r.model_name',
    ])
    .$if(withLabels, (q) => q.select('r.document'))
    .$if(afterId !== null, (q) => q.where('tasks.id', '>', afterId!))
    .orderBy('tasks.id')
    .limit(sql.lit(EXPORT_PAGE)) // literal: SQLite plans a bound LIMIT as unknown
    .execute() as Promise<ExportRow[]>;

export interface ExportRow {
  id: string;
  stage_id: string | null;
  status: string;
  priority: number;
  created_at: string;
  updated_at: string | null;
  unit_id: string;
  kind: string;
  title: string;
  storage_key: string | null;
  external_url: string | null;
  mime_type: string | null;
  width: number | null;
  height: number | null;
  metadata: string;
  dataset_id: string;
  dataset_name: string;
  revision: number | null;
  labelled_at: string | null;
  author_id: string | null;
  model_name: string | null;
  document?: string | null;
}
