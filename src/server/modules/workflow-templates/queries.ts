import type { Executor } from '../../db/database.ts';
import type { WorkflowTemplateRow } from '../../db/schema.ts';
import { containsText } from '../../db/text-search.ts';

export const findTemplate = (db: Executor, id: string) =>
  db.selectFrom('workflow_templates').selectAll().where('id', '=', id).executeTakeFirst();

export const findTemplateByNameKey = (db: Executor, nameKey: string) =>
  db.selectFrom('workflow_templates').select('id').where('name_key', '=', nameKey).executeTakeFirst();

export interface TemplateFilter {
  q?: string | undefined;
  after?: { nameKey: string; id: string } | undefined;
  limit: number;
}

/** Saved templates ordered by name_key then id; fetches `limit + 1` for paging. */
export function listTemplates(db: Executor, f: TemplateFilter): Promise<WorkflowTemplateRow[]> {
  let q = db.selectFrom('workflow_templates').selectAll();
  if (f.q) q = q.where((eb) => containsText([eb.ref('name'), eb.ref('description')], f.q!));
  const after = f.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('name_key', '>', after.nameKey),
        eb.and([eb('name_key', '=', after.nameKey), eb('id', '>', after.id)]),
      ]),
    );
  }
  return q
    .orderBy('name_key')
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
}

export const insertTemplate = (db: Executor, row: WorkflowTemplateRow) =>
  db.insertInto('workflow_templates').values(row).execute();

/** Updates only if nobody changed the template since `revision`; returns whether it did. */
export async function updateTemplateIfRevision(
  db: Executor,
  id: string,
  revision: number,
  changes: Pick<
    WorkflowTemplateRow,
    'name' | 'name_key' | 'description' | 'definition' | 'updated_at' | 'revision'
  >,
) {
  const res = await db
    .updateTable('workflow_templates')
    .set(changes)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const deleteTemplateRow = (db: Executor, id: string) =>
  db.deleteFrom('workflow_templates').where('id', '=', id).execute();
