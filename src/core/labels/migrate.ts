import { type FormatMigration, migrateFormat } from '../format-migrate.ts';
import { LABEL_FORMAT_VERSION } from './format.ts';

/**
 * The upgrades between label format versions, keyed by the version each upgrades from. Format 1
 * is the first, so there are none yet; a format 2 adds `1: (doc) => ({...doc, formatVersion: 2, …})`.
 */
export const LABEL_MIGRATIONS: Readonly<Record<number, FormatMigration>> = {};

export class LabelFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelFormatError';
  }
}

/**
 * Upgrades a stored or uploaded document of any known format version to LABEL_FORMAT_VERSION;
 * newer or unknown versions are refused. The result still has to be validated (`validateLabels`):
 * this only changes its shape.
 */
export function migrateLabels(input: unknown): Record<string, unknown> {
  return migrateFormat(input, {
    what: 'a label document',
    migrations: LABEL_MIGRATIONS,
    target: LABEL_FORMAT_VERSION,
    fail: (message) => new LabelFormatError(message),
  });
}
