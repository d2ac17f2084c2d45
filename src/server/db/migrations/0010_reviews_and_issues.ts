import type { Kysely } from 'kysely';

// Review decisions per label and issues with their threads.
// - label_reviews: one row per label of a task (an object id, or `classification:<featureId>`
//   for a top-level classification answer) with its review status; the decision that set it and
//   the main-branch revision it was made on, so the next reviewer sees what changed since.
// - issues: raised on a task, optionally pinned to a label, a frame range or a point of the
//   image; open or resolved; `revision` guards concurrent edits (409).
// - issue_comments / issue_mentions: the thread, and who was @mentioned (for per-user lists).
// - project_issue_tags: a project's list of common rejection reasons to pick from.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('label_reviews')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('label_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // new | approved | rejected | resolved | reopened
    .addColumn('reviewer_id', 'text', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array of tag names
    .addColumn('stage_id', 'text')
    .addColumn('label_revision', 'integer') // the main branch's revision the decision was made on
    .addColumn('decided_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('label_reviews_pk', ['task_id', 'label_id'])
    .execute();

  await db.schema
    .createTable('issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('label_id', 'text') // pinned to a label (object id or classification:<featureId>)
    .addColumn('frame_start', 'integer') // a video frame or frame range
    .addColumn('frame_end', 'integer')
    .addColumn('pin_x', 'double precision') // a point of the image, in image pixels (8 bytes on both databases)
    .addColumn('pin_y', 'double precision')
    .addColumn('stage_id', 'text') // where the task was when the issue was raised
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // open | resolved
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('issues_project_idx')
    .on('issues')
    .columns(['project_id', 'status', 'created_at'])
    .execute();
  await db.schema.createIndex('issues_task_idx').on('issues').columns(['task_id', 'status']).execute();
  await db.schema
    .createIndex('issues_assignee_idx')
    .on('issues')
    .columns(['assignee_id', 'status'])
    .execute();
  await db.schema.createIndex('issues_author_idx').on('issues').columns(['author_id', 'status']).execute();

  await db.schema
    .createTable('issue_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issue_id', 'text', (c) => c.notNull().references('issues.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('issue_comments_issue_idx')
    .on('issue_comments')
    .columns(['issue_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('issue_mentions')
    .addColumn('issue_id', 'text', (c) => c.notNull().references('issues.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('issue_mentions_pk', ['issue_id', 'user_id'])
    .execute();
  await db.schema.createIndex('issue_mentions_user_idx').on('issue_mentions').columns(['user_id']).execute();

  await db.schema
    .createTable('project_issue_tags')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_issue_tags_pk', ['project_id', 'name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['project_issue_tags', 'issue_mentions', 'issue_comments', 'issues', 'label_reviews']) {
    await db.schema.dropTable(table).execute();
  }
}
