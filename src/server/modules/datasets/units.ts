import { randomInt } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { posix } from 'node:path';
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { DataUnitItemsTable, DataUnitKind, DataUnitsTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound, revisionConflict } from '../../http/errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { type ProbedMedia, ProbeError, probeFile, typeFromName } from '../../media-probe/index.ts';
import { assertValidKey } from '../../storage/index.ts';
import { type AuditSource, auditSourceOf, recordAudit, systemSource } from '../audit/service.ts';
import { createTasksForUnits } from '../projects/tasks.ts';
import { presentUnit, type UnitRow } from './present.ts';
import {
  deleteUnitRows,
  findDataset,
  findUnit,
  insertItems,
  insertUnits,
  listUnits,
  storageKeysOfUnit,
  touchDataset,
  updateUnitIfRevision,
} from './queries.ts';
import { datasetFor, deleteStoredObjects } from './service.ts';

// Data units: added by upload or folder import (files probed by content and stored), or by a
// manifest of object-storage keys and URLs (validated item by item, inserted in bulk); edited
// and removed one by one. The CLI calls the same functions with no request context: it acts as
// the system, audited as such.

export const MAX_TITLE = 500;
export const MAX_METADATA_BYTES = 64 * 1024;
export const MAX_GROUP_ITEMS = 1000;

/** Who adds units: a signed-in caller (checked against the policy) or the system (the CLI). */
export type Caller = RequestContext | null;

const sourceOf = (caller: Caller): AuditSource => (caller ? auditSourceOf(caller) : systemSource);

/** The dataset, which the caller must be allowed to change (the system always is). */
async function writableDataset(db: Executor, caller: Caller, datasetId: string) {
  if (caller) return (await datasetFor(db, caller.actor, datasetId, 'dataset.update')).row;
  const row = await findDataset(db, datasetId);
  if (!row) throw notFound('Dataset');
  return row;
}

export const assertCanAddUnits = (deps: AppDeps, caller: Caller, datasetId: string) =>
  writableDataset(deps.db, caller, datasetId);

/**
 * Ids for many rows at once that sort in the order given: one UUIDv7 prefix, then a counter in
 * the low bits (from a random start well below overflow), so a manifest lists in its own order.
 */
export function sequentialIds(now: number, count: number): string[] {
  const prefix = newId(now).slice(0, 24);
  const start = randomInt(0, 2 ** 46);
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i++) ids[i] = prefix + (start + i).toString(16).padStart(12, '0');
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Reading and editing

export async function listDatasetUnits(
  deps: AppDeps,
  ctx: RequestContext,
  datasetId: string,
  query: {
    kind?: DataUnitKind | undefined;
    q?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  await datasetFor(deps.db, ctx.actor, datasetId, 'dataset.read');
  const cursor = decodeCursor(query.cursor, 1);
  const rows = await listUnits(deps.db, datasetId, {
    kind: query.kind,
    q: query.q,
    afterId: cursor ? String(cursor[0]) : undefined,
    limit: query.limit,
  });
  return toPage(rows, query.limit, (r) => [r.id], presentUnit);
}

async function unitFor(
  db: Executor,
  ctx: RequestContext,
  id: string,
  action: 'dataset.read' | 'dataset.update',
) {
  const unit = await findUnit(db, id);
  if (!unit) throw notFound('Data unit');
  await datasetFor(db, ctx.actor, unit.dataset_id, action);
  return unit;
}

export async function getUnit(deps: AppDeps, ctx: RequestContext, id: string) {
  return presentUnit(await unitFor(deps.db, ctx, id, 'dataset.read'));
}

export async function updateUnit(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { title?: string | undefined; metadata?: Record<string, unknown> | undefined; revision: number },
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const before = await unitFor(trx, ctx, id, 'dataset.update');
    if (Number(before.revision) !== input.revision)
      throw revisionConflict('This data unit', Number(before.revision));
    const title = input.title ?? before.title;
    const metadata = input.metadata === undefined ? before.metadata : JSON.stringify(input.metadata);
    if (title === before.title && metadata === before.metadata) return presentUnit(before);
    const after: UnitRow = {
      ...before,
      title,
      metadata,
      updated_at: nowIso(now),
      revision: Number(before.revision) + 1,
    };
    const changes = { title, metadata, updated_at: after.updated_at, revision: after.revision };
    if (!(await updateUnitIfRevision(trx, id, input.revision, changes))) {
      const current = await findUnit(trx, id);
      throw revisionConflict('This data unit', Number(current?.revision ?? input.revision + 1));
    }
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'dataset.update_unit',
        targetType: 'data_unit',
        targetId: id,
        before: { title: before.title, metadata: JSON.parse(before.metadata) as unknown },
        after: { title, metadata: JSON.parse(metadata) as unknown },
      },
      now,
    );
    return presentUnit(after);
  });
}

/** Removes a unit (and its tasks); its stored files are deleted once the rows are gone. */
export async function deleteUnit(deps: AppDeps, ctx: RequestContext, id: string) {
  const now = deps.clock();
  const keys = await deps.db.transaction().execute(async (trx) => {
    const unit = await unitFor(trx, ctx, id, 'dataset.update');
    const keys = await storageKeysOfUnit(trx, id);
    await deleteUnitRows(trx, id);
    await touchDataset(trx, unit.dataset_id, nowIso(now));
    await recordAudit(
      trx,
      auditSourceOf(ctx),
      {
        action: 'dataset.delete_unit',
        targetType: 'data_unit',
        targetId: id,
        before: { datasetId: unit.dataset_id, kind: unit.kind, title: unit.title },
      },
      now,
    );
    return keys;
  });
  await deleteStoredObjects(deps, keys);
  return { ok: true as const };
}

// ---------------------------------------------------------------------------------------------
// Files: upload and folder import

export interface IncomingFile {
  /** The name it was uploaded or found under (a title, never a path on our side). */
  name: string;
  /** Where its bytes are now (an upload's temporary file, or the imported file itself). */
  path: string;
  /** The upload went over the per-file limit and was cut short. */
  truncated?: boolean;
}

export interface FailedFile {
  file: string;
  code: string;
  message: string;
}

/** A title from a file name: its last path segment, without control characters, bounded. */
export function titleFromName(name: string): string {
  const base = posix.basename(name.replace(/\\/g, '/'));
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return (clean || 'Untitled').slice(0, MAX_TITLE);
}

interface StoredFile {
  name: string;
  probed: ProbedMedia;
  key: string;
  thumbnailKey: string | null;
}

/**
 * Adds probed and stored files as units in one transaction. Each file is probed by content; a
 * broken, unsupported or oversized file is reported in `failed` and the others go ahead. With
 * `groupTitle`, the images become one image_group unit, in the order given.
 */
export async function addFiles(
  deps: AppDeps,
  caller: Caller,
  datasetId: string,
  files: readonly IncomingFile[],
  opts: {
    source: 'upload' | 'import';
    groupTitle?: string | undefined;
    onFile?: (file: IncomingFile, failure: FailedFile | null) => void;
  },
) {
  await writableDataset(deps.db, caller, datasetId);
  const now = deps.clock();
  const failed: FailedFile[] = [];
  const grouping = opts.groupTitle !== undefined;
  const groupId = grouping ? newId(now) : null;
  const unitIds = sequentialIds(now, files.length);
  const stored: StoredFile[] = [];
  const singles: { file: StoredFile; unitId: string }[] = [];
  const groupItems: StoredFile[] = [];
  const written: string[] = [];

  try {
    for (const [i, file] of files.entries()) {
      let failure: FailedFile | null = null;
      try {
        if (file.truncated) throw new ProbeError('file_too_large', 'The file is over the upload size limit.');
        const probed = await probeFile(file.path, file.name).catch((err: NodeJS.ErrnoException) => {
          // A file the import cannot open (permissions, gone meanwhile) fails alone.
          if (err instanceof ProbeError || !err.code || !err.syscall) throw err;
          throw new ProbeError('unreadable_file', `The file cannot be read (${err.code}).`);
        });
        const inGroup = grouping && probed.kind === 'image';
        const dir = `datasets/${datasetId}/${inGroup ? groupId : unitIds[i]}`;
        const stem = inGroup ? `item-${groupItems.length}` : 'original';
        const key = `${dir}/${stem}.${probed.ext}`;
        const thumbnailKey = probed.thumbnail ? `${dir}/${inGroup ? `${stem}-` : ''}thumbnail.jpg` : null;
        await deps.storage.put(key, createReadStream(file.path), probed.mimeType);
        written.push(key);
        if (thumbnailKey && probed.thumbnail) {
          await deps.storage.put(thumbnailKey, probed.thumbnail, 'image/jpeg');
          written.push(thumbnailKey);
        }
        const entry = { name: file.name, probed, key, thumbnailKey };
        stored.push(entry);
        if (inGroup) groupItems.push(entry);
        else singles.push({ file: entry, unitId: unitIds[i]! });
      } catch (err) {
        if (!(err instanceof ProbeError)) throw err;
        failure = { file: file.name, code: err.code, message: err.message };
        failed.push(failure);
      }
      opts.onFile?.(file, failure);
    }

    const at = nowIso(now);
    const createdBy = caller?.user.id ?? null;
    const unitRow = (
      id: string,
      kind: DataUnitKind,
      title: string,
      f: StoredFile | null,
    ): DataUnitsTable => ({
      id,
      dataset_id: datasetId,
      kind,
      title,
      source: opts.source,
      storage_key: f?.key ?? null,
      external_url: null,
      mime_type: f?.probed.mimeType ?? null,
      size_bytes: f?.probed.sizeBytes ?? null,
      width: f?.probed.width ?? null,
      height: f?.probed.height ?? null,
      duration_ms: f?.probed.durationMs ?? null,
      fps: f?.probed.fps ?? null,
      frame_count: f?.probed.frameCount ?? null,
      thumbnail_key: f?.thumbnailKey ?? null,
      metadata: '{}',
      created_by: createdBy,
      created_at: at,
      updated_at: at,
      revision: 1,
    });
    const units = singles.map(({ file, unitId }) =>
      unitRow(unitId, file.probed.kind, titleFromName(file.name), file),
    );
    const items: DataUnitItemsTable[] = [];
    if (groupId && groupItems.length > 0) {
      const first = groupItems[0]!;
      units.push({
        ...unitRow(groupId, 'image_group', opts.groupTitle!, null),
        size_bytes: groupItems.reduce((n, f) => n + f.probed.sizeBytes, 0),
        width: first.probed.width,
        height: first.probed.height,
        thumbnail_key: first.thumbnailKey,
      });
      for (const [position, f] of groupItems.entries()) {
        items.push({
          unit_id: groupId,
          position,
          storage_key: f.key,
          external_url: null,
          mime_type: f.probed.mimeType,
          size_bytes: f.probed.sizeBytes,
          width: f.probed.width,
          height: f.probed.height,
          thumbnail_key: f.thumbnailKey,
        });
      }
    }
    const created = await insertUnitsAndTasks(deps, caller, datasetId, units, items, now, opts.source);
    return { created, failed };
  } catch (err) {
    // Nothing was committed: the files stored for this batch go too.
    await deleteStoredObjects(deps, written);
    throw err;
  }
}

/** One transaction: the units, their items, a task per unit in every attached project, one audit row. */
async function insertUnitsAndTasks(
  deps: AppDeps,
  caller: Caller,
  datasetId: string,
  units: DataUnitsTable[],
  items: DataUnitItemsTable[],
  now: number,
  source: 'upload' | 'import' | 'manifest',
  onInserted?: (done: number) => void,
) {
  if (units.length === 0) return [];
  const tasks = await deps.db.transaction().execute(async (trx) => {
    await writableDataset(trx, caller, datasetId);
    const CHUNK = 5000;
    for (let i = 0; i < units.length; i += CHUNK) {
      await insertUnits(trx, units.slice(i, i + CHUNK));
      onInserted?.(Math.min(units.length, i + CHUNK));
    }
    await insertItems(trx, items);
    const tasks = await createTasksForUnits(trx, { datasetId, unitIds: units.map((u) => u.id) }, now);
    await touchDataset(trx, datasetId, nowIso(now));
    await recordAudit(
      trx,
      sourceOf(caller),
      {
        action: 'dataset.add_units',
        targetType: 'dataset',
        targetId: datasetId,
        after: {
          source,
          count: units.length,
          tasksCreated: tasks,
          // The first ids only: a manifest may add a hundred thousand.
          unitIds: units.slice(0, 100).map((u) => u.id),
        },
      },
      now,
    );
    return tasks;
  });
  void tasks;
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.unit_id, (counts.get(item.unit_id) ?? 0) + 1);
  return units.map((u) => presentUnit({ ...u, item_count: counts.get(u.id) ?? 0 }));
}

// ---------------------------------------------------------------------------------------------
// Manifests: object-storage keys and URLs

const Url = z
  .string()
  .max(2048)
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
      } catch {
        return false;
      }
    },
    { error: 'must be an http(s) URL' },
  );
const Key = z.string().max(512);
const Metadata = z
  .record(z.string(), z.unknown())
  .refine((m) => JSON.stringify(m).length <= MAX_METADATA_BYTES, { error: 'must be at most 64 KiB as JSON' });

const ManifestSource = z.strictObject({ key: Key.optional(), url: Url.optional() });

export const ManifestItem = z.strictObject({
  kind: z.enum(['image', 'image_group', 'video', 'text']).optional(),
  key: Key.optional(),
  url: Url.optional(),
  title: z.string().trim().min(1).max(MAX_TITLE).optional(),
  metadata: Metadata.optional(),
  items: z.array(ManifestSource).min(1).max(MAX_GROUP_ITEMS).optional(),
});
export type ManifestItem = z.infer<typeof ManifestItem>;

/** Set on an entry the CSV reader could not turn into an item (so the item fails with this). */
export const ENTRY_ERROR = Symbol('manifest entry error');

export interface ManifestFailure {
  index: number;
  message: string;
}

class ItemError extends Error {}

/**
 * A key must be a valid storage key outside `datasets/`, where the server keeps the files it was
 * given: registering one of those would reach another unit's (or dataset's) file, and deleting
 * the registered unit would delete that file.
 */
function checkKey(key: string, field: string) {
  try {
    assertValidKey(key);
  } catch {
    throw new ItemError(`${field}: is not a valid storage key (letters, digits, . _ - and / between parts)`);
  }
  if (key.startsWith('datasets/')) {
    throw new ItemError(
      `${field}: names a file the server manages (under datasets/); register your own keys`,
    );
  }
}

/** With GLOSS_MANIFEST_KEY_PREFIXES set, every registered key must start with one of them. */
function checkKeyPrefixes(rows: { unit: DataUnitsTable; items: DataUnitItemsTable[] }, prefixes: string[]) {
  const keys = [rows.unit.storage_key, ...rows.items.map((i) => i.storage_key)];
  for (const key of keys) {
    if (key !== null && !prefixes.some((p) => key.startsWith(p))) {
      throw new ItemError(`key: must start with one of the allowed prefixes (${prefixes.join(', ')})`);
    }
  }
}

function sourceOfItem(src: { key?: string | undefined; url?: string | undefined }, field: string) {
  if ((src.key === undefined) === (src.url === undefined)) {
    throw new ItemError(`${field}: give exactly one of key and url`);
  }
  if (src.key !== undefined) checkKey(src.key, `${field}key`);
  const name = src.key ?? new URL(src.url!).pathname;
  return { key: src.key ?? null, url: src.url ?? null, type: typeFromName(name), name };
}

function titleFromSource(name: string) {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // keep it as it is
  }
  return titleFromName(decoded);
}

/** Validates one manifest entry and turns it into rows, or throws ItemError saying why not. */
function manifestRows(
  value: unknown,
  id: string,
  datasetId: string,
  base: Pick<DataUnitsTable, 'created_by' | 'created_at' | 'updated_at'>,
): { unit: DataUnitsTable; items: DataUnitItemsTable[] } {
  if (value && typeof value === 'object' && ENTRY_ERROR in value) {
    throw new ItemError(String((value as Record<symbol, unknown>)[ENTRY_ERROR]));
  }
  const parsed = ManifestItem.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.');
    throw new ItemError(`${path || 'item'}: ${issue.message}`);
  }
  const item = parsed.data;
  const kind = item.kind ?? (item.items ? 'image_group' : undefined);
  const row = {
    id,
    dataset_id: datasetId,
    source: 'manifest' as const,
    external_url: null,
    mime_type: null,
    size_bytes: null,
    width: null,
    height: null,
    duration_ms: null,
    fps: null,
    frame_count: null,
    thumbnail_key: null,
    metadata: JSON.stringify(item.metadata ?? {}),
    ...base,
    revision: 1,
  };
  if (kind === 'image_group') {
    if (!item.items) throw new ItemError('items: an image group lists its images');
    if (item.key !== undefined || item.url !== undefined) {
      throw new ItemError('an image group has no key or url of its own; list them under items');
    }
    const sources = item.items.map((s, i) => sourceOfItem(s, `items.${i}.`));
    const bad = sources.findIndex((s) => s.type !== null && s.type.kind !== 'image');
    if (bad >= 0) throw new ItemError(`items.${bad}: an image group holds images only`);
    return {
      unit: { ...row, kind, title: item.title ?? 'Image group', storage_key: null },
      items: sources.map((s, position) => ({
        unit_id: id,
        position,
        storage_key: s.key,
        external_url: s.url,
        mime_type: s.type?.mimeType ?? null,
        size_bytes: null,
        width: null,
        height: null,
        thumbnail_key: null,
      })),
    };
  }
  if (item.items) throw new ItemError(`items: only an image group lists items (kind is ${kind})`);
  const src = sourceOfItem(item, '');
  const resolvedKind = kind ?? src.type?.kind ?? 'image';
  return {
    unit: {
      ...row,
      kind: resolvedKind,
      title: item.title ?? titleFromSource(src.name),
      storage_key: src.key,
      external_url: src.url,
      mime_type: src.type?.kind === resolvedKind ? src.type.mimeType : null,
    },
    items: [],
  };
}

/**
 * Registers a manifest's entries. Each is validated on its own (failures come back with their
 * index); the valid ones are inserted in one transaction with large multi-row inserts.
 */
export async function registerManifest(
  deps: AppDeps,
  caller: Caller,
  datasetId: string,
  entries: readonly unknown[],
  opts: { onProgress?: (phase: 'validated' | 'inserted', done: number, total: number) => void } = {},
) {
  await writableDataset(deps.db, caller, datasetId);
  const now = deps.clock();
  const at = nowIso(now);
  const base = { created_by: caller?.user.id ?? null, created_at: at, updated_at: at };
  const ids = sequentialIds(now, entries.length);
  const units: DataUnitsTable[] = [];
  const items: DataUnitItemsTable[] = [];
  const failed: ManifestFailure[] = [];
  const allowedPrefixes = deps.config.storage.manifestKeyPrefixes;
  for (let i = 0; i < entries.length; i++) {
    try {
      const rows = manifestRows(entries[i], ids[i]!, datasetId, base);
      if (allowedPrefixes) checkKeyPrefixes(rows, allowedPrefixes);
      units.push(rows.unit);
      for (const item of rows.items) items.push(item);
    } catch (err) {
      if (!(err instanceof ItemError)) throw err;
      failed.push({ index: i, message: err.message });
    }
    if (opts.onProgress && (i + 1) % 5000 === 0) opts.onProgress('validated', i + 1, entries.length);
  }
  opts.onProgress?.('validated', entries.length, entries.length);
  const created = await insertUnitsAndTasks(deps, caller, datasetId, units, items, now, 'manifest', (done) =>
    opts.onProgress?.('inserted', done, units.length),
  );
  return { created, failed };
}

/** The column order of a CSV manifest (a header row naming them is required). */
export const CSV_COLUMNS = ['kind', 'key', 'url', 'title', 'metadata'] as const;
