import { type Actor, can, type ProjectResource, roleOn, userReadScope } from '../../../core/policy/index.ts';
import { projectGate } from '../../../core/projects/status-gate.ts';
import { type ProjectRole, type ProjectStatus, strongestProjectRole } from '../../../core/roles.ts';
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { ProjectsTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, forbidden, invalid, notFound, revisionConflict } from '../../http/errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import {
  datasetResourceFor,
  findAccess,
  grantAccess,
  listAccess,
  listScope,
  ontologyResourceFor,
  type Principal,
  projectResourceFor,
  revokeAccess,
  rolesHeldOnEach,
} from '../access/service.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';
import { chooseWorkflow } from '../project-workflow/service.ts';
import { defaultWorkflowTemplate, insertFirstWorkflow } from '../queue/workflow-store.ts';
import { asUserResource } from '../users/service.ts';
import { auditViewOfProject, presentProject } from './present.ts';
import {
  attachDataset,
  countAdminGrants,
  datasetsOf,
  deleteProjectRows,
  detachDataset,
  findDataset,
  findOntology,
  findOntologyVersion,
  findProject,
  insertProject,
  isAttached,
  listProjects,
  lockProject,
  ontologyNames,
  type ProjectSort,
  type ProjectWithCount,
  replaceTags,
  type SortOrder,
  tagsInScope,
  tagsOf,
  updateProjectIfRevision,
  visibleUserIds,
} from './queries.ts';
import { createTasksForUnits, deleteTasksOfDataset, workedTasksOfDataset } from './tasks.ts';

// Projects: settings, collaborators, datasets, ontology and status. Every route loads the project
// the same way (404 when it does not exist, 403 when the caller holds no role on it), asks the
// policy for the action, then the status gate (an Archived project refuses every change except
// a status change), and only then acts, in one transaction with its audit row.

interface LoadedProject {
  row: ProjectWithCount;
  resource: ProjectResource;
}

async function visibleProject(db: Executor, actor: Actor, id: string): Promise<LoadedProject> {
  const row = await findProject(db, id);
  if (!row) throw notFound('Project');
  const resource = await projectResourceFor(db, actor, id);
  if (!can(actor, 'project.read', resource)) throw forbidden('see this project');
  return { row, resource };
}

/** The role the actor acts with (a workspace Admin acts as Admin); null when they hold none. */
const effectiveRole = (actor: Actor, resource: ProjectResource) =>
  roleOn(actor, resource) as ProjectRole | null;

/** Refuses changes to an Archived project (409: the project's state, not the caller, is in the way). */
function gateManage(actor: Actor, loaded: LoadedProject) {
  const refusal = projectGate(
    loaded.row.status,
    effectiveRole(actor, loaded.resource) ?? 'annotator',
    'manage',
  );
  if (refusal)
    throw new AppError(409, refusal.code, refusal.message, undefined, { status: loaded.row.status });
}

async function manageable(
  db: Executor,
  actor: Actor,
  id: string,
  action: 'project.update' | 'project.manage_datasets' | 'project.switch_ontology' | 'project.delete',
  what: string,
) {
  const loaded = await visibleProject(db, actor, id);
  if (!can(actor, action, loaded.resource)) throw forbidden(what);
  gateManage(actor, loaded);
  return loaded;
}

function checkRevision(row: ProjectsTable, revision: number) {
  if (Number(row.revision) !== revision) throw revisionConflict('This project', Number(row.revision));
}

async function presentProjectsFor(db: Executor, actor: Actor, rows: ProjectWithCount[]) {
  const ids = rows.map((r) => r.id);
  const [tags, datasets, names, roles] = await Promise.all([
    tagsOf(db, ids),
    datasetsOf(db, ids),
    ontologyNames(db, [...new Set(rows.flatMap((r) => (r.ontology_id ? [r.ontology_id] : [])))]),
    actor.role === 'admin'
      ? Promise.resolve(new Map<string, ProjectRole[]>())
      : (rolesHeldOnEach(db, 'project', actor.id, ids) as Promise<Map<string, ProjectRole[]>>),
  ]);
  return rows.map((r) =>
    presentProject(r, {
      tags: tags.get(r.id) ?? [],
      datasets: datasets.get(r.id) ?? [],
      ontologyName: r.ontology_id ? (names.get(r.ontology_id) ?? null) : null,
      // Rows reach here only when visible, so a non-Admin holds at least one role.
      myRole: actor.role === 'admin' ? 'admin' : (strongestProjectRole(roles.get(r.id) ?? []) ?? 'annotator'),
    }),
  );
}

async function presentOne(db: Executor, actor: Actor, id: string) {
  const row = await findProject(db, id);
  if (!row) throw notFound('Project');
  const [project] = await presentProjectsFor(db, actor, [row]);
  return project!;
}

async function auditView(db: Executor, row: ProjectsTable) {
  const [tags, datasets] = await Promise.all([tagsOf(db, [row.id]), datasetsOf(db, [row.id])]);
  return auditViewOfProject(
    row,
    tags.get(row.id) ?? [],
    (datasets.get(row.id) ?? []).map((d) => d.id),
  );
}

/** Tags keep their case; two that differ only in case (or surrounding spaces) are one tag. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** The dataset must exist and the caller must be allowed to attach it (dataset.attach). */
async function attachableDataset(db: Executor, actor: Actor, datasetId: string, field: string) {
  const dataset = await findDataset(db, datasetId);
  if (!dataset) throw new AppError(404, 'not_found', 'No such dataset.', field);
  if (!can(actor, 'dataset.attach', await datasetResourceFor(db, actor, datasetId))) {
    throw new AppError(403, 'forbidden', 'You may not attach this dataset.', field, {
      action: 'dataset.attach',
    });
  }
  return dataset;
}

/** The ontology must exist, the caller may use it (ontology.use) and the version must exist. */
async function usableOntologyVersion(
  db: Executor,
  actor: Actor,
  ontologyId: string,
  version: number | undefined,
  fields: { id: string; version: string },
) {
  const ontology = await findOntology(db, ontologyId);
  if (!ontology) throw new AppError(404, 'not_found', 'No such ontology.', fields.id);
  if (!can(actor, 'ontology.use', await ontologyResourceFor(db, actor, ontologyId))) {
    throw new AppError(403, 'forbidden', 'You may not use this ontology.', fields.id, {
      action: 'ontology.use',
    });
  }
  const pinned = version ?? Number(ontology.current_version);
  if (!(await findOntologyVersion(db, ontologyId, pinned))) {
    throw new AppError(404, 'not_found', `This ontology has no version ${pinned}.`, fields.version);
  }
  return { id: ontologyId, version: pinned };
}

// ---------------------------------------------------------------------------------------------
// Projects

export interface ListQuery {
  q?: string | undefined;
  status?: ProjectStatus | undefined;
  tag?: string | undefined;
  datasetId?: string | undefined;
  memberId?: string | undefined;
  sort: ProjectSort;
  order?: SortOrder | undefined;
  cursor?: string | undefined;
  limit: number;
}

export async function listVisibleProjects(deps: AppDeps, ctx: RequestContext, query: ListQuery) {
  if (!can(ctx.actor, 'project.list', { kind: 'workspace' })) throw forbidden('list projects');
  if (query.memberId) {
    // Filtering by a person would tell whether they work on a project: only for people one may see.
    const user = await deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', query.memberId)
      .executeTakeFirst();
    if (!user) throw new AppError(404, 'not_found', 'No such user.', 'memberId');
    if (!can(ctx.actor, 'user.read', await asUserResource(deps.db, user))) {
      throw new AppError(403, 'forbidden', 'You may not see this user.', 'memberId', { action: 'user.read' });
    }
  }
  const order = query.order ?? (query.sort === 'name' ? 'asc' : 'desc');
  const cursor = decodeCursor(query.cursor, 2);
  const rows = await listProjects(deps.db, listScope(deps.db, ctx.actor, 'project'), {
    q: query.q,
    status: query.status,
    tag: query.tag,
    datasetId: query.datasetId,
    memberId: query.memberId,
    sort: query.sort,
    order,
    after: cursor ? { key: String(cursor[0]), id: String(cursor[1]) } : undefined,
    limit: query.limit,
  });
  const page = toPage(
    rows,
    query.limit,
    (r) => [r.sort_key, r.id],
    (r) => r,
  );
  return { items: await presentProjectsFor(deps.db, ctx.actor, page.items), nextCursor: page.nextCursor };
}

export async function getProject(deps: AppDeps, ctx: RequestContext, id: string) {
  const { row } = await visibleProject(deps.db, ctx.actor, id);
  const [project] = await presentProjectsFor(deps.db, ctx.actor, [row]);
  return project!;
}

export interface MemberInput {
  principalType: 'user' | 'group';
  principalId: string;
  role: ProjectRole;
}

export interface CreateInput {
  name: string;
  description?: string | undefined;
  tags?: string[] | undefined;
  datasetIds?: string[] | undefined;
  ontologyId?: string | undefined;
  ontologyVersion?: number | undefined;
  members?: MemberInput[] | undefined;
  /** `builtin:<key>` or a saved template's id; or else `workflow`, a document; neither: Annotate → Review. */
  workflowTemplateId?: string | undefined;
  workflow?: unknown;
}

/** Creates a project Not started, its creator its Admin, with one task per unit of each dataset. */
export async function createProject(deps: AppDeps, ctx: RequestContext, input: CreateInput) {
  if (!can(ctx.actor, 'project.create', { kind: 'workspace' })) throw forbidden('create projects');
  if (input.ontologyVersion !== undefined && !input.ontologyId) {
    throw invalid('ontologyVersion', 'needs ontologyId');
  }
  for (const [i, m] of (input.members ?? []).entries()) {
    if (m.principalType === 'user' && m.principalId === ctx.user.id) {
      throw invalid(`members.${i}.principalId`, 'you become the project’s Admin anyway');
    }
  }
  const chosen = await chooseWorkflow(deps, ctx, input, defaultWorkflowTemplate);
  const now = deps.clock();
  const at = nowIso(now);
  const id = newId(now);
  return deps.db.transaction().execute(async (trx) => {
    const datasetIds = input.datasetIds ?? [];
    for (const [i, datasetId] of datasetIds.entries()) {
      await attachableDataset(trx, ctx.actor, datasetId, `datasetIds.${i}`);
    }
    const ontology = input.ontologyId
      ? await usableOntologyVersion(trx, ctx.actor, input.ontologyId, input.ontologyVersion, {
          id: 'ontologyId',
          version: 'ontologyVersion',
        })
      : null;
    const row: ProjectsTable = {
      id,
      name: input.name,
      description: input.description ?? '',
      status: 'not_started',
      status_reason: null,
      status_changed_at: at,
      ontology_id: ontology?.id ?? null,
      ontology_version: ontology?.version ?? null,
      created_by: ctx.user.id,
      created_at: at,
      updated_at: at,
      revision: 1,
      workflow_version: 1,
    };
    await insertProject(trx, row);
    await insertFirstWorkflow(
      trx,
      { projectId: id, workflow: chosen.workflow, templateId: chosen.templateId, createdBy: ctx.user.id },
      now,
    );
    await replaceTags(trx, id, normaliseTags(input.tags ?? []));
    await grantAccess(trx, ctx, 'project', id, { type: 'user', id: ctx.user.id }, 'admin', now);
    for (const m of input.members ?? []) {
      await grantAccess(trx, ctx, 'project', id, { type: m.principalType, id: m.principalId }, m.role, now);
    }
    let tasksCreated = 0;
    for (const datasetId of datasetIds) {
      await attachDataset(trx, id, datasetId, at);
      tasksCreated += await createTasksForUnits(trx, { datasetId, projectId: id }, now);
    }
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'project.create',
        targetType: 'project',
        targetId: id,
        after: { ...(await auditView(trx, row)), tasksCreated },
      },
      now,
    );
    return presentOne(trx, ctx.actor, id);
  });
}

export async function updateProject(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: {
    name?: string | undefined;
    description?: string | undefined;
    tags?: string[] | undefined;
    revision: number;
  },
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { row } = await manageable(trx, ctx.actor, id, 'project.update', 'change this project');
    checkRevision(row, input.revision);
    const before = await auditView(trx, row);
    const name = input.name ?? row.name;
    const description = input.description ?? row.description;
    const tags = input.tags === undefined ? before.tags : normaliseTags(input.tags);
    const tagsChanged = JSON.stringify([...tags].sort()) !== JSON.stringify([...before.tags].sort());
    if (name === row.name && description === row.description && !tagsChanged) {
      return presentOne(trx, ctx.actor, id);
    }
    const changes = { name, description, updated_at: nowIso(now), revision: Number(row.revision) + 1 };
    if (!(await updateProjectIfRevision(trx, id, input.revision, changes))) {
      throw revisionConflict('This project', input.revision + 1);
    }
    if (tagsChanged) await replaceTags(trx, id, tags);
    const after = await auditView(trx, { ...row, ...changes });
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      { action: 'project.update', targetType: 'project', targetId: id, before, after },
      now,
    );
    return presentOne(trx, ctx.actor, id);
  });
}

export async function deleteProject(deps: AppDeps, ctx: RequestContext, id: string) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { row } = await manageable(trx, ctx.actor, id, 'project.delete', 'delete this project');
    const before = {
      ...(await auditView(trx, row)),
      taskCount: Number(row.task_count ?? 0),
      members: (await listAccess(trx, 'project', id)).map((m) => ({
        principalType: m.principal_type,
        principalId: m.principal_id,
        role: m.role,
      })),
    };
    await deleteProjectRows(trx, id);
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      { action: 'project.delete', targetType: 'project', targetId: id, before },
      now,
    );
    return { ok: true as const };
  });
}

/**
 * Admins and Team Managers change the status with a reason. This is the one change an Archived
 * project accepts (un-archiving it); setting the status and reason it already has changes nothing.
 */
export async function setProjectStatus(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { status: ProjectStatus; reason: string; revision: number },
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { row, resource } = await visibleProject(trx, ctx.actor, id);
    if (!can(ctx.actor, 'project.set_status', resource)) throw forbidden('change this project’s status');
    checkRevision(row, input.revision);
    if (row.status === input.status && row.status_reason === input.reason)
      return presentOne(trx, ctx.actor, id);
    const at = nowIso(now);
    const changes = {
      status: input.status,
      status_reason: input.reason,
      status_changed_at: row.status === input.status ? row.status_changed_at : at,
      updated_at: at,
      revision: Number(row.revision) + 1,
    };
    if (!(await updateProjectIfRevision(trx, id, input.revision, changes))) {
      throw revisionConflict('This project', input.revision + 1);
    }
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'project.set_status',
        targetType: 'project',
        targetId: id,
        before: { status: row.status, reason: row.status_reason },
        after: { status: input.status, reason: input.reason },
      },
      now,
    );
    return presentOne(trx, ctx.actor, id);
  });
}

// ---------------------------------------------------------------------------------------------
// Datasets and ontology

async function touch(trx: Executor, row: ProjectsTable, now: number) {
  const changes = { updated_at: nowIso(now), revision: Number(row.revision) + 1 };
  if (!(await updateProjectIfRevision(trx, row.id, Number(row.revision), changes))) {
    throw revisionConflict('This project', Number(row.revision) + 1);
  }
  return { ...row, ...changes };
}

/** Attaches a dataset: every unit of it becomes a task of the project. */
export async function attachProjectDataset(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { datasetId: string },
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { row } = await manageable(
      trx,
      ctx.actor,
      id,
      'project.manage_datasets',
      'attach datasets to this project',
    );
    await attachableDataset(trx, ctx.actor, input.datasetId, 'datasetId');
    const before = await auditView(trx, row);
    if (!(await attachDataset(trx, id, input.datasetId, nowIso(now)))) {
      throw conflict(
        'dataset_already_attached',
        'This dataset is already attached to the project.',
        'datasetId',
      );
    }
    const tasksCreated = await createTasksForUnits(trx, { datasetId: input.datasetId, projectId: id }, now);
    const after = await auditView(trx, await touch(trx, row, now));
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'project.attach_dataset',
        targetType: 'project',
        targetId: id,
        before,
        after: { ...after, datasetId: input.datasetId, tasksCreated },
      },
      now,
    );
    return presentOne(trx, ctx.actor, id);
  });
}

/**
 * Detaches a dataset and removes the project's tasks of its units — only while none of them has
 * been worked on: detaching would delete that work and its history, so it is refused (409).
 */
export async function detachProjectDataset(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  datasetId: string,
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { row } = await manageable(
      trx,
      ctx.actor,
      id,
      'project.manage_datasets',
      'detach datasets from this project',
    );
    if (!(await isAttached(trx, id, datasetId))) throw notFound('That dataset on this project');
    const worked = await workedTasksOfDataset(trx, id, datasetId);
    if (worked > 0) {
      throw conflict(
        'dataset_has_work',
        `${worked} task${worked === 1 ? ' has' : 's have'} already been worked on in this project (claimed, ` +
          'submitted, reviewed, assigned or moved); detaching the dataset would delete that work and its history.',
      );
    }
    const before = await auditView(trx, row);
    const tasksRemoved = await deleteTasksOfDataset(trx, id, datasetId);
    await detachDataset(trx, id, datasetId);
    const after = await auditView(trx, await touch(trx, row, now));
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'project.detach_dataset',
        targetType: 'project',
        targetId: id,
        before,
        after: { ...after, datasetId, tasksRemoved },
      },
      now,
    );
    return presentOne(trx, ctx.actor, id);
  });
}

export async function switchProjectOntology(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { ontologyId: string; version: number; revision: number },
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { row } = await manageable(
      trx,
      ctx.actor,
      id,
      'project.switch_ontology',
      'switch this project’s ontology',
    );
    checkRevision(row, input.revision);
    const ontology = await usableOntologyVersion(trx, ctx.actor, input.ontologyId, input.version, {
      id: 'ontologyId',
      version: 'version',
    });
    if (row.ontology_id === ontology.id && Number(row.ontology_version) === ontology.version) {
      return presentOne(trx, ctx.actor, id);
    }
    const changes = {
      ontology_id: ontology.id,
      ontology_version: ontology.version,
      updated_at: nowIso(now),
      revision: Number(row.revision) + 1,
    };
    if (!(await updateProjectIfRevision(trx, id, input.revision, changes))) {
      throw revisionConflict('This project', input.revision + 1);
    }
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'project.switch_ontology',
        targetType: 'project',
        targetId: id,
        before: await auditView(trx, row),
        after: await auditView(trx, { ...row, ...changes }),
      },
      now,
    );
    return presentOne(trx, ctx.actor, id);
  });
}

// ---------------------------------------------------------------------------------------------
// Collaborators

async function presentMembers(db: Executor, actor: Actor, projectId: string) {
  const entries = await listAccess(db, 'project', projectId);
  const userIds = entries.filter((e) => e.principal_type === 'user').map((e) => e.principal_id);
  const canSee = await visibleUserIds(db, userReadScope(actor), userIds);
  return entries.map((e) => ({
    principalType: e.principal_type,
    principalId: e.principal_id,
    name: e.name,
    // Collaborators see each other's names; an email only where the caller may see the user anyway.
    email: e.principal_type === 'user' && canSee.has(e.principal_id) ? e.email : null,
    role: e.role as ProjectRole,
    addedAt: e.added_at,
  }));
}

export async function listProjectMembers(deps: AppDeps, ctx: RequestContext, id: string) {
  await visibleProject(deps.db, ctx.actor, id);
  return { items: await presentMembers(deps.db, ctx.actor, id) };
}

const lastAdmin = () =>
  conflict(
    'last_project_admin',
    'This is the project’s last Admin grant; make someone else its Admin first (workspace Admins act as Admin anyway).',
    'principalId',
  );

/**
 * Collaborator changes are checked with the stronger of the old and new role, so a Team Manager
 * can neither grant nor take away the Admin role.
 */
async function memberChange(
  trx: Executor,
  ctx: RequestContext,
  id: string,
  principal: Principal,
  newRole: ProjectRole | null,
) {
  await lockProject(trx, id);
  const loaded = await visibleProject(trx, ctx.actor, id);
  const old = ((await findAccess(trx, 'project', id, principal))?.role ?? null) as ProjectRole | null;
  // Removing someone who holds nothing is checked as the weakest change (then answered 404).
  const role =
    strongestProjectRole([old, newRole].filter((r): r is ProjectRole => r !== null)) ?? 'annotator';
  if (!can(ctx.actor, 'project.manage_members', { kind: 'project_member', project: loaded.resource, role })) {
    throw forbidden(
      role === 'admin' ? 'grant, change or remove the Admin role' : 'manage this project’s collaborators',
    );
  }
  gateManage(ctx.actor, loaded);
  if (old === 'admin' && newRole !== 'admin' && (await countAdminGrants(trx, id)) <= 1) throw lastAdmin();
  return old;
}

export async function putProjectMember(deps: AppDeps, ctx: RequestContext, id: string, input: MemberInput) {
  const now = deps.clock();
  const principal: Principal = { type: input.principalType, id: input.principalId };
  return deps.db.transaction().execute(async (trx) => {
    const old = await memberChange(trx, ctx, id, principal, input.role);
    if (old !== input.role) await grantAccess(trx, ctx, 'project', id, principal, input.role, now);
    const members = await presentMembers(trx, ctx.actor, id);
    return members.find((m) => m.principalType === principal.type && m.principalId === principal.id)!;
  });
}

export async function removeProjectMember(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  principal: Principal,
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const old = await memberChange(trx, ctx, id, principal, null);
    if (!old) throw notFound(`That ${principal.type}'s role on this project`);
    await revokeAccess(trx, ctx, 'project', id, principal, now);
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Tags and tasks

/** Distinct tags of the projects the caller may see (case-insensitively distinct). */
export async function listProjectTags(deps: AppDeps, ctx: RequestContext) {
  if (!can(ctx.actor, 'project.list', { kind: 'workspace' })) throw forbidden('list projects');
  const rows = await tagsInScope(deps.db, listScope(deps.db, ctx.actor, 'project'));
  return { items: normaliseTags(rows.map((r) => r.tag)) };
}
