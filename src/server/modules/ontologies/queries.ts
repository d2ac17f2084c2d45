import { type Expression, sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { OntologiesTable, OntologyVersionsTable } from '../../db/schema.ts';
import { containsText } from '../../db/text-search.ts';
import type { listScope } from '../access/service.ts';

export type ListScope = ReturnType<typeof listScope>;

const nameKey = sql<string>`lower(ontologies.name)`;

/** Ontologies with how many projects pin any of their versions, so a list needs one query. */
const ontologiesWithCount = (db: Executor) =>
  db
    .selectFrom('ontologies')
    .selectAll('ontologies')
    .select(nameKey.as('name_key'))
    .select((eb) =>
      eb
        .selectFrom('projects')
        .select((sub) => sub.fn.countAll().as('n'))
        .whereRef('projects.ontology_id', '=', 'ontologies.id')
        .as('project_count'),
    );

export const findOntology = (db: Executor, id: string) =>
  ontologiesWithCount(db).where('ontologies.id', '=', id).executeTakeFirst();

export type OntologyRow = NonNullable<Awaited<ReturnType<typeof findOntology>>>;

export interface OntologyFilter {
  q?: string | undefined;
  after?: { nameKey: string; id: string } | undefined;
  limit: number;
}

/** Ontologies by name (case-insensitive) then id, restricted to the caller's list scope. */
export function listOntologies(db: Executor, scope: ListScope, f: OntologyFilter): Promise<OntologyRow[]> {
  let q = ontologiesWithCount(db);
  if (scope.kind === 'ids') q = q.where('ontologies.id', 'in', scope.ids);
  if (f.q)
    q = q.where((eb) => containsText([eb.ref('ontologies.name'), eb.ref('ontologies.description')], f.q!));
  const after = f.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb(nameKey as Expression<string>, '>', after.nameKey),
        eb.and([eb(nameKey as Expression<string>, '=', after.nameKey), eb('ontologies.id', '>', after.id)]),
      ]),
    );
  }
  return q
    .orderBy(nameKey)
    .orderBy('ontologies.id')
    .limit(f.limit + 1)
    .execute();
}

export const insertOntology = (db: Executor, row: OntologiesTable) =>
  db.insertInto('ontologies').values(row).execute();

/** Updates only if nobody changed the ontology since `revision`; returns whether it did. */
export async function updateOntologyIfRevision(
  db: Executor,
  id: string,
  revision: number,
  changes: Partial<
    Pick<OntologiesTable, 'name' | 'description' | 'current_version' | 'updated_at' | 'revision'>
  >,
) {
  const res = await db
    .updateTable('ontologies')
    .set(changes)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Versions, sharing and the ontology itself (no project pins it: the service checked). */
export async function deleteOntology(db: Executor, id: string) {
  await db.deleteFrom('ontology_versions').where('ontology_id', '=', id).execute();
  await db.deleteFrom('ontology_access').where('ontology_id', '=', id).execute();
  await db.deleteFrom('ontologies').where('id', '=', id).execute();
}

export const insertVersion = (db: Executor, row: OntologyVersionsTable) =>
  db.insertInto('ontology_versions').values(row).execute();

export const replaceVersionSchema = (db: Executor, ontologyId: string, version: number, schema: string) =>
  db
    .updateTable('ontology_versions')
    .set({ schema })
    .where('ontology_id', '=', ontologyId)
    .where('version', '=', version)
    .execute();

const versionsWithCount = (db: Executor, ontologyId: string) =>
  db
    .selectFrom('ontology_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.ontology_id', 'v.version', 'v.created_at', 'v.created_by', 'u.name as created_by_name'])
    .select((eb) =>
      eb
        .selectFrom('projects')
        .select((sub) => sub.fn.countAll().as('n'))
        .whereRef('projects.ontology_id', '=', 'v.ontology_id')
        .whereRef('projects.ontology_version', '=', 'v.version')
        .as('project_count'),
    )
    .where('v.ontology_id', '=', ontologyId);

export const findVersion = (db: Executor, ontologyId: string, version: number) =>
  versionsWithCount(db, ontologyId).select('v.schema').where('v.version', '=', version).executeTakeFirst();

export type VersionRow = NonNullable<Awaited<ReturnType<typeof findVersion>>>;

/** Versions newest first. */
export const listVersions = (db: Executor, ontologyId: string, before: number | undefined, limit: number) => {
  let q = versionsWithCount(db, ontologyId);
  if (before !== undefined) q = q.where('v.version', '<', before);
  return q
    .orderBy('v.version', 'desc')
    .limit(limit + 1)
    .execute();
};

/** The stored documents of the given versions. */
export const versionSchemas = (db: Executor, ontologyId: string, versions: readonly number[]) =>
  versions.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('ontology_versions')
        .select(['version', 'schema'])
        .where('ontology_id', '=', ontologyId)
        .where('version', 'in', versions)
        .execute();

/** The versions of an ontology that projects pin, ascending. */
export async function pinnedVersions(db: Executor, ontologyId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('projects')
    .select('ontology_version')
    .distinct()
    .where('ontology_id', '=', ontologyId)
    .where('ontology_version', 'is not', null)
    .execute();
  return rows.map((r) => Number(r.ontology_version)).sort((a, b) => a - b);
}

export async function projectsUsing(db: Executor, ontologyId: string) {
  const row = await db
    .selectFrom('projects')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('ontology_id', '=', ontologyId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Whether a project in `projectScope` (a subquery of project ids) pins this version. */
export async function pinnedInProjects(
  db: Executor,
  ontologyId: string,
  version: number,
  projectScope: ListScope,
): Promise<boolean> {
  let q = db
    .selectFrom('projects')
    .select('id')
    .where('ontology_id', '=', ontologyId)
    .where('ontology_version', '=', version);
  if (projectScope.kind === 'ids') q = q.where('id', 'in', projectScope.ids);
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}
