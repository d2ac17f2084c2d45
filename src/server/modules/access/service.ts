import type {
  Actor,
  DatasetResource,
  OntologyResource,
  ProjectResource,
} from '../../../core/policy/index.ts';
import { can } from '../../../core/policy/index.ts';
import {
  type ProjectRole,
  type SharedResourceRole,
  strongestProjectRole,
  strongestSharedRole,
} from '../../../core/roles.ts';
import type { DialectName, Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';
import { asUserResource } from '../users/service.ts';
import {
  deleteAccess,
  findAccess,
  idsAccessibleTo,
  listAccess,
  projectWithRoles,
  putAccess,
  rolesHeld,
  rolesHeldOnEach,
  type SharedKind,
} from './queries.ts';

// Sharing of datasets, ontologies and projects with users and groups, in one place: the role an
// actor holds on one resource (for the policy), the resources a list may show, and changes to
// who holds what (validated and audited the same way for all three kinds).

export async function projectResourceFor(db: Executor, actor: Actor, id: string): Promise<ProjectResource> {
  const roles = (await rolesHeld(db, 'project', id, actor.id)) as ProjectRole[];
  return { kind: 'project', id, role: strongestProjectRole(roles) };
}

/** The project's work gate (status, workflow version) and the actor's resource on it; undefined when there is no such project. */
export async function projectGateFor(db: Executor, dialect: DialectName, actor: Actor, id: string) {
  const rows = await projectWithRoles(db, dialect, { projectId: id, userId: actor.id });
  const first = rows[0];
  if (!first) return undefined;
  const roles = rows.flatMap((r) => (r.role ? [r.role as ProjectRole] : []));
  const resource: ProjectResource = { kind: 'project', id, role: strongestProjectRole(roles) };
  return { status: first.status, workflowVersion: first.workflow_version, resource };
}

export async function datasetResourceFor(db: Executor, actor: Actor, id: string): Promise<DatasetResource> {
  const roles = (await rolesHeld(db, 'dataset', id, actor.id)) as SharedResourceRole[];
  return { kind: 'dataset', id, role: strongestSharedRole(roles) };
}

export async function ontologyResourceFor(db: Executor, actor: Actor, id: string): Promise<OntologyResource> {
  const roles = (await rolesHeld(db, 'ontology', id, actor.id)) as SharedResourceRole[];
  return { kind: 'ontology', id, role: strongestSharedRole(roles) };
}

/**
 * What a list of `kind` may show the actor: everything for a workspace Admin, otherwise the
 * resources they hold a role on (as a subquery of ids to filter by).
 */
export function listScope(db: Executor, actor: Actor, kind: SharedKind) {
  if (actor.role === 'admin') return { kind: 'all' as const };
  return { kind: 'ids' as const, ids: idsAccessibleTo(db, kind, actor.id) };
}

export interface Principal {
  type: 'user' | 'group';
  id: string;
}

/**
 * The principal must exist, be active (a user) and be someone the caller may see, so sharing
 * never becomes a way to learn about, or reach, people outside one's view.
 */
async function checkPrincipal(db: Executor, actor: Actor, principal: Principal) {
  if (principal.type === 'user') {
    const user = await db.selectFrom('users').selectAll().where('id', '=', principal.id).executeTakeFirst();
    if (!user) throw new AppError(404, 'not_found', 'No such user.', 'principalId');
    if (!can(actor, 'user.read', await asUserResource(db, user))) {
      throw new AppError(403, 'forbidden', 'You may not see this user.', 'principalId');
    }
    if (user.status !== 'active')
      throw conflict('user_deactivated', 'Deactivated users cannot be added.', 'principalId');
    return;
  }
  const group = await db.selectFrom('groups').select('id').where('id', '=', principal.id).executeTakeFirst();
  if (!group) throw new AppError(404, 'not_found', 'No such group.', 'principalId');
  if (!can(actor, 'group.read', { kind: 'group', id: principal.id })) {
    throw new AppError(403, 'forbidden', 'You may not see this group.', 'principalId');
  }
}

/** Grants (or changes) a principal's role; call inside the transaction, after the policy check. */
export async function grantAccess(
  trx: Executor,
  ctx: RequestContext,
  kind: SharedKind,
  resourceId: string,
  principal: Principal,
  role: string,
  now: number,
) {
  await checkPrincipal(trx, ctx.actor, principal);
  const before = await findAccess(trx, kind, resourceId, principal);
  await putAccess(trx, kind, resourceId, { ...principal, role, by: ctx.user.id, at: nowIso(now) });
  await recordAudit(
    trx,
    auditSourceOf(ctx),
    {
      action: `${kind}.share`,
      targetType: kind,
      targetId: resourceId,
      before: before ? { principal, role: before.role } : null,
      after: { principal, role },
    },
    now,
  );
}

/** Removes a principal's role; call inside the transaction, after the policy check. */
export async function revokeAccess(
  trx: Executor,
  ctx: RequestContext,
  kind: SharedKind,
  resourceId: string,
  principal: Principal,
  now: number,
) {
  const before = await findAccess(trx, kind, resourceId, principal);
  if (!before) throw notFound(`That ${principal.type}'s access`);
  await deleteAccess(trx, kind, resourceId, principal);
  await recordAudit(
    trx,
    auditSourceOf(ctx),
    {
      action: `${kind}.unshare`,
      targetType: kind,
      targetId: resourceId,
      before: { principal, role: before.role },
    },
    now,
  );
  return before.role;
}

/** "Your role" on a dataset or ontology the actor can see: Admin for workspace Admins. */
export function shownRole(actor: Actor, resource: DatasetResource | OntologyResource): SharedResourceRole {
  return actor.role === 'admin' ? 'admin' : (resource.role ?? 'user');
}

/** `shownRole` for a page of datasets or ontologies, in one query. */
export async function shownRolesOnEach(
  db: Executor,
  actor: Actor,
  kind: 'dataset' | 'ontology',
  ids: readonly string[],
): Promise<(id: string) => SharedResourceRole> {
  if (actor.role === 'admin') return () => 'admin';
  const held = await rolesHeldOnEach(db, kind, actor.id, ids);
  return (id) =>
    shownRole(actor, { kind, id, role: strongestSharedRole((held.get(id) ?? []) as SharedResourceRole[]) });
}

export { findAccess, listAccess, rolesHeldOnEach };
