import { can } from '../../../core/policy/index.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { ApiKeyRow } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';
import { digest, randomToken } from '../auth/tokens.ts';
import { findApiKey, listApiKeysOf } from './queries.ts';

export function presentApiKey(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** The secret is returned here once and never again; only its digest is kept. */
export async function createApiKey(deps: AppDeps, ctx: RequestContext, input: { name: string }) {
  if (!can(ctx.actor, 'api_key.create', { kind: 'own', ownerId: ctx.user.id }))
    throw forbidden('create API keys');
  const now = deps.clock();
  const secret = randomToken();
  const row: ApiKeyRow = {
    id: newId(now),
    user_id: ctx.user.id,
    name: input.name,
    secret_hash: digest(secret),
    created_at: nowIso(now),
    last_used_at: null,
    revoked_at: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('api_keys').values(row).execute();
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      { action: 'api_key.create', targetType: 'api_key', targetId: row.id, after: presentApiKey(row) },
      now,
    );
  });
  return { ...presentApiKey(row), token: `gls.${row.id}.${secret}` };
}

export async function listApiKeys(
  deps: AppDeps,
  ctx: RequestContext,
  query: { cursor?: string | undefined; limit: number },
) {
  if (!can(ctx.actor, 'api_key.list', { kind: 'own', ownerId: ctx.user.id }))
    throw forbidden('list API keys');
  const cursor = decodeCursor(query.cursor, 1);
  const rows = await listApiKeysOf(deps.db, ctx.user.id, cursor ? String(cursor[0]) : undefined, query.limit);
  return toPage(rows, query.limit, (r) => [r.id], presentApiKey);
}

export async function revokeApiKey(deps: AppDeps, ctx: RequestContext, id: string) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const key = await findApiKey(trx, id);
    // Someone else's key is reported as missing, so key ids cannot be probed.
    if (!key || !can(ctx.actor, 'api_key.revoke', { kind: 'own', ownerId: key.user_id })) {
      if (key) throw forbidden('revoke this API key');
      throw notFound('API key');
    }
    if (key.revoked_at) throw conflict('already_revoked', 'This API key is already revoked.');
    const revoked = { ...key, revoked_at: nowIso(now) };
    await trx.updateTable('api_keys').set({ revoked_at: revoked.revoked_at }).where('id', '=', id).execute();
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'api_key.revoke',
        targetType: 'api_key',
        targetId: id,
        before: presentApiKey(key),
        after: presentApiKey(revoked),
      },
      now,
    );
    return presentApiKey(revoked);
  });
}
