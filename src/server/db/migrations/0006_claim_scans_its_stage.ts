import type { Kysely } from 'kysely';

// Drops tasks_project_priority_idx (0005). With it, the planners served the next-task claim —
// one stage, in priority order — from this project-wide index whenever the statistics said most
// tasks sat in that stage (as when a project starts), and the scan then stepped over every
// completed task of higher priority on each claim: a claim's cost grew with the work done.
// Without it the claim can only walk its own stage (tasks_queue_idx). The all-stages queue list
// sorts instead (top-N, measured ~0.4 s at 1,000,000 tasks on PostgreSQL): a manager's overview,
// not a hot path.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tasks_project_priority_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('tasks_project_priority_idx')
    .on('tasks')
    .columns(['project_id', 'priority desc', 'id'])
    .execute();
}
