import { z } from 'zod';
import type { DatasetsTable, DataUnitItemsTable, DataUnitsTable } from '../../db/schema.ts';
import type { AccessEntry } from '../access/queries.ts';

export const SharedRole = z.enum(['admin', 'user']);
export const UnitKind = z.enum(['image', 'image_group', 'video', 'text']);

export const DatasetOut = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    unitCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    revision: z.number().int(),
    myRole: SharedRole.describe('Your role on the dataset (workspace Admins act as its Admin)'),
  })
  .meta({ id: 'Dataset' });

export const DataUnitOut = z
  .object({
    id: z.string(),
    datasetId: z.string(),
    kind: UnitKind,
    title: z.string(),
    source: z.enum(['upload', 'import', 'manifest']),
    mimeType: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    durationMs: z.number().int().nullable(),
    fps: z.number().nullable(),
    frameCount: z.number().int().nullable(),
    itemCount: z.number().int().describe('Images in an image group; 1 for every other kind'),
    metadata: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
    revision: z.number().int(),
    fileUrl: z.string().nullable().describe('Where the media is served; null for image groups'),
    thumbnailUrl: z.string().nullable(),
  })
  .meta({ id: 'DataUnit' });

export const AccessOut = z
  .object({
    principalType: z.enum(['user', 'group']),
    principalId: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    role: SharedRole,
    addedAt: z.string(),
  })
  .meta({ id: 'DatasetAccess' });

export type DatasetRow = DatasetsTable & { unit_count: unknown };
export type UnitRow = DataUnitsTable & { item_count: unknown };
export type UnitItemRow = DataUnitItemsTable;

export function presentDataset(row: DatasetRow, myRole: 'admin' | 'user'): z.infer<typeof DatasetOut> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    unitCount: Number(row.unit_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: Number(row.revision),
    myRole,
  };
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function parseMetadata(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function presentUnit(row: UnitRow): z.infer<typeof DataUnitOut> {
  const isGroup = row.kind === 'image_group';
  return {
    id: row.id,
    datasetId: row.dataset_id,
    kind: row.kind,
    title: row.title,
    source: row.source,
    mimeType: row.mime_type,
    sizeBytes: num(row.size_bytes),
    width: num(row.width),
    height: num(row.height),
    durationMs: num(row.duration_ms),
    fps: num(row.fps),
    frameCount: num(row.frame_count),
    itemCount: isGroup ? Number(row.item_count ?? 0) : 1,
    metadata: parseMetadata(row.metadata),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: Number(row.revision),
    fileUrl: isGroup ? null : `/api/v1/data-units/${row.id}/file`,
    thumbnailUrl: row.thumbnail_key ? `/api/v1/data-units/${row.id}/thumbnail` : null,
  };
}

export function presentAccess(entry: AccessEntry): z.infer<typeof AccessOut> {
  return {
    principalType: entry.principal_type,
    principalId: entry.principal_id,
    name: entry.name ?? '',
    email: entry.email,
    role: entry.role as 'admin' | 'user',
    addedAt: entry.added_at,
  };
}
