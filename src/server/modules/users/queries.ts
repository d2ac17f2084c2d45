import type { UserScope } from '../../../core/policy/index.ts';
import type { WorkspaceRole } from '../../../core/roles.ts';
import type { Executor } from '../../db/database.ts';
import { containsText } from '../../db/text-search.ts';
import { userVisibleWhere } from '../../db/user-scope.ts';

export const findUser = (db: Executor, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export async function groupIdsOfUser(db: Executor, userId: string) {
  const rows = await db
    .selectFrom('group_members')
    .select('group_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.group_id);
}

export interface UserFilter {
  q?: string | undefined;
  role?: WorkspaceRole | undefined;
  status?: 'active' | 'deactivated' | undefined;
  groupId?: string | undefined;
  afterEmail?: string | undefined;
  limit: number;
}

/** Users ordered by email, restricted to what the caller's `user.read` scope covers. */
export function listUsers(db: Executor, scope: UserScope, f: UserFilter) {
  let q = db.selectFrom('users').selectAll('users');
  if (scope.kind === 'none') return Promise.resolve([]);
  q = q.where((eb) => userVisibleWhere(eb, scope));
  if (f.q) {
    q = q.where((eb) => containsText([eb.ref('users.email'), eb.ref('users.name')], f.q!));
  }
  if (f.role) q = q.where('users.role', '=', f.role);
  if (f.status) q = q.where('users.status', '=', f.status);
  if (f.groupId) {
    q = q.where('users.id', 'in', (eb) =>
      eb.selectFrom('group_members').select('group_members.user_id').where('group_id', '=', f.groupId!),
    );
  }
  if (f.afterEmail) q = q.where('users.email', '>', f.afterEmail);
  return q
    .orderBy('users.email')
    .limit(f.limit + 1)
    .execute();
}

export async function countActiveAdmins(db: Executor) {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const findPendingInviteByEmail = (db: Executor, email: string, now: string) =>
  db
    .selectFrom('invites')
    .selectAll()
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();

export const findInviteByTokenHash = (db: Executor, tokenHash: string) =>
  db.selectFrom('invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

export const findInvite = (db: Executor, id: string) =>
  db.selectFrom('invites').selectAll().where('id', '=', id).executeTakeFirst();

export function listPendingInvites(
  db: Executor,
  roles: readonly WorkspaceRole[] | null,
  now: string,
  beforeId: string | undefined,
  limit: number,
) {
  let q = db
    .selectFrom('invites')
    .leftJoin('users as inviter', 'inviter.id', 'invites.invited_by')
    .selectAll('invites')
    .select('inviter.email as invited_by_email')
    .where('invites.accepted_at', 'is', null)
    .where('invites.revoked_at', 'is', null)
    .where('invites.expires_at', '>', now);
  if (roles) q = q.where('invites.role', 'in', roles);
  if (beforeId) q = q.where('invites.id', '<', beforeId);
  return q
    .orderBy('invites.id', 'desc')
    .limit(limit + 1)
    .execute();
}
