import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { prepared } from '../../db/prepared.ts';
import type { DB } from '../../db/schema.ts';

/** The sharing tables: who holds which role on a dataset, an ontology or a project. */
export const ACCESS_TABLES = {
  dataset: { table: 'dataset_access', owner: 'dataset_id' },
  ontology: { table: 'ontology_access', owner: 'ontology_id' },
  project: { table: 'project_members', owner: 'project_id' },
} as const;

export type SharedKind = keyof typeof ACCESS_TABLES;

type AccessEb = ExpressionBuilder<DB, 'dataset_access'>;

/**
 * Sharing rows held by `userId`: granted to them, or to a group they belong to (membership is
 * read live, so joining a group grants its access at once). The three sharing tables have the
 * same columns; `dataset_access` stands for any of them here. `on` (conditions on the resource)
 * is repeated in both branches so that SQLite seeks each one in the primary key instead of
 * walking every sharing row of the resource.
 */
function heldBy(eb: AccessEb, userId: string, on?: (eb: AccessEb) => Expression<SqlBool>) {
  const resource = on ? [on(eb)] : [];
  return eb.or([
    eb.and([...resource, eb('principal_type', '=', 'user'), eb('principal_id', '=', userId)]),
    eb.and([
      ...resource,
      eb('principal_type', '=', 'group'),
      eb(
        'principal_id',
        'in',
        eb
          .selectFrom('group_members')
          .select('group_members.group_id')
          .where('group_members.user_id', '=', userId),
      ),
    ]),
  ]);
}

/** Every role `userId` holds on one resource, directly or through a group. */
export async function rolesHeld(db: Executor, kind: SharedKind, resourceId: string, userId: string) {
  const { table, owner } = ACCESS_TABLES[kind];
  const rows = await db
    .selectFrom(table as 'dataset_access')
    .select('role')
    .where((eb) => heldBy(eb, userId, (e) => e(owner as 'dataset_id', '=', resourceId)))
    .execute();
  return rows.map((r) => r.role as string);
}

/**
 * A project's status and workflow version with every role `userId` holds on it, in one statement
 * built once (every action on a project's tasks begins with it): one row with a null role when
 * they hold none, no rows when there is no such project.
 */
export const projectWithRoles = prepared((db, p: { projectId: string; userId: string }) =>
  db
    .selectFrom('projects')
    .leftJoin('project_members', (join) =>
      // heldBy's columns are unqualified; of the two tables only project_members has them.
      join.on((eb) =>
        heldBy(eb as unknown as AccessEb, p.userId, (e) => e('project_id' as 'dataset_id', '=', p.projectId)),
      ),
    )
    .select(['projects.status', 'projects.workflow_version', 'project_members.role'])
    .where('projects.id', '=', p.projectId),
);

/** The roles `userId` holds on each of `resourceIds` (a list page's worth), by resource id. */
export async function rolesHeldOnEach(
  db: Executor,
  kind: SharedKind,
  userId: string,
  resourceIds: readonly string[],
): Promise<Map<string, string[]>> {
  const held = new Map<string, string[]>();
  if (resourceIds.length === 0) return held;
  const { table, owner } = ACCESS_TABLES[kind];
  const rows = await db
    .selectFrom(table as 'dataset_access')
    .select([`${owner} as id` as 'dataset_id as id', 'role'])
    .where((eb) => heldBy(eb, userId, (e) => e(owner as 'dataset_id', 'in', resourceIds)))
    .execute();
  for (const r of rows) held.set(r.id, [...(held.get(r.id) ?? []), r.role as string]);
  return held;
}

/** A subquery of the ids of every resource of `kind` that `userId` holds any role on. */
export function idsAccessibleTo(db: Executor, kind: SharedKind, userId: string) {
  const { table, owner } = ACCESS_TABLES[kind];
  return db
    .selectFrom(table as 'dataset_access')
    .select(`${owner} as id` as 'dataset_id as id')
    .where((eb) => heldBy(eb, userId));
}

export interface AccessEntry {
  principal_type: 'user' | 'group';
  principal_id: string;
  role: string;
  added_at: string;
  added_by: string | null;
  name: string | null;
  email: string | null;
}

/** The collaborators of one resource, users and groups, with their names. */
export function listAccess(db: Executor, kind: SharedKind, resourceId: string): Promise<AccessEntry[]> {
  const { table, owner } = ACCESS_TABLES[kind];
  return db
    .selectFrom(`${table} as a` as 'dataset_access as a')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'a.principal_id').on('a.principal_type', '=', 'user'))
    .leftJoin('groups as g', (j) =>
      j.onRef('g.id', '=', 'a.principal_id').on('a.principal_type', '=', 'group'),
    )
    .select(['a.principal_type', 'a.principal_id', 'a.role', 'a.added_at', 'a.added_by', 'u.email as email'])
    .select((eb) => eb.fn.coalesce('u.name', 'g.name').as('name'))
    .where(`a.${owner}` as 'a.dataset_id', '=', resourceId)
    .orderBy('a.principal_type', 'desc')
    .orderBy('name')
    .execute() as Promise<AccessEntry[]>;
}

export async function findAccess(
  db: Executor,
  kind: SharedKind,
  resourceId: string,
  principal: { type: 'user' | 'group'; id: string },
) {
  const { table, owner } = ACCESS_TABLES[kind];
  return db
    .selectFrom(table as 'dataset_access')
    .select(['role'])
    .where(owner as 'dataset_id', '=', resourceId)
    .where('principal_type', '=', principal.type)
    .where('principal_id', '=', principal.id)
    .executeTakeFirst();
}

export async function putAccess(
  db: Executor,
  kind: SharedKind,
  resourceId: string,
  grant: { type: 'user' | 'group'; id: string; role: string; by: string | null; at: string },
) {
  const { table, owner } = ACCESS_TABLES[kind];
  await db
    .insertInto(table as 'dataset_access')
    .values({
      [owner]: resourceId,
      principal_type: grant.type,
      principal_id: grant.id,
      role: grant.role,
      added_at: grant.at,
      added_by: grant.by,
    } as never)
    .onConflict((oc) =>
      oc
        .columns([owner as 'dataset_id', 'principal_type', 'principal_id'])
        .doUpdateSet({ role: grant.role as never }),
    )
    .execute();
}

export async function deleteAccess(
  db: Executor,
  kind: SharedKind,
  resourceId: string,
  principal: { type: 'user' | 'group'; id: string },
) {
  const { table, owner } = ACCESS_TABLES[kind];
  const res = await db
    .deleteFrom(table as 'dataset_access')
    .where(owner as 'dataset_id', '=', resourceId)
    .where('principal_type', '=', principal.type)
    .where('principal_id', '=', principal.id)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
