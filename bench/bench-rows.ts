import type { Kysely } from 'kysely';
import type { DB } from '../src/server/db/schema.ts';

// Rows the benches seed straight into a fresh database: a project with its pinned ontology, its
// dataset and (optionally) its workflow, and users — what the app would have made, minus the
// HTTP round trips that would dwarf what is measured.

export interface BenchProject {
  projectId: string;
  name: string;
  ontologyId: string;
  ontology: object;
  datasetId: string;
  /** Stored as the project's workflow version 1 (else version 1 is assumed and not written). */
  workflow?: object;
  at: string;
}

export async function seedProject(db: Kysely<DB>, p: BenchProject) {
  const stamps = { created_by: null, created_at: p.at };
  await db
    .insertInto('ontologies')
    .values({
      id: p.ontologyId,
      name: p.name,
      description: '',
      current_version: 1,
      ...stamps,
      updated_at: p.at,
      revision: 1,
    })
    .execute();
  await db
    .insertInto('ontology_versions')
    .values({ ontology_id: p.ontologyId, version: 1, schema: JSON.stringify(p.ontology), ...stamps })
    .execute();
  await db
    .insertInto('projects')
    .values({
      id: p.projectId,
      name: p.name,
      description: '',
      status: 'in_progress',
      status_reason: null,
      status_changed_at: p.at,
      ontology_id: p.ontologyId,
      ontology_version: 1,
      workflow_version: 1,
      ...stamps,
      updated_at: p.at,
      revision: 1,
    })
    .execute();
  if (p.workflow) {
    await db
      .insertInto('project_workflows')
      .values({
        project_id: p.projectId,
        version: 1,
        definition: JSON.stringify(p.workflow),
        template_id: null,
        ...stamps,
      })
      .execute();
  }
  await db
    .insertInto('datasets')
    .values({ id: p.datasetId, name: p.name, description: '', ...stamps, updated_at: p.at, revision: 1 })
    .execute();
}

/** Active Taskers, `annotator<i>@bench.test`, with the given ids. */
export const benchUsers = (ids: readonly string[], at: string) =>
  ids.map((id, i) => ({
    id,
    email: `annotator${i}@bench.test`,
    name: `Annotator ${i}`,
    role: 'tasker' as const,
    status: 'active' as const,
    password_hash: null,
    invited_by: null,
    created_at: at,
    updated_at: at,
    deactivated_at: null,
    last_login_at: null,
    revision: 1,
  }));
