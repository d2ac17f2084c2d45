import type { ProjectRole, ProjectStatus } from '../../../core/roles.ts';
import type { Executor } from '../../db/database.ts';

// Reads for serving media; the datasets module owns every write to these tables.

export function findUnitMedia(db: Executor, id: string) {
  return db
    .selectFrom('data_units')
    .select([
      'id',
      'dataset_id',
      'kind',
      'storage_key',
      'external_url',
      'mime_type',
      'thumbnail_key',
      'updated_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type UnitMedia = NonNullable<Awaited<ReturnType<typeof findUnitMedia>>>;

export function findItemMedia(db: Executor, unitId: string, position: number) {
  return db
    .selectFrom('data_unit_items')
    .select(['storage_key', 'external_url', 'mime_type', 'thumbnail_key'])
    .where('unit_id', '=', unitId)
    .where('position', '=', position)
    .executeTakeFirst();
}

/**
 * Every role `userId` holds (directly or through a group) on the projects that have `datasetId`
 * attached, with each project's status: one row per project and role.
 */
export function projectRolesThroughDataset(
  db: Executor,
  datasetId: string,
  userId: string,
): Promise<{ project_id: string; status: ProjectStatus; role: ProjectRole }[]> {
  return db
    .selectFrom('project_datasets as pd')
    .innerJoin('projects as p', 'p.id', 'pd.project_id')
    .innerJoin('project_members as m', 'm.project_id', 'pd.project_id')
    .select(['pd.project_id', 'p.status', 'm.role'])
    .where('pd.dataset_id', '=', datasetId)
    .where((eb) =>
      eb.or([
        eb.and([eb('m.principal_type', '=', 'user'), eb('m.principal_id', '=', userId)]),
        eb.and([
          eb('m.principal_type', '=', 'group'),
          eb(
            'm.principal_id',
            'in',
            eb
              .selectFrom('group_members')
              .select('group_members.group_id')
              .where('group_members.user_id', '=', userId),
          ),
        ]),
      ]),
    )
    .orderBy('pd.project_id')
    .execute();
}

/**
 * Projects that served the user a gold task of the unit (held now, or scored — its training
 * feedback shows the image). A gold set may come from a dedicated gold project whose dataset the
 * serving project does not have attached.
 */
export function projectsServingGold(
  db: Executor,
  unitId: string,
  userId: string,
): Promise<{ project_id: string; status: ProjectStatus }[]> {
  return db
    .selectFrom('gold_servings as s')
    .innerJoin('gold_tasks as g', 'g.id', 's.gold_task_id')
    .innerJoin('projects as p', 'p.id', 's.project_id')
    .select(['s.project_id', 'p.status'])
    .distinct()
    .where('g.data_unit_id', '=', unitId)
    .where('s.user_id', '=', userId)
    .execute();
}
