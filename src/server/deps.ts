import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { DialectName } from './db/database.ts';
import type { DB } from './db/schema.ts';
import type { Mailer } from './mail/mailer.ts';

/** Everything a service may touch, passed explicitly so tests can give it a fake clock. */
export interface AppDeps {
  db: Kysely<DB>;
  dialect: DialectName;
  config: Config;
  clock: () => number;
  mailer: Mailer;
}
