import type { Kysely } from 'kysely';

// Datasets and their data units, ontologies and their versions, projects with collaborators,
// tags and datasets, and one task per data unit per project. Portable column types only.

async function sharingTable(db: Kysely<unknown>, table: string, owner: string, ownerTable: string) {
  // Who holds a role on a shared resource: a user or a group (principal_type), with the role.
  await db.schema
    .createTable(table)
    .addColumn(owner, 'text', (c) => c.notNull().references(`${ownerTable}.id`).onDelete('cascade'))
    .addColumn('principal_type', 'text', (c) => c.notNull())
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint(`${table}_pk`, [owner, 'principal_type', 'principal_id'])
    .execute();
  await db.schema
    .createIndex(`${table}_principal_idx`)
    .on(table)
    .columns(['principal_type', 'principal_id'])
    .execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('datasets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sharingTable(db, 'dataset_access', 'dataset_id', 'datasets');

  await db.schema
    .createTable('data_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // image | image_group | video | text
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // upload | import | manifest
    .addColumn('storage_key', 'text') // null for image groups (their items hold the files)
    .addColumn('external_url', 'text') // registered by URL instead of a stored object
    .addColumn('mime_type', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('duration_ms', 'integer')
    .addColumn('fps', 'real')
    .addColumn('frame_count', 'integer')
    .addColumn('thumbnail_key', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('data_units_dataset_idx')
    .on('data_units')
    .columns(['dataset_id', 'id'])
    .execute();

  await db.schema
    .createTable('data_unit_items')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('data_units.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text')
    .addColumn('external_url', 'text')
    .addColumn('mime_type', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('thumbnail_key', 'text')
    .addPrimaryKeyConstraint('data_unit_items_pk', ['unit_id', 'position'])
    .execute();

  await db.schema
    .createTable('ontologies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sharingTable(db, 'ontology_access', 'ontology_id', 'ontologies');

  await db.schema
    .createTable('ontology_versions')
    .addColumn('ontology_id', 'text', (c) => c.notNull().references('ontologies.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('schema', 'text', (c) => c.notNull()) // the ontology document, JSON
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ontology_versions_pk', ['ontology_id', 'version'])
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('status_changed_at', 'text', (c) => c.notNull())
    .addColumn('ontology_id', 'text', (c) => c.references('ontologies.id'))
    .addColumn('ontology_version', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('projects_status_idx').on('projects').columns(['status', 'id']).execute();
  await sharingTable(db, 'project_members', 'project_id', 'projects');

  await db.schema
    .createTable('project_tags')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_tags_pk', ['project_id', 'tag'])
    .execute();
  await db.schema
    .createIndex('project_tags_tag_idx')
    .on('project_tags')
    .columns(['tag', 'project_id'])
    .execute();

  await db.schema
    .createTable('project_datasets')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id'))
    .addColumn('attached_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_datasets_pk', ['project_id', 'dataset_id'])
    .execute();
  await db.schema
    .createIndex('project_datasets_dataset_idx')
    .on('project_datasets')
    .column('dataset_id')
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('data_unit_id', 'text', (c) => c.notNull().references('data_units.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tasks_unit_unique', ['project_id', 'data_unit_id'])
    .execute();
  await db.schema.createIndex('tasks_unit_idx').on('tasks').column('data_unit_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'tasks',
    'project_datasets',
    'project_tags',
    'project_members',
    'projects',
    'ontology_versions',
    'ontology_access',
    'ontologies',
    'data_unit_items',
    'data_units',
    'dataset_access',
    'datasets',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
