import { z } from 'zod';
import { PROJECT_ROLES, PROJECT_STATUSES, type ProjectRole } from '../../../core/roles.ts';
import type { DataUnitsTable, ProjectsTable } from '../../db/schema.ts';

export const ProjectRoleSchema = z.enum(PROJECT_ROLES);
export const ProjectStatusSchema = z.enum(PROJECT_STATUSES);

export const ProjectOut = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    status: ProjectStatusSchema,
    statusReason: z.string().nullable(),
    statusChangedAt: z.string(),
    tags: z.array(z.string()),
    datasets: z.array(z.object({ id: z.string(), name: z.string() })),
    ontology: z.object({ id: z.string(), name: z.string(), version: z.number().int() }).nullable(),
    taskCount: z.number().int(),
    myRole: ProjectRoleSchema.describe('The role you act with here (a workspace Admin acts as Admin)'),
    createdAt: z.string(),
    updatedAt: z.string(),
    revision: z.number().int(),
  })
  .meta({ id: 'Project' });

export const ProjectMemberOut = z
  .object({
    principalType: z.enum(['user', 'group']),
    principalId: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable().describe('null for groups and for users you may not see'),
    role: ProjectRoleSchema,
    addedAt: z.string(),
  })
  .meta({ id: 'ProjectMember' });

export const ProjectTaskOut = z
  .object({
    id: z.string(),
    dataUnitId: z.string(),
    title: z.string(),
    kind: z.enum(['image', 'image_group', 'video', 'text']),
    createdAt: z.string(),
  })
  .meta({ id: 'ProjectTask' });

/** The data unit of an opened task (the same fields as the datasets module's DataUnit). */
export const TaskDataUnitOut = z.object({
  id: z.string(),
  datasetId: z.string(),
  kind: z.enum(['image', 'image_group', 'video', 'text']),
  title: z.string(),
  source: z.enum(['upload', 'import', 'manifest']),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  durationMs: z.number().nullable(),
  fps: z.number().nullable(),
  frameCount: z.number().nullable(),
  itemCount: z.number().int().describe('Images in an image group; 1 for every other kind'),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: z.number().int(),
  fileUrl: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
});

export const OpenedTaskOut = z
  .object({
    id: z.string(),
    projectId: z.string(),
    projectStatus: ProjectStatusSchema,
    dataUnit: TaskDataUnitOut,
  })
  .meta({ id: 'OpenedTask' });

export type ProjectRow = ProjectsTable & { task_count?: unknown };

export interface ProjectExtras {
  tags: string[];
  datasets: { id: string; name: string }[];
  ontologyName: string | null;
  myRole: ProjectRole;
}

const num = (v: unknown) => Number(v ?? 0);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The only place a project row becomes JSON. */
export function presentProject(row: ProjectRow, extras: ProjectExtras): z.infer<typeof ProjectOut> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at,
    tags: extras.tags,
    datasets: extras.datasets,
    ontology:
      row.ontology_id && row.ontology_version !== null
        ? { id: row.ontology_id, name: extras.ontologyName ?? '', version: num(row.ontology_version) }
        : null,
    taskCount: num(row.task_count),
    myRole: extras.myRole,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: num(row.revision),
  };
}

/** What the audit log records of a project: its settings, not who looked at it. */
export function auditViewOfProject(row: ProjectsTable, tags: string[], datasetIds: string[]) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    statusReason: row.status_reason,
    tags,
    datasetIds,
    ontology: row.ontology_id ? { id: row.ontology_id, version: num(row.ontology_version) } : null,
    revision: num(row.revision),
  };
}

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

export function presentTaskDataUnit(
  row: DataUnitsTable & { item_count?: unknown },
): z.infer<typeof TaskDataUnitOut> {
  return {
    id: row.id,
    datasetId: row.dataset_id,
    kind: row.kind,
    title: row.title,
    source: row.source,
    mimeType: row.mime_type,
    sizeBytes: numOrNull(row.size_bytes),
    width: numOrNull(row.width),
    height: numOrNull(row.height),
    durationMs: numOrNull(row.duration_ms),
    fps: numOrNull(row.fps),
    frameCount: numOrNull(row.frame_count),
    itemCount: row.kind === 'image_group' ? num(row.item_count) : 1,
    metadata: parseMetadata(row.metadata),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: num(row.revision),
    fileUrl: row.kind === 'image_group' ? null : `/api/v1/data-units/${row.id}/file`,
    thumbnailUrl: row.thumbnail_key ? `/api/v1/data-units/${row.id}/thumbnail` : null,
  };
}
