import { z } from 'zod';
import type { GroupRow, UserRow } from '../../db/schema.ts';
import { Role } from '../../http/schemas.ts';

export const GroupManagerOut = z
  .object({ id: z.string(), name: z.string(), email: z.string() })
  .meta({ id: 'GroupManager' });

export const GroupOut = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    memberCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    revision: z.number().int(),
    managers: z
      .array(GroupManagerOut)
      .nullable()
      .describe('Who manages the group; null when you may not see that'),
  })
  .meta({ id: 'Group' });

export const GroupMemberOut = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: Role,
    status: z.enum(['active', 'deactivated']),
    addedAt: z.string(),
  })
  .meta({ id: 'GroupMember' });

export const ManagerOut = z
  .object({ id: z.string(), name: z.string(), email: z.string(), role: Role })
  .meta({ id: 'GroupManagerDetail' });

type Manager = Pick<UserRow, 'id' | 'name' | 'email'>;

/**
 * The only place a group row becomes JSON. `managers` is passed in as null when the caller may not
 * see who manages the group, so the decision stays with the service that asked the policy.
 */
export function presentGroup(
  row: GroupRow & { member_count: unknown },
  managers: readonly Manager[] | null,
): z.infer<typeof GroupOut> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    memberCount: Number(row.member_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: Number(row.revision),
    managers: managers === null ? null : managers.map((m) => ({ id: m.id, name: m.name, email: m.email })),
  };
}

export function presentMember(
  row: Pick<UserRow, 'id' | 'name' | 'email' | 'role' | 'status'> & { added_at: string },
): z.infer<typeof GroupMemberOut> {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    status: row.status,
    addedAt: row.added_at,
  };
}

export function presentManager(
  row: Pick<UserRow, 'id' | 'name' | 'email' | 'role'>,
): z.infer<typeof ManagerOut> {
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}
