import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database, DialectName } from './db/database.ts';
import type { DB } from './db/schema.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { createStorage, type Storage } from './storage/index.ts';

/** Everything a service may touch, passed explicitly so tests can give it a fake clock. */
export interface AppDeps {
  db: Kysely<DB>;
  dialect: DialectName;
  config: Config;
  clock: () => number;
  /** A number in [0, 1): router rolls and review sampling. Tests pass a seeded one. */
  random: () => number;
  mailer: Mailer;
  storage: Storage;
}

/** The one place the server's dependencies are put together from its configuration. */
export function createDeps(
  config: Config,
  database: Database,
  clock: () => number = Date.now,
  random: () => number = Math.random,
): AppDeps {
  return {
    db: database.db,
    dialect: database.dialect,
    config,
    clock,
    random,
    mailer: createMailer(config.smtp),
    storage: createStorage(config),
  };
}
