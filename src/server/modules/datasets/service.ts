import { type Actor, can } from '../../../core/policy/index.ts';
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { DatasetsTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, forbidden, notFound, revisionConflict } from '../../http/errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import {
  datasetResourceFor,
  grantAccess,
  listAccess,
  listScope,
  type Principal,
  revokeAccess,
  shownRole,
  shownRolesOnEach,
} from '../access/service.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';
import { type DatasetRow, presentAccess, presentDataset } from './present.ts';
import {
  deleteDatasetRows,
  findDataset,
  insertDataset,
  listDatasets,
  projectsUsingDataset,
  storageKeysOfDataset,
  updateDatasetIfRevision,
} from './queries.ts';

type DatasetAction = 'dataset.read' | 'dataset.update' | 'dataset.manage_members' | 'dataset.delete';

const WHAT: Record<DatasetAction, string> = {
  'dataset.read': 'see this dataset',
  'dataset.update': 'change this dataset',
  'dataset.manage_members': 'share this dataset',
  'dataset.delete': 'delete this dataset',
};

/**
 * Loads a dataset the caller may act on. A dataset that exists but is shared with nobody the
 * caller is answers 403, as everywhere in the API (ids are random, so that reveals nothing).
 */
export async function datasetFor(db: Executor, actor: Actor, id: string, action: DatasetAction) {
  const row = await findDataset(db, id);
  if (!row) throw notFound('Dataset');
  const resource = await datasetResourceFor(db, actor, id);
  if (!can(actor, 'dataset.read', resource)) throw forbidden(WHAT['dataset.read']);
  if (action !== 'dataset.read' && !can(actor, action, resource)) throw forbidden(WHAT[action]);
  return { row, resource, myRole: shownRole(actor, resource) };
}

export async function listVisibleDatasets(
  deps: AppDeps,
  ctx: RequestContext,
  query: { q?: string | undefined; cursor?: string | undefined; limit: number },
) {
  if (!can(ctx.actor, 'dataset.list', { kind: 'workspace' })) throw forbidden('list datasets');
  const cursor = decodeCursor(query.cursor, 2);
  const rows = await listDatasets(deps.db, listScope(deps.db, ctx.actor, 'dataset'), {
    q: query.q,
    after: cursor ? { name: String(cursor[0]), id: String(cursor[1]) } : undefined,
    limit: query.limit,
  });
  const page = toPage(
    rows,
    query.limit,
    (r) => [r.name, r.id],
    (r) => r,
  );
  const roleOf = await shownRolesOnEach(
    deps.db,
    ctx.actor,
    'dataset',
    page.items.map((d) => d.id),
  );
  return {
    items: page.items.map((d) => presentDataset(d, roleOf(d.id))),
    nextCursor: page.nextCursor,
  };
}

export async function getDataset(deps: AppDeps, ctx: RequestContext, id: string) {
  const { row, myRole } = await datasetFor(deps.db, ctx.actor, id, 'dataset.read');
  return presentDataset(row, myRole);
}

const auditView = (row: DatasetsTable) => ({
  name: row.name,
  description: row.description,
  revision: row.revision,
});

/** Creates a dataset; its creator holds Admin on it. */
export async function createDataset(
  deps: AppDeps,
  ctx: RequestContext,
  input: { name: string; description?: string | undefined },
) {
  if (!can(ctx.actor, 'dataset.create', { kind: 'workspace' })) throw forbidden('create datasets');
  const now = deps.clock();
  const row: DatasetsTable = {
    id: newId(now),
    name: input.name,
    description: input.description ?? '',
    created_by: ctx.user.id,
    created_at: nowIso(now),
    updated_at: nowIso(now),
    revision: 1,
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertDataset(trx, row);
    await trx
      .insertInto('dataset_access')
      .values({
        dataset_id: row.id,
        principal_type: 'user',
        principal_id: ctx.user.id,
        role: 'admin',
        added_at: row.created_at,
        added_by: ctx.user.id,
      })
      .execute();
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      { action: 'dataset.create', targetType: 'dataset', targetId: row.id, after: auditView(row) },
      now,
    );
  });
  return presentDataset({ ...row, unit_count: 0 }, 'admin');
}

export async function updateDataset(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { name?: string | undefined; description?: string | undefined; revision: number },
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { row: before, myRole } = await datasetFor(trx, ctx.actor, id, 'dataset.update');
    if (Number(before.revision) !== input.revision)
      throw revisionConflict('This dataset', Number(before.revision));
    const name = input.name ?? before.name;
    const description = input.description ?? before.description;
    if (name === before.name && description === before.description) return presentDataset(before, myRole);
    const after: DatasetRow = {
      ...before,
      name,
      description,
      updated_at: nowIso(now),
      revision: Number(before.revision) + 1,
    };
    const changed = await updateDatasetIfRevision(trx, id, input.revision, {
      name,
      description,
      updated_at: after.updated_at,
      revision: after.revision,
    });
    if (!changed) {
      const current = await findDataset(trx, id);
      throw revisionConflict('This dataset', Number(current?.revision ?? input.revision + 1));
    }
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'dataset.update',
        targetType: 'dataset',
        targetId: id,
        before: auditView(before),
        after: auditView(after),
      },
      now,
    );
    return presentDataset(after, myRole);
  });
}

/** Deletes a dataset with its units; refused while a project uses it. Stored files go after commit. */
export async function deleteDataset(deps: AppDeps, ctx: RequestContext, id: string) {
  const now = deps.clock();
  const keys = await deps.db.transaction().execute(async (trx) => {
    const { row } = await datasetFor(trx, ctx.actor, id, 'dataset.delete');
    const projects = await projectsUsingDataset(trx, id);
    if (projects.length > 0) {
      throw new AppError(
        409,
        'dataset_in_use',
        'Projects use this dataset; detach it from them before deleting it.',
        undefined,
        { projectIds: projects },
      );
    }
    const keys = await storageKeysOfDataset(trx, id);
    await deleteDatasetRows(trx, id);
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'dataset.delete',
        targetType: 'dataset',
        targetId: id,
        before: { ...auditView(row), unitCount: Number(row.unit_count ?? 0) },
      },
      now,
    );
    return keys;
  });
  await deleteStoredObjects(deps, keys);
  return { ok: true as const };
}

/** Best effort: a file that cannot be removed is logged, never turned into a failed request. */
export async function deleteStoredObjects(deps: AppDeps, keys: readonly string[]) {
  const queue = [...keys];
  const worker = async () => {
    for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
      await deps.storage.delete(key).catch((err: unknown) => {
        console.warn(`could not delete stored object ${key}: ${(err as Error).message}`);
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

export async function listDatasetAccess(deps: AppDeps, ctx: RequestContext, id: string) {
  await datasetFor(deps.db, ctx.actor, id, 'dataset.read');
  return { items: (await listAccess(deps.db, 'dataset', id)).map(presentAccess) };
}

/** A dataset keeps at least one Admin (a user or a group), so someone can always manage it. */
async function assertStillAdministered(trx: Executor, id: string) {
  const admin = await trx
    .selectFrom('dataset_access')
    .select('dataset_id')
    .where('dataset_id', '=', id)
    .where('role', '=', 'admin')
    .executeTakeFirst();
  if (!admin) throw conflict('last_admin', 'A dataset needs at least one Admin; add another first.', 'role');
}

export async function putDatasetAccess(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { principalType: Principal['type']; principalId: string; role: 'admin' | 'user' },
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    await datasetFor(trx, ctx.actor, id, 'dataset.manage_members');
    await grantAccess(
      trx,
      ctx,
      'dataset',
      id,
      { type: input.principalType, id: input.principalId },
      input.role,
      now,
    );
    await assertStillAdministered(trx, id);
    return { items: (await listAccess(trx, 'dataset', id)).map(presentAccess) };
  });
}

export async function removeDatasetAccess(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  principal: Principal,
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    await datasetFor(trx, ctx.actor, id, 'dataset.manage_members');
    await revokeAccess(trx, ctx, 'dataset', id, principal, now);
    await assertStillAdministered(trx, id);
    return { ok: true as const };
  });
}
