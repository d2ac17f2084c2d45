import { sql } from 'kysely';
import { z } from 'zod';
import { placeSpans, type Span, totalMs, uncovered } from '../../../core/analytics/active-time.ts';
import type { DialectName, Executor } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { invalid } from '../../http/errors.ts';
import { taskHeldBy } from '../queue/work.ts';
import { addActiveTime } from './metric-days.ts';

// Recording active time: the editor reports the spans the clock ran (src/core/analytics) on the
// task the person holds; they are placed on the server's clock, what another report of theirs
// already counted is cut out, and the rest is stored and added to the task's and the day's totals.

/** Reports older than this are late beyond use (a laptop woken after a night). */
const MAX_AGE_MS = 15 * 60_000;
/** No single span is longer than this: the editor reports every half minute. */
const MAX_SPAN_MS = 10 * 60_000;

const Ms = z.number().int().min(0).max(8.64e15);

export const ActivityIn = z.strictObject({
  sentAt: Ms.describe(
    'The client’s clock when it sent the report (epoch ms): the server reads the spans by it',
  ),
  spans: z
    .array(z.strictObject({ start: Ms, end: Ms }))
    .max(500)
    .describe('The spans the clock ran (client epoch ms, [start, end))'),
});
export type ActivityIn = z.infer<typeof ActivityIn>;

export const ActivityOut = z
  .object({
    countedMs: z.number().describe('What this report added (its overlap with earlier reports left out)'),
    taskMs: z.number().describe('Your active time on the task in its current stage so far'),
  })
  .meta({ id: 'ActivityRecorded' });

const USER_TIME_LOCK = 0x676c7469; // "glti": one person's reports are counted one after the other

async function lockUserTime(trx: Executor, dialect: DialectName, userId: string) {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(${USER_TIME_LOCK}, hashtext(${userId}))`.execute(trx);
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A span cut at UTC midnights, so each day's total gets its own part. */
export function byDay(span: Span): { day: string; ms: number }[] {
  const parts: { day: string; ms: number }[] = [];
  let from = span.start;
  while (from < span.end) {
    const midnight = Date.UTC(
      new Date(from).getUTCFullYear(),
      new Date(from).getUTCMonth(),
      new Date(from).getUTCDate() + 1,
    );
    const to = Math.min(span.end, midnight);
    parts.push({ day: dayOf(from), ms: to - from });
    from = to;
  }
  return parts;
}

export async function recordActivity(deps: AppDeps, ctx: RequestContext, taskId: string, input: ActivityIn) {
  input.spans.forEach((s, i) => {
    if (s.end < s.start) throw invalid(`spans[${i}].end`, 'must not be before start');
  });
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const ts = await taskHeldBy(trx, deps, ctx, taskId, now);
    const where = { userId: ctx.user.id, projectId: ts.row.project_id, taskId, stageId: ts.stage.id };
    await lockUserTime(trx, deps.dialect, where.userId);
    const placed = placeSpans(input.spans, {
      sentAt: input.sentAt,
      receivedAt: now,
      maxAgeMs: MAX_AGE_MS,
      maxSpanMs: MAX_SPAN_MS,
    });
    const counted = placed.length > 0 ? await newTime(trx, where.userId, placed) : [];
    if (counted.length > 0) await addTime(trx, where, counted);
    const total = await trx
      .selectFrom('task_time')
      .select('active_ms')
      .where('task_id', '=', taskId)
      .where('user_id', '=', where.userId)
      .where('stage_id', '=', where.stageId)
      .executeTakeFirst();
    return { countedMs: totalMs(counted), taskMs: Number(total?.active_ms ?? 0) };
  });
}

/** The parts of `placed` (sorted, disjoint) none of the user's stored spans covers. */
async function newTime(trx: Executor, userId: string, placed: readonly Span[]): Promise<Span[]> {
  const rows = await trx
    .selectFrom('activity_spans')
    .select(['start_ms', 'end_ms'])
    .where('user_id', '=', userId)
    .where('end_ms', '>', placed[0]!.start)
    .where('start_ms', '<', placed[placed.length - 1]!.end)
    .execute();
  const covered = rows.map((r) => ({ start: Number(r.start_ms), end: Number(r.end_ms) }));
  return placed.flatMap((span) => uncovered(span, covered));
}

interface Where {
  userId: string;
  projectId: string;
  taskId: string;
  stageId: string;
}

async function addTime(trx: Executor, w: Where, counted: readonly Span[]) {
  await trx
    .insertInto('activity_spans')
    .values(
      counted.map((s) => ({
        id: newId(s.start),
        user_id: w.userId,
        project_id: w.projectId,
        task_id: w.taskId,
        stage_id: w.stageId,
        start_ms: s.start,
        end_ms: s.end,
      })),
    )
    .execute();
  const ms = totalMs(counted);
  await trx
    .insertInto('task_time')
    .values({
      task_id: w.taskId,
      user_id: w.userId,
      stage_id: w.stageId,
      project_id: w.projectId,
      active_ms: ms,
      first_ms: counted[0]!.start,
      last_ms: counted[counted.length - 1]!.end,
    })
    .onConflict((oc) =>
      oc.columns(['task_id', 'user_id', 'stage_id']).doUpdateSet({
        active_ms: sql`task_time.active_ms + excluded.active_ms`,
        first_ms: sql`case when excluded.first_ms < task_time.first_ms then excluded.first_ms else task_time.first_ms end`,
        last_ms: sql`case when excluded.last_ms > task_time.last_ms then excluded.last_ms else task_time.last_ms end`,
      }),
    )
    .execute();
  const days = new Map<string, number>();
  for (const s of counted) for (const p of byDay(s)) days.set(p.day, (days.get(p.day) ?? 0) + p.ms);
  for (const [day, dayMs] of days) {
    await trx
      .insertInto('time_by_day')
      .values({ project_id: w.projectId, day, user_id: w.userId, stage_id: w.stageId, active_ms: dayMs })
      .onConflict((oc) =>
        oc
          .columns(['project_id', 'day', 'user_id', 'stage_id'])
          .doUpdateSet({ active_ms: sql`time_by_day.active_ms + excluded.active_ms` }),
      )
      .execute();
  }
  await addActiveTime(trx, w.projectId, w.userId, days);
}
