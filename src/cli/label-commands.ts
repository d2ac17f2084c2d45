import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../server/http/errors.ts';
import { Id } from '../server/http/schemas.ts';
import {
  importPrelabels,
  ModelName,
  type PrelabelItem,
  PrelabelItemSchema,
} from '../server/modules/labels/prelabels.ts';
import { progressBar, withDeps } from './shared.ts';

// `gloss import-labels`: a model's predictions as pre-labels, through the same service as
// POST /projects/:id/labels/import, run as the system. Items go in batches, each checked whole
// and imported in one transaction; tasks that have labels are skipped, so after fixing a refused
// item the same file can be imported again and only the rest goes in.

const BATCH = 500;

export const IMPORT_LABELS_USAGE = 'gloss import-labels PROJECT_ID FILE --model NAME';

/** The file's items: a JSON array of {taskId | dataUnitId, document}, or {"items": [...]}. */
async function readItems(path: string): Promise<PrelabelItem[]> {
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw err.code === 'ENOENT' ? new Error(`FILE: ${path} does not exist`) : err;
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`FILE: not JSON (${(err as Error).message})`);
  }
  const items = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown })?.items;
  if (!Array.isArray(items)) throw new Error('FILE: give a JSON array of items, or an object with "items"');
  return items.map((item, i) => {
    const checked = PrelabelItemSchema.safeParse(item);
    if (checked.success) return checked.data;
    const issue = checked.error.issues[0]!;
    throw new Error(`item ${i}${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`);
  });
}

export async function runImportLabels(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { model: { type: 'string' } },
    allowPositionals: true,
  });
  const [projectId, file, ...extra] = positionals;
  if (extra.length > 0 || !file) throw new Error(`usage: ${IMPORT_LABELS_USAGE}`);
  if (!projectId || !Id.safeParse(projectId).success)
    throw new Error('PROJECT_ID: give the project’s id (a UUID)');
  if (!values.model || !ModelName.safeParse(values.model).success) {
    throw new Error('--model: give the model’s name (1–128 characters without spaces)');
  }
  const model = values.model;
  const items = await readItems(resolve(file));

  return withDeps(async (deps) => {
    const bar = progressBar('importing', 'items');
    bar.start(items.length, 0, { extra: '' });
    let imported = 0;
    let skipped = 0;
    try {
      for (let start = 0; start < items.length; start += BATCH) {
        const batch = items.slice(start, start + BATCH);
        const result = await importPrelabels(deps, null, projectId, { model, items: batch }).catch(
          (err: unknown) => {
            // Name the item in the file, not in the batch.
            if (err instanceof AppError) {
              const located = err.message.replace(/^items\[(\d+)\]/, (_, n) => `item ${start + Number(n)}`);
              throw new Error(
                `${located} — ${imported} imported before it; fix it and run again to import the rest`,
              );
            }
            throw err;
          },
        );
        imported += result.imported.length;
        skipped += result.skipped.length;
        bar.update(start + batch.length);
      }
    } finally {
      bar.stop();
    }
    console.log(
      `imported pre-labels of ${model} into ${imported} task${imported === 1 ? '' : 's'}; ${skipped} skipped (they had labels)`,
    );
  });
}
