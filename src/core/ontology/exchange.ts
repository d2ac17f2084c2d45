import { z } from 'zod';
import { type OntologyDocument, OntologyDocumentSchema } from './format.ts';

/** The JSON file an ontology is exported as, and imported from. */
export interface OntologyExport {
  gloss: 'ontology';
  formatVersion: number;
  name: string;
  description: string;
  schema: OntologyDocument;
}

export const OntologyExportSchema = z
  .strictObject({
    gloss: z.literal('ontology'),
    formatVersion: z.number().int().min(1),
    name: z.string().trim().min(1, { error: 'must not be empty' }).max(200),
    description: z.string().trim().max(2000).default(''),
    schema: OntologyDocumentSchema,
  })
  .meta({ id: 'OntologyExport' });

export function exportOntology(o: {
  name: string;
  description: string;
  schema: OntologyDocument;
}): OntologyExport {
  return {
    gloss: 'ontology',
    formatVersion: o.schema.formatVersion,
    name: o.name,
    description: o.description,
    schema: o.schema,
  };
}

/** A file name for an export: the ontology's name, made safe for file systems. */
export function exportFileName(name: string) {
  const base = name
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'ontology'}.ontology.json`;
}
