import { type RawBuilder, sql } from 'kysely';
import type { UserScope } from '../../../core/policy/index.ts';
import type { ProjectStatus } from '../../../core/roles.ts';
import type { Executor } from '../../db/database.ts';
import type { ProjectsTable } from '../../db/schema.ts';
import { containsText } from '../../db/text-search.ts';
import { userVisibleWhere } from '../../db/user-scope.ts';
import { idsAccessibleTo } from '../access/queries.ts';
import type { listScope } from '../access/service.ts';

/** Which projects a list may show: every one, or those whose id the subquery returns. */
export type ProjectListScope = ReturnType<typeof listScope>;

const projectsWithCount = (db: Executor) =>
  db
    .selectFrom('projects')
    .selectAll('projects')
    .select((eb) =>
      eb
        .selectFrom('tasks')
        .select((sub) => sub.fn.countAll().as('n'))
        .whereRef('tasks.project_id', '=', 'projects.id')
        .where('tasks.gold_task_id', 'is', null)
        .as('task_count'),
    );

export const findProject = (db: Executor, id: string) =>
  projectsWithCount(db).where('projects.id', '=', id).executeTakeFirst();

export type ProjectWithCount = NonNullable<Awaited<ReturnType<typeof findProject>>>;

export type ProjectSort = 'name' | 'created' | 'updated';
export type SortOrder = 'asc' | 'desc';

export interface ProjectFilter {
  q?: string | undefined;
  status?: ProjectStatus | undefined;
  tag?: string | undefined;
  datasetId?: string | undefined;
  memberId?: string | undefined;
  sort: ProjectSort;
  order: SortOrder;
  after?: { key: string; id: string } | undefined;
  limit: number;
}

/** The value a sort orders by; names sort case-insensitively. */
function sortKey(sort: ProjectSort): RawBuilder<string> {
  if (sort === 'name') return sql<string>`lower(${sql.ref('projects.name')})`;
  return sql<string>`${sql.ref(sort === 'created' ? 'projects.created_at' : 'projects.updated_at')}`;
}

/**
 * Projects in the scope matching the filter, ordered by the sort key then id (both in the chosen
 * direction), so a cursor (the last row's key and id) continues exactly where the page ended.
 */
export function listProjects(db: Executor, scope: ProjectListScope, f: ProjectFilter) {
  const key = sortKey(f.sort);
  let q = projectsWithCount(db).select(key.as('sort_key') as never);
  if (scope.kind === 'ids') q = q.where('projects.id', 'in', scope.ids);
  if (f.q) q = q.where((eb) => containsText([eb.ref('projects.name'), eb.ref('projects.description')], f.q!));
  if (f.status) q = q.where('projects.status', '=', f.status);
  if (f.tag) {
    const tag = f.tag.toLowerCase();
    q = q.where('projects.id', 'in', (eb) =>
      eb
        .selectFrom('project_tags')
        .select('project_tags.project_id')
        .where(sql<string>`lower(${sql.ref('project_tags.tag')})`, '=', tag),
    );
  }
  if (f.datasetId) {
    const datasetId = f.datasetId;
    q = q.where('projects.id', 'in', (eb) =>
      eb
        .selectFrom('project_datasets')
        .select('project_datasets.project_id')
        .where('project_datasets.dataset_id', '=', datasetId),
    );
  }
  if (f.memberId) q = q.where('projects.id', 'in', idsAccessibleTo(db, 'project', f.memberId));
  const after = f.after;
  if (after) {
    const cmp = f.order === 'asc' ? '>' : '<';
    q = q.where((eb) =>
      eb.or([eb(key, cmp, after.key), eb.and([eb(key, '=', after.key), eb('projects.id', cmp, after.id)])]),
    );
  }
  return q
    .orderBy(key, f.order)
    .orderBy('projects.id', f.order)
    .limit(f.limit + 1)
    .execute() as Promise<(ProjectWithCount & { sort_key: string })[]>;
}

export const insertProject = (db: Executor, row: ProjectsTable) =>
  db.insertInto('projects').values(row).execute();

/** Updates only if nobody changed the project since `revision`; returns whether it did. */
export async function updateProjectIfRevision(
  db: Executor,
  id: string,
  revision: number,
  changes: Partial<Omit<ProjectsTable, 'id' | 'created_at' | 'created_by'>>,
) {
  const res = await db
    .updateTable('projects')
    .set(changes)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Everything that belongs to a project goes with it, explicitly (no reliance on SQLite's foreign_keys pragma). */
export async function deleteProjectRows(db: Executor, id: string) {
  await db.deleteFrom('tasks').where('project_id', '=', id).execute();
  await db.deleteFrom('project_members').where('project_id', '=', id).execute();
  await db.deleteFrom('project_tags').where('project_id', '=', id).execute();
  await db.deleteFrom('project_datasets').where('project_id', '=', id).execute();
  await db.deleteFrom('projects').where('id', '=', id).execute();
}

export async function tagsOf(db: Executor, projectIds: readonly string[]) {
  if (projectIds.length === 0) return new Map<string, string[]>();
  const rows = await db
    .selectFrom('project_tags')
    .select(['project_id', 'tag'])
    .where('project_id', 'in', projectIds)
    .orderBy('tag')
    .execute();
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.project_id, [...(map.get(r.project_id) ?? []), r.tag]);
  return map;
}

export async function replaceTags(db: Executor, projectId: string, tags: readonly string[]) {
  await db.deleteFrom('project_tags').where('project_id', '=', projectId).execute();
  if (tags.length === 0) return;
  await db
    .insertInto('project_tags')
    .values(tags.map((tag) => ({ project_id: projectId, tag })))
    .execute();
}

export async function datasetsOf(db: Executor, projectIds: readonly string[]) {
  if (projectIds.length === 0) return new Map<string, { id: string; name: string }[]>();
  const rows = await db
    .selectFrom('project_datasets')
    .innerJoin('datasets', 'datasets.id', 'project_datasets.dataset_id')
    .select(['project_datasets.project_id', 'datasets.id', 'datasets.name'])
    .where('project_datasets.project_id', 'in', projectIds)
    .orderBy('project_datasets.attached_at')
    .orderBy('datasets.id')
    .execute();
  const map = new Map<string, { id: string; name: string }[]>();
  for (const r of rows) {
    map.set(r.project_id, [...(map.get(r.project_id) ?? []), { id: r.id, name: r.name }]);
  }
  return map;
}

export async function ontologyNames(db: Executor, ontologyIds: readonly string[]) {
  if (ontologyIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('ontologies')
    .select(['id', 'name'])
    .where('id', 'in', ontologyIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Holds the project row until the transaction ends (a no-op update: PostgreSQL locks the row;
 * SQLite runs one write transaction at a time anyway), so checks like "the last Admin grant"
 * cannot be raced by a concurrent change to the same project.
 */
export async function lockProject(db: Executor, id: string) {
  await db
    .updateTable('projects')
    .set((eb) => ({ revision: eb.ref('revision') }))
    .where('id', '=', id)
    .execute();
}

export async function countAdminGrants(db: Executor, projectId: string) {
  const row = await db
    .selectFrom('project_members')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('project_id', '=', projectId)
    .where('role', '=', 'admin')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const findDataset = (db: Executor, id: string) =>
  db.selectFrom('datasets').select(['id', 'name']).where('id', '=', id).executeTakeFirst();

export const findOntology = (db: Executor, id: string) =>
  db
    .selectFrom('ontologies')
    .select(['id', 'name', 'current_version'])
    .where('id', '=', id)
    .executeTakeFirst();

export const findOntologyVersion = (db: Executor, ontologyId: string, version: number) =>
  db
    .selectFrom('ontology_versions')
    .select('version')
    .where('ontology_id', '=', ontologyId)
    .where('version', '=', version)
    .executeTakeFirst();

export const isAttached = (db: Executor, projectId: string, datasetId: string) =>
  db
    .selectFrom('project_datasets')
    .select('dataset_id')
    .where('project_id', '=', projectId)
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();

/** Returns whether the link was new (a concurrent attach of the same dataset inserts nothing). */
export async function attachDataset(db: Executor, projectId: string, datasetId: string, at: string) {
  const res = await db
    .insertInto('project_datasets')
    .values({ project_id: projectId, dataset_id: datasetId, attached_at: at })
    .onConflict((oc) => oc.columns(['project_id', 'dataset_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function detachDataset(db: Executor, projectId: string, datasetId: string) {
  const res = await db
    .deleteFrom('project_datasets')
    .where('project_id', '=', projectId)
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** Tags of the projects in scope, distinct, in order. */
export function tagsInScope(db: Executor, scope: ProjectListScope) {
  let q = db.selectFrom('project_tags').select('tag').distinct();
  if (scope.kind === 'ids') q = q.where('project_id', 'in', scope.ids);
  return q.orderBy('tag').limit(5000).execute();
}

export const findDataUnit = (db: Executor, id: string) =>
  db
    .selectFrom('data_units')
    .selectAll('data_units')
    .select((eb) =>
      eb
        .selectFrom('data_unit_items')
        .select((sub) => sub.fn.countAll().as('n'))
        .whereRef('data_unit_items.unit_id', '=', 'data_units.id')
        .as('item_count'),
    )
    .where('data_units.id', '=', id)
    .executeTakeFirst();

/** Users among `userIds` that the caller's user.read scope covers (for showing collaborators' emails). */
export async function visibleUserIds(db: Executor, scope: UserScope, userIds: readonly string[]) {
  if (userIds.length === 0 || scope.kind === 'none') return new Set<string>();
  const rows = await db
    .selectFrom('users')
    .select('users.id')
    .where('users.id', 'in', userIds)
    .where((eb) => userVisibleWhere(eb, scope))
    .execute();
  return new Set(rows.map((r) => r.id));
}
