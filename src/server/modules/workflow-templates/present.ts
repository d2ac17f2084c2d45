import { z } from 'zod';
import { type Workflow, WorkflowSchema, type WorkflowTemplate } from '../../../core/workflow/index.ts';
import type { WorkflowTemplateRow } from '../../db/schema.ts';

export const BUILT_IN_ID_PREFIX = 'builtin:';

export const WorkflowTemplateOut = z
  .object({
    id: z.string().describe('A UUID, or `builtin:<key>` for a built-in template'),
    builtIn: z.boolean().describe('Built-in templates ship with Gloss and cannot be changed'),
    name: z.string(),
    description: z.string(),
    definition: WorkflowSchema,
    createdBy: z.string().nullable().describe('Who saved it; null for built-ins'),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    revision: z.number().int().nullable().describe('null for built-ins'),
  })
  .meta({ id: 'WorkflowTemplate' });

export type WorkflowTemplateJson = z.infer<typeof WorkflowTemplateOut>;

/** The only places a template becomes JSON: a built-in from code, or a saved row. */
export function presentBuiltIn(t: WorkflowTemplate): WorkflowTemplateJson {
  return {
    id: `${BUILT_IN_ID_PREFIX}${t.key}`,
    builtIn: true,
    name: t.name,
    description: t.description,
    definition: structuredClone(t.workflow),
    createdBy: null,
    createdAt: null,
    updatedAt: null,
    revision: null,
  };
}

export function presentTemplate(row: WorkflowTemplateRow): WorkflowTemplateJson {
  return {
    id: row.id,
    builtIn: false,
    name: row.name,
    description: row.description,
    definition: JSON.parse(row.definition) as Workflow,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: Number(row.revision),
  };
}
