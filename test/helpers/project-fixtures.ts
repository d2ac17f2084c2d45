import { newId, nowIso } from '../../src/server/db/ids.ts';
import { createTasksForUnits } from '../../src/server/modules/projects/tasks.ts';
import type { TestEnv } from './env.ts';

// Datasets and ontologies for project tests, written straight into the tables while the datasets
// and ontologies modules are built alongside (their APIs were not there yet). Adding units goes
// through createTasksForUnits exactly as the datasets module does.

let counter = 0;

export async function datasetFixture(
  env: TestEnv,
  opts: {
    sharedWith?: { type: 'user' | 'group'; id: string; role?: 'admin' | 'user' }[];
    units?: number;
    name?: string;
  } = {},
) {
  const now = env.clock.now;
  const id = newId(now);
  await env.deps.db
    .insertInto('datasets')
    .values({
      id,
      name: opts.name ?? `Fixture dataset ${++counter}`,
      description: '',
      created_by: null,
      created_at: nowIso(now),
      updated_at: nowIso(now),
      revision: 1,
    })
    .execute();
  for (const p of opts.sharedWith ?? []) {
    await env.deps.db
      .insertInto('dataset_access')
      .values({
        dataset_id: id,
        principal_type: p.type,
        principal_id: p.id,
        role: p.role ?? 'user',
        added_at: nowIso(now),
        added_by: null,
      })
      .execute();
  }
  const unitIds = await unitsFixture(env, id, opts.units ?? 0);
  return { id, unitIds };
}

/** Adds text units to a dataset in one transaction and creates their tasks, as an upload would. */
export async function unitsFixture(env: TestEnv, datasetId: string, n: number) {
  if (n === 0) return [];
  const now = env.clock.now;
  const rows = Array.from({ length: n }, (_, i) => ({
    id: newId(now),
    dataset_id: datasetId,
    kind: 'text' as const,
    title: `unit ${++counter} #${i}`,
    source: 'upload' as const,
    storage_key: `fixtures/${counter}.txt`,
    mime_type: 'text/plain',
    size_bytes: 10,
    metadata: '{"fixture":true}',
    created_at: nowIso(now),
    updated_at: nowIso(now),
    revision: 1,
  }));
  await env.deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('data_units').values(rows).execute();
    await createTasksForUnits(trx, { datasetId, unitIds: rows.map((r) => r.id) }, now);
  });
  return rows.map((r) => r.id);
}

export async function ontologyFixture(
  env: TestEnv,
  opts: {
    sharedWith?: { type: 'user' | 'group'; id: string; role?: 'admin' | 'user' }[];
    versions?: number;
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
  for (let v = 1; v <= versions; v++) {
    await env.deps.db
      .insertInto('ontology_versions')
      .values({ ontology_id: id, version: v, schema: '{}', created_by: null, created_at: nowIso(now) })
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
