import { type Actor, can, type OwnResource } from '../../../core/policy/index.ts';
import {
  BUILT_IN_TEMPLATES,
  validateWorkflow,
  type Workflow,
  type WorkflowIssue,
} from '../../../core/workflow/index.ts';
import { type Executor, isUniqueViolation } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { WorkflowTemplateRow } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, forbidden, invalid, notFound, revisionConflict } from '../../http/errors.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';
import { BUILT_IN_ID_PREFIX, presentBuiltIn, presentTemplate, type WorkflowTemplateJson } from './present.ts';
import {
  deleteTemplateRow,
  findTemplate,
  findTemplateByNameKey,
  insertTemplate,
  listTemplates,
  updateTemplateIfRevision,
} from './queries.ts';

// Workspace workflow templates: the built-ins (in code, read-only, ids `builtin:<key>`) and the
// workflows users saved (rows in workflow_templates). Saved templates belong to whoever saved them:
// Admins may change any, Workforce Managers and Members their own (src/core/policy/policy.ts).

const asOwned = (row: WorkflowTemplateRow): OwnResource => ({ kind: 'own', ownerId: row.created_by ?? '' });

/** Names are unique regardless of case and surrounding spaces. */
const nameKeyOf = (name: string) => name.trim().toLowerCase();

const nameTaken = (name: string) =>
  conflict('template_name_taken', `A workflow template named “${name}” already exists.`, 'name');

const builtInKeyOf = (id: string) =>
  id.startsWith(BUILT_IN_ID_PREFIX) ? id.slice(BUILT_IN_ID_PREFIX.length) : undefined;

const builtInTemplate = (key: string) => BUILT_IN_TEMPLATES.find((t) => t.key === key);

const builtInReadOnly = () =>
  conflict(
    'builtin_template',
    'Built-in workflow templates cannot be changed or deleted; save a copy under a new name instead.',
  );

/** `stages[2].name` → `definition.stages[2].name`; `[0]` → `definition[0]` (for root `definition`). */
const fieldOf = (issue: WorkflowIssue, root: string) =>
  !issue.path ? root : issue.path.startsWith('[') ? `${root}${issue.path}` : `${root}.${issue.path}`;

/**
 * The document as a valid workflow, or 400 `invalid_workflow` naming the first issue and listing
 * all. `root` is the request field the document came in (templates: `definition`; projects: `workflow`).
 */
export function validDefinition(definition: unknown, root = 'definition'): Workflow {
  const issues = validateWorkflow(definition);
  if (issues.length === 0) return definition as Workflow;
  const first = issues[0]!;
  const field = fieldOf(first, root);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new AppError(400, 'invalid_workflow', `${field}: ${first.message}${more}`, field, { issues });
}

function mayList(actor: Actor) {
  if (!can(actor, 'workflow_template.list', { kind: 'workspace' })) throw forbidden('see workflow templates');
}

const matches = (q: string | undefined, ...texts: string[]) =>
  !q || texts.some((t) => t.toLowerCase().includes(q.toLowerCase()));

function decodeListCursor(cursor: string | undefined) {
  if (cursor === undefined) return null;
  let key: (string | number)[] | null;
  try {
    key = decodeCursor(cursor, 2);
  } catch {
    key = decodeCursor(cursor, 3);
  }
  if (key?.length === 2 && key[0] === 0 && typeof key[1] === 'number') {
    return { afterBuiltIn: key[1], afterSaved: undefined };
  }
  if (key?.length === 3 && key[0] === 1) {
    return {
      afterBuiltIn: BUILT_IN_TEMPLATES.length,
      afterSaved: { nameKey: String(key[1]), id: String(key[2]) },
    };
  }
  throw invalid('cursor', 'is not a cursor this endpoint returned');
}

/**
 * Built-ins first (in the order Gloss ships them), then saved templates by name. The cursor is
 * `[0, index]` after a built-in and `[1, name_key, id]` after a saved template.
 */
export async function listWorkflowTemplates(
  deps: AppDeps,
  ctx: RequestContext,
  query: { q?: string | undefined; cursor?: string | undefined; limit: number },
) {
  mayList(ctx.actor);
  const cursor = decodeListCursor(query.cursor);
  const afterBuiltIn = cursor?.afterBuiltIn ?? -1;
  const afterSaved = cursor?.afterSaved;
  const builtIns = BUILT_IN_TEMPLATES.map((t, index) => ({ t, index })).filter(
    ({ t, index }) => index > afterBuiltIn && matches(query.q, t.name, t.description),
  );
  type Item = { json: WorkflowTemplateJson; key: (string | number)[] };
  const items: Item[] = builtIns
    .slice(0, query.limit + 1)
    .map(({ t, index }) => ({ json: presentBuiltIn(t), key: [0, index] }));
  if (items.length <= query.limit) {
    const rows = await listTemplates(deps.db, {
      q: query.q,
      after: afterSaved,
      limit: query.limit - items.length,
    });
    for (const r of rows) items.push({ json: presentTemplate(r), key: [1, r.name_key, r.id] });
  }
  const more = items.length > query.limit;
  const pageItems = more ? items.slice(0, query.limit) : items;
  const last = pageItems[pageItems.length - 1];
  return {
    items: pageItems.map((i) => i.json),
    nextCursor: more && last ? encodeCursor(last.key) : null,
  };
}

export async function getWorkflowTemplate(deps: AppDeps, ctx: RequestContext, id: string) {
  mayList(ctx.actor);
  const key = builtInKeyOf(id);
  if (key !== undefined) {
    const t = builtInTemplate(key);
    if (!t) throw notFound('Workflow template');
    return presentBuiltIn(t);
  }
  const row = await findTemplate(deps.db, id);
  if (!row) throw notFound('Workflow template');
  return presentTemplate(row);
}

/** A concurrent request may claim the name between our check and our write; report that as the same 409. */
async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(name);
    throw err;
  }
}

export async function createWorkflowTemplate(
  deps: AppDeps,
  ctx: RequestContext,
  input: { name: string; description?: string | undefined; definition: unknown },
) {
  if (!can(ctx.actor, 'workflow_template.create', { kind: 'workspace' }))
    throw forbidden('save workflow templates');
  const definition = validDefinition(input.definition);
  const now = deps.clock();
  const row: WorkflowTemplateRow = {
    id: newId(now),
    name: input.name,
    name_key: nameKeyOf(input.name),
    description: input.description ?? '',
    definition: JSON.stringify(definition),
    created_by: ctx.user.id,
    created_at: nowIso(now),
    updated_at: nowIso(now),
    revision: 1,
  };
  return uniqueName(input.name, () =>
    deps.db.transaction().execute(async (trx) => {
      if (await findTemplateByNameKey(trx, row.name_key)) throw nameTaken(input.name);
      await insertTemplate(trx, row);
      const after = presentTemplate(row);
      await recordAudit(
        trx,
        auditSourceOf(ctx),
        { action: 'workflow_template.create', targetType: 'workflow_template', targetId: row.id, after },
        now,
      );
      return after;
    }),
  );
}

/** Loads a saved template for a change `action` allows; built-ins are read-only. */
async function changeableTemplate(
  db: Executor,
  actor: Actor,
  id: string,
  action: 'workflow_template.update' | 'workflow_template.delete',
) {
  const verb = action === 'workflow_template.update' ? 'change' : 'delete';
  const key = builtInKeyOf(id);
  if (key !== undefined) {
    mayList(actor);
    if (!builtInTemplate(key)) throw notFound('Workflow template');
    throw builtInReadOnly();
  }
  const row = await findTemplate(db, id);
  if (!row) {
    mayList(actor);
    throw notFound('Workflow template');
  }
  if (!can(actor, action, asOwned(row))) throw forbidden(`${verb} this workflow template`);
  return row;
}

export async function updateWorkflowTemplate(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: {
    name?: string | undefined;
    description?: string | undefined;
    definition?: unknown;
    revision: number;
  },
) {
  const now = deps.clock();
  return uniqueName(input.name ?? '', () =>
    deps.db.transaction().execute(async (trx) => {
      const before = await changeableTemplate(trx, ctx.actor, id, 'workflow_template.update');
      if (Number(before.revision) !== input.revision)
        throw revisionConflict('This workflow template', Number(before.revision));
      const name = input.name ?? before.name;
      const description = input.description ?? before.description;
      const definition =
        input.definition === undefined
          ? before.definition
          : JSON.stringify(validDefinition(input.definition));
      if (name === before.name && description === before.description && definition === before.definition) {
        return presentTemplate(before);
      }
      const nameKey = nameKeyOf(name);
      if (nameKey !== before.name_key && (await findTemplateByNameKey(trx, nameKey))) throw nameTaken(name);
      const changes = {
        name,
        name_key: nameKey,
        description,
        definition,
        updated_at: nowIso(now),
        revision: Number(before.revision) + 1,
      };
      if (!(await updateTemplateIfRevision(trx, id, input.revision, changes))) {
        const current = await findTemplate(trx, id);
        throw revisionConflict('This workflow template', Number(current?.revision ?? input.revision + 1));
      }
      const after = presentTemplate({ ...before, ...changes });
      await recordAudit(
        trx,
        auditSourceOf(ctx),
        {
          action: 'workflow_template.update',
          targetType: 'workflow_template',
          targetId: id,
          before: presentTemplate(before),
          after,
        },
        now,
      );
      return after;
    }),
  );
}

export async function deleteWorkflowTemplate(deps: AppDeps, ctx: RequestContext, id: string) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const row = await changeableTemplate(trx, ctx.actor, id, 'workflow_template.delete');
    await deleteTemplateRow(trx, id);
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'workflow_template.delete',
        targetType: 'workflow_template',
        targetId: id,
        before: presentTemplate(row),
      },
      now,
    );
    return { ok: true as const };
  });
}
