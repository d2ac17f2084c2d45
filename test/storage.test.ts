import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config.ts';
import { createStorage, type Storage } from '../src/server/storage/index.ts';
import { s3ClientFor } from '../src/server/storage/s3.ts';
import { startTestS3, type TestS3 } from './helpers/s3.ts';

// One contract, two backends: the local disk (a temporary directory) and S3 (a real
// S3-compatible server, s3rver, started in this process). Both are built by createStorage from
// the same settings the server reads, so the backend choice is covered too.

const bytes = async (stream: Readable | null) => {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
};

let n = 0;
const freshKey = (name = 'original.bin') => `datasets/contract-${++n}/unit-${n}/${name}`;

/** Keys that could step out of the root, name nothing sensible, or confuse a backend. */
const BAD_KEYS = [
  '',
  '.',
  '..',
  '../x',
  'a/../../x',
  'a/..',
  'a/./b',
  './x',
  '/abs',
  '/etc/passwd',
  'a//b',
  'a/',
  'a\\b',
  '..\\..\\x',
  'x\u0000y',
  '.hidden',
  'a/.hidden',
  '%2e%2e/x',
  'a b',
  '\uff0e\uff0e/x',
  'a'.repeat(513),
  `${'abcdefgh/'.repeat(57)}x`,
];

interface Backend {
  storage: Storage;
  /** Reads an object straight from where the backend keeps it, bypassing the interface. */
  rawRead?(key: string): Promise<string | null>;
}

function storageContract(name: 'local' | 's3', setup: () => Promise<Backend>, teardown: () => Promise<void>) {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage;
    beforeAll(async () => {
      storage = (await setup()).storage;
    });
    afterAll(teardown);

    it('is the backend the settings asked for', () => {
      expect(storage.backend).toBe(name);
    });

    it('stores a buffer and gives back the same bytes, size and content type', async () => {
      const key = freshKey('photo.jpg');
      const body = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02, 0xfe]);
      await storage.put(key, body, 'image/jpeg');
      expect(await bytes(await storage.get(key))).toEqual(body);
      expect(await storage.head(key)).toEqual({ size: body.length, contentType: 'image/jpeg' });
    });

    it('stores a stream of unknown length, larger than one upload part', async () => {
      const key = freshKey('clip.mp4');
      const chunk = Buffer.alloc(1024 * 1024, 7);
      chunk[0] = 1;
      const chunks = Array.from({ length: 9 }, (_, i) => Buffer.concat([Buffer.from([i]), chunk]));
      await storage.put(key, Readable.from(chunks), 'video/mp4');
      const back = await bytes(await storage.get(key));
      expect(back?.length).toBe(9 * (chunk.length + 1));
      expect(back?.equals(Buffer.concat(chunks))).toBe(true);
      expect(await storage.head(key)).toEqual({ size: back!.length, contentType: 'video/mp4' });
    }, 60_000);

    it('reads byte ranges with an inclusive end', async () => {
      const key = freshKey('text.txt');
      await storage.put(key, Buffer.from('0123456789'), 'text/plain');
      expect((await bytes(await storage.get(key, { start: 2, end: 5 })))?.toString()).toBe('2345');
      expect((await bytes(await storage.get(key, { start: 0, end: 0 })))?.toString()).toBe('0');
      expect((await bytes(await storage.get(key, { start: 7, end: 9 })))?.toString()).toBe('789');
    });

    it('answers null for a key that holds nothing, and deleting it is harmless', async () => {
      const key = freshKey('never-written.png');
      expect(await storage.get(key)).toBeNull();
      expect(await storage.get(key, { start: 0, end: 3 })).toBeNull();
      expect(await storage.head(key)).toBeNull();
      await expect(storage.delete(key)).resolves.toBeUndefined();
    });

    it('deletes an object so it can be read no more', async () => {
      const key = freshKey();
      await storage.put(key, Buffer.from('doomed'), 'application/octet-stream');
      await storage.delete(key);
      expect(await storage.get(key)).toBeNull();
      expect(await storage.head(key)).toBeNull();
    });

    it('replaces an object written twice, content type included', async () => {
      const key = freshKey('same.dat');
      await storage.put(key, Buffer.from('first version, longer'), 'text/plain');
      await storage.put(key, Readable.from([Buffer.from('second')]), 'image/png');
      expect((await bytes(await storage.get(key)))?.toString()).toBe('second');
      expect(await storage.head(key)).toEqual({ size: 6, contentType: 'image/png' });
    });

    it('accepts ordinary keys with dots, dashes and underscores', async () => {
      const key = `datasets/0193-abc_DEF/unit.v2/original.final-cut_${n}.webm`;
      await storage.put(key, Buffer.from('ok'), 'video/webm');
      expect((await bytes(await storage.get(key)))?.toString()).toBe('ok');
      await storage.delete(key);
    });

    it('refuses keys that could escape the store or name something odd, in every operation', async () => {
      for (const key of BAD_KEYS) {
        const label = JSON.stringify(key);
        await expect(storage.put(key, Buffer.from('x'), 'text/plain'), label).rejects.toThrow(
          /invalid storage key/,
        );
        await expect(storage.get(key), label).rejects.toThrow(/invalid storage key/);
        await expect(storage.get(key, { start: 0, end: 0 }), label).rejects.toThrow(/invalid storage key/);
        await expect(storage.head(key), label).rejects.toThrow(/invalid storage key/);
        await expect(storage.delete(key), label).rejects.toThrow(/invalid storage key/);
      }
    });
  });
}

// ---- local disk ---------------------------------------------------------------------------

let localDir = '';
storageContract(
  'local',
  async () => {
    localDir = mkdtempSync(join(tmpdir(), 'gloss-storage-'));
    return { storage: createStorage(loadConfig({ GLOSS_MEDIA_DIR: join(localDir, 'media') })) };
  },
  async () => rmSync(localDir, { recursive: true, force: true }),
);

describe('local storage keeps to its root', () => {
  let dir: string;
  let storage: Storage;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-storage-root-'));
    mkdirSync(join(dir, 'media'));
    mkdirSync(join(dir, 'media-sibling'));
    // Secrets beside the root and in a sibling whose name starts like the root's.
    writeFileSync(join(dir, 'secret'), 'TOP SECRET');
    writeFileSync(join(dir, 'media-sibling', 'secret'), 'TOP SECRET');
    writeFileSync(join(dir, 'secret.content-type'), 'text/plain');
    storage = createStorage(loadConfig({ GLOSS_MEDIA_DIR: join(dir, 'media') }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const TRICKS = [
    '../secret',
    '..//secret',
    'x/../../secret',
    '../media-sibling/secret',
    '/proc/self/environ',
    '%2e%2e%2fsecret',
    '..%2fsecret',
    '..\\secret',
    '.../secret',
    'x/.../../secret',
    'secret/..',
    '~/secret',
    'file:../secret',
    '..\u0000/secret',
    '\u2025/secret',
  ];

  it('never reads, lists or writes anything outside the media directory', async () => {
    const outcomes: string[] = [];
    for (const key of [...TRICKS, join(dir, 'secret'), join(dir, 'media-sibling', 'secret')]) {
      for (const attempt of [
        () => storage.get(key).then(bytes),
        () => storage.get(key, { start: 0, end: 100 }).then(bytes),
        () => storage.head(key),
      ]) {
        const result = await attempt().catch((e: Error) => e);
        if (result instanceof Error) expect(result.message).toMatch(/invalid storage key/);
        else if (result !== null) outcomes.push(`${JSON.stringify(key)} → ${JSON.stringify(result)}`);
      }
      await storage.put(key, Buffer.from('PWNED'), 'text/html').catch(() => {});
      await storage.delete(key).catch(() => {});
    }
    expect(outcomes).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['media', 'media-sibling', 'secret', 'secret.content-type']);
    expect(readdirSync(join(dir, 'media-sibling'))).toEqual(['secret']);
    expect(readdirSync(join(dir, 'media'))).toEqual([]);
  });

  it('makes no direct URLs: the server streams local media itself', async () => {
    await storage.put('a/b.txt', Buffer.from('x'), 'text/plain');
    expect(await storage.directUrl('a/b.txt', 300)).toBeNull();
  });
});

// ---- S3 (s3rver) ------------------------------------------------------------------------------

let s3: TestS3;
storageContract(
  's3',
  async () => {
    s3 = await startTestS3();
    return { storage: createStorage(loadConfig(s3.env)) };
  },
  async () => s3?.close(),
);

describe('S3 storage specifics', () => {
  let server: TestS3;
  let storage: Storage;
  beforeAll(async () => {
    server = await startTestS3('gloss-specifics');
    storage = createStorage(loadConfig(server.env));
  });
  afterAll(async () => server?.close());

  it('keeps every object under the configured prefix', async () => {
    await storage.put('datasets/p/u/original.txt', Buffer.from('under the prefix'), 'text/plain');
    const client = s3ClientFor(loadConfig(server.env).storage.s3!);
    const raw = await client.send(
      new GetObjectCommand({ Bucket: server.bucket, Key: 'media/datasets/p/u/original.txt' }),
    );
    expect(await text(raw.Body as Readable)).toBe('under the prefix');
  });

  it('makes presigned URLs that plain fetch() downloads, valid for the seconds asked', async () => {
    const key = 'datasets/p/u/direct.jpg';
    const body = Buffer.from('pretend this is a JPEG');
    await storage.put(key, body, 'image/jpeg');
    const url = await storage.directUrl(key, 300);
    expect(url).not.toBeNull();
    expect(new URL(url!).searchParams.get('X-Amz-Expires')).toBe('300');
    const res = await fetch(url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(body);
    const ranged = await fetch(url!, { headers: { range: 'bytes=8-11' } });
    expect(ranged.status).toBe(206);
    expect(await ranged.text()).toBe('this');
  });

  it('makes presigned URLs that stop working once they expire', async () => {
    const key = 'datasets/p/u/expiring.txt';
    await storage.put(key, Buffer.from('soon gone'), 'text/plain');
    const url = (await storage.directUrl(key, 1))!;
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('1');
    expect((await fetch(url)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2_100));
    const late = await fetch(url);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('expired');
  });

  it('refuses to sign a URL for an invalid key', async () => {
    for (const key of BAD_KEYS) {
      await expect(storage.directUrl(key, 60), JSON.stringify(key)).rejects.toThrow(/invalid storage key/);
    }
  });
});
