import cliProgress from 'cli-progress';
import { loadConfig } from '../server/config.ts';
import { migrateToLatest, openDatabase } from '../server/db/database.ts';
import { createDeps } from '../server/deps.ts';

// What the data commands share: the server's dependencies on the configured database (migrated
// first), and a progress bar on stderr (stdout carries the summary).

export function progressBar(label: string, unit: string) {
  return new cliProgress.SingleBar(
    {
      format: `${label} |{bar}| {percentage}% {value}/{total} ${unit}{extra}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
}

export async function withDeps<T>(run: (deps: ReturnType<typeof createDeps>) => Promise<T>) {
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
    return await run(createDeps(config, database));
  } finally {
    await database.close();
  }
}
