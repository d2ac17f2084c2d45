import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_projects_datasets_ontologies.ts';

/** Ordered by name; add new migrations here. Never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_projects_datasets_ontologies': m0002,
};
