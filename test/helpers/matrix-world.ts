import type { WorkspaceRole } from '../../src/core/roles.ts';
import { builtInWorkflow } from '../../src/core/workflow/index.ts';
import { nowIso } from '../../src/server/db/ids.ts';
import type { Agent } from './agent.ts';
import { type TestEnv, uniqueEmail } from './env.ts';
import { datasetFixture, pinOntology } from './project-fixtures.ts';

// The world test/permission-matrix.test.ts probes every route in: the four workspace roles, a
// group, and fixtures that make the target of each probe (as the Admin). Probes of newer modules
// live beside it in test/matrix-probes/.

export type Role = WorkspaceRole;
export const LETTER: Record<Role, string> = { admin: 'A', workforce_manager: 'W', member: 'M', tasker: 'T' };
export const ROLES: Role[] = ['admin', 'workforce_manager', 'member', 'tasker'];

export interface World {
  env: TestEnv;
  as: Record<Role, Agent>;
  /** A group the Workforce Manager manages and the Member and Tasker belong to. */
  groupId: string;
}

export interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
}

export interface Probe {
  route: string;
  allowed: string;
  /** Builds the request, creating (as the Admin) whatever target it needs first. */
  call(w: World, role: Role): Promise<Call>;
  /** Use a fresh session for the caller, for calls that end the session. */
  freshSession?: boolean;
}

export const fixture = (w: World) => w.env.admin;

export async function freshTaskerInvitedByManager(w: World) {
  return (await w.env.user('tasker', { by: w.as.workforce_manager })).user!;
}

/** A saved workflow template the Admin made (so only the Admin may change or delete it). */
export async function adminTemplate(w: World) {
  const t = await fixture(w).post('/api/v1/workflow-templates', {
    name: `Matrix template ${uniqueEmail()}`,
    definition: builtInWorkflow('annotate_review'),
  });
  return t.body as { id: string; revision: number };
}

export async function revisionOfUser(w: World, id: string) {
  return (await fixture(w).get(`/api/v1/users/${id}`)).body.revision as number;
}

export async function revisionOfGroup(w: World, id: string) {
  return (await fixture(w).get(`/api/v1/groups/${id}`)).body.revision as number;
}

/** An ontology the Admin made and shared, as User, with the group the Member and Tasker belong to. */
export async function sharedOntology(w: World) {
  const o = await fixture(w).post('/api/v1/ontologies', {
    name: `Matrix ontology ${uniqueEmail()}`,
    schema: { formatVersion: 1, objects: [], classifications: [] },
  });
  await fixture(w).request('PUT', `/api/v1/ontologies/${o.body.id}/access`, {
    principalType: 'group',
    principalId: w.groupId,
    role: 'user',
  });
  return o.body as { id: string; revision: number };
}

/**
 * A project the Admin made: the Member is its Team Manager, the group (Member and Tasker) its
 * Annotators, the Workforce Manager holds no role. Optionally with a one-unit dataset and a status.
 */
export async function matrixProject(w: World, opts: { withTask?: boolean; status?: string } = {}) {
  const dataset = opts.withTask ? await datasetFixture(w.env, { units: 1 }) : null;
  const p = await fixture(w).post('/api/v1/projects', {
    name: `Matrix project ${uniqueEmail()}`,
    tags: ['matrix'],
    datasetIds: dataset ? [dataset.id] : [],
    members: [
      { principalType: 'user', principalId: w.as.member.user!.id, role: 'team_manager' },
      { principalType: 'group', principalId: w.groupId, role: 'annotator' },
    ],
  });
  let revision = p.body.revision as number;
  if (opts.status) {
    const s = await fixture(w).request('PUT', `/api/v1/projects/${p.body.id}/status`, {
      status: opts.status,
      reason: 'matrix',
      revision,
    });
    revision = s.body.revision;
  }
  const tasks = await fixture(w).get(`/api/v1/projects/${p.body.id}/tasks`);
  return {
    id: p.body.id as string,
    revision,
    datasetId: dataset?.id ?? null,
    taskId: (tasks.body.items[0]?.id ?? null) as string | null,
  };
}

/**
 * A task of an In progress matrix project, in `stage`, claimed by `role` when they may work there
 * (the Admin and the Member, its Team Manager, anywhere; the Tasker, an Annotator, in annotate).
 */
export async function heldTask(w: World, role: Role, stage: 'annotate' | 'review' = 'annotate') {
  const p = await matrixProject(w, { withTask: true, status: 'in_progress' });
  if (stage !== 'annotate') {
    await w.env.deps.db.updateTable('tasks').set({ stage_id: stage }).where('id', '=', p.taskId!).execute();
  }
  await w.as[role].post(`/api/v1/projects/${p.id}/stages/${stage}/next`);
  return p.taskId!;
}

/** Gives the task's project an (empty) ontology to label with. */
export async function withOntology(w: World, taskId: string) {
  const task = await w.env.deps.db
    .selectFrom('tasks')
    .select('project_id')
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow();
  await pinOntology(w.env, task.project_id);
}

/** A task of an In progress matrix project with one saved revision of its labels (written directly). */
export async function labelledTask(w: World) {
  const p = await matrixProject(w, { withTask: true, status: 'in_progress' });
  await w.env.deps.db
    .insertInto('label_revisions')
    .values({
      task_id: p.taskId!,
      branch: 'main',
      revision: 1,
      base_revision: null,
      format_version: 1,
      document: JSON.stringify({ formatVersion: 1, objects: [], classifications: [] }),
      author_id: null,
      model_name: 'matrix',
      changes: JSON.stringify({ added: 0, changed: 0, removed: 0 }),
      created_at: nowIso(w.env.clock.now),
    })
    .execute();
  return p;
}

/** A dataset the Admin made and shared, as User, with the group the Member and Tasker belong to. */
export async function sharedDataset(w: World) {
  const d = await fixture(w).post('/api/v1/datasets', { name: `Matrix dataset ${uniqueEmail()}` });
  await fixture(w).request('PUT', `/api/v1/datasets/${d.body.id}/access`, {
    principalType: 'group',
    principalId: w.groupId,
    role: 'user',
  });
  return d.body as { id: string; revision: number };
}

/** One data unit (registered by URL) in a dataset shared with the group. */
export async function sharedUnit(w: World) {
  const d = await sharedDataset(w);
  const res = await fixture(w).post(`/api/v1/datasets/${d.id}/manifest`, {
    items: [{ url: 'https://media.example.test/one.jpg' }],
  });
  return res.body.created[0] as { id: string; revision: number };
}

/**
 * A data unit with a stored file, thumbnail and image item, in the dataset of an In progress
 * matrix project: the Member (its Team Manager) and the Tasker (an Annotator through the group)
 * may fetch its media; the Workforce Manager holds no role on it or its dataset.
 */
export async function mediaUnit(w: World) {
  const p = await matrixProject(w, { withTask: true, status: 'in_progress' });
  const { db, storage } = w.env.deps;
  const unit = await db
    .selectFrom('data_units')
    .select('id')
    .where('dataset_id', '=', p.datasetId!)
    .executeTakeFirstOrThrow();
  const file = `datasets/${p.datasetId}/${unit.id}/matrix.txt`;
  const thumb = `datasets/${p.datasetId}/${unit.id}/matrix-thumb.webp`;
  await storage.put(file, Buffer.from('matrix'), 'text/plain');
  await storage.put(thumb, Buffer.from('thumb'), 'image/webp');
  await db
    .updateTable('data_units')
    .set({ storage_key: file, thumbnail_key: thumb })
    .where('id', '=', unit.id)
    .execute();
  await db
    .insertInto('data_unit_items')
    .values({
      unit_id: unit.id,
      position: 0,
      storage_key: file,
      external_url: null,
      mime_type: 'image/png',
      size_bytes: 6,
      width: null,
      height: null,
      thumbnail_key: thumb,
    })
    .execute();
  return unit.id;
}
