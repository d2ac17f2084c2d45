import {
  type Actor,
  can,
  inviteReadScope,
  type UserResource,
  userReadScope,
} from '../../../core/policy/index.ts';
import type { WorkspaceRole } from '../../../core/roles.ts';
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { InviteRow, UserRow } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import type { AnonymousContext, RequestContext } from '../../http/context.ts';
import { AppError, conflict, forbidden, notFound, revisionConflict } from '../../http/errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';
import { hashPassword } from '../auth/passwords.ts';
import { deleteSessionsOfUser, findUserByEmail } from '../auth/queries.ts';
import { lockWorkspace } from '../auth/service.ts';
import { openSession } from '../auth/sessions.ts';
import { digest, randomToken } from '../auth/tokens.ts';
import { presentUser } from './present.ts';
import {
  countActiveAdmins,
  findInvite,
  findInviteByTokenHash,
  findPendingInviteByEmail,
  findUser,
  groupIdsOfUser,
  listPendingInvites,
  listUsers,
  type UserFilter,
} from './queries.ts';

export async function asUserResource(db: Executor, user: UserRow): Promise<UserResource> {
  return {
    kind: 'user',
    id: user.id,
    role: user.role,
    groupIds: await groupIdsOfUser(db, user.id),
    invitedBy: user.invited_by,
  };
}

/** Loads a user the caller may see; ids are random, so refusing with 403 reveals nothing useful. */
async function visibleUser(db: Executor, actor: Actor, id: string) {
  const user = await findUser(db, id);
  if (!user) throw notFound('User');
  const resource = await asUserResource(db, user);
  if (!can(actor, 'user.read', resource)) throw forbidden('see this user');
  return { user, resource };
}

export async function listWorkspaceUsers(
  deps: AppDeps,
  ctx: RequestContext,
  query: Omit<UserFilter, 'afterEmail'> & { cursor?: string | undefined },
) {
  if (!can(ctx.actor, 'user.list', { kind: 'workspace' })) throw forbidden('list workspace users');
  const cursor = decodeCursor(query.cursor, 1);
  const rows = await listUsers(deps.db, userReadScope(ctx.actor), {
    ...query,
    afterEmail: cursor ? String(cursor[0]) : undefined,
  });
  return toPage(rows, query.limit, (r) => [r.email], presentUser);
}

export async function getUser(deps: AppDeps, ctx: RequestContext, id: string) {
  const { user } = await visibleUser(deps.db, ctx.actor, id);
  return presentUser(user);
}

export function presentInvite(row: InviteRow & { invited_by_email?: string | null }) {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by,
    invitedByEmail: row.invited_by_email ?? null,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/**
 * Creates a one-time invite link. Re-inviting an email replaces its pending invite, so only the
 * newest link works. The link is emailed when SMTP is configured and always returned to the inviter.
 */
export async function inviteUser(
  deps: AppDeps,
  ctx: RequestContext,
  input: { email: string; role: WorkspaceRole },
) {
  if (!can(ctx.actor, 'user.invite', { kind: 'invite', role: input.role, invitedBy: ctx.user.id })) {
    throw forbidden(`invite users with the ${input.role} role`);
  }
  const now = deps.clock();
  const token = randomToken();
  const invite = await deps.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, input.email)) {
      throw conflict('email_taken', `${input.email} already has an account in this workspace.`, 'email');
    }
    const previous = await findPendingInviteByEmail(trx, input.email, nowIso(now));
    if (previous) {
      if (
        !can(ctx.actor, 'invite.revoke', {
          kind: 'invite',
          role: previous.role,
          invitedBy: previous.invited_by,
        })
      ) {
        throw conflict(
          'invite_pending',
          `${input.email} already has a pending invite you may not replace.`,
          'email',
        );
      }
      await trx
        .updateTable('invites')
        .set({ revoked_at: nowIso(now) })
        .where('id', '=', previous.id)
        .execute();
      await recordAudit(
        trx,
        auditSourceOf(ctx),
        {
          action: 'invite.revoke',
          targetType: 'invite',
          targetId: previous.id,
          before: presentInvite(previous),
        },
        now,
      );
    }
    const row: InviteRow = {
      id: newId(now),
      email: input.email,
      role: input.role,
      token_hash: digest(token),
      invited_by: ctx.user.id,
      created_at: nowIso(now),
      expires_at: nowIso(now + deps.config.inviteTtlMs),
      accepted_at: null,
      accepted_user_id: null,
      revoked_at: null,
    };
    await trx.insertInto('invites').values(row).execute();
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      { action: 'user.invite', targetType: 'invite', targetId: row.id, after: presentInvite(row) },
      now,
    );
    return row;
  });
  const inviteUrl = `${deps.config.publicUrl}/invite/${token}`;
  let emailed = false;
  if (deps.mailer.enabled) {
    try {
      await deps.mailer.send({
        to: input.email,
        subject: 'You are invited to Gloss',
        text: `${ctx.user.name} invited you to a Gloss workspace. Accept here (valid until ${invite.expires_at}):\n\n${inviteUrl}\n`,
      });
      emailed = true;
    } catch (err) {
      // The invite stands; the inviter sees emailed=false and can pass the link on themselves.
      console.warn(`invite ${invite.id}: email to ${input.email} failed: ${String(err)}`);
    }
  }
  return { ...presentInvite(invite), token, inviteUrl, emailed };
}

export async function listInvites(
  deps: AppDeps,
  ctx: RequestContext,
  query: { cursor?: string | undefined; limit: number },
) {
  if (!can(ctx.actor, 'invite.list', { kind: 'workspace' })) throw forbidden('list invites');
  const scope = inviteReadScope(ctx.actor);
  if (scope.kind === 'none') return { items: [], nextCursor: null };
  const cursor = decodeCursor(query.cursor, 1);
  const rows = await listPendingInvites(
    deps.db,
    scope.kind === 'roles' ? scope.roles : null,
    nowIso(deps.clock()),
    cursor ? String(cursor[0]) : undefined,
    query.limit,
  );
  return toPage(rows, query.limit, (r) => [r.id], presentInvite);
}

export async function revokeInvite(deps: AppDeps, ctx: RequestContext, id: string) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const invite = await findInvite(trx, id);
    if (!invite) throw notFound('Invite');
    if (
      !can(ctx.actor, 'invite.revoke', { kind: 'invite', role: invite.role, invitedBy: invite.invited_by })
    ) {
      throw forbidden('revoke this invite');
    }
    if (invite.accepted_at || invite.revoked_at) {
      throw conflict('invite_not_pending', 'This invite was already accepted or revoked.');
    }
    await trx
      .updateTable('invites')
      .set({ revoked_at: nowIso(now) })
      .where('id', '=', id)
      .execute();
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      { action: 'invite.revoke', targetType: 'invite', targetId: id, before: presentInvite(invite) },
      now,
    );
    return presentInvite(invite);
  });
}

async function pendingInviteByToken(db: Executor, token: string, now: number) {
  const invite = await findInviteByTokenHash(db, digest(token));
  if (!invite || invite.revoked_at || invite.accepted_at || Date.parse(invite.expires_at) <= now) {
    throw new AppError(
      404,
      'invite_invalid',
      'This invite link is invalid, used, revoked or expired.',
      'token',
    );
  }
  return invite;
}

/** Public: what an invite link is for, so the accept page can greet the invitee. */
export async function inspectInvite(deps: AppDeps, token: string) {
  const invite = await pendingInviteByToken(deps.db, token, deps.clock());
  const workspace = await deps.db.selectFrom('workspace').select('name').executeTakeFirst();
  return {
    email: invite.email,
    role: invite.role,
    expiresAt: invite.expires_at,
    workspaceName: workspace?.name ?? 'Gloss',
  };
}

/** Turns an invite into an account and signs the new user in. The link works once. */
export async function acceptInvite(
  deps: AppDeps,
  from: AnonymousContext,
  input: { token: string; name: string; password: string },
) {
  const now = deps.clock();
  // Check the token before the deliberately slow hash, so bad links cost the server nothing;
  // the transaction checks it again and claims it.
  await pendingInviteByToken(deps.db, input.token, now);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const invite = await pendingInviteByToken(trx, input.token, now);
    // Marking the invite first makes a concurrent second acceptance find it used.
    const claimed = await trx
      .updateTable('invites')
      .set({ accepted_at: nowIso(now) })
      .where('id', '=', invite.id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      throw new AppError(404, 'invite_invalid', 'This invite link was just used.', 'token');
    }
    if (await findUserByEmail(trx, invite.email)) {
      throw conflict('email_taken', `${invite.email} already has an account; sign in instead.`);
    }
    const user: UserRow = {
      id: newId(now),
      email: invite.email,
      name: input.name,
      role: invite.role,
      status: 'active',
      password_hash: passwordHash,
      invited_by: invite.invited_by,
      created_at: nowIso(now),
      updated_at: nowIso(now),
      deactivated_at: null,
      last_login_at: nowIso(now),
      revision: 1,
    };
    await trx.insertInto('users').values(user).execute();
    await trx.updateTable('invites').set({ accepted_user_id: user.id }).where('id', '=', invite.id).execute();
    await recordAudit(
      trx,
      { actorId: user.id, actorKind: 'user', apiKeyId: null, ip: from.ip, requestId: from.requestId },
      { action: 'invite.accept', targetType: 'user', targetId: user.id, after: presentUser(user) },
      now,
    );
    const session = await openSession(trx, user.id, from, now, deps.config.sessionTtlMs);
    return { user, session };
  });
}

async function updateUserRow(trx: Executor, before: UserRow, changes: Partial<UserRow>, now: number) {
  const after: UserRow = {
    ...before,
    ...changes,
    updated_at: nowIso(now),
    revision: Number(before.revision) + 1,
  };
  const res = await trx
    .updateTable('users')
    .set({ ...changes, updated_at: after.updated_at, revision: after.revision })
    .where('id', '=', before.id)
    .where('revision', '=', before.revision)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw revisionConflict('This user', Number(before.revision) + 1);
  return after;
}

export async function changeRole(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { role: WorkspaceRole; revision: number },
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    await lockWorkspace(trx);
    const { user, resource } = await visibleUser(trx, ctx.actor, id);
    if (!can(ctx.actor, 'user.change_role', { kind: 'role_change', user: resource, newRole: input.role })) {
      throw forbidden('change this user’s role');
    }
    if (Number(user.revision) !== input.revision) throw revisionConflict('This user', Number(user.revision));
    if (user.role === input.role) return presentUser(user);
    if (user.role === 'admin' && user.status === 'active' && (await countActiveAdmins(trx)) <= 1) {
      throw conflict(
        'last_admin',
        'The workspace needs at least one active Admin; promote someone else first.',
        'role',
      );
    }
    const after = await updateUserRow(trx, user, { role: input.role }, now);
    if (user.role === 'admin' || user.role === 'workforce_manager') {
      // Group management is a manager's privilege; demoted users stop managing groups.
      if (input.role !== 'admin' && input.role !== 'workforce_manager') {
        await trx.deleteFrom('group_managers').where('user_id', '=', user.id).execute();
      }
    }
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'user.change_role',
        targetType: 'user',
        targetId: id,
        before: presentUser(user),
        after: presentUser(after),
      },
      now,
    );
    return presentUser(after);
  });
}

export async function setActive(deps: AppDeps, ctx: RequestContext, id: string, active: boolean) {
  const now = deps.clock();
  const action = active ? 'user.reactivate' : 'user.deactivate';
  return deps.db.transaction().execute(async (trx) => {
    const { user, resource } = await visibleUser(trx, ctx.actor, id);
    if (!can(ctx.actor, action, resource))
      throw forbidden(active ? 'reactivate this user' : 'deactivate this user');
    if (!active && user.role === 'admin') {
      throw conflict('user_is_admin', 'Admins cannot be deactivated; change their role first.');
    }
    if ((user.status === 'active') === active) {
      throw conflict(
        active ? 'already_active' : 'already_deactivated',
        `This user is already ${user.status}.`,
      );
    }
    const after = await updateUserRow(
      trx,
      user,
      { status: active ? 'active' : 'deactivated', deactivated_at: active ? null : nowIso(now) },
      now,
    );
    // Deactivation takes effect at once: sessions end now; API keys stop working because their
    // owner is checked on every request.
    if (!active) await deleteSessionsOfUser(trx, user.id);
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      { action, targetType: 'user', targetId: id, before: presentUser(user), after: presentUser(after) },
      now,
    );
    return presentUser(after);
  });
}
