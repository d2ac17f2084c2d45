import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import type { AnonymousContext } from '../../http/context.ts';
import { digest, randomToken } from './tokens.ts';

export const SESSION_COOKIE = 'gloss_session';

/** Opens a session; only the digest of the cookie value is stored, so a database leak yields no live sessions. */
export async function openSession(
  db: Executor,
  userId: string,
  from: AnonymousContext,
  now: number,
  ttlMs: number,
): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = nowIso(now + ttlMs);
  await db
    .insertInto('sessions')
    .values({
      id: digest(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: nowIso(now),
      expires_at: expiresAt,
      last_seen_at: nowIso(now),
      ip: from.ip,
      user_agent: from.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export function setSessionCookie(
  reply: FastifyReply,
  config: Pick<Config, 'secureCookies'>,
  session: { token: string; expiresAt: string },
) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    expires: new Date(session.expiresAt),
  });
}
