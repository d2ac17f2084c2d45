import type { GroupScope, UserScope } from '../../../core/policy/index.ts';
import type { Executor } from '../../db/database.ts';
import type { GroupRow } from '../../db/schema.ts';
import { containsText } from '../../db/text-search.ts';
import { userVisibleWhere } from '../../db/user-scope.ts';

/** Groups with their member count, so a list needs one query rather than one per group. */
const groupsWithCount = (db: Executor) =>
  db
    .selectFrom('groups')
    .selectAll('groups')
    .select((eb) =>
      eb
        .selectFrom('group_members')
        .select((sub) => sub.fn.countAll().as('n'))
        .whereRef('group_members.group_id', '=', 'groups.id')
        .as('member_count'),
    );

export const findGroup = (db: Executor, id: string) =>
  groupsWithCount(db).where('groups.id', '=', id).executeTakeFirst();

export type GroupWithCount = NonNullable<Awaited<ReturnType<typeof findGroup>>>;

export const findGroupByNameKey = (db: Executor, nameKey: string) =>
  db.selectFrom('groups').select('id').where('name_key', '=', nameKey).executeTakeFirst();

export interface GroupFilter {
  q?: string | undefined;
  after?: { nameKey: string; id: string } | undefined;
  limit: number;
}

/** Groups ordered by name_key then id, restricted to what the caller's `group.read` scope covers. */
export function listGroups(db: Executor, scope: GroupScope, f: GroupFilter): Promise<GroupWithCount[]> {
  if (scope.kind === 'none' || (scope.kind === 'ids' && scope.groupIds.length === 0))
    return Promise.resolve([]);
  let q = groupsWithCount(db);
  if (scope.kind === 'ids') q = q.where('groups.id', 'in', scope.groupIds);
  if (f.q) q = q.where((eb) => containsText([eb.ref('groups.name'), eb.ref('groups.description')], f.q!));
  const after = f.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('groups.name_key', '>', after.nameKey),
        eb.and([eb('groups.name_key', '=', after.nameKey), eb('groups.id', '>', after.id)]),
      ]),
    );
  }
  return q
    .orderBy('groups.name_key')
    .orderBy('groups.id')
    .limit(f.limit + 1)
    .execute();
}

export const insertGroup = (db: Executor, row: GroupRow) => db.insertInto('groups').values(row).execute();

/** Updates only if nobody changed the group since `revision`; returns whether it did. */
export async function updateGroupIfRevision(
  db: Executor,
  id: string,
  revision: number,
  changes: Pick<GroupRow, 'name' | 'name_key' | 'description' | 'updated_at' | 'revision'>,
) {
  const res = await db
    .updateTable('groups')
    .set(changes)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Memberships are removed explicitly too, so deletion never depends on SQLite's foreign_keys pragma. */
export async function deleteGroup(db: Executor, id: string) {
  await db.deleteFrom('group_members').where('group_id', '=', id).execute();
  await db.deleteFrom('group_managers').where('group_id', '=', id).execute();
  await db.deleteFrom('groups').where('id', '=', id).execute();
}

export type Roster = 'group_members' | 'group_managers';

export async function userIdsIn(db: Executor, roster: Roster, groupId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom(roster)
    .select('user_id')
    .where('group_id', '=', groupId)
    .where('user_id', 'in', userIds)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Inserts rows that are missing; a row a concurrent request just added is skipped, not an error. */
export async function addToRoster(
  db: Executor,
  roster: Roster,
  groupId: string,
  userIds: readonly string[],
  addedAt: string,
) {
  if (userIds.length === 0) return;
  await db
    .insertInto(roster)
    .values(userIds.map((userId) => ({ group_id: groupId, user_id: userId, added_at: addedAt })))
    .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
    .execute();
}

/** Returns whether the user was on the roster. */
export async function removeFromRoster(db: Executor, roster: Roster, groupId: string, userId: string) {
  const res = await db
    .deleteFrom(roster)
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

export const findUsersByIds = (db: Executor, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('users').selectAll().where('id', 'in', ids).execute();

/** Managers of the given groups, ordered by email, for presenting many groups at once. */
export function managersOfGroups(db: Executor, groupIds: readonly string[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('group_managers')
    .innerJoin('users', 'users.id', 'group_managers.user_id')
    .select([
      'group_managers.group_id',
      'users.id',
      'users.name',
      'users.email',
      'users.role',
      'group_managers.added_at',
    ])
    .where('group_managers.group_id', 'in', groupIds)
    .orderBy('users.email')
    .execute();
}

/**
 * A group's members ordered by email, narrowed to the users the caller's `user.read` scope covers,
 * so belonging to a group never reveals people the caller could not otherwise see.
 */
export function listMembers(
  db: Executor,
  groupId: string,
  scope: UserScope,
  afterEmail: string | undefined,
  limit: number,
) {
  let q = db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.role', 'users.status', 'group_members.added_at'])
    .where('group_members.group_id', '=', groupId);
  if (scope.kind === 'none') return Promise.resolve([]);
  q = q.where((eb) => userVisibleWhere(eb, scope));
  if (afterEmail) q = q.where('users.email', '>', afterEmail);
  return q
    .orderBy('users.email')
    .limit(limit + 1)
    .execute();
}
