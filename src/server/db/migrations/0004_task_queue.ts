import { type Kysely, sql } from 'kysely';

// The task queue: each project's workflow (versioned), where each task sits in it (stage, status,
// priority, holder and lease), consensus holds, skips, who worked a task in which stage, and the
// append-only task event log that analytics reads.

// Projects created before workflows existed get Annotate → Review → Complete (the built-in
// `annotate_review`), written out here so that later changes to the built-ins never change
// what this migration did.
const LEGACY_WORKFLOW = JSON.stringify({
  formatVersion: 1,
  stages: [
    { id: 'annotate', name: 'Annotate', type: 'annotate', start: true, settings: {} },
    { id: 'review', name: 'Review', type: 'review', settings: {} },
    { id: 'complete', name: 'Complete', type: 'complete', settings: {} },
  ],
  edges: [
    { from: 'annotate', to: 'review', kind: 'done' },
    { from: 'review', to: 'complete', kind: 'approved' },
    { from: 'review', to: 'annotate', kind: 'rejected' },
  ],
});

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_workflows')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull()) // the workflow document, JSON
    .addColumn('template_id', 'text') // the template it was created from, if any (informational)
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_workflows_pk', ['project_id', 'version'])
    .execute();
  await db.schema
    .alterTable('projects')
    .addColumn('workflow_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  const addTaskColumn = (name: string, type: 'text' | 'integer', notNullDefault?: string | number) =>
    db.schema
      .alterTable('tasks')
      .addColumn(name, type, (c) =>
        notNullDefault === undefined ? c : c.notNull().defaultTo(notNullDefault),
      )
      .execute();
  await addTaskColumn('stage_id', 'text');
  await addTaskColumn('status', 'text', 'new');
  await addTaskColumn('priority', 'integer', 50);
  await db.schema
    .alterTable('tasks')
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .execute();
  await addTaskColumn('pinned', 'integer', 0); // 1: assigned by a manager or the workflow; outlives the lease
  await addTaskColumn('lease_expires_at', 'text');
  await addTaskColumn('stage_entered_at', 'text');
  await addTaskColumn('updated_at', 'text');
  await addTaskColumn('revision', 'integer', 1);
  // The next-task scan: a stage's tasks in queue order (priority high first, then id).
  await db.schema
    .createIndex('tasks_queue_idx')
    .on('tasks')
    .columns(['project_id', 'stage_id', 'priority desc', 'id'])
    .execute();
  // "Assigned to me first", and a person's tasks across projects.
  await db.schema
    .createIndex('tasks_assignee_idx')
    .on('tasks')
    .columns(['assignee_id', 'project_id', 'stage_id'])
    .execute();

  // Consensus stages: the several people holding (or having submitted) one task.
  await db.schema
    .createTable('task_holds')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // active | submitted
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_holds_pk', ['task_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('task_holds_user_idx')
    .on('task_holds')
    .columns(['user_id', 'task_id'])
    .execute();

  await db.schema
    .createTable('task_skips')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('skipped_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_skips_pk', ['task_id', 'user_id', 'stage_id'])
    .execute();

  // Who finished work on a task in which stage (submitted, approved, rejected): the
  // "allow reassessment" and "review own work" rules read it.
  await db.schema
    .createTable('task_workers')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('stage_type', 'text', (c) => c.notNull())
    .addColumn('worked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_workers_pk', ['task_id', 'user_id', 'stage_id'])
    .execute();

  await db.schema
    .createTable('task_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text') // where it happened
    .addColumn('to_stage_id', 'text') // where the task went, for transitions
    .addColumn('actor_id', 'text', (c) => c.references('users.id')) // null: the system
    .addColumn('subject_id', 'text', (c) => c.references('users.id')) // the person it concerns
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_events_task_idx').on('task_events').columns(['task_id', 'id']).execute();
  await db.schema
    .createIndex('task_events_project_idx')
    .on('task_events')
    .columns(['project_id', 'created_at'])
    .execute();

  const now = new Date().toISOString();
  await sql`insert into project_workflows (project_id, version, definition, template_id, note, created_at)
    select id, 1, ${LEGACY_WORKFLOW}, 'builtin:annotate_review', 'Given to projects created before workflows', ${now}
    from projects`.execute(db);
  await sql`update tasks set stage_id = 'annotate', stage_entered_at = created_at, updated_at = created_at`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['task_events', 'task_workers', 'task_skips', 'task_holds', 'project_workflows']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('tasks_assignee_idx').execute();
  await db.schema.dropIndex('tasks_queue_idx').execute();
  for (const c of [
    'stage_id',
    'status',
    'priority',
    'assignee_id',
    'pinned',
    'lease_expires_at',
    'stage_entered_at',
    'updated_at',
    'revision',
  ]) {
    await db.schema.alterTable('tasks').dropColumn(c).execute();
  }
  await db.schema.alterTable('projects').dropColumn('workflow_version').execute();
}
