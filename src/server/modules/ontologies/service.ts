import {
  exportOntology as asExport,
  issueText,
  migrateOntologyDocument,
  type OntologyDocument,
  type OntologyExport,
  OntologyFormatError,
  removedFeatures,
  validateOntology,
} from '../../../core/ontology/index.ts';
import { type Actor, can } from '../../../core/policy/index.ts';
import type { OntologyAction } from '../../../core/policy/resource-policy.ts';
import type { SharedResourceRole } from '../../../core/roles.ts';
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, forbidden, notFound, revisionConflict } from '../../http/errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import {
  findAccess,
  grantAccess,
  listAccess,
  listScope,
  ontologyResourceFor,
  type Principal,
  revokeAccess,
  shownRole,
  shownRolesOnEach,
} from '../access/service.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';
import { presentAccess, presentOntology, presentVersion, presentVersionDetail } from './present.ts';
import {
  deleteOntology as deleteOntologyRows,
  findOntology,
  findVersion,
  insertOntology,
  insertVersion,
  listOntologies,
  listVersions,
  type OntologyRow,
  pinnedInProjects,
  pinnedVersions,
  projectsUsing,
  replaceVersionSchema,
  updateOntologyIfRevision,
  versionSchemas,
} from './queries.ts';

// Ontologies: a named, shared, versioned labelling schema. The document format and its rules live
// in src/core/ontology; this service stores versions, decides when a save makes a new version,
// guards features that projects use, and shares ontologies through the access module.

const WHAT: Record<OntologyAction, string> = {
  'ontology.read': 'see this ontology',
  'ontology.use': 'use this ontology',
  'ontology.update': 'change this ontology',
  'ontology.manage_members': 'share this ontology',
  'ontology.delete': 'delete this ontology',
};

/** Loads an ontology the caller may act on; one that exists but is out of reach is refused with 403. */
async function reachableOntology(db: Executor, actor: Actor, id: string, action: OntologyAction) {
  const row = await findOntology(db, id);
  if (!row) throw notFound('Ontology');
  const resource = await ontologyResourceFor(db, actor, id);
  if (!can(actor, action, resource)) throw forbidden(WHAT[action]);
  return { row, resource };
}

/** A stored document, upgraded to the current format. */
const parseStored = (text: string): OntologyDocument => migrateOntologyDocument(JSON.parse(text));

/** Refuses a document that breaks the format's rules, naming the first problem's path. */
function checkedDocument(input: unknown, field = 'schema'): OntologyDocument {
  const result = validateOntology(input);
  if (result.ok) return result.document;
  const [first] = result.issues;
  const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more problems)` : '';
  throw new AppError(
    400,
    'invalid_ontology',
    `${field}.${issueText(first!)}${more}`,
    first!.path ? `${field}.${first!.path}` : field,
    { issues: result.issues },
  );
}

async function currentSchema(db: Executor, row: OntologyRow) {
  const version = await findVersion(db, row.id, Number(row.current_version));
  if (!version) throw new Error(`ontology ${row.id} has no version ${row.current_version}`);
  return parseStored(version.schema);
}

async function detailOf(
  db: Executor,
  row: OntologyRow,
  myRole: SharedResourceRole,
  schema?: OntologyDocument,
) {
  return {
    ...presentOntology(row, myRole),
    schema: schema ?? (await currentSchema(db, row)),
    pinnedVersions: await pinnedVersions(db, row.id),
  };
}

export async function listVisibleOntologies(
  deps: AppDeps,
  ctx: RequestContext,
  query: { q?: string | undefined; cursor?: string | undefined; limit: number },
) {
  if (!can(ctx.actor, 'ontology.list', { kind: 'workspace' })) throw forbidden('list ontologies');
  const cursor = decodeCursor(query.cursor, 2);
  const rows = await listOntologies(deps.db, listScope(deps.db, ctx.actor, 'ontology'), {
    q: query.q,
    after: cursor ? { nameKey: String(cursor[0]), id: String(cursor[1]) } : undefined,
    limit: query.limit,
  });
  const page = toPage(
    rows,
    query.limit,
    (r) => [r.name_key, r.id],
    (r) => r,
  );
  const roleOf = await shownRolesOnEach(
    deps.db,
    ctx.actor,
    'ontology',
    page.items.map((r) => r.id),
  );
  return {
    items: page.items.map((r) => presentOntology(r, roleOf(r.id))),
    nextCursor: page.nextCursor,
  };
}

export async function getOntology(deps: AppDeps, ctx: RequestContext, id: string) {
  const { row, resource } = await reachableOntology(deps.db, ctx.actor, id, 'ontology.read');
  return detailOf(deps.db, row, shownRole(ctx.actor, resource));
}

interface NewOntology {
  name: string;
  description?: string | undefined;
  schema: OntologyDocument;
}

/** Creates an ontology at version 1; its creator becomes its Admin. */
async function create(deps: AppDeps, ctx: RequestContext, input: NewOntology, action: string) {
  if (!can(ctx.actor, 'ontology.create', { kind: 'workspace' })) throw forbidden('create ontologies');
  const now = deps.clock();
  const at = nowIso(now);
  const id = newId(now);
  return deps.db.transaction().execute(async (trx) => {
    await insertOntology(trx, {
      id,
      name: input.name,
      description: input.description ?? '',
      current_version: 1,
      created_by: ctx.user.id,
      created_at: at,
      updated_at: at,
      revision: 1,
    });
    await insertVersion(trx, {
      ontology_id: id,
      version: 1,
      schema: JSON.stringify(input.schema),
      created_by: ctx.user.id,
      created_at: at,
    });
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action,
        targetType: 'ontology',
        targetId: id,
        after: { name: input.name, description: input.description ?? '', version: 1, schema: input.schema },
      },
      now,
    );
    await grantAccess(trx, ctx, 'ontology', id, { type: 'user', id: ctx.user.id }, 'admin', now);
    const row = await findOntology(trx, id);
    return detailOf(trx, row!, 'admin', input.schema);
  });
}

export function createOntology(deps: AppDeps, ctx: RequestContext, input: NewOntology) {
  return create(deps, ctx, { ...input, schema: checkedDocument(input.schema) }, 'ontology.create');
}

/** Creates a new ontology from an export file (any format version this Gloss can upgrade). */
export function importOntology(
  deps: AppDeps,
  ctx: RequestContext,
  file: { name: string; description?: string | undefined; schema: Record<string, unknown> },
) {
  let upgraded: unknown;
  try {
    upgraded = migrateOntologyDocument(file.schema);
  } catch (err) {
    if (err instanceof OntologyFormatError) {
      throw new AppError(
        400,
        'invalid_ontology',
        `schema.formatVersion: ${err.message}`,
        'schema.formatVersion',
      );
    }
    throw err;
  }
  const schema = checkedDocument(upgraded);
  return create(deps, ctx, { name: file.name, description: file.description, schema }, 'ontology.import');
}

async function writeIfRevision(
  trx: Executor,
  row: OntologyRow,
  expected: number,
  changes: Parameters<typeof updateOntologyIfRevision>[3],
) {
  if (Number(row.revision) !== expected) throw revisionConflict('This ontology', Number(row.revision));
  if (!(await updateOntologyIfRevision(trx, row.id, expected, changes))) {
    const current = await findOntology(trx, row.id);
    throw revisionConflict('This ontology', Number(current?.revision ?? expected + 1));
  }
}

export async function updateOntology(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { name?: string | undefined; description?: string | undefined; revision: number },
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { row, resource } = await reachableOntology(trx, ctx.actor, id, 'ontology.update');
    const name = input.name ?? row.name;
    const description = input.description ?? row.description;
    if (Number(row.revision) !== input.revision)
      throw revisionConflict('This ontology', Number(row.revision));
    if (name === row.name && description === row.description)
      return detailOf(trx, row, shownRole(ctx.actor, resource));
    const revision = Number(row.revision) + 1;
    await writeIfRevision(trx, row, input.revision, { name, description, updated_at: nowIso(now), revision });
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'ontology.update',
        targetType: 'ontology',
        targetId: id,
        before: { name: row.name, description: row.description },
        after: { name, description },
      },
      now,
    );
    return detailOf(trx, (await findOntology(trx, id))!, shownRole(ctx.actor, resource));
  });
}

/**
 * Saves a new schema. While no project pins the current version it is replaced in place; once one
 * does, the save becomes version N + 1 and pinned projects keep theirs. A feature present in any
 * pinned version may not disappear (409 `feature_in_use`); archiving it keeps it.
 */
export async function saveSchema(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { schema: OntologyDocument; revision: number },
) {
  const schema = checkedDocument(input.schema);
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { row, resource } = await reachableOntology(trx, ctx.actor, id, 'ontology.update');
    const myRole = shownRole(ctx.actor, resource);
    if (Number(row.revision) !== input.revision)
      throw revisionConflict('This ontology', Number(row.revision));
    const before = await currentSchema(trx, row);
    const pinned = await pinnedVersions(trx, id);
    if (JSON.stringify(before) === JSON.stringify(schema)) return detailOf(trx, row, myRole, before);

    const inUse = new Map<string, { featureId: string; kind: string; name: string; versions: number[] }>();
    for (const stored of await versionSchemas(trx, id, pinned)) {
      for (const f of removedFeatures(parseStored(stored.schema), schema)) {
        const entry = inUse.get(f.featureId) ?? {
          featureId: f.featureId,
          kind: f.kind,
          name: f.name,
          versions: [],
        };
        entry.versions.push(Number(stored.version));
        inUse.set(f.featureId, entry);
      }
    }
    if (inUse.size > 0) {
      const features = [...inUse.values()];
      throw new AppError(
        409,
        'feature_in_use',
        `Projects use ${features.length === 1 ? 'this feature' : 'these features'}, so ${features.length === 1 ? 'it' : 'they'} cannot be removed; archive ${features.length === 1 ? 'it' : 'them'} instead: ` +
          features.map((f) => `${f.kind} “${f.name}” (${f.featureId})`).join(', '),
        'schema',
        { featureIds: features.map((f) => f.featureId), features },
      );
    }

    const current = Number(row.current_version);
    const newVersion = pinned.includes(current);
    const version = newVersion ? current + 1 : current;
    const at = nowIso(now);
    await writeIfRevision(trx, row, input.revision, {
      current_version: version,
      updated_at: at,
      revision: Number(row.revision) + 1,
    });
    if (newVersion) {
      await insertVersion(trx, {
        ontology_id: id,
        version,
        schema: JSON.stringify(schema),
        created_by: ctx.user.id,
        created_at: at,
      });
    } else {
      await replaceVersionSchema(trx, id, version, JSON.stringify(schema));
    }
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'ontology.update_schema',
        targetType: 'ontology',
        targetId: id,
        before: { version: current, schema: before },
        after: { version, newVersion, schema },
      },
      now,
    );
    return detailOf(trx, (await findOntology(trx, id))!, myRole, schema);
  });
}

export async function deleteOntology(deps: AppDeps, ctx: RequestContext, id: string) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { row } = await reachableOntology(trx, ctx.actor, id, 'ontology.delete');
    const projects = await projectsUsing(trx, id);
    if (projects > 0) {
      throw conflict(
        'ontology_in_use',
        `${projects === 1 ? 'A project uses' : `${projects} projects use`} this ontology; switch ${projects === 1 ? 'it' : 'them'} to another one first.`,
      );
    }
    await deleteOntologyRows(trx, id);
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'ontology.delete',
        targetType: 'ontology',
        targetId: id,
        before: { name: row.name, description: row.description, currentVersion: Number(row.current_version) },
      },
      now,
    );
    return { ok: true as const };
  });
}

export async function listOntologyVersions(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  query: { cursor?: string | undefined; limit: number },
) {
  await reachableOntology(deps.db, ctx.actor, id, 'ontology.read');
  const cursor = decodeCursor(query.cursor, 1);
  const rows = await listVersions(deps.db, id, cursor ? Number(cursor[0]) : undefined, query.limit);
  return toPage(rows, query.limit, (r) => [Number(r.version)], presentVersion);
}

async function versionOf(db: Executor, id: string, version: number) {
  const row = await findVersion(db, id, version);
  if (!row) throw notFound(`Version ${version} of this ontology`);
  return row;
}

/**
 * One version. Besides those who may read the ontology, the members of a project that pins this
 * version may read it: their project is labelled with it, even if the ontology is not shared with them.
 */
export async function getOntologyVersion(deps: AppDeps, ctx: RequestContext, id: string, version: number) {
  if (!(await findOntology(deps.db, id))) throw notFound('Ontology');
  const resource = await ontologyResourceFor(deps.db, ctx.actor, id);
  if (
    !can(ctx.actor, 'ontology.read', resource) &&
    !(await pinnedInProjects(deps.db, id, version, listScope(deps.db, ctx.actor, 'project')))
  ) {
    throw forbidden(WHAT['ontology.read']);
  }
  const row = await versionOf(deps.db, id, version);
  return presentVersionDetail(row, parseStored(row.schema));
}

export async function exportOntology(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  version: number | undefined,
): Promise<OntologyExport> {
  const { row } = await reachableOntology(deps.db, ctx.actor, id, 'ontology.read');
  const stored = await versionOf(deps.db, id, version ?? Number(row.current_version));
  return asExport({ name: row.name, description: row.description, schema: parseStored(stored.schema) });
}

// ---- Sharing ----------------------------------------------------------------------------------

export async function listOntologyAccess(deps: AppDeps, ctx: RequestContext, id: string) {
  await reachableOntology(deps.db, ctx.actor, id, 'ontology.read');
  return { items: (await listAccess(deps.db, 'ontology', id)).map(presentAccess) };
}

export async function shareOntology(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { principalType: 'user' | 'group'; principalId: string; role: SharedResourceRole },
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    await reachableOntology(trx, ctx.actor, id, 'ontology.manage_members');
    const principal = { type: input.principalType, id: input.principalId };
    const held = await findAccess(trx, 'ontology', id, principal);
    if (held?.role === 'admin' && input.role !== 'admin' && (await adminCount(trx, id)) <= 1) {
      throw conflict('last_admin', 'An ontology keeps at least one Admin; make someone else Admin first.');
    }
    await grantAccess(
      trx,
      ctx,
      'ontology',
      id,
      { type: input.principalType, id: input.principalId },
      input.role,
      now,
    );
    return { items: (await listAccess(trx, 'ontology', id)).map(presentAccess) };
  });
}

export async function unshareOntology(deps: AppDeps, ctx: RequestContext, id: string, principal: Principal) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    await reachableOntology(trx, ctx.actor, id, 'ontology.manage_members');
    const held = await findAccess(trx, 'ontology', id, principal);
    if (held?.role === 'admin' && (await adminCount(trx, id)) <= 1) {
      throw conflict('last_admin', 'An ontology keeps at least one Admin; make someone else Admin first.');
    }
    await revokeAccess(trx, ctx, 'ontology', id, principal, now);
    return { ok: true as const };
  });
}

async function adminCount(db: Executor, id: string) {
  return (await listAccess(db, 'ontology', id)).filter((a) => a.role === 'admin').length;
}
