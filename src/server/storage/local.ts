import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { assertValidKey, type Storage } from './types.ts';

/** Local-disk storage under one root directory (default ./data/media). */
export function localStorage(root: string): Storage {
  const base = resolve(root);

  // Keys are validated, and the resolved path is checked too: belt and braces against traversal.
  const pathOf = (key: string) => {
    assertValidKey(key);
    const path = resolve(base, key);
    if (relative(base, path).startsWith('..')) throw new Error(`storage key escapes the root: ${key}`);
    return path;
  };
  // Content types live beside the object, so head() needs no database.
  const typePath = (path: string) => `${path}.content-type`;

  return {
    backend: 'local',
    async put(key, body, contentType) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Write to a temporary name and rename, so a reader never sees half a file.
      const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      if (Buffer.isBuffer(body)) await writeFile(tmp, body);
      else await pipeline(body, createWriteStream(tmp));
      await writeFile(typePath(path), contentType);
      await rename(tmp, path);
    },
    async get(key, range) {
      const path = pathOf(key);
      const exists = await stat(path).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!exists) return null;
      return createReadStream(path, range ? { start: range.start, end: range.end } : {});
    },
    async head(key) {
      const path = pathOf(key);
      try {
        const [info, contentType] = await Promise.all([stat(path), readFile(typePath(path), 'utf8')]);
        return info.isFile() ? { size: info.size, contentType } : null;
      } catch {
        return null;
      }
    },
    async delete(key) {
      const path = pathOf(key);
      await rm(path, { force: true });
      await rm(typePath(path), { force: true });
    },
    async directUrl() {
      return null;
    },
  };
}
