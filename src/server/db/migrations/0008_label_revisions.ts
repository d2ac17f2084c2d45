import type { Kysely } from 'kysely';

// Label documents: every save is a new revision of one branch of a task's labels ("main"; in
// consensus stages one branch per annotator), and nothing is overwritten. The primary key
// (task, branch, revision) is also the optimistic lock: a save inserts its base revision + 1, so
// of two saves from the same base only the first can.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('label_revisions')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('branch', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('base_revision', 'integer') // what the save started from; null for the first
    .addColumn('format_version', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull()) // src/core/labels, JSON as text
    .addColumn('author_id', 'text', (c) => c.references('users.id')) // null: a model's pre-labels
    .addColumn('model_name', 'text')
    .addColumn('changes', 'text', (c) => c.notNull()) // what changed from the base, for history lists
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('label_revisions_pk', ['task_id', 'branch', 'revision'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('label_revisions').execute();
}
