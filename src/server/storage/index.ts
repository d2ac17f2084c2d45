import type { Config } from '../config.ts';
import { localStorage } from './local.ts';
import { s3Storage } from './s3.ts';
import type { Storage } from './types.ts';

export type { Storage, StoredObject } from './types.ts';
export { assertValidKey } from './types.ts';

/** The configured storage backend: the local disk (default) or an S3-compatible bucket. */
export function createStorage(config: Config): Storage {
  if (config.storage.backend === 's3') {
    if (!config.storage.s3) throw new Error('GLOSS_STORAGE=s3 needs the GLOSS_S3_* settings');
    return s3Storage(config.storage.s3);
  }
  return localStorage(config.storage.localRoot);
}
