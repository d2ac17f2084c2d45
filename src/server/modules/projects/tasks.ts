import type { ExpressionBuilder } from 'kysely';
import { startStage } from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { recordTaskEvents } from '../queue/events.ts';
import { currentWorkflow } from '../queue/workflow-store.ts';

const CHUNK = 500;

/**
 * Each data unit of a dataset attached to a project is one task of that project. Call inside the
 * transaction that adds units to a dataset, or attaches a dataset to a project; units that
 * already have a task in a project are skipped, so calling it twice is harmless.
 */
export async function createTasksForUnits(
  trx: Executor,
  target: { datasetId: string; projectId?: string; unitIds?: readonly string[] },
  now: number,
): Promise<number> {
  let projects = trx
    .selectFrom('project_datasets')
    .select('project_id')
    .where('dataset_id', '=', target.datasetId);
  if (target.projectId) projects = projects.where('project_id', '=', target.projectId);
  const projectIds = (await projects.execute()).map((r) => r.project_id);
  if (projectIds.length === 0) return 0;

  let unitIds = target.unitIds;
  if (!unitIds) {
    const rows = await trx
      .selectFrom('data_units')
      .select('id')
      .where('dataset_id', '=', target.datasetId)
      .execute();
    unitIds = rows.map((r) => r.id);
  }
  let created = 0;
  const at = nowIso(now);
  for (const projectId of projectIds) {
    const start = startStage((await currentWorkflow(trx, projectId)).workflow);
    if (!start) throw new Error(`project ${projectId}: its workflow has no start stage`);
    for (let i = 0; i < unitIds.length; i += CHUNK) {
      const chunk = unitIds.slice(i, i + CHUNK);
      const rows = await trx
        .insertInto('tasks')
        .values(
          chunk.map((unitId) => ({
            id: newId(now),
            project_id: projectId,
            data_unit_id: unitId,
            created_at: at,
            stage_id: start.id,
            stage_entered_at: at,
            updated_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['project_id', 'data_unit_id']).doNothing())
        .returning('id')
        .execute();
      created += rows.length;
      await recordTaskEvents(
        trx,
        rows.map((r) => ({
          projectId,
          taskId: r.id,
          kind: 'created' as const,
          stageId: start.id,
          actorId: null,
        })),
        now,
      );
    }
  }
  return created;
}

/** The ids of one dataset's units, as a subquery. */
const unitIdsOf = (datasetId: string) => (eb: ExpressionBuilder<DB, 'tasks'>) =>
  eb.selectFrom('data_units').select('data_units.id').where('data_units.dataset_id', '=', datasetId);

/**
 * How many of the project's tasks of the dataset carry work or history beyond their creation:
 * claimed, submitted, reviewed, assigned, moved, reprioritised…
 */
export async function workedTasksOfDataset(trx: Executor, projectId: string, datasetId: string) {
  const row = await trx
    .selectFrom('tasks')
    .where('tasks.project_id', '=', projectId)
    .where('tasks.data_unit_id', 'in', unitIdsOf(datasetId))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_events as e')
          .select('e.task_id')
          .whereRef('e.task_id', '=', 'tasks.id')
          .where('e.kind', '<>', 'created'),
      ),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes a project's tasks for one dataset's units (when the dataset is detached). Returns how many went. */
export async function deleteTasksOfDataset(trx: Executor, projectId: string, datasetId: string) {
  const res = await trx
    .deleteFrom('tasks')
    .where('project_id', '=', projectId)
    .where('data_unit_id', 'in', unitIdsOf(datasetId))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
