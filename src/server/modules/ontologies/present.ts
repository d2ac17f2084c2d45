import { z } from 'zod';
import { type OntologyDocument, OntologyDocumentSchema } from '../../../core/ontology/index.ts';
import type { AccessEntry } from '../access/queries.ts';
import type { OntologyRow, VersionRow } from './queries.ts';

export const OntologyRole = z.enum(['admin', 'user']);
type Role = z.infer<typeof OntologyRole>;

export const OntologyOut = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    currentVersion: z.number().int().describe('The version the editor shows and new projects pin'),
    projectCount: z.number().int().describe('Projects that pin any version of this ontology'),
    createdAt: z.string(),
    updatedAt: z.string(),
    revision: z.number().int(),
    myRole: OntologyRole.describe('Your role on the ontology (workspace Admins act as its Admin)'),
  })
  .meta({ id: 'Ontology' });

export const OntologyDetailOut = OntologyOut.extend({
  schema: OntologyDocumentSchema,
  pinnedVersions: z
    .array(z.number().int())
    .describe('Versions projects pin; saving while the current one is pinned creates a new version'),
}).meta({ id: 'OntologyDetail' });

export const OntologyVersionOut = z
  .object({
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    projectCount: z.number().int().describe('Projects that pin this version'),
  })
  .meta({ id: 'OntologyVersion' });

export const OntologyVersionDetailOut = OntologyVersionOut.extend({ schema: OntologyDocumentSchema }).meta({
  id: 'OntologyVersionDetail',
});

export const OntologyAccessOut = z
  .object({
    principalType: z.enum(['user', 'group']),
    principalId: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    role: OntologyRole,
    addedAt: z.string(),
  })
  .meta({ id: 'OntologyAccess' });

export function presentOntology(row: OntologyRow, myRole: Role): z.infer<typeof OntologyOut> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    currentVersion: Number(row.current_version),
    projectCount: Number(row.project_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: Number(row.revision),
    myRole,
  };
}

export function presentVersion(row: Omit<VersionRow, 'schema'>): z.infer<typeof OntologyVersionOut> {
  return {
    version: Number(row.version),
    createdAt: row.created_at,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    projectCount: Number(row.project_count ?? 0),
  };
}

export const presentVersionDetail = (row: VersionRow, schema: OntologyDocument) => ({
  ...presentVersion(row),
  schema,
});

export function presentAccess(entry: AccessEntry): z.infer<typeof OntologyAccessOut> {
  return {
    principalType: entry.principal_type,
    principalId: entry.principal_id,
    name: entry.name ?? '',
    email: entry.email,
    role: entry.role as Role,
    addedAt: entry.added_at,
  };
}
