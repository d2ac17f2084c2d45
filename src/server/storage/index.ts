import type { Config } from '../config.ts';
import { localStorage } from './local.ts';
import type { Storage } from './types.ts';

export type { Storage, StoredObject } from './types.ts';
export { assertValidKey } from './types.ts';

/** The configured storage backend. The S3 backend is added in src/server/storage/s3.ts. */
export function createStorage(config: Config): Storage {
  return localStorage(config.storage.localRoot);
}
