import type { Executor } from '../../db/database.ts';

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Cursor: only rows older than this id (ids are time-ordered). */
  before?: string | undefined;
  limit: number;
}

/** Newest first. */
export function listAudit(db: Executor, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .selectAll('audit_log')
    .select('users.email as actor_email');
  if (f.actorId) q = q.where('audit_log.actor_id', '=', f.actorId);
  if (f.action) {
    q = f.action.endsWith('.')
      ? q.where('audit_log.action', 'like', `${f.action}%`)
      : q.where('audit_log.action', '=', f.action);
  }
  if (f.targetType) q = q.where('audit_log.target_type', '=', f.targetType);
  if (f.targetId) q = q.where('audit_log.target_id', '=', f.targetId);
  if (f.from) q = q.where('audit_log.at', '>=', f.from);
  if (f.to) q = q.where('audit_log.at', '<', f.to);
  if (f.before) q = q.where('audit_log.id', '<', f.before);
  return q
    .orderBy('audit_log.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}
