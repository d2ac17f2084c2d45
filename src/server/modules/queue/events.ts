import type { TaskEventKind } from '../../../core/queue/index.ts';
import type { DialectName, Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { prepared } from '../../db/prepared.ts';
import { countEvents } from '../analytics/metric-days.ts';

// The task event log: one row per thing that happened to a task, written in the transaction that
// made it happen. Append-only; what analytics counts of it goes to the daily counters in the same
// transaction (analytics/metric-days.ts).

export interface TaskEvent {
  projectId: string;
  taskId: string;
  kind: TaskEventKind;
  /** The stage it happened in. */
  stageId: string | null;
  /** Where the task went, for transitions. */
  toStageId?: string | null | undefined;
  /** Who did it; null for the system (a lapsed lease, a workflow rule). */
  actorId: string | null;
  /** The person it concerns (the new holder, the one who lost a lease…). */
  subjectId?: string | null | undefined;
  data?: Record<string, unknown> | undefined;
}

const CHUNK = 500;

const eventRow = (e: TaskEvent, now: number) => ({
  id: newId(now),
  project_id: e.projectId,
  task_id: e.taskId,
  kind: e.kind,
  stage_id: e.stageId,
  to_stage_id: e.toStageId ?? null,
  actor_id: e.actorId,
  subject_id: e.subjectId ?? null,
  data: JSON.stringify(e.data ?? {}),
  created_at: nowIso(now),
});

const insertOne = prepared((db, p: ReturnType<typeof eventRow>) => db.insertInto('task_events').values(p));

/**
 * Appends the events and adds them to the analytics counters. Given the dialect, a few events go through one statement built once (the
 * claim's path: see db/prepared.ts); many go in multi-row inserts.
 */
export async function recordTaskEvents(
  trx: Executor,
  events: readonly TaskEvent[],
  now: number,
  dialect?: DialectName,
) {
  if (dialect && events.length <= 2) {
    for (const e of events) await insertOne(trx, dialect, eventRow(e, now));
  } else {
    for (let i = 0; i < events.length; i += CHUNK) {
      await trx
        .insertInto('task_events')
        .values(events.slice(i, i + CHUNK).map((e) => eventRow(e, now)))
        .execute();
    }
  }
  await countEvents(
    trx,
    events.map((e) => ({ ...e, subjectId: e.subjectId ?? null, data: e.data ?? {}, at: now })),
  );
}

export const recordTaskEvent = (trx: Executor, event: TaskEvent, now: number) =>
  recordTaskEvents(trx, [event], now);
