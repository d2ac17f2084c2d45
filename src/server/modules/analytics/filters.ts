import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { invalid } from '../../http/errors.ts';
import { Id } from '../../http/schemas.ts';

// The filters every analytics report takes, and turning them into what the queries need.

// A real calendar day (not 2026-02-30), from 1970 on: the reports cut periods into months and weeks
// by the calendar.
export const Day = z.iso
  .date({ error: 'must be a day, YYYY-MM-DD' })
  .refine((d) => d >= '1970-01-01', { error: 'must be a day from 1970 on' });

export const ReportQuery = z.strictObject({
  from: Day.optional().describe('First day (UTC) counted'),
  to: Day.optional().describe('Last day (UTC) counted, inclusive'),
  userId: Id.optional().describe('One person (workers: only themselves, their default)'),
  groupId: Id.optional().describe('The members of one group'),
  stageId: z.string().min(1).max(64).optional(),
  datasetId: Id.optional(),
  featureId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('One class or question of the ontology (label counts only)'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** A report's filter after scoping: `userIds` undefined is everyone the caller may see. */
export interface ReportFilter {
  from?: string | undefined;
  to?: string | undefined;
  stageId?: string | undefined;
  datasetId?: string | undefined;
  featureId?: string | undefined;
  userIds?: readonly string[] | undefined;
}

export function checkRange(q: { from?: string | undefined; to?: string | undefined }) {
  if (q.from && q.to && q.from > q.to) throw invalid('to', 'must not be before from');
}

export async function groupMemberIds(db: Executor, groupId: string) {
  const rows = await db
    .selectFrom('group_members')
    .select('user_id')
    .where('group_id', '=', groupId)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The people both lists allow (undefined: no restriction). */
export function narrow(a: readonly string[] | undefined, b: readonly string[] | undefined) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const keep = new Set(b);
  return a.filter((id) => keep.has(id));
}

export const startOfDay = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
export const DAY_MS = 86_400_000;

export async function userNames(db: Executor, ids: readonly string[]) {
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}
