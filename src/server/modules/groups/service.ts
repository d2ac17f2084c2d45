import {
  type Actor,
  can,
  type GroupResource,
  groupReadScope,
  userReadScope,
} from '../../../core/policy/index.ts';
import { GROUP_MANAGER_ROLES } from '../../../core/roles.ts';
import { type Executor, isUniqueViolation } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { GroupRow, UserRow } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, forbidden, notFound, revisionConflict } from '../../http/errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';
import { asUserResource } from '../users/service.ts';
import { presentGroup, presentManager, presentMember } from './present.ts';
import {
  addToRoster,
  deleteGroup as deleteGroupRows,
  findGroup,
  findGroupByNameKey,
  findUsersByIds,
  type GroupWithCount,
  insertGroup,
  listGroups,
  listMembers,
  managersOfGroups,
  type Roster,
  removeFromRoster,
  updateGroupIfRevision,
  userIdsIn,
} from './queries.ts';

const asGroupResource = (id: string): GroupResource => ({ kind: 'group', id });

/** Names are unique regardless of case and surrounding spaces. */
const nameKeyOf = (name: string) => name.trim().toLowerCase();

const nameTaken = (name: string) =>
  conflict('group_name_taken', `A group named “${name}” already exists.`, 'name');

/**
 * Loads a group the caller may see. As everywhere in the API, a group that exists but is out of
 * the caller's sight is refused with 403 (ids are random, so that reveals nothing useful).
 */
async function visibleGroup(db: Executor, actor: Actor, id: string) {
  const group = await findGroup(db, id);
  if (!group) throw notFound('Group');
  if (!can(actor, 'group.read', asGroupResource(id))) throw forbidden('see this group');
  return group;
}

/** Presents groups as `actor` may see them: managers only where the policy lets the actor see them. */
async function presentGroupsFor(db: Executor, actor: Actor, rows: GroupWithCount[]) {
  const canSee = new Set(
    rows.filter((r) => can(actor, 'group.see_managers', asGroupResource(r.id))).map((r) => r.id),
  );
  const managers = await managersOfGroups(db, [...canSee]);
  return rows.map((r) =>
    presentGroup(r, canSee.has(r.id) ? managers.filter((m) => m.group_id === r.id) : null),
  );
}

async function presentGroupFor(db: Executor, actor: Actor, row: GroupWithCount) {
  const [group] = await presentGroupsFor(db, actor, [row]);
  return group!;
}

/** The audit log is read by Admins only, so it always records the managers. */
async function auditViewOf(db: Executor, row: GroupWithCount) {
  return presentGroup(row, await managersOfGroups(db, [row.id]));
}

export async function listVisibleGroups(
  deps: AppDeps,
  ctx: RequestContext,
  query: { q?: string | undefined; cursor?: string | undefined; limit: number },
) {
  if (!can(ctx.actor, 'group.list', { kind: 'workspace' })) throw forbidden('list groups');
  const cursor = decodeCursor(query.cursor, 2);
  const rows = await listGroups(deps.db, groupReadScope(ctx.actor), {
    q: query.q,
    after: cursor ? { nameKey: String(cursor[0]), id: String(cursor[1]) } : undefined,
    limit: query.limit,
  });
  const page = toPage(
    rows,
    query.limit,
    (r) => [r.name_key, r.id],
    (r) => r,
  );
  return { items: await presentGroupsFor(deps.db, ctx.actor, page.items), nextCursor: page.nextCursor };
}

export async function getGroup(deps: AppDeps, ctx: RequestContext, id: string) {
  const group = await visibleGroup(deps.db, ctx.actor, id);
  return presentGroupFor(deps.db, ctx.actor, group);
}

/** Creates a group with its creator as a manager, so a Workforce Manager can manage what they create. */
export async function createGroup(
  deps: AppDeps,
  ctx: RequestContext,
  input: { name: string; description?: string | undefined },
) {
  if (!can(ctx.actor, 'group.create', { kind: 'workspace' })) throw forbidden('create groups');
  const now = deps.clock();
  const row: GroupRow = {
    id: newId(now),
    name: input.name,
    name_key: nameKeyOf(input.name),
    description: input.description ?? '',
    created_by: ctx.user.id,
    created_at: nowIso(now),
    updated_at: nowIso(now),
    revision: 1,
  };
  const created = await uniqueName(input.name, () =>
    deps.db.transaction().execute(async (trx) => {
      if (await findGroupByNameKey(trx, row.name_key)) throw nameTaken(input.name);
      await insertGroup(trx, row);
      await addToRoster(trx, 'group_managers', row.id, [ctx.user.id], row.created_at);
      const group = { ...row, member_count: 0 };
      await recordAudit(
        trx,
        auditSourceOf(ctx),
        {
          action: 'group.create',
          targetType: 'group',
          targetId: row.id,
          after: await auditViewOf(trx, group),
        },
        now,
      );
      return group;
    }),
  );
  // The actor was loaded before this request made them a manager; answer as the manager they now are.
  const actor = { ...ctx.actor, managedGroupIds: [...ctx.actor.managedGroupIds, row.id] };
  return presentGroupFor(deps.db, actor, created);
}

/** A concurrent request may claim the name between our check and our write; report that as the same 409. */
async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(name);
    throw err;
  }
}

export async function updateGroup(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { name?: string | undefined; description?: string | undefined; revision: number },
) {
  const now = deps.clock();
  return uniqueName(input.name ?? '', () =>
    deps.db.transaction().execute(async (trx) => {
      const before = await visibleGroup(trx, ctx.actor, id);
      if (!can(ctx.actor, 'group.update', asGroupResource(id))) throw forbidden('change this group');
      if (Number(before.revision) !== input.revision)
        throw revisionConflict('This group', Number(before.revision));
      const name = input.name ?? before.name;
      const description = input.description ?? before.description;
      if (name === before.name && description === before.description) {
        return presentGroupFor(trx, ctx.actor, before);
      }
      const nameKey = nameKeyOf(name);
      if (nameKey !== before.name_key && (await findGroupByNameKey(trx, nameKey))) throw nameTaken(name);
      const after = {
        ...before,
        name,
        name_key: nameKey,
        description,
        updated_at: nowIso(now),
        revision: Number(before.revision) + 1,
      };
      const changes = {
        name,
        name_key: nameKey,
        description,
        updated_at: after.updated_at,
        revision: after.revision,
      };
      if (!(await updateGroupIfRevision(trx, id, input.revision, changes))) {
        const current = await findGroup(trx, id);
        throw revisionConflict('This group', Number(current?.revision ?? input.revision + 1));
      }
      await recordAudit(
        trx,
        auditSourceOf(ctx),
        {
          action: 'group.update',
          targetType: 'group',
          targetId: id,
          before: await auditViewOf(trx, before),
          after: await auditViewOf(trx, after),
        },
        now,
      );
      return presentGroupFor(trx, ctx.actor, after);
    }),
  );
}

export async function deleteGroup(deps: AppDeps, ctx: RequestContext, id: string) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const group = await visibleGroup(trx, ctx.actor, id);
    if (!can(ctx.actor, 'group.delete', asGroupResource(id))) throw forbidden('delete this group');
    const before = await auditViewOf(trx, group);
    await deleteGroupRows(trx, id);
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      { action: 'group.delete', targetType: 'group', targetId: id, before },
      now,
    );
    return { ok: true as const };
  });
}

export async function listGroupMembers(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  query: { cursor?: string | undefined; limit: number },
) {
  await visibleGroup(deps.db, ctx.actor, id);
  const cursor = decodeCursor(query.cursor, 1);
  const rows = await listMembers(
    deps.db,
    id,
    userReadScope(ctx.actor),
    cursor ? String(cursor[0]) : undefined,
    query.limit,
  );
  return toPage(rows, query.limit, (r) => [r.email], presentMember);
}

export async function listGroupManagers(deps: AppDeps, ctx: RequestContext, id: string) {
  await visibleGroup(deps.db, ctx.actor, id);
  if (!can(ctx.actor, 'group.see_managers', asGroupResource(id))) {
    throw forbidden('see who manages this group');
  }
  return (await managersOfGroups(deps.db, [id])).map(presentManager);
}

const usersError = (status: number, code: string, message: string, userIds: string[]) =>
  new AppError(status, code, message, 'userIds', { userIds });

/** The users named in a request, all of whom must exist, be visible to the caller, and be active. */
async function activeVisibleUsers(db: Executor, actor: Actor, ids: readonly string[]) {
  const found = new Map((await findUsersByIds(db, ids)).map((u) => [u.id, u]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw usersError(404, 'not_found', `No such user: ${missing.join(', ')}.`, missing);
  }
  const hidden: string[] = [];
  for (const user of found.values()) {
    if (!can(actor, 'user.read', await asUserResource(db, user))) hidden.push(user.id);
  }
  if (hidden.length > 0) {
    throw usersError(403, 'forbidden', `You may not see these users: ${hidden.join(', ')}.`, hidden);
  }
  const users = ids.map((id) => found.get(id)!);
  const inactive = users.filter((u) => u.status !== 'active').map((u) => u.id);
  if (inactive.length > 0) {
    throw usersError(
      409,
      'user_deactivated',
      `Deactivated users cannot be added: ${inactive.join(', ')}.`,
      inactive,
    );
  }
  return users;
}

/** Adds the users not yet on the roster; naming someone already there is not an error. */
async function addUsers(
  trx: Executor,
  ctx: RequestContext,
  roster: Roster,
  groupId: string,
  users: UserRow[],
  now: number,
) {
  const ids = users.map((u) => u.id);
  const already = await userIdsIn(trx, roster, groupId, ids);
  const added = ids.filter((id) => !already.has(id));
  if (added.length === 0) return 0;
  await addToRoster(trx, roster, groupId, added, nowIso(now));
  await recordAudit(
    trx,
    auditSourceOf(ctx),
    {
      action: roster === 'group_members' ? 'group.add_members' : 'group.add_managers',
      targetType: 'group',
      targetId: groupId,
      after: { userIds: added },
    },
    now,
  );
  return added.length;
}

export async function addMembers(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { userIds: string[] },
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    await visibleGroup(trx, ctx.actor, id);
    if (!can(ctx.actor, 'group.manage_members', asGroupResource(id))) {
      throw forbidden('manage this group’s members');
    }
    const users = await activeVisibleUsers(trx, ctx.actor, input.userIds);
    return { added: await addUsers(trx, ctx, 'group_members', id, users, now) };
  });
}

export async function addManagers(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { userIds: string[] },
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    await visibleGroup(trx, ctx.actor, id);
    if (!can(ctx.actor, 'group.manage_managers', asGroupResource(id))) {
      throw forbidden('manage this group’s managers');
    }
    const users = await activeVisibleUsers(trx, ctx.actor, input.userIds);
    const wrongRole = users.filter((u) => !GROUP_MANAGER_ROLES.includes(u.role)).map((u) => u.id);
    if (wrongRole.length > 0) {
      throw usersError(
        409,
        'not_a_manager_role',
        `Only Admins and Workforce Managers can manage a group: ${wrongRole.join(', ')}.`,
        wrongRole,
      );
    }
    return { added: await addUsers(trx, ctx, 'group_managers', id, users, now) };
  });
}

async function removeUser(
  deps: AppDeps,
  ctx: RequestContext,
  roster: Roster,
  groupId: string,
  userId: string,
) {
  const isMembers = roster === 'group_members';
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    await visibleGroup(trx, ctx.actor, groupId);
    const action = isMembers ? 'group.manage_members' : 'group.manage_managers';
    if (!can(ctx.actor, action, asGroupResource(groupId))) {
      throw forbidden(isMembers ? 'manage this group’s members' : 'manage this group’s managers');
    }
    if (!(await removeFromRoster(trx, roster, groupId, userId))) {
      throw new AppError(
        404,
        'not_found',
        `That user is not ${isMembers ? 'a member' : 'a manager'} of this group.`,
        'userId',
      );
    }
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: isMembers ? 'group.remove_member' : 'group.remove_manager',
        targetType: 'group',
        targetId: groupId,
        before: { userId },
      },
      now,
    );
    return { ok: true as const };
  });
}

export const removeMember = (deps: AppDeps, ctx: RequestContext, groupId: string, userId: string) =>
  removeUser(deps, ctx, 'group_members', groupId, userId);

export const removeManager = (deps: AppDeps, ctx: RequestContext, groupId: string, userId: string) =>
  removeUser(deps, ctx, 'group_managers', groupId, userId);
