import type { Executor } from '../../db/database.ts';
import type { DatasetsTable, DataUnitItemsTable, DataUnitKind, DataUnitsTable } from '../../db/schema.ts';
import { containsText } from '../../db/text-search.ts';
import type { listScope } from '../access/service.ts';
import type { DatasetRow, UnitRow } from './present.ts';

type Scope = ReturnType<typeof listScope>;

/** Datasets with their unit count, so a list needs one query rather than one per dataset. */
const datasetsWithCount = (db: Executor) =>
  db
    .selectFrom('datasets')
    .selectAll('datasets')
    .select((eb) =>
      eb
        .selectFrom('data_units')
        .select((sub) => sub.fn.countAll().as('n'))
        .whereRef('data_units.dataset_id', '=', 'datasets.id')
        .as('unit_count'),
    );

export const findDataset = (db: Executor, id: string): Promise<DatasetRow | undefined> =>
  datasetsWithCount(db).where('datasets.id', '=', id).executeTakeFirst() as Promise<DatasetRow | undefined>;

export function listDatasets(
  db: Executor,
  scope: Scope,
  f: { q?: string | undefined; after?: { name: string; id: string } | undefined; limit: number },
): Promise<DatasetRow[]> {
  let q = datasetsWithCount(db);
  if (scope.kind === 'ids') q = q.where('datasets.id', 'in', scope.ids);
  if (f.q) q = q.where((eb) => containsText([eb.ref('datasets.name'), eb.ref('datasets.description')], f.q!));
  const after = f.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('datasets.name', '>', after.name),
        eb.and([eb('datasets.name', '=', after.name), eb('datasets.id', '>', after.id)]),
      ]),
    );
  }
  return q
    .orderBy('datasets.name')
    .orderBy('datasets.id')
    .limit(f.limit + 1)
    .execute() as Promise<DatasetRow[]>;
}

export const insertDataset = (db: Executor, row: DatasetsTable) =>
  db.insertInto('datasets').values(row).execute();

export async function updateDatasetIfRevision(
  db: Executor,
  id: string,
  revision: number,
  changes: Pick<DatasetsTable, 'name' | 'description' | 'updated_at' | 'revision'>,
) {
  const res = await db
    .updateTable('datasets')
    .set(changes)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function projectsUsingDataset(db: Executor, datasetId: string) {
  const rows = await db
    .selectFrom('project_datasets')
    .select('project_id')
    .where('dataset_id', '=', datasetId)
    .limit(20)
    .execute();
  return rows.map((r) => r.project_id);
}

/** Every stored object of a dataset's units and their items (to delete after the rows go). */
export async function storageKeysOfDataset(db: Executor, datasetId: string) {
  const units = await db
    .selectFrom('data_units')
    .select(['storage_key', 'thumbnail_key'])
    .where('dataset_id', '=', datasetId)
    .execute();
  const items = await db
    .selectFrom('data_unit_items')
    .innerJoin('data_units', 'data_units.id', 'data_unit_items.unit_id')
    .select(['data_unit_items.storage_key', 'data_unit_items.thumbnail_key'])
    .where('data_units.dataset_id', '=', datasetId)
    .execute();
  return keysOf([...units, ...items]);
}

export async function storageKeysOfUnit(db: Executor, unitId: string) {
  const units = await db
    .selectFrom('data_units')
    .select(['storage_key', 'thumbnail_key'])
    .where('id', '=', unitId)
    .execute();
  const items = await db
    .selectFrom('data_unit_items')
    .select(['storage_key', 'thumbnail_key'])
    .where('unit_id', '=', unitId)
    .execute();
  return keysOf([...units, ...items]);
}

/** Only server-made keys (under datasets/) are ever deleted; registered keys belong to someone else. */
function keysOf(rows: { storage_key: string | null; thumbnail_key: string | null }[]) {
  const keys = new Set<string>();
  for (const r of rows) {
    for (const k of [r.storage_key, r.thumbnail_key]) if (k?.startsWith('datasets/')) keys.add(k);
  }
  return [...keys];
}

/** Rows are removed explicitly, so deletion never depends on SQLite's foreign_keys pragma. */
export async function deleteDatasetRows(db: Executor, id: string) {
  const units = db.selectFrom('data_units').select('id').where('dataset_id', '=', id);
  await db.deleteFrom('tasks').where('data_unit_id', 'in', units).execute();
  await db.deleteFrom('data_unit_items').where('unit_id', 'in', units).execute();
  await db.deleteFrom('data_units').where('dataset_id', '=', id).execute();
  await db.deleteFrom('dataset_access').where('dataset_id', '=', id).execute();
  await db.deleteFrom('datasets').where('id', '=', id).execute();
}

export async function deleteUnitRows(db: Executor, id: string) {
  await db.deleteFrom('tasks').where('data_unit_id', '=', id).execute();
  await db.deleteFrom('data_unit_items').where('unit_id', '=', id).execute();
  await db.deleteFrom('data_units').where('id', '=', id).execute();
}

export async function touchDataset(db: Executor, id: string, at: string) {
  await db.updateTable('datasets').set({ updated_at: at }).where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------
// Data units

const unitsWithCount = (db: Executor) =>
  db
    .selectFrom('data_units')
    .selectAll('data_units')
    .select((eb) =>
      eb
        .selectFrom('data_unit_items')
        .select((sub) => sub.fn.countAll().as('n'))
        .whereRef('data_unit_items.unit_id', '=', 'data_units.id')
        .as('item_count'),
    );

export const findUnit = (db: Executor, id: string) =>
  unitsWithCount(db).where('data_units.id', '=', id).executeTakeFirst() as Promise<UnitRow | undefined>;

export function listUnits(
  db: Executor,
  datasetId: string,
  f: { kind?: DataUnitKind | undefined; q?: string | undefined; afterId?: string | undefined; limit: number },
) {
  let q = unitsWithCount(db).where('data_units.dataset_id', '=', datasetId);
  if (f.kind) q = q.where('data_units.kind', '=', f.kind);
  if (f.q) q = q.where((eb) => containsText([eb.ref('data_units.title')], f.q!));
  if (f.afterId) q = q.where('data_units.id', '>', f.afterId);
  return q
    .orderBy('data_units.id')
    .limit(f.limit + 1)
    .execute() as Promise<UnitRow[]>;
}

export async function updateUnitIfRevision(
  db: Executor,
  id: string,
  revision: number,
  changes: Pick<DataUnitsTable, 'title' | 'metadata' | 'updated_at' | 'revision'>,
) {
  const res = await db
    .updateTable('data_units')
    .set(changes)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Rows per multi-row INSERT: 21 columns × 1,000 rows stays under both SQLite's (32,766) and
 * PostgreSQL's (65,535) limit on bound parameters.
 */
const UNIT_CHUNK = 1000;
const ITEM_CHUNK = 2500;

export async function insertUnits(db: Executor, rows: readonly DataUnitsTable[]) {
  for (let i = 0; i < rows.length; i += UNIT_CHUNK) {
    await db
      .insertInto('data_units')
      .values(rows.slice(i, i + UNIT_CHUNK))
      .execute();
  }
}

export async function insertItems(db: Executor, rows: readonly DataUnitItemsTable[]) {
  for (let i = 0; i < rows.length; i += ITEM_CHUNK) {
    await db
      .insertInto('data_unit_items')
      .values(rows.slice(i, i + ITEM_CHUNK))
      .execute();
  }
}
