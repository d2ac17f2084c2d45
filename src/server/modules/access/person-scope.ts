import { can } from '../../../core/policy/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { projectGateFor } from './service.ts';

// Reports about people (benchmark scores, analytics): whose numbers a caller may read is the
// policy's (PersonNumbersResource); this turns a request's `userId` into the scope to query.

/** The project as the caller sees it: 404 when there is none, 403 when they hold no role on it. */
export async function readableProject(deps: AppDeps, ctx: RequestContext, projectId: string) {
  const project = await projectGateFor(deps.db, deps.dialect, ctx.actor, projectId);
  if (!project) throw notFound('Project');
  if (!can(ctx.actor, 'project.read', project.resource)) throw forbidden('see this project');
  return project;
}

export type PersonNumbersAction = 'benchmark.view_scores' | 'analytics.view';

/**
 * Whose numbers the query covers: `userId` when the caller may see that person's (403 otherwise);
 * without one, everyone for those who may see everyone's, else the caller alone. `team` says
 * whether the caller may see numbers beyond their own (the team's totals, queues, forecasts).
 */
export async function personScope(
  deps: AppDeps,
  ctx: RequestContext,
  projectId: string,
  action: PersonNumbersAction,
  userId: string | undefined,
): Promise<{ userId: string | undefined; team: boolean }> {
  const project = await readableProject(deps, ctx, projectId);
  const may = (mine: boolean) =>
    can(ctx.actor, action, { kind: 'person_numbers', project: project.resource, mine });
  const team = may(false);
  const scope = userId ?? (team ? undefined : ctx.user.id);
  if (!may(scope === ctx.user.id)) throw forbidden('see this person’s numbers');
  return { userId: scope, team };
}
