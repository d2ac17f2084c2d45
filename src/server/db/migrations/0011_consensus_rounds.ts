import type { Kysely } from 'kysely';

// Consensus rounds: what a consensus stage measured when it closed on a task, and how the
// consensus review settled it.
// - consensus_rounds: one row per closing (a task can come back to the stage after a rejection);
//   the branch revisions compared, the task's agreement score and the whole TaskAgreement
//   (src/core/consensus) as JSON, its state (accepted | review | resolved), `latest` marking the
//   task's newest round so reports read one row per task, and the reviewer's resolution.
// - consensus_scores: one row per annotator of a round, so per-annotator reports aggregate in SQL
//   rather than by reading every round's JSON.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consensus_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('stage_id', 'text', (c) => c.notNull()) // the consensus stage that closed
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.notNull()) // all_in | deadline
    .addColumn('branches', 'text', (c) => c.notNull()) // JSON [{annotatorId, branch, revision}]
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('agreement', 'text', (c) => c.notNull()) // JSON TaskAgreement
    .addColumn('state', 'text', (c) => c.notNull()) // accepted | review | resolved
    .addColumn('latest', 'integer', (c) => c.notNull())
    .addColumn('consensus_revision', 'integer', (c) => c.notNull()) // main revision written at close
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('resolution', 'text') // JSON: base, taken, note, the main revision saved
    .execute();
  await db.schema
    .createIndex('consensus_rounds_report_idx')
    .on('consensus_rounds')
    .columns(['project_id', 'stage_id', 'latest', 'score'])
    .execute();
  await db.schema
    .createIndex('consensus_rounds_task_idx')
    .on('consensus_rounds')
    .columns(['task_id', 'latest'])
    .execute();

  await db.schema
    .createTable('consensus_scores')
    .addColumn('round_id', 'text', (c) => c.notNull().references('consensus_rounds.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('latest', 'integer', (c) => c.notNull())
    .addColumn('agreement', 'double precision', (c) => c.notNull()) // with the other annotators
    .addColumn('resolved_agreement', 'double precision') // with the resolved labels, once resolved
    .addColumn('won', 'integer')
    .addColumn('overruled', 'integer')
    .addPrimaryKeyConstraint('consensus_scores_pk', ['round_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('consensus_scores_report_idx')
    .on('consensus_scores')
    .columns(['project_id', 'stage_id', 'latest', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('consensus_scores').execute();
  await db.schema.dropTable('consensus_rounds').execute();
}
