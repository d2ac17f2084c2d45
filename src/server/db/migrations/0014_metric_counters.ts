import { type Kysely, sql } from 'kysely';
import { addToMetricDays, counterRows } from '../../modules/analytics/metric-days.ts';
import type { DB } from '../schema.ts';

// Analytics counters.
// - metric_days: per (project, UTC day, metric, person, stage, dataset, class) a count, added to
//   by every event recorder in the event's transaction (modules/analytics/metric-days.ts). ''
//   stands for "none" in the person, stage, dataset and class columns, so the key has no nulls.
// - person_days: the same counts per (UTC day, project, person, metric) only, for the workspace
//   report, which reads every project's days and would otherwise sum thousands of rows per person
//   and day; by person too, for a Workforce Manager's members.
// - queue_depth: tasks waiting per (project, day, stage), the housekeeping's last count that day.
// - time_by_day gets an index by day for the workspace report too.
// The counters are filled from the events already recorded: metric_days through the event
// mapping every recorder uses, person_days summed from metric_days in SQL (its own columns, as
// person_days took another shape in 0016).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('metric_days')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('feature_id', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_days_pk', [
      'project_id',
      'day',
      'metric',
      'user_id',
      'stage_id',
      'dataset_id',
      'feature_id',
    ])
    .execute();
  await db.schema
    .createTable('person_days')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_days_pk', ['day', 'project_id', 'user_id', 'metric'])
    .execute();
  await db.schema
    .createIndex('person_days_user_idx')
    .on('person_days')
    .columns(['user_id', 'day', 'project_id', 'metric', 'n'])
    .execute();
  await db.schema
    .createIndex('time_by_day_day_idx')
    .on('time_by_day')
    .columns(['day', 'project_id', 'user_id', 'active_ms'])
    .execute();

  await db.schema
    .createTable('queue_depth')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('counted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_depth_pk', ['project_id', 'day', 'stage_id'])
    .execute();

  await countRecordedEvents(db as unknown as Kysely<DB>);
  await sql`insert into person_days (day, project_id, user_id, metric, n)
    select day, project_id, user_id, metric, sum(n) from metric_days
    group by day, project_id, user_id, metric`.execute(db);
}

async function countRecordedEvents(db: Kysely<DB>) {
  let after = '';
  for (;;) {
    const events = await db
      .selectFrom('task_events')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (events.length === 0) return;
    after = events[events.length - 1]!.id;
    const { metricDays } = await counterRows(
      db,
      events.map((e) => ({
        projectId: e.project_id,
        taskId: e.task_id,
        at: e.created_at,
        kind: e.kind,
        stageId: e.stage_id,
        actorId: e.actor_id,
        subjectId: e.subject_id,
        data: JSON.parse(e.data) as Record<string, unknown>,
      })),
    );
    await addToMetricDays(db, metricDays);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('queue_depth').execute();
  await db.schema.dropIndex('time_by_day_day_idx').execute();
  await db.schema.dropTable('person_days').execute();
  await db.schema.dropTable('metric_days').execute();
}
