import type { Kysely } from 'kysely';

// Workspace workflow templates: workflows users saved to start projects from. The built-in
// templates live in code (src/core/workflow/templates.ts), not here.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workflow_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('definition', 'text', (c) => c.notNull()) // the workflow document, JSON
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workflow_templates').execute();
}
