import type { Executor } from '../../db/database.ts';

export const findUserByEmail = (db: Executor, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const findUserById = (db: Executor, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const countUsers = async (db: Executor) =>
  Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const findSession = (db: Executor, id: string) =>
  db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();

export const deleteSession = (db: Executor, id: string) =>
  db.deleteFrom('sessions').where('id', '=', id).execute();

export const deleteSessionsOfUser = (db: Executor, userId: string) =>
  db.deleteFrom('sessions').where('user_id', '=', userId).execute();

export async function groupIdsOf(db: Executor, userId: string) {
  const [managed, member] = await Promise.all([
    db.selectFrom('group_managers').select('group_id').where('user_id', '=', userId).execute(),
    db.selectFrom('group_members').select('group_id').where('user_id', '=', userId).execute(),
  ]);
  return { managedGroupIds: managed.map((r) => r.group_id), memberGroupIds: member.map((r) => r.group_id) };
}

/**
 * Fixed-window counter; returns the count after this hit. The upsert is one statement, so
 * concurrent servers sharing the database count every attempt.
 */
export async function hitRateLimit(db: Executor, key: string, windowStart: string): Promise<number> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('rate_limits.window_start', '=', windowStart)
          .then(eb(eb.ref('rate_limits.count'), '+', 1))
          .else(1)
          .end(),
        window_start: windowStart,
      })),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function peekRateLimit(db: Executor, key: string, windowStart: string): Promise<number> {
  const row = await db
    .selectFrom('rate_limits')
    .select('count')
    .where('key', '=', key)
    .where('window_start', '=', windowStart)
    .executeTakeFirst();
  return row ? Number(row.count) : 0;
}

export const clearRateLimit = (db: Executor, key: string) =>
  db.deleteFrom('rate_limits').where('key', '=', key).execute();
