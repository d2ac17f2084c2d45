import { z } from 'zod';
import { WORKSPACE_ROLES } from '../../core/roles.ts';

// Field schemas reused across modules, so the same input is validated the same way everywhere.

export const Email = z
  .email({ error: 'must be an email address' })
  .max(254)
  .transform((s) => s.toLowerCase());

export const Password = z
  .string()
  .min(10, { error: 'must be at least 10 characters' })
  .max(256, { error: 'must be at most 256 characters' });

export const PersonName = z.string().trim().min(1, { error: 'must not be empty' }).max(120);

export const Id = z.uuid({ error: 'must be an id' });

export const IdParams = z.strictObject({ id: Id });

export const Role = z.enum(WORKSPACE_ROLES);

export const Revision = z.number().int().min(1).describe('The revision you read; a stale one gets 409');

/** ISO-8601 with any offset, normalised to UTC with milliseconds so it compares with stored times. */
export const Timestamp = z.iso
  .datetime({ offset: true, error: 'must be an ISO-8601 date-time' })
  .transform((s) => new Date(s).toISOString());

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      field: z.string().optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error' });

export const Ok = z.object({ ok: z.literal(true) });
