import { can } from '../../../core/policy/index.ts';
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { AuditRow } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { type AuditFilter, listAudit } from './queries.ts';

/** Who did it and from where; built from a signed-in request, or for anonymous/system actions. */
export interface AuditSource {
  actorId: string | null;
  actorKind: 'user' | 'system' | 'anonymous';
  apiKeyId: string | null;
  ip: string | null;
  requestId: string | null;
}

export const auditSourceOf = (ctx: RequestContext): AuditSource => ({
  actorId: ctx.user.id,
  actorKind: 'user',
  apiKeyId: ctx.apiKeyId,
  ip: ctx.ip,
  requestId: ctx.requestId,
});

export const systemSource: AuditSource = {
  actorId: null,
  actorKind: 'system',
  apiKeyId: null,
  ip: null,
  requestId: null,
};

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Call inside the transaction that makes the change, so the log and the change commit together. */
export async function recordAudit(trx: Executor, source: AuditSource, entry: AuditEntry, now: number) {
  await trx
    .insertInto('audit_log')
    .values({
      id: newId(now),
      at: nowIso(now),
      actor_id: source.actorId,
      actor_kind: source.actorKind,
      api_key_id: source.apiKeyId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      ip: source.ip,
      request_id: source.requestId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export function presentAudit(row: AuditRow & { actor_email: string | null }) {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor_id ? { id: row.actor_id, email: row.actor_email } : null,
    actorKind: row.actor_kind,
    apiKeyId: row.api_key_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    ip: row.ip,
    requestId: row.request_id,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  };
}

export async function readAuditLog(
  deps: AppDeps,
  ctx: RequestContext,
  query: Omit<AuditFilter, 'before'> & { cursor?: string | undefined; limit: number },
) {
  if (!can(ctx.actor, 'audit.read', { kind: 'workspace' })) throw forbidden('read the audit log');
  const cursor = decodeCursor(query.cursor, 1);
  const rows = await listAudit(deps.db, { ...query, before: cursor ? String(cursor[0]) : undefined });
  return toPage(rows, query.limit, (r) => [r.id], presentAudit);
}
