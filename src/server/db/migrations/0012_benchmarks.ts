import type { Kysely } from 'kysely';

// Benchmark QA (gold standards and annotator scoring).
// - gold_sets / gold_tasks: named collections of reference labels of a project; each gold task is
//   a data unit with a snapshot of the labels taken as the truth (from a task's main branch or an
//   import), so later edits of the source task do not move the goalposts.
// - benchmark_settings: one row per project — the scoring configuration (src/core/benchmark) and
//   the screening and monitoring settings, each JSON, with a revision for concurrent edits.
// - tasks.gold_task_id: set on a gold task served to one annotator (screening or monitoring). Such
//   a task looks like any other to them and stays out of lists, exports and review; once they
//   submit or give it back it is deleted. A task is one per (project, data unit), so gold data
//   lives outside the projects it is served in (a gold project's dataset), and a gold unit is
//   served to one annotator of a project at a time.
// - gold_servings: one row per gold task served: to whom, why (screening attempt or monitoring),
//   and whether the annotator sees feedback after submitting it.
// - screening_attempts: each try of an annotator at a project's screening.
// - benchmark_scores: one row per gold task an annotator submitted: the score, the breakdown and
//   what they submitted, for reports and the training view.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('gold_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('gold_sets_name_unique', ['project_id', 'name'])
    .execute();

  await db.schema
    .createTable('gold_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('gold_set_id', 'text', (c) => c.notNull().references('gold_sets.id').onDelete('cascade'))
    .addColumn('data_unit_id', 'text', (c) => c.notNull().references('data_units.id').onDelete('cascade'))
    .addColumn('source_task_id', 'text', (c) => c.references('tasks.id').onDelete('set null'))
    .addColumn('source_revision', 'integer')
    .addColumn('document', 'text', (c) => c.notNull()) // JSON LabelDocument: the reference labels
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('gold_tasks_unit_unique', ['gold_set_id', 'data_unit_id'])
    .execute();

  await db.schema
    .createTable('benchmark_settings')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('scoring', 'text', (c) => c.notNull()) // JSON ScoringConfigInput
    .addColumn('screening', 'text') // JSON, null = no screening
    .addColumn('monitoring', 'text') // JSON, null = no monitoring
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('tasks')
    // No foreign key: the mark must outlive the gold task, or the annotator's labels on a deleted
    // gold task would join the project's output.
    .addColumn('gold_task_id', 'text')
    .execute();

  await db.schema
    .createTable('screening_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('gold_set_id', 'text', (c) => c.notNull().references('gold_sets.id').onDelete('cascade'))
    .addColumn('task_count', 'integer', (c) => c.notNull())
    .addColumn('pass_threshold', 'double precision', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // in_progress | passed | failed
    .addColumn('mean_score', 'double precision')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addUniqueConstraint('screening_attempts_number_unique', ['project_id', 'user_id', 'number'])
    .execute();

  await db.schema
    .createTable('gold_servings')
    // No foreign key to tasks: a served gold task is deleted once submitted (see below); its
    // serving and its score stay.
    .addColumn('task_id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('gold_task_id', 'text', (c) => c.references('gold_tasks.id').onDelete('set null'))
    .addColumn('purpose', 'text', (c) => c.notNull()) // screening | monitoring
    .addColumn('attempt_id', 'text', (c) => c.references('screening_attempts.id').onDelete('cascade'))
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('feedback', 'integer', (c) => c.notNull())
    .addColumn('served_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('gold_servings_user_idx')
    .on('gold_servings')
    .columns(['project_id', 'user_id', 'gold_task_id'])
    .execute();

  await db.schema
    .createTable('benchmark_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('task_id', 'text', (c) => c.notNull()) // the served task, gone once scored
    .addColumn('gold_task_id', 'text', (c) => c.references('gold_tasks.id').onDelete('set null'))
    .addColumn('gold_set_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull()) // screening | monitoring
    .addColumn('attempt_id', 'text', (c) => c.references('screening_attempts.id').onDelete('cascade'))
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull()) // JSON TaskScore
    .addColumn('gold', 'text', (c) => c.notNull()) // JSON LabelDocument as scored against
    .addColumn('submitted', 'text', (c) => c.notNull()) // JSON LabelDocument
    .addColumn('scored_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('benchmark_scores_report_idx')
    .on('benchmark_scores')
    .columns(['project_id', 'user_id', 'scored_at'])
    .execute();
  await db.schema
    .createIndex('benchmark_scores_stage_idx')
    .on('benchmark_scores')
    .columns(['project_id', 'stage_id', 'user_id', 'purpose'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('benchmark_scores').execute();
  await db.schema.dropTable('gold_servings').execute();
  await db.schema.dropTable('screening_attempts').execute();
  await db.schema.alterTable('tasks').dropColumn('gold_task_id').execute();
  await db.schema.dropTable('benchmark_settings').execute();
  await db.schema.dropTable('gold_tasks').execute();
  await db.schema.dropTable('gold_sets').execute();
}
