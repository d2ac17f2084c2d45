import type { FastifyInstance, FastifyRequest } from 'fastify';
import { nowIso } from '../../db/ids.ts';
import type { AppDeps } from '../../deps.ts';
import type { Authentication } from '../../http/context.ts';
import { AppError, unauthenticated } from '../../http/errors.ts';
import { findApiKey } from '../api-keys/queries.ts';
import { findSession, findUserById, groupIdsOf } from './queries.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { digest, safeEqual } from './tokens.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Renew a session's expiry at most this often, so reads do not write on every request. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

export const CSRF_HEADER = 'x-csrf-token';

/** API keys look like `gls.<key id>.<secret>`: the id finds the row, the secret is checked against its digest. */
export function parseApiKey(token: string): { id: string; secret: string } | null {
  const m = /^gls\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

async function viaApiKey(deps: AppDeps, token: string): Promise<Authentication> {
  const parsed = parseApiKey(token);
  const key = parsed ? await findApiKey(deps.db, parsed.id) : undefined;
  if (!parsed || !key || key.revoked_at || !safeEqual(key.secret_hash, digest(parsed.secret))) {
    throw unauthenticated('The API key is invalid or revoked.');
  }
  const user = await findUserById(deps.db, key.user_id);
  if (user?.status !== 'active') throw unauthenticated('The API key’s owner is deactivated.');
  const now = deps.clock();
  if (!key.last_used_at || now - Date.parse(key.last_used_at) > TOUCH_INTERVAL_MS) {
    await deps.db
      .updateTable('api_keys')
      .set({ last_used_at: nowIso(now) })
      .where('id', '=', key.id)
      .execute();
  }
  const groups = await groupIdsOf(deps.db, user.id);
  return {
    user,
    actor: { id: user.id, role: user.role, ...groups },
    via: 'api_key',
    sessionId: null,
    apiKeyId: key.id,
    csrfToken: null,
  };
}

async function viaSession(deps: AppDeps, cookie: string): Promise<Authentication | null> {
  const id = digest(cookie);
  const session = await findSession(deps.db, id);
  const now = deps.clock();
  if (!session || Date.parse(session.expires_at) <= now) return null;
  const user = await findUserById(deps.db, session.user_id);
  if (user?.status !== 'active') return null;
  if (now - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
    await deps.db
      .updateTable('sessions')
      .set({ last_seen_at: nowIso(now), expires_at: nowIso(now + deps.config.sessionTtlMs) })
      .where('id', '=', id)
      .execute();
  }
  const groups = await groupIdsOf(deps.db, user.id);
  return {
    user,
    actor: { id: user.id, role: user.role, ...groups },
    via: 'session',
    sessionId: id,
    apiKeyId: null,
    csrfToken: session.csrf_token,
  };
}

async function authenticate(deps: AppDeps, req: FastifyRequest): Promise<Authentication | null> {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw unauthenticated('The Authorization header must be "Bearer <API key>".');
    return viaApiKey(deps, m[1]!);
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const auth = await viaSession(deps, cookie);
  // Cookie-authenticated writes must echo the session's CSRF token, which a cross-site page cannot read.
  if (auth && !SAFE_METHODS.has(req.method)) {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !auth.csrfToken || !safeEqual(sent, auth.csrfToken)) {
      throw new AppError(
        403,
        'csrf_failed',
        `Missing or wrong ${CSRF_HEADER} header for a cookie-authenticated write.`,
      );
    }
  }
  return auth;
}

/** Identifies the caller of every /api request; routes then decide with the policy. */
export function registerAuthentication(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    req.auth = await authenticate(deps, req);
  });
}
