import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { Id } from '../server/http/schemas.ts';
import { csvManifestEntries } from '../server/modules/datasets/manifest-csv.ts';
import {
  addFiles,
  type FailedFile,
  type IncomingFile,
  registerManifest,
} from '../server/modules/datasets/units.ts';
import { progressBar, withDeps } from './shared.ts';

// `gloss import-media` and `gloss import-manifest`: the same services as the upload and
// manifest routes, run as the system (audited with actor_kind 'system'). Progress goes to stderr,
// the summary to stdout; the exit code is 1 when anything failed.

/** Files per transaction: each batch commits its units (and their tasks) together. */
const IMPORT_BATCH = 50;

function datasetIdArg(value: string | undefined) {
  if (!value || !Id.safeParse(value).success) throw new Error('DATASET_ID: give the dataset’s id (a UUID)');
  return value;
}

/** Every file under `root`, depth first, in name order; dot-files and dot-folders skipped. */
async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.isFile()) out.push(path);
      else if (e.isSymbolicLink()) {
        // Links to files are followed (a dangling one is reported as unreadable); links to
        // folders are not, so a loop cannot trap the walk.
        const target = await stat(path).catch(() => null);
        if (!target || target.isFile()) out.push(path);
      }
    }
  };
  await walk(root);
  return out;
}

export async function runImportMedia(args: string[]) {
  const [datasetArg, pathArg, ...extra] = args;
  if (extra.length > 0) throw new Error('usage: gloss import-media DATASET_ID PATH');
  const datasetId = datasetIdArg(datasetArg);
  if (!pathArg) throw new Error('PATH: give a folder (or one file) to import');
  const root = resolve(pathArg);
  const info = await stat(root).catch(() => null);
  if (!info) throw new Error(`PATH: ${pathArg} does not exist`);
  const paths = info.isDirectory() ? await filesUnder(root) : [root];

  return withDeps(async (deps) => {
    const bar = progressBar('importing', 'files');
    const failed: FailedFile[] = [];
    let created = 0;
    bar.start(paths.length, 0, { extra: '' });
    try {
      for (let i = 0; i < paths.length; i += IMPORT_BATCH) {
        const batch: IncomingFile[] = paths.slice(i, i + IMPORT_BATCH).map((path) => ({
          name: info.isDirectory() ? relative(root, path) : path,
          path,
        }));
        const res = await addFiles(deps, null, datasetId, batch, {
          source: 'import',
          onFile: (_file, failure) => {
            if (failure) failed.push(failure);
            bar.increment(1, { extra: failed.length ? `, ${failed.length} failed` : '' });
          },
        });
        created += res.created.length;
      }
    } finally {
      bar.stop();
    }
    for (const f of failed) console.error(`failed: ${f.file}: ${f.code}: ${f.message}`);
    console.log(
      `imported ${created} of ${paths.length} files into dataset ${datasetId}; ${failed.length} failed`,
    );
    if (failed.length > 0) process.exitCode = 1;
  });
}

export async function readManifestFile(path: string): Promise<unknown[]> {
  const text = await readFile(path, 'utf8');
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return csvManifestEntries(text);
  if (ext !== '.json') throw new Error('FILE: a manifest is a .json or .csv file');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`FILE: is not valid JSON (${(err as Error).message})`);
  }
  const items = Array.isArray(value) ? value : (value as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new Error('FILE: expected {"items": [...]} or an array of items');
  return items;
}

export async function runImportManifest(args: string[]) {
  const [datasetArg, fileArg, ...extra] = args;
  if (extra.length > 0) throw new Error('usage: gloss import-manifest DATASET_ID FILE');
  const datasetId = datasetIdArg(datasetArg);
  if (!fileArg) throw new Error('FILE: give a .json or .csv manifest');
  const entries = await readManifestFile(resolve(fileArg)).catch((err: NodeJS.ErrnoException) => {
    throw err.code === 'ENOENT' ? new Error(`FILE: ${fileArg} does not exist`) : err;
  });

  return withDeps(async (deps) => {
    const bar = progressBar('registering', 'items');
    bar.start(entries.length * 2, 0, { extra: ' (validating)' });
    let result: Awaited<ReturnType<typeof registerManifest>>;
    try {
      result = await registerManifest(deps, null, datasetId, entries, {
        onProgress: (phase, done, total) => {
          if (phase === 'validated') bar.update(done, { extra: ' (validating)' });
          else
            bar.update(entries.length + Math.round((done / Math.max(total, 1)) * entries.length), {
              extra: ' (inserting)',
            });
        },
      });
      bar.update(entries.length * 2, { extra: '' });
    } finally {
      bar.stop();
    }
    for (const f of result.failed.slice(0, 50)) console.error(`failed: item ${f.index}: ${f.message}`);
    if (result.failed.length > 50) console.error(`… and ${result.failed.length - 50} more`);
    console.log(
      `registered ${result.created.length} of ${entries.length} items in dataset ${datasetId}; ${result.failed.length} failed`,
    );
    if (result.failed.length > 0) process.exitCode = 1;
  });
}
