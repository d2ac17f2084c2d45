import { z } from 'zod';
import { PROJECT_ROLES, PROJECT_STATUSES, type ProjectRole } from '../../../core/roles.ts';
import type { ProjectsTable } from '../../db/schema.ts';

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

export type ProjectRow = ProjectsTable & { task_count?: unknown };

export interface ProjectExtras {
  tags: string[];
  datasets: { id: string; name: string }[];
  ontologyName: string | null;
  myRole: ProjectRole;
}

const num = (v: unknown) => Number(v ?? 0);

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
