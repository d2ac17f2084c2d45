import type { Executor } from '../../db/database.ts';

export const findApiKey = (db: Executor, id: string) =>
  db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();

export const listApiKeysOf = (db: Executor, userId: string, after: string | undefined, limit: number) => {
  let q = db.selectFrom('api_keys').selectAll().where('user_id', '=', userId);
  if (after) q = q.where('id', '<', after);
  return q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
};
