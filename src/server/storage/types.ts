import type { Readable } from 'node:stream';

export interface StoredObject {
  size: number;
  contentType: string;
}

/**
 * Where media bytes live. Keys are chosen by the server (never taken from a request) and look
 * like `datasets/<dataset id>/<unit id>/original.jpg`; every backend refuses any other shape.
 */
export interface Storage {
  readonly backend: 'local' | 's3';
  put(key: string, body: Buffer | Readable, contentType: string): Promise<void>;
  /** The object's bytes, optionally a byte range (inclusive end), or null when it does not exist. */
  get(key: string, range?: { start: number; end: number }): Promise<Readable | null>;
  head(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
  /**
   * A URL the browser may fetch directly for a short time, when the backend can make one
   * (S3 presigned URLs); null means the server streams the object itself.
   */
  directUrl(key: string, expiresInSeconds: number): Promise<string | null>;
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Refuses keys that could step outside the storage root or name something odd. */
export function assertValidKey(key: string): void {
  if (key.length > 512 || !KEY.test(key) || key.split('/').some((part) => part === '.' || part === '..')) {
    throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  }
}
