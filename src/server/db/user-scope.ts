import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { UserScope } from '../../core/policy/index.ts';
import type { DB } from './schema.ts';

/**
 * The SQL form of a `user.read` scope, for any query over the `users` table, so every list of
 * people (workspace users, group members) narrows them by the same rule the policy states.
 */
export function userVisibleWhere(eb: ExpressionBuilder<DB, 'users'>, scope: UserScope): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'none':
      return sql<SqlBool>`1 = 0`;
    case 'self':
      return eb('users.id', '=', scope.userId);
    case 'workforce': {
      const { userId, managedGroupIds } = scope;
      const inManagedGroup =
        managedGroupIds.length > 0
          ? [
              eb(
                'users.id',
                'in',
                eb
                  .selectFrom('group_members as scope_gm')
                  .select('scope_gm.user_id')
                  .where('scope_gm.group_id', 'in', managedGroupIds),
              ),
            ]
          : [];
      return eb.or([
        eb('users.id', '=', userId),
        eb('users.role', '=', 'admin'),
        eb('users.invited_by', '=', userId),
        ...inManagedGroup,
      ]);
    }
  }
}
