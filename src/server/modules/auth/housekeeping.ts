import { nowIso } from '../../db/ids.ts';
import type { AppDeps } from '../../deps.ts';

/**
 * Deletes sessions past their expiry and sign-in counters from past windows. Both are dead
 * weight once expired (an expired session is already refused), so nothing is lost.
 */
export async function sweepExpiredAuthState(deps: Pick<AppDeps, 'db' | 'clock' | 'config'>) {
  const now = deps.clock();
  const sessions = await deps.db
    .deleteFrom('sessions')
    .where('expires_at', '<=', nowIso(now))
    .executeTakeFirst();
  const counters = await deps.db
    .deleteFrom('rate_limits')
    .where('window_start', '<', nowIso(now - deps.config.login.windowMs))
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), rateLimits: Number(counters.numDeletedRows) };
}
