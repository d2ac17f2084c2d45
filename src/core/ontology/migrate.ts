import { ONTOLOGY_FORMAT_VERSION, type OntologyDocument } from './format.ts';

/** Upgrades a document of format version N (the key) to N + 1. */
export type OntologyMigration = (doc: Record<string, unknown>) => Record<string, unknown>;

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
export function migrateWith(
  input: unknown,
  migrations: Readonly<Record<number, OntologyMigration>>,
  target: number,
): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new OntologyFormatError('an ontology must be a JSON object');
  }
  let doc = input as Record<string, unknown>;
  let version = doc.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new OntologyFormatError('formatVersion must be a whole number from 1');
  }
  if (version > target) {
    throw new OntologyFormatError(
      `formatVersion ${version} is newer than this Gloss understands (${target}); upgrade Gloss`,
    );
  }
  while (version < target) {
    const step = migrations[version];
    if (!step) throw new OntologyFormatError(`no upgrade from formatVersion ${version}`);
    doc = step(doc);
    version = doc.formatVersion;
    if (typeof version !== 'number') throw new OntologyFormatError('an upgrade lost formatVersion');
  }
  return doc;
}

/**
 * Upgrades a stored or imported document to the current format. The result still has to be
 * validated (`validateOntology`); this only changes its shape.
 */
export const migrateOntologyDocument = (input: unknown) =>
  migrateWith(input, ONTOLOGY_MIGRATIONS, ONTOLOGY_FORMAT_VERSION) as unknown as OntologyDocument;
