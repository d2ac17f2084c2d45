// Stepping a stored document up through format versions, shared by every versioned format (the
// ontology, label documents) so they refuse newer and unknown versions the same way.

/** Upgrades a document of format version N (its key in a migration table) to N + 1. */
export type FormatMigration = (doc: Record<string, unknown>) => Record<string, unknown>;

export interface FormatMigrationPlan {
  /** What the document is, for messages: "an ontology", "a label document". */
  what: string;
  migrations: Readonly<Record<number, FormatMigration>>;
  target: number;
  /** Each format throws its own error type, so callers can tell a bad file from a bug. */
  fail: (message: string) => Error;
}

/**
 * Brings a document of any known format version up to `plan.target`, one step at a time.
 * Documents from a newer Gloss (a version above the target) and unknown versions are refused.
 */
export function migrateFormat(input: unknown, plan: FormatMigrationPlan): Record<string, unknown> {
  const { what, migrations, target, fail } = plan;
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw fail(`${what} must be a JSON object`);
  }
  let doc = input as Record<string, unknown>;
  const stored = doc.formatVersion;
  if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 1) {
    throw fail('formatVersion must be a whole number from 1');
  }
  let version = stored;
  if (version > target) {
    throw fail(`formatVersion ${version} is newer than this Gloss understands (${target}); upgrade Gloss`);
  }
  while (version < target) {
    const step = migrations[version];
    if (!step) throw fail(`no upgrade from formatVersion ${version}`);
    doc = step(doc);
    const next: unknown = doc.formatVersion;
    if (typeof next !== 'number') throw fail('an upgrade lost formatVersion');
    // A step that does not move forward would loop forever.
    if (next <= version) throw fail(`the upgrade from formatVersion ${version} did not raise it`);
    version = next;
  }
  return doc;
}
