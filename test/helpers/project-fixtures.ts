import { emptyOntology } from '../../src/core/ontology/index.ts';
import { newId, nowIso } from '../../src/server/db/ids.ts';
import type { TestEnv } from './env.ts';

const EMPTY_ONTOLOGY = JSON.stringify(emptyOntology());

// Datasets (through the datasets API: units registered by manifest, which creates their tasks in
// every attached project) and ontologies for project tests. Ontologies are written straight into
// their tables: the API only makes a second version once a project pins the first, and tests
// need several versions up front.

let counter = 0;

type Share = { type: 'user' | 'group'; id: string; role?: 'admin' | 'user' };

export async function datasetFixture(
  env: TestEnv,
  opts: { sharedWith?: Share[]; units?: number; name?: string } = {},
) {
  const created = await env.admin.post('/api/v1/datasets', {
    name: opts.name ?? `Fixture dataset ${++counter}`,
  });
  if (created.status !== 201) throw new Error(`dataset: ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  for (const p of opts.sharedWith ?? []) {
    const shared = await env.admin.request('PUT', `/api/v1/datasets/${id}/access`, {
      principalType: p.type,
      principalId: p.id,
      role: p.role ?? 'user',
    });
    if (shared.status !== 200) throw new Error(`dataset access: ${JSON.stringify(shared.body)}`);
  }
  const unitIds = await unitsFixture(env, id, opts.units ?? 0);
  return { id, unitIds };
}

/** Registers `n` text units by manifest, as an import would; attached projects get their tasks. */
export async function unitsFixture(env: TestEnv, datasetId: string, n: number): Promise<string[]> {
  if (n === 0) return [];
  const items = Array.from({ length: n }, (_, i) => ({
    kind: 'text',
    key: `fixtures/${++counter}-${i}.md`,
    title: `unit ${counter} #${i}`,
    metadata: { fixture: true },
  }));
  const res = await env.admin.post(`/api/v1/datasets/${datasetId}/manifest`, { items });
  if (res.status !== 200 || res.body.created.length !== n)
    throw new Error(`units: ${JSON.stringify(res.body)}`);
  return res.body.created.map((u: { id: string }) => u.id);
}

export async function ontologyFixture(
  env: TestEnv,
  opts: {
    sharedWith?: { type: 'user' | 'group'; id: string; role?: 'admin' | 'user' }[];
    versions?: number;
    /** Every version's document (default: an empty, valid one). */
    document?: object;
  } = {},
) {
  const now = env.clock.now;
  const id = newId(now);
  const versions = opts.versions ?? 1;
  await env.deps.db
    .insertInto('ontologies')
    .values({
      id,
      name: `Fixture ontology ${++counter}`,
      description: '',
      current_version: versions,
      created_by: null,
      created_at: nowIso(now),
      updated_at: nowIso(now),
      revision: 1,
    })
    .execute();
  // A valid (empty) document, so the ontology reads back through the API like any other.
  for (let v = 1; v <= versions; v++) {
    await env.deps.db
      .insertInto('ontology_versions')
      .values({
        ontology_id: id,
        version: v,
        schema: opts.document ? JSON.stringify(opts.document) : EMPTY_ONTOLOGY,
        created_by: null,
        created_at: nowIso(now),
      })
      .execute();
  }
  for (const p of opts.sharedWith ?? []) {
    await env.deps.db
      .insertInto('ontology_access')
      .values({
        ontology_id: id,
        principal_type: p.type,
        principal_id: p.id,
        role: p.role ?? 'user',
        added_at: nowIso(now),
        added_by: null,
      })
      .execute();
  }
  return { id };
}

/** Gives the project an ontology (of `document`, or an empty one) at version 1, as the labels it takes. */
export async function pinOntology(env: TestEnv, projectId: string, document?: object) {
  const ontology = await ontologyFixture(env, document ? { document } : {});
  await env.deps.db
    .updateTable('projects')
    .set({ ontology_id: ontology.id, ontology_version: 1 })
    .where('id', '=', projectId)
    .execute();
  return ontology;
}
