import { type FormatMigration, migrateFormat } from '../format-migrate.ts';
import { ONTOLOGY_FORMAT_VERSION, type OntologyDocument } from './format.ts';

/** Upgrades a document of format version N (the key) to N + 1. */
export type OntologyMigration = FormatMigration;

/**
 * The upgrades between format versions, run in order. Format 1 is the first, so there are none
 * yet; a format 2 adds `1: (doc) => ({...doc, formatVersion: 2, …})` here.
 */
export const ONTOLOGY_MIGRATIONS: Readonly<Record<number, OntologyMigration>> = {};

export class OntologyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OntologyFormatError';
  }
}

/**
 * Brings a document of any known format version up to `target`, one step at a time. Documents
 * from a newer Gloss (a version above `target`) and unknown versions are refused.
 */
export const migrateWith = (
  input: unknown,
  migrations: Readonly<Record<number, OntologyMigration>>,
  target: number,
): Record<string, unknown> =>
  migrateFormat(input, {
    what: 'an ontology',
    migrations,
    target,
    fail: (message) => new OntologyFormatError(message),
  });

/**
 * Upgrades a stored or imported document to the current format. The result still has to be
 * validated (`validateOntology`); this only changes its shape.
 */
export const migrateOntologyDocument = (input: unknown) =>
  migrateWith(input, ONTOLOGY_MIGRATIONS, ONTOLOGY_FORMAT_VERSION) as unknown as OntologyDocument;
