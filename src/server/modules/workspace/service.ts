import { can } from '../../../core/policy/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { forbidden, notFound, revisionConflict } from '../../http/errors.ts';
import { auditSourceOf, recordAudit } from '../audit/service.ts';

type WorkspaceRow = { name: string; created_at: string; revision: number };

const present = (w: WorkspaceRow) => ({
  name: w.name,
  createdAt: w.created_at,
  revision: Number(w.revision),
});

export async function readWorkspace(deps: AppDeps, ctx: RequestContext) {
  if (!can(ctx.actor, 'workspace.read', { kind: 'workspace' })) throw forbidden('read workspace settings');
  const row = await deps.db
    .selectFrom('workspace')
    .select(['name', 'created_at', 'revision'])
    .executeTakeFirst();
  if (!row) throw notFound('Workspace');
  return present(row);
}

export async function updateWorkspace(
  deps: AppDeps,
  ctx: RequestContext,
  input: { name: string; revision: number },
) {
  if (!can(ctx.actor, 'workspace.update', { kind: 'workspace' }))
    throw forbidden('change workspace settings');
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('workspace')
      .select(['name', 'created_at', 'revision'])
      .executeTakeFirst();
    if (!row) throw notFound('Workspace');
    if (Number(row.revision) !== input.revision)
      throw revisionConflict('The workspace', Number(row.revision));
    const after = { ...row, name: input.name, revision: Number(row.revision) + 1 };
    await trx
      .updateTable('workspace')
      .set({ name: after.name, revision: after.revision })
      .where('id', '=', 1)
      .where('revision', '=', input.revision)
      .execute();
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'workspace.update',
        targetType: 'workspace',
        targetId: '1',
        before: present(row),
        after: present(after),
      },
      now,
    );
    return present(after);
  });
}
