import { z } from 'zod';
import type { UserRow } from '../../db/schema.ts';
import { Role } from '../../http/schemas.ts';

export const UserOut = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    status: z.enum(['active', 'deactivated']),
    createdAt: z.string(),
    updatedAt: z.string(),
    deactivatedAt: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    revision: z.number().int(),
  })
  .meta({ id: 'User' });

/** The only place a user row becomes JSON, so the password hash can never leak into a response or the audit log. */
export function presentUser(row: UserRow): z.infer<typeof UserOut> {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deactivatedAt: row.deactivated_at,
    lastLoginAt: row.last_login_at,
    revision: Number(row.revision),
  };
}
