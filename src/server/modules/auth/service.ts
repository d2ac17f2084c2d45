import { can } from '../../../core/policy/index.ts';
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { UserRow } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import type { AnonymousContext, RequestContext } from '../../http/context.ts';
import {
  conflict,
  forbidden,
  invalid,
  rateLimited,
  revisionConflict,
  unauthenticated,
} from '../../http/errors.ts';
import { type AuditSource, auditSourceOf, recordAudit, systemSource } from '../audit/service.ts';
import { presentUser } from '../users/present.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.ts';
import {
  clearRateLimit,
  countUsers,
  deleteSession,
  findUserByEmail,
  findUserById,
  hitRateLimit,
  peekRateLimit,
} from './queries.ts';
import { openSession } from './sessions.ts';

export async function setupStatus(deps: AppDeps) {
  return { needsSetup: (await countUsers(deps.db)) === 0 };
}

interface NewAdmin {
  email: string;
  name: string;
  password: string;
}

async function insertAdmin(trx: Executor, admin: NewAdmin, now: number): Promise<UserRow> {
  const user: UserRow = {
    id: newId(now),
    email: admin.email,
    name: admin.name,
    role: 'admin',
    status: 'active',
    password_hash: await hashPassword(admin.password),
    invited_by: null,
    created_at: nowIso(now),
    updated_at: nowIso(now),
    deactivated_at: null,
    last_login_at: null,
    revision: 1,
  };
  await trx.insertInto('users').values(user).execute();
  return user;
}

/** Serialises transactions that must see a stable set of users (setup, last-admin checks). */
export async function lockWorkspace(trx: Executor) {
  // A no-op update still takes the row lock on PostgreSQL, and leaves the revision alone.
  await trx
    .updateTable('workspace')
    .set((eb) => ({ name: eb.ref('name') }))
    .where('id', '=', 1)
    .execute();
}

export async function ensureWorkspace(trx: Executor, name: string, now: number) {
  await trx
    .insertInto('workspace')
    .values({ id: 1, name, created_at: nowIso(now), revision: 1 })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** First-run setup from the web: works only while the workspace has no user at all. */
export async function setupWorkspace(
  deps: AppDeps,
  from: AnonymousContext,
  input: NewAdmin & { workspaceName: string },
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    await ensureWorkspace(trx, input.workspaceName, now);
    // Touching the workspace row takes its lock, so concurrent setups queue here on PostgreSQL
    // (SQLite already runs one write transaction at a time) and only the first finds no users.
    await lockWorkspace(trx);
    if ((await countUsers(trx)) > 0)
      throw conflict('already_set_up', 'This workspace is already set up; sign in.');
    await trx.updateTable('workspace').set({ name: input.workspaceName }).where('id', '=', 1).execute();
    const user = await insertAdmin(trx, input, now);
    const source: AuditSource = {
      ...systemSource,
      actorKind: 'anonymous',
      ip: from.ip,
      requestId: from.requestId,
    };
    await recordAudit(
      trx,
      { ...source, actorId: user.id, actorKind: 'user' },
      { action: 'workspace.setup', targetType: 'user', targetId: user.id, after: presentUser(user) },
      now,
    );
    const session = await openSession(trx, user.id, from, now, deps.config.sessionTtlMs);
    return { user, session };
  });
}

/** `gloss create-admin`: also the way back in when every admin password is lost. */
export async function createAdmin(deps: AppDeps, input: NewAdmin) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, input.email)) {
      throw conflict('email_taken', `A user with email ${input.email} already exists.`, 'email');
    }
    await ensureWorkspace(trx, 'Gloss', now);
    const user = await insertAdmin(trx, input, now);
    await recordAudit(
      trx,
      systemSource,
      { action: 'user.create_admin', targetType: 'user', targetId: user.id, after: presentUser(user) },
      now,
    );
    return user;
  });
}

function windowStart(now: number, windowMs: number) {
  return nowIso(Math.floor(now / windowMs) * windowMs);
}

export async function login(
  deps: AppDeps,
  from: AnonymousContext,
  input: { email: string; password: string },
) {
  const now = deps.clock();
  const { maxFailuresPerAccount, maxFailuresPerIp, windowMs } = deps.config.login;
  const window = windowStart(now, windowMs);
  const accountKey = `login:account:${input.email}`;
  const ipKey = `login:ip:${from.ip ?? 'unknown'}`;
  const retryAfter = Math.ceil((Date.parse(window) + windowMs - now) / 1000);
  if (
    (await peekRateLimit(deps.db, accountKey, window)) >= maxFailuresPerAccount ||
    (await peekRateLimit(deps.db, ipKey, window)) >= maxFailuresPerIp
  ) {
    throw rateLimited(retryAfter);
  }

  const user = await findUserByEmail(deps.db, input.email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.status !== 'active' || !user.password_hash) {
    await hitRateLimit(deps.db, accountKey, window);
    await hitRateLimit(deps.db, ipKey, window);
    // One message for every failure, so the response does not reveal which accounts exist.
    throw unauthenticated('Email or password is wrong, or the account is deactivated.');
  }

  return deps.db.transaction().execute(async (trx) => {
    await clearRateLimit(trx, accountKey);
    await trx
      .updateTable('users')
      .set({ last_login_at: nowIso(now) })
      .where('id', '=', user.id)
      .execute();
    const session = await openSession(trx, user.id, from, now, deps.config.sessionTtlMs);
    await recordAudit(
      trx,
      { actorId: user.id, actorKind: 'user', apiKeyId: null, ip: from.ip, requestId: from.requestId },
      { action: 'auth.login', targetType: 'session', targetId: null },
      now,
    );
    return { user: { ...user, last_login_at: nowIso(now) }, session };
  });
}

export async function logout(deps: AppDeps, ctx: RequestContext, sessionId: string | null) {
  if (!sessionId) return;
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      { action: 'auth.logout', targetType: 'session', targetId: null },
      now,
    );
  });
}

export async function updateOwnAccount(
  deps: AppDeps,
  ctx: RequestContext,
  input: {
    revision: number;
    name?: string | undefined;
    currentPassword?: string | undefined;
    newPassword?: string | undefined;
  },
  keepSessionId: string | null,
) {
  if (!can(ctx.actor, 'account.update', { kind: 'own', ownerId: ctx.user.id }))
    throw forbidden('change this account');
  if (input.newPassword !== undefined && input.currentPassword === undefined) {
    throw invalid('currentPassword', 'is required to set a new password');
  }
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, ctx.user.id);
    if (!user) throw unauthenticated();
    if (Number(user.revision) !== input.revision)
      throw revisionConflict('Your account', Number(user.revision));
    let passwordHash = user.password_hash;
    if (input.newPassword !== undefined) {
      if (!user.password_hash || !(await verifyPassword(input.currentPassword ?? '', user.password_hash))) {
        throw invalid('currentPassword', 'is wrong');
      }
      passwordHash = await hashPassword(input.newPassword);
    }
    const updated: UserRow = {
      ...user,
      name: input.name ?? user.name,
      password_hash: passwordHash,
      updated_at: nowIso(now),
      revision: Number(user.revision) + 1,
    };
    await trx
      .updateTable('users')
      .set({
        name: updated.name,
        password_hash: passwordHash,
        updated_at: updated.updated_at,
        revision: updated.revision,
      })
      .where('id', '=', user.id)
      .execute();
    if (input.newPassword !== undefined) {
      // A password change signs out every other session: the usual response to a suspected leak.
      let q = trx.deleteFrom('sessions').where('user_id', '=', user.id);
      if (keepSessionId) q = q.where('id', '!=', keepSessionId);
      await q.execute();
    }
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: input.newPassword !== undefined ? 'account.change_password' : 'account.update',
        targetType: 'user',
        targetId: user.id,
        before: presentUser(user),
        after: presentUser(updated),
      },
      now,
    );
    return updated;
  });
}
