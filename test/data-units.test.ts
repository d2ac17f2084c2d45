import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { ProbeError, probeFile, sniff } from '../src/server/media-probe/index.ts';
import { brokenJpeg, form, html, jpeg, mp4, png, webm, webp } from './fixtures/media.ts';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect } from './helpers/env.ts';
import { gloss } from './helpers/gloss-cli.ts';

const mediaDir = mkdtempSync(join(tmpdir(), 'gloss-units-media-'));
const uniqueName = (prefix = 'Dataset') => `${prefix} ${randomBytes(4).toString('hex')}`;

/** Every file under the media root, relative to it. */
function storedFiles(): string[] {
  if (!existsSync(mediaDir)) return [];
  return (readdirSync(mediaDir, { recursive: true }) as string[]).filter((p) =>
    /\.(jpg|png|webp|mp4|webm|md|txt)$/.test(p),
  );
}

describeEachDialect(
  'data units',
  (env) => {
    let member: Agent;
    let outsider: Agent;

    beforeAll(async () => {
      member = await env.user('member');
      outsider = await env.user('member');
    });

    async function newDataset(by: Agent = member) {
      const res = await by.post('/api/v1/datasets', { name: uniqueName() });
      expect(res.status).toBe(201);
      return res.body.id as string;
    }

    const upload = (by: Agent, datasetId: string, body: FormData) =>
      by.request('POST', `/api/v1/datasets/${datasetId}/units`, body);

    it('takes a batch of files, probes each by content and reports a bad file without losing the rest', async () => {
      const datasetId = await newDataset();
      const res = await upload(
        member,
        datasetId,
        form([
          { name: 'street.jpg', bytes: await jpeg(40, 30) },
          { name: 'broken.jpg', bytes: await brokenJpeg() },
          { name: 'labelled-wrong.jpg', bytes: await png(32, 24) },
          { name: 'sneaky.png', bytes: html() },
          { name: 'tiny.webp', bytes: await webp(20, 10) },
          { name: 'clip.mp4', bytes: mp4(50) },
          { name: 'clip.webm', bytes: webm(25) },
          { name: 'notes.md', bytes: Buffer.from('# Guidelines\n\nLabel every car.') },
          { name: 'readme.txt', bytes: Buffer.from('plain words') },
          { name: 'binary.txt', bytes: Buffer.from([0xff, 0x00, 0x12]) },
        ]),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const byTitle = Object.fromEntries(res.body.created.map((u: { title: string }) => [u.title, u]));
      expect(Object.keys(byTitle).sort()).toEqual(
        [
          'clip.mp4',
          'clip.webm',
          'labelled-wrong.jpg',
          'notes.md',
          'readme.txt',
          'street.jpg',
          'tiny.webp',
        ].sort(),
      );
      expect(byTitle['street.jpg']).toMatchObject({
        kind: 'image',
        mimeType: 'image/jpeg',
        width: 40,
        height: 30,
      });
      expect(byTitle['street.jpg'].thumbnailUrl).toBe(
        `/api/v1/data-units/${byTitle['street.jpg'].id}/thumbnail`,
      );
      expect(byTitle['street.jpg'].fileUrl).toBe(`/api/v1/data-units/${byTitle['street.jpg'].id}/file`);
      // A PNG named .jpg is taken for what it is.
      expect(byTitle['labelled-wrong.jpg']).toMatchObject({
        kind: 'image',
        mimeType: 'image/png',
        width: 32,
        height: 24,
      });
      expect(byTitle['tiny.webp']).toMatchObject({ mimeType: 'image/webp', width: 20, height: 10 });
      expect(byTitle['clip.mp4']).toMatchObject({
        kind: 'video',
        mimeType: 'video/mp4',
        width: 64,
        height: 48,
        durationMs: 2000,
        fps: 25,
        frameCount: 50,
        thumbnailUrl: null,
      });
      expect(byTitle['clip.webm']).toMatchObject({
        kind: 'video',
        mimeType: 'video/webm',
        durationMs: 1000,
        fps: 25,
        frameCount: 25,
      });
      expect(byTitle['notes.md']).toMatchObject({ kind: 'text', mimeType: 'text/markdown' });
      expect(byTitle['readme.txt']).toMatchObject({ kind: 'text', mimeType: 'text/plain' });

      const failed = Object.fromEntries(
        res.body.failed.map((f: { file: string; code: string }) => [f.file, f.code]),
      );
      expect(failed).toEqual({
        'broken.jpg': 'broken_file',
        'sneaky.png': 'content_mismatch',
        'binary.txt': 'unsupported_type',
      });

      // Stored under the server's own keys, with the extension the content says.
      const files = storedFiles().filter((p) => p.includes(datasetId));
      expect(files.some((p) => p.endsWith(`${byTitle['labelled-wrong.jpg'].id}/original.png`))).toBe(true);
      expect(files.filter((p) => p.endsWith('thumbnail.jpg'))).toHaveLength(3);
      expect(files.some((p) => p.includes('broken') || p.includes('sneaky'))).toBe(false);

      const listed = await member.get(`/api/v1/datasets/${datasetId}/units?kind=image`);
      expect(listed.body.items.map((u: { title: string }) => u.title).sort()).toEqual(
        ['labelled-wrong.jpg', 'street.jpg', 'tiny.webp'].sort(),
      );
      expect((await member.get(`/api/v1/datasets/${datasetId}`)).body.unitCount).toBe(7);
      const audit = await env.admin.get(`/api/v1/audit?targetId=${datasetId}&action=dataset.add_units`);
      expect(audit.body.items[0].after).toMatchObject({ source: 'upload', count: 7 });
    });

    it('makes one image group of the images of a request, in order', async () => {
      const datasetId = await newDataset();
      const res = await upload(
        member,
        datasetId,
        form(
          [
            { name: 'frame-1.png', bytes: await png(30, 20) },
            { name: 'frame-2.jpg', bytes: await jpeg(30, 20) },
            { name: 'frame-3.webp', bytes: await webp(30, 20) },
          ],
          { groupTitle: 'Burst 7' },
        ),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.created).toHaveLength(1);
      expect(res.body.created[0]).toMatchObject({
        kind: 'image_group',
        title: 'Burst 7',
        itemCount: 3,
        fileUrl: null,
        width: 30,
        height: 20,
      });
      const items = await env.deps.db
        .selectFrom('data_unit_items')
        .select(['position', 'mime_type', 'storage_key'])
        .where('unit_id', '=', res.body.created[0].id)
        .orderBy('position')
        .execute();
      expect(items.map((i) => i.mime_type)).toEqual(['image/png', 'image/jpeg', 'image/webp']);
      expect(items.every((i) => i.storage_key?.startsWith(`datasets/${datasetId}/`))).toBe(true);
    });

    it('refuses uploads from dataset Users and outsiders, and non-multipart bodies', async () => {
      const datasetId = await newDataset();
      await member.request('PUT', `/api/v1/datasets/${datasetId}/access`, {
        principalType: 'user',
        principalId: outsider.user!.id,
        role: 'user',
      });
      const asUser = await upload(outsider, datasetId, form([{ name: 'a.png', bytes: await png() }]));
      expect(asUser.status).toBe(403);
      const json = await member.post(`/api/v1/datasets/${datasetId}/units`, { files: [] });
      expect(json.status).toBe(415);
      expect(json.body.error.code).toBe('unsupported_media_type');
      const empty = await upload(member, datasetId, form([], { groupTitle: 'nothing' }));
      expect(empty.status).toBe(400);
      expect(empty.body.error.field).toBe('files');
      const nul = await upload(
        member,
        datasetId,
        form([{ name: 'a.png', bytes: await png() }], { groupTitle: 'a\u0000b' }),
      );
      expect(nul.status).toBe(400);
      expect(nul.body.error.field).toBe('groupTitle');
      const garbage = await member.request('POST', `/api/v1/datasets/${datasetId}/units`, '--x\r\nnonsense', {
        'content-type': 'multipart/form-data; boundary=x',
      });
      expect(garbage.status).toBeGreaterThanOrEqual(400);
      expect(garbage.status).toBeLessThan(500);
    });

    it('keeps titles as text: a path in a file name never reaches a storage key', async () => {
      const datasetId = await newDataset();
      const res = await upload(
        member,
        datasetId,
        form([
          { name: '../../../etc/passwd.png', bytes: await png() },
          { name: '..\\..\\win.ini.md', bytes: Buffer.from('x') },
        ]),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.created.map((u: { title: string }) => u.title).sort()).toEqual([
        'passwd.png',
        'win.ini.md',
      ]);
      const keys = await env.deps.db
        .selectFrom('data_units')
        .select('storage_key')
        .where('dataset_id', '=', datasetId)
        .execute();
      for (const { storage_key } of keys)
        expect(storage_key).toMatch(new RegExp(`^datasets/${datasetId}/[0-9a-f-]{36}/original\\.(png|md)$`));
    });

    it('adds a task in every attached project when units are added', async () => {
      const datasetId = await newDataset();
      const project = await member.post('/api/v1/projects', {
        name: uniqueName('Project'),
        datasetIds: [datasetId],
      });
      expect(project.status, JSON.stringify(project.body)).toBe(201);
      const up = await upload(
        member,
        datasetId,
        form([
          { name: 'a.png', bytes: await png() },
          { name: 'b.md', bytes: Buffer.from('b') },
        ]),
      );
      const manifest = await member.post(`/api/v1/datasets/${datasetId}/manifest`, {
        items: [{ url: 'https://cdn.example.test/c.jpg' }, { key: 'bucket-imports/d.png' }],
      });
      const unitIds = [...up.body.created, ...manifest.body.created].map((u: { id: string }) => u.id);
      const tasks = await env.deps.db
        .selectFrom('tasks')
        .select('data_unit_id')
        .where('project_id', '=', project.body.id)
        .execute();
      expect(tasks.map((t) => t.data_unit_id).sort()).toEqual(unitIds.sort());
    });

    it('registers a JSON manifest item by item, reporting bad items by index', async () => {
      const datasetId = await newDataset();
      const res = await member.post(`/api/v1/datasets/${datasetId}/manifest`, {
        items: [
          { key: 'imports/2026/cat.jpg', title: 'Cat', metadata: { source: 'camera 3' } },
          { url: 'ftp://example.test/a.jpg' },
          { key: '../../etc/passwd' },
          { url: 'https://cdn.example.test/videos/run%201.mp4' },
          { key: 'a.jpg', url: 'https://cdn.example.test/a.jpg' },
          {
            kind: 'image_group',
            title: 'Pair',
            items: [{ key: 'imports/l.png' }, { url: 'https://cdn.example.test/r.png' }],
          },
          { key: `datasets/${randomBytes(4).toString('hex')}/other/original.jpg` },
          { kind: 'text', key: 'notes/readme.md' },
          { unknownField: 1, key: 'x.jpg' },
          'not an object',
          { key: '/absolute/path.jpg' },
        ],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.created.map((u: { title: string; kind: string }) => [u.title, u.kind])).toEqual([
        ['Cat', 'image'],
        ['run 1.mp4', 'video'],
        ['Pair', 'image_group'],
        ['readme.md', 'text'],
      ]);
      expect(res.body.created[0].metadata).toEqual({ source: 'camera 3' });
      expect(res.body.created[2].itemCount).toBe(2);
      expect(res.body.failed.map((f: { index: number }) => f.index)).toEqual([1, 2, 4, 6, 8, 9, 10]);
      expect(res.body.failed[0].message).toContain('http(s)');
      expect(res.body.failed[3].message).toContain('under datasets/');
      // Listed in manifest order.
      const listed = await member.get(`/api/v1/datasets/${datasetId}/units`);
      expect(listed.body.items.map((u: { title: string }) => u.title)).toEqual([
        'Cat',
        'run 1.mp4',
        'Pair',
        'readme.md',
      ]);
    });

    it('registers a CSV manifest, reporting bad rows by index', async () => {
      const datasetId = await newDataset();
      const csv = [
        'kind,key,url,title,metadata',
        'image,imports/a.jpg,,First,"{""camera"": 1}"',
        'image,,https://cdn.example.test/b.png,,',
        'image,imports/c.jpg,,Bad meta,{not json',
        'video,,javascript:alert(1),,',
        ',imports/e.webm,,,',
      ].join('\n');
      const res = await member.request('POST', `/api/v1/datasets/${datasetId}/manifest`, csv, {
        'content-type': 'text/csv',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.created.map((u: { title: string; kind: string }) => [u.title, u.kind])).toEqual([
        ['First', 'image'],
        ['b.png', 'image'],
        ['e.webm', 'video'],
      ]);
      expect(res.body.created[0].metadata).toEqual({ camera: 1 });
      expect(res.body.failed).toEqual([
        { index: 2, message: 'metadata: is not valid JSON' },
        { index: 3, message: expect.stringContaining('http(s)') },
      ]);
      const badHeader = await member.request(
        'POST',
        `/api/v1/datasets/${datasetId}/manifest`,
        'path,name\na,b',
        {
          'content-type': 'text/csv',
        },
      );
      expect(badHeader.status).toBe(400);
      expect(badHeader.body.error.code).toBe('invalid_csv');
    });

    it('edits a unit’s title and metadata with revisions, and deletes it with its files', async () => {
      const datasetId = await newDataset();
      const up = await upload(member, datasetId, form([{ name: 'a.png', bytes: await png() }]));
      const unit = up.body.created[0];
      const edited = await member.patch(`/api/v1/data-units/${unit.id}`, {
        title: 'Front door',
        metadata: { weather: 'rain' },
        revision: 1,
      });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      expect(edited.body).toMatchObject({ title: 'Front door', metadata: { weather: 'rain' }, revision: 2 });
      const stale = await member.patch(`/api/v1/data-units/${unit.id}`, { title: 'x', revision: 1 });
      expect(stale.status).toBe(409);
      expect(
        (await outsider.patch(`/api/v1/data-units/${unit.id}`, { title: 'x', revision: 2 })).status,
      ).toBe(403);

      expect(storedFiles().filter((p) => p.includes(unit.id))).toHaveLength(2);
      expect((await outsider.delete(`/api/v1/data-units/${unit.id}`)).status).toBe(403);
      expect((await member.delete(`/api/v1/data-units/${unit.id}`)).status).toBe(200);
      expect(storedFiles().filter((p) => p.includes(unit.id))).toEqual([]);
      expect((await member.get(`/api/v1/datasets/${datasetId}`)).body.unitCount).toBe(0);
      const audit = await env.admin.get(`/api/v1/audit?targetId=${unit.id}`);
      expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
        'dataset.delete_unit',
        'dataset.update_unit',
      ]);
    });

    it('deletes a dataset’s files with it', async () => {
      const datasetId = await newDataset();
      await upload(
        member,
        datasetId,
        form([
          { name: 'a.png', bytes: await png() },
          { name: 'b.webp', bytes: await webp() },
        ]),
      );
      expect(storedFiles().filter((p) => p.includes(datasetId)).length).toBeGreaterThan(0);
      expect((await member.delete(`/api/v1/datasets/${datasetId}`)).status).toBe(200);
      expect(storedFiles().filter((p) => p.includes(datasetId))).toEqual([]);
    });
  },
  { GLOSS_MEDIA_DIR: mediaDir },
);

describeEachDialect(
  'upload limits',
  (env) => {
    it('reports a file over the per-file limit in failed and keeps the others', async () => {
      const ds = await env.admin.post('/api/v1/datasets', { name: uniqueName() });
      const big = Buffer.alloc(4096, 'a');
      const res = await env.admin.request(
        'POST',
        `/api/v1/datasets/${ds.body.id}/units`,
        form([
          { name: 'big.txt', bytes: big },
          { name: 'small.txt', bytes: Buffer.from('ok') },
        ]),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.created.map((u: { title: string }) => u.title)).toEqual(['small.txt']);
      expect(res.body.failed).toEqual([
        { file: 'big.txt', code: 'file_too_large', message: expect.any(String) },
      ]);
      const many = await env.admin.request(
        'POST',
        `/api/v1/datasets/${ds.body.id}/units`,
        form(Array.from({ length: 4 }, (_, i) => ({ name: `${i}.txt`, bytes: Buffer.from('x') }))),
      );
      expect(many.status).toBe(413);
      expect(many.body.error.code).toBe('too_many_files');
    });
  },
  { GLOSS_MEDIA_DIR: mediaDir, GLOSS_UPLOAD_MAX_FILE_BYTES: '1024', GLOSS_UPLOAD_MAX_FILES: '3' },
);

it('sniffs by content, not by name', () => {
  const expectCode = (fn: () => unknown, code: string) => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(ProbeError);
      expect((err as ProbeError).code).toBe(code);
      return;
    }
    throw new Error('expected a ProbeError');
  };
  expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'photo.png', false).mimeType).toBe('image/jpeg');
  expect(sniff(Buffer.from('hello'), 'notes.markdown', true).mimeType).toBe('text/markdown');
  expect(sniff(Buffer.from('hello'), 'notes', true).mimeType).toBe('text/plain');
  expectCode(() => sniff(html(), 'page.png', true), 'content_mismatch');
  expectCode(() => sniff(html(), 'page.html', true), 'unsupported_type');
  expectCode(() => sniff(Buffer.from('GIF89a....'), 'a.gif', true), 'unsupported_type');
  expectCode(
    () =>
      sniff(
        Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x42, 0x82, 0x88, ...Buffer.from('matroska')]),
        'a.webm',
        true,
      ),
    'unsupported_type',
  );
  expectCode(() => sniff(Buffer.alloc(0), 'a.txt', true), 'empty_file');
  // A multi-byte character cut by the sniff window is still text.
  expect(sniff(Buffer.from('héllo').subarray(0, 2), 'a.txt', false).kind).toBe('text');
});

describeEachDialect(
  'the import commands',
  (env) => {
    const cliEnv = () => ({ DATABASE_URL: env.deps.config.databaseUrl, GLOSS_MEDIA_DIR: mediaDir });

    it('imports a folder recursively as the system, reporting failed files and exiting 1', async () => {
      const ds = await env.admin.post('/api/v1/datasets', { name: uniqueName() });
      const dir = mkdtempSync(join(tmpdir(), 'gloss-import-'));
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'a.png'), await png());
      writeFileSync(join(dir, 'sub', 'b.jpg'), await jpeg());
      writeFileSync(join(dir, 'sub', 'broken.jpg'), await brokenJpeg());
      writeFileSync(join(dir, 'notes.md'), '# notes');
      writeFileSync(join(dir, '.DS_Store'), 'junk');
      // A file the import cannot read (a dangling link) fails on its own.
      symlinkSync(join(dir, 'gone.png'), join(dir, 'link.png'));
      const res = await gloss(['import-media', ds.body.id, dir], cliEnv());
      expect(res.code, res.stderr).toBe(1);
      expect(res.stdout).toContain('imported 3 of 5 files');
      expect(res.stderr).toContain('failed: sub/broken.jpg: broken_file');
      expect(res.stderr).toContain('failed: link.png: unreadable_file');
      const units = await env.admin.get(`/api/v1/datasets/${ds.body.id}/units`);
      expect(units.body.items.map((u: { title: string }) => u.title)).toEqual(['a.png', 'notes.md', 'b.jpg']);
      expect(units.body.items[0]).toMatchObject({ source: 'import', width: 32, height: 24 });
      const audit = await env.admin.get(`/api/v1/audit?targetId=${ds.body.id}&action=dataset.add_units`);
      expect(audit.body.items[0]).toMatchObject({
        actorKind: 'system',
        after: { source: 'import', count: 3 },
      });

      const clean = mkdtempSync(join(tmpdir(), 'gloss-import-'));
      writeFileSync(join(clean, 'ok.webp'), await webp());
      const ok = await gloss(['import-media', ds.body.id, clean], cliEnv());
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('imported 1 of 1 files');
    }, 120_000);

    it('registers JSON and CSV manifests, and refuses bad arguments', async () => {
      const ds = await env.admin.post('/api/v1/datasets', { name: uniqueName() });
      const dir = mkdtempSync(join(tmpdir(), 'gloss-manifest-'));
      writeFileSync(
        join(dir, 'm.json'),
        JSON.stringify({ items: [{ key: 'imports/a.jpg' }, { url: 'https://cdn.example.test/b.mp4' }] }),
      );
      writeFileSync(join(dir, 'm.csv'), 'key,url\nimports/c.png,\n,file:///etc/passwd\n');
      const json = await gloss(['import-manifest', ds.body.id, join(dir, 'm.json')], cliEnv());
      expect(json.code, json.stderr).toBe(0);
      expect(json.stdout).toContain('registered 2 of 2 items');
      const csv = await gloss(['import-manifest', ds.body.id, join(dir, 'm.csv')], cliEnv());
      expect(csv.code).toBe(1);
      expect(csv.stdout).toContain('registered 1 of 2 items');
      expect(csv.stderr).toContain('failed: item 1: url');
      expect((await env.admin.get(`/api/v1/datasets/${ds.body.id}`)).body.unitCount).toBe(3);

      const badId = await gloss(['import-manifest', 'nope', join(dir, 'm.json')], cliEnv());
      expect(badId.code).toBe(1);
      expect(badId.stderr).toContain('DATASET_ID');
      const missing = await gloss(['import-media', ds.body.id, join(dir, 'nowhere')], cliEnv());
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('does not exist');
    }, 120_000);
  },
  { GLOSS_MEDIA_DIR: mediaDir },
);

it('reads WebM and fragmented MP4 frame counts without decoding frames, and reports truncated files as broken', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-webm-'));
  writeFileSync(join(dir, 'long.webm'), webm(600, 320, 240, false));
  expect(await probeFile(join(dir, 'long.webm'), 'long.webm')).toMatchObject({
    width: 320,
    height: 240,
    durationMs: 24_000,
    frameCount: 600,
    fps: 25,
  });
  writeFileSync(join(dir, 'cut.webm'), webm(5).subarray(0, 70));
  await expect(probeFile(join(dir, 'cut.webm'), 'cut.webm')).rejects.toMatchObject({ code: 'broken_file' });
  // 3 MB of fragments: the samples are counted from every moof, the media data jumped over.
  writeFileSync(join(dir, 'long.mp4'), mp4(375, 64, 48, 8000));
  expect(await probeFile(join(dir, 'long.mp4'), 'long.mp4')).toMatchObject({
    durationMs: 15_000,
    frameCount: 375,
    fps: 25,
  });
  writeFileSync(join(dir, 'cut.mp4'), mp4(5).subarray(0, 40));
  await expect(probeFile(join(dir, 'cut.mp4'), 'cut.mp4')).rejects.toMatchObject({ code: 'broken_file' });
});

it('reports a JPEG turned by its EXIF orientation with the sides it is shown with', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-exif-'));
  const turned = await sharp({ create: { width: 60, height: 20, channels: 3, background: 'white' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
  writeFileSync(join(dir, 'portrait.jpg'), turned);
  const probed = await probeFile(join(dir, 'portrait.jpg'), 'portrait.jpg');
  expect([probed.width, probed.height]).toEqual([20, 60]);
  expect(await sharp(probed.thumbnail!).metadata()).toMatchObject({ width: 20, height: 60 });
});

describeEachDialect(
  'manifests restricted to key prefixes',
  (env) => {
    it('registers keys under an allowed prefix and refuses every other key, URLs unaffected', async () => {
      const member = await env.user('member');
      const ds = await member.post('/api/v1/datasets', { name: uniqueName() });
      const res = await member.post(`/api/v1/datasets/${ds.body.id}/manifest`, {
        items: [
          { key: 'team-a/cat.jpg' },
          { key: 'team-b/dog.jpg' },
          { kind: 'image_group', items: [{ key: 'imports/l.png' }, { key: 'elsewhere/r.png' }] },
          { url: 'https://cdn.example.test/a.jpg' },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body.created).toHaveLength(2);
      expect(res.body.failed.map((f: { index: number }) => f.index)).toEqual([1, 2]);
      expect(res.body.failed[0].message).toContain('team-a/, imports/');
    });
  },
  { GLOSS_MANIFEST_KEY_PREFIXES: 'team-a/, imports/' },
);
