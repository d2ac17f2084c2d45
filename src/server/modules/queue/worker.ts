import type { Actor, ProjectResource } from '../../../core/policy/index.ts';
import type { Worker } from '../../../core/queue/index.ts';
import { type ProjectRole, strongestProjectRole } from '../../../core/roles.ts';
import type { Executor } from '../../db/database.ts';
import { rolesHeld } from '../access/queries.ts';

// A person as the queue sees them on one project: their effective project role (a workspace
// Admin acts as project Admin) and their groups, which stage worker lists may name.

/** The caller as a worker, from the project role the policy already resolved for them. */
export function workerOn(actor: Actor, resource: ProjectResource): Worker {
  return {
    userId: actor.id,
    role: actor.role === 'admin' ? 'admin' : resource.role,
    groupIds: actor.memberGroupIds,
  };
}

export async function workerFromActor(db: Executor, actor: Actor, projectId: string): Promise<Worker> {
  const role: ProjectRole | null =
    actor.role === 'admin'
      ? 'admin'
      : strongestProjectRole((await rolesHeld(db, 'project', projectId, actor.id)) as ProjectRole[]);
  return { userId: actor.id, role, groupIds: actor.memberGroupIds };
}

/** Another user (a holder a manager or a submitter names); undefined when no such active user. */
export async function workerById(
  db: Executor,
  userId: string,
  projectId: string,
): Promise<Worker | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'role', 'status'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user?.status !== 'active') return undefined;
  const groups = await db
    .selectFrom('group_members')
    .select('group_id')
    .where('user_id', '=', userId)
    .execute();
  const role: ProjectRole | null =
    user.role === 'admin'
      ? 'admin'
      : strongestProjectRole((await rolesHeld(db, 'project', projectId, userId)) as ProjectRole[]);
  return { userId, role, groupIds: groups.map((g) => g.group_id) };
}
