import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectRole, ProjectStatus } from '../src/core/roles.ts';
import { newId, nowIso } from '../src/server/db/ids.ts';
import type { DataUnitKind } from '../src/server/db/schema.ts';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect, type TestEnv, uniqueEmail } from './helpers/env.ts';
import { startTestS3, type TestS3 } from './helpers/s3.ts';

// Who may fetch a data unit's media, and how it is served: streamed with ranges from the local
// disk, redirected to a presigned URL on S3, redirected to the URL a unit was registered with.

// ---- fixtures written straight into the tables --------------------------------------------
// The datasets module (uploads, manifests, sharing routes) is being built alongside this one,
// so datasets and units are inserted with Kysely here and their bytes written with
// deps.storage.put, exactly where an upload would put them. Projects go through the API.

interface UnitSpec {
  kind: DataUnitKind;
  mime?: string;
  body?: string;
  thumbnail?: string;
  externalUrl?: string;
  items?: { body: string; mime: string; thumbnail?: string }[];
}

async function mediaFixtureDataset(
  env: TestEnv,
  sharedWith: { userId: string; role: 'admin' | 'user' }[] = [],
) {
  const now = env.clock.now;
  const id = newId(now);
  await env.deps.db
    .insertInto('datasets')
    .values({
      id,
      name: `Media fixture ${uniqueEmail()}`,
      description: '',
      created_by: null,
      created_at: nowIso(now),
      updated_at: nowIso(now),
      revision: 1,
    })
    .execute();
  for (const s of sharedWith) {
    await env.deps.db
      .insertInto('dataset_access')
      .values({
        dataset_id: id,
        principal_type: 'user',
        principal_id: s.userId,
        role: s.role,
        added_at: nowIso(now),
        added_by: null,
      })
      .execute();
  }
  return id;
}

async function mediaFixtureUnit(env: TestEnv, datasetId: string, spec: UnitSpec) {
  const now = env.clock.now;
  const id = newId(now);
  const base = `datasets/${datasetId}/${id}`;
  const storageKey = spec.body === undefined ? null : `${base}/original`;
  const thumbnailKey = spec.thumbnail === undefined ? null : `${base}/thumbnail.webp`;
  if (storageKey)
    await env.deps.storage.put(storageKey, Buffer.from(spec.body!), spec.mime ?? 'application/octet-stream');
  if (thumbnailKey) await env.deps.storage.put(thumbnailKey, Buffer.from(spec.thumbnail!), 'image/webp');
  await env.deps.db
    .insertInto('data_units')
    .values({
      id,
      dataset_id: datasetId,
      kind: spec.kind,
      title: `${spec.kind} unit`,
      source: spec.externalUrl ? 'manifest' : 'upload',
      storage_key: storageKey,
      external_url: spec.externalUrl ?? null,
      mime_type: spec.mime ?? null,
      size_bytes: spec.body?.length ?? null,
      thumbnail_key: thumbnailKey,
      metadata: '{}',
      created_at: nowIso(now),
      updated_at: nowIso(now),
      revision: 1,
    })
    .execute();
  for (const [position, item] of (spec.items ?? []).entries()) {
    const key = `${base}/items/${position}`;
    await env.deps.storage.put(key, Buffer.from(item.body), item.mime);
    const thumb = item.thumbnail === undefined ? null : `${key}-thumbnail.webp`;
    if (thumb) await env.deps.storage.put(thumb, Buffer.from(item.thumbnail!), 'image/webp');
    await env.deps.db
      .insertInto('data_unit_items')
      .values({
        unit_id: id,
        position,
        storage_key: key,
        external_url: null,
        mime_type: item.mime,
        size_bytes: item.body.length,
        width: null,
        height: null,
        thumbnail_key: thumb,
      })
      .execute();
  }
  return id;
}

// ---- projects, through the API --------------------------------------------------------------

async function projectWith(
  env: TestEnv,
  datasetId: string,
  members: { principalType: 'user' | 'group'; principalId: string; role: ProjectRole }[],
) {
  const res = await env.admin.post('/api/v1/projects', {
    name: `Media project ${uniqueEmail()}`,
    datasetIds: [datasetId],
    members,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function setStatus(env: TestEnv, projectId: string, status: ProjectStatus) {
  const { revision } = (await env.admin.get(`/api/v1/projects/${projectId}`)).body;
  const res = await env.admin.request('PUT', `/api/v1/projects/${projectId}/status`, {
    status,
    reason: `media test: ${status}`,
    revision,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const fileOf = (unitId: string) => `/api/v1/data-units/${unitId}/file`;

const VIDEO = Array.from({ length: 200 }, (_, i) => `frame${String(i).padStart(4, '0')}|`).join('');

// ---- local storage ---------------------------------------------------------------------------

describeEachDialect('media of data units', (env) => {
  const units = {} as Record<'image' | 'video' | 'text' | 'group' | 'external' | 'bare', string>;
  const as = {} as Record<
    | 'datasetAdmin'
    | 'datasetUser'
    | 'outsiderMember'
    | 'outsiderTasker'
    | 'annotator'
    | 'groupReviewer'
    | 'teamManager'
    | 'workspaceAdmin',
    Agent
  >;
  let datasetId: string;
  let projectId: string;

  beforeAll(async () => {
    Object.assign(as, {
      datasetAdmin: await env.user('member'),
      datasetUser: await env.user('tasker'),
      outsiderMember: await env.user('member'),
      outsiderTasker: await env.user('tasker'),
      annotator: await env.user('tasker'),
      groupReviewer: await env.user('tasker'),
      teamManager: await env.user('member'),
      workspaceAdmin: await env.user('admin'),
    });
    datasetId = await mediaFixtureDataset(env, [
      { userId: as.datasetAdmin.user!.id, role: 'admin' },
      { userId: as.datasetUser.user!.id, role: 'user' },
    ]);
    units.image = await mediaFixtureUnit(env, datasetId, {
      kind: 'image',
      mime: 'image/png',
      body: 'PNG-BYTES-OF-AN-IMAGE',
      thumbnail: 'WEBP-THUMB',
    });
    units.video = await mediaFixtureUnit(env, datasetId, { kind: 'video', mime: 'video/mp4', body: VIDEO });
    units.text = await mediaFixtureUnit(env, datasetId, {
      kind: 'text',
      mime: 'text/html',
      body: '<script>alert("owned")</script>',
    });
    units.group = await mediaFixtureUnit(env, datasetId, {
      kind: 'image_group',
      items: [
        { body: 'first image', mime: 'image/jpeg', thumbnail: 'first thumb' },
        { body: 'second image', mime: 'image/svg+xml' },
      ],
    });
    units.external = await mediaFixtureUnit(env, datasetId, {
      kind: 'image',
      externalUrl: 'https://cdn.example.test/photos/one.jpg?v=2',
    });
    units.bare = await mediaFixtureUnit(env, datasetId, { kind: 'image' });

    const group = await env.admin.post('/api/v1/groups', { name: `Media reviewers ${uniqueEmail()}` });
    await env.admin.post(`/api/v1/groups/${group.body.id}/members`, { userIds: [as.groupReviewer.user!.id] });
    projectId = await projectWith(env, datasetId, [
      { principalType: 'user', principalId: as.annotator.user!.id, role: 'annotator' },
      { principalType: 'group', principalId: group.body.id, role: 'reviewer' },
      { principalType: 'user', principalId: as.teamManager.user!.id, role: 'team_manager' },
    ]);
    await setStatus(env, projectId, 'in_progress');
  });

  describe('streaming from the local disk', () => {
    it('streams a file with its type, length, validators and media headers', async () => {
      const res = await as.datasetUser.get(fileOf(units.image));
      expect(res.status).toBe(200);
      expect(res.body).toBe('PNG-BYTES-OF-AN-IMAGE');
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-length']).toBe('21');
      expect(res.headers['accept-ranges']).toBe('bytes');
      expect(res.headers['cache-control']).toBe('private, max-age=300');
      expect(res.headers['content-disposition']).toBe('inline');
      expect(res.headers['content-security-policy']).toBe('sandbox');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers.etag).toMatch(/^W\/".+"$/);
      expect(new Date(String(res.headers['last-modified'])).getTime()).not.toBeNaN();
    });

    it('serves text as plain text whatever type it was stored with, so it never runs as a page', async () => {
      const res = await as.datasetUser.get(fileOf(units.text));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.headers['content-security-policy']).toBe('sandbox');
      expect(res.body).toBe('<script>alert("owned")</script>');
    });

    it('answers a Range request with 206 and exactly those bytes', async () => {
      const res = await as.datasetUser.request('GET', fileOf(units.video), undefined, {
        range: 'bytes=10-29',
      });
      expect(res.status).toBe(206);
      expect(res.body).toBe(VIDEO.slice(10, 30));
      expect(res.headers['content-range']).toBe(`bytes 10-29/${VIDEO.length}`);
      expect(res.headers['content-length']).toBe('20');
      expect(res.headers['content-type']).toBe('video/mp4');
      expect(res.headers['cache-control']).toBe('private, max-age=300');
    });

    it('answers open-ended and suffix ranges, clamping an end past the file', async () => {
      const tail = await as.datasetUser.request('GET', fileOf(units.video), undefined, {
        range: `bytes=${VIDEO.length - 5}-`,
      });
      expect(tail.status).toBe(206);
      expect(tail.body).toBe(VIDEO.slice(-5));
      const suffix = await as.datasetUser.request('GET', fileOf(units.video), undefined, {
        range: 'bytes=-10',
      });
      expect(suffix.status).toBe(206);
      expect(suffix.body).toBe(VIDEO.slice(-10));
      expect(suffix.headers['content-range']).toBe(
        `bytes ${VIDEO.length - 10}-${VIDEO.length - 1}/${VIDEO.length}`,
      );
      const past = await as.datasetUser.request('GET', fileOf(units.video), undefined, {
        range: 'bytes=0-99999999',
      });
      expect(past.status).toBe(206);
      expect(past.body).toBe(VIDEO);
      const first = await as.datasetUser.request('GET', fileOf(units.video), undefined, {
        range: 'bytes=0-0',
      });
      expect(first.body).toBe('f');
    });

    it('refuses a range that starts past the end with 416 and the real size', async () => {
      const res = await as.datasetUser.request('GET', fileOf(units.video), undefined, {
        range: `bytes=${VIDEO.length}-`,
      });
      expect(res.status).toBe(416);
      expect(res.body.error.code).toBe('range_not_satisfiable');
      expect(res.headers['content-range']).toBe(`bytes */${VIDEO.length}`);
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('sends the whole file for ranges it does not serve (several, other units, malformed)', async () => {
      for (const range of ['bytes=0-1,5-6', 'items=0-4', 'bytes=5-2', 'bytes=abc']) {
        const res = await as.datasetUser.request('GET', fileOf(units.video), undefined, { range });
        expect(res.status, range).toBe(200);
        expect(res.body, range).toBe(VIDEO);
      }
    });

    it('ignores the Range when If-Range names another version', async () => {
      const res = await as.datasetUser.request('GET', fileOf(units.video), undefined, {
        range: 'bytes=0-3',
        'if-range': 'Wed, 21 Oct 2015 07:28:00 GMT',
      });
      expect(res.status).toBe(200);
      expect(res.body).toBe(VIDEO);
    });

    it('answers HEAD with the headers of the file and no body', async () => {
      const res = await env.app.inject({
        method: 'HEAD',
        url: fileOf(units.video),
        headers: { cookie: as.datasetUser.cookie! },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-length']).toBe(String(VIDEO.length));
      expect(res.headers['accept-ranges']).toBe('bytes');
      expect(res.body).toBe('');
    });

    it('answers 304 when the browser already holds this version', async () => {
      const first = await as.datasetUser.get(fileOf(units.image));
      const res = await as.datasetUser.request('GET', fileOf(units.image), undefined, {
        'if-none-match': String(first.headers.etag),
      });
      expect(res.status).toBe(304);
      expect(res.body).toBe('');
      expect(res.headers.etag).toBe(first.headers.etag);
      expect(res.headers['cache-control']).toBe('private, max-age=300');
    });

    it('serves thumbnails, and the files and thumbnails of an image group by position', async () => {
      const thumb = await as.datasetUser.get(`/api/v1/data-units/${units.image}/thumbnail`);
      expect([thumb.status, thumb.body, thumb.headers['content-type']]).toEqual([
        200,
        'WEBP-THUMB',
        'image/webp',
      ]);
      const first = await as.datasetUser.get(`/api/v1/data-units/${units.group}/items/0/file`);
      expect([first.status, first.body, first.headers['content-type']]).toEqual([
        200,
        'first image',
        'image/jpeg',
      ]);
      const firstThumb = await as.datasetUser.get(`/api/v1/data-units/${units.group}/items/0/thumbnail`);
      expect([firstThumb.status, firstThumb.body]).toEqual([200, 'first thumb']);
      const second = await as.datasetUser.request(
        'GET',
        `/api/v1/data-units/${units.group}/items/1/file`,
        undefined,
        { range: 'bytes=7-11' },
      );
      expect([second.status, second.body, second.headers['content-security-policy']]).toEqual([
        206,
        'image',
        'sandbox',
      ]);
    });

    it('says 404 for what is not there: a unit, an item, a group file, a thumbnail', async () => {
      const cases = [
        fileOf(newId()),
        `/api/v1/data-units/${newId()}/items/0/file`,
        `/api/v1/data-units/${units.group}/items/7/file`,
        `/api/v1/data-units/${units.group}/items/1/thumbnail`,
        fileOf(units.group),
        fileOf(units.bare),
        `/api/v1/data-units/${units.video}/thumbnail`,
      ];
      for (const url of cases) {
        const res = await as.datasetUser.get(url);
        expect(res.status, url).toBe(404);
        expect(res.body.error.code, url).toBe('not_found');
        expect(res.headers['cache-control'], url).toBe('no-store');
      }
    });

    it('says 404 when the row is there but the stored object is gone', async () => {
      const id = await mediaFixtureUnit(env, datasetId, {
        kind: 'image',
        mime: 'image/png',
        body: 'soon gone',
      });
      await env.deps.storage.delete(`datasets/${datasetId}/${id}/original`);
      const res = await as.datasetUser.get(fileOf(id));
      expect(res.status).toBe(404);
    });

    it('refuses malformed ids and positions with 400 naming the parameter', async () => {
      for (const [url, field] of [
        ['/api/v1/data-units/not-an-id/file', 'id'],
        [`/api/v1/data-units/${units.group}/items/-1/file`, 'position'],
        [`/api/v1/data-units/${units.group}/items/1.5/thumbnail`, 'position'],
      ] as const) {
        const res = await as.datasetUser.get(url);
        expect(res.status, url).toBe(400);
        expect(res.body.error.field, url).toBe(field);
      }
    });

    it('asks whoever is not signed in to sign in', async () => {
      const res = await env.agent().get(fileOf(units.image));
      expect(res.status).toBe(401);
    });
  });

  describe('units registered by URL', () => {
    it('redirects authorised readers to the URL the unit was registered with', async () => {
      const res = await as.datasetUser.get(fileOf(units.external));
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('https://cdn.example.test/photos/one.jpg?v=2');
      expect(res.headers['cache-control']).toBe('private, max-age=300');
    });

    it('refuses outsiders before saying where the file is', async () => {
      const res = await as.outsiderMember.get(fileOf(units.external));
      expect(res.status).toBe(403);
      expect(res.headers.location).toBeUndefined();
    });
  });

  describe('who may read', () => {
    const everyUrl = () => [
      fileOf(units.image),
      `/api/v1/data-units/${units.image}/thumbnail`,
      `/api/v1/data-units/${units.group}/items/0/file`,
      `/api/v1/data-units/${units.group}/items/0/thumbnail`,
    ];

    const expectReads = async (agent: Agent, label: string) => {
      for (const url of everyUrl()) {
        const res = await agent.get(url);
        expect(res.status, `${label} ${url} ${JSON.stringify(res.body)}`).toBe(200);
      }
    };
    const expectRefused = async (agent: Agent, code: string, label: string) => {
      for (const url of everyUrl()) {
        const res = await agent.get(url);
        expect(res.status, `${label} ${url}`).toBe(403);
        expect(res.body.error.code, `${label} ${url}`).toBe(code);
        expect(res.headers['cache-control'], url).toBe('no-store');
      }
    };

    it("lets the dataset's Admins and Users read", async () => {
      await expectReads(as.datasetAdmin, 'dataset admin');
      await expectReads(as.datasetUser, 'dataset user');
    });

    it('lets workspace Admins read everything', async () => {
      await expectReads(as.workspaceAdmin, 'workspace admin');
      await expectReads(env.admin, 'first admin');
    });

    it('refuses Members and Taskers holding no role on the dataset or a project using it', async () => {
      await expectRefused(as.outsiderMember, 'forbidden', 'outsider member');
      await expectRefused(as.outsiderTasker, 'forbidden', 'outsider tasker');
    });

    it("refuses a project's collaborators once the dataset is detached from it", async () => {
      const other = await mediaFixtureDataset(env);
      const unit = await mediaFixtureUnit(env, other, {
        kind: 'image',
        mime: 'image/png',
        body: 'elsewhere',
      });
      const res = await as.annotator.get(fileOf(unit));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    });

    it('lets Annotators and Reviewers (directly or through a group) read only while the project is In progress', async () => {
      const refusals: [ProjectStatus, string][] = [
        ['not_started', 'project_not_active'],
        ['paused', 'project_not_active'],
        ['completed', 'project_not_active'],
        ['cancelled', 'project_not_active'],
        ['archived', 'project_archived'],
      ];
      try {
        await expectReads(as.annotator, 'annotator, in progress');
        await expectReads(as.groupReviewer, 'group reviewer, in progress');
        for (const [status, code] of refusals) {
          await setStatus(env, projectId, status);
          await expectRefused(as.annotator, code, `annotator, ${status}`);
          await expectRefused(as.groupReviewer, code, `group reviewer, ${status}`);
          const res = await as.annotator.get(fileOf(units.image));
          expect(res.body.error.details).toEqual({ status });
          // Reading through the dataset does not depend on any project's status.
          await expectReads(as.datasetUser, `dataset user, project ${status}`);
        }
      } finally {
        await setStatus(env, projectId, 'in_progress');
      }
    });

    it('lets Team Managers read whatever the status, archived included', async () => {
      try {
        for (const status of [
          'not_started',
          'paused',
          'completed',
          'cancelled',
          'archived',
          'in_progress',
        ] as const) {
          await setStatus(env, projectId, status);
          await expectReads(as.teamManager, `team manager, ${status}`);
        }
      } finally {
        await setStatus(env, projectId, 'in_progress');
      }
    });

    it('lets an Annotator read when any one project using the dataset is In progress', async () => {
      const second = await projectWith(env, datasetId, [
        { principalType: 'user', principalId: as.outsiderTasker.user!.id, role: 'annotator' },
      ]);
      const third = await projectWith(env, datasetId, [
        { principalType: 'user', principalId: as.outsiderTasker.user!.id, role: 'annotator_reviewer' },
      ]);
      await setStatus(env, second, 'archived');
      await expectRefused(as.outsiderTasker, 'project_not_active', 'annotator of archived and not started');
      await setStatus(env, third, 'in_progress');
      await expectReads(as.outsiderTasker, 'annotator of an in-progress project');
      await setStatus(env, third, 'paused');
      await setStatus(env, second, 'in_progress');
      await setStatus(env, second, 'completed');
      for (const p of [second, third]) {
        const res = await env.admin.delete(
          `/api/v1/projects/${p}/members/user/${as.outsiderTasker.user!.id}`,
        );
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
      await expectRefused(as.outsiderTasker, 'forbidden', 'no longer a collaborator');
    });
  });
});

// ---- S3 storage ------------------------------------------------------------------------------

// The server's S3 settings must exist when the app is built, so the S3 server starts first and
// fills these in (describeEachDialect passes this same object on to each environment).
const s3Settings: Record<string, string> = {};
let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3('gloss-media');
  Object.assign(s3Settings, s3.env);
});
afterAll(async () => s3?.close());

describeEachDialect(
  'media of data units on S3',
  (env) => {
    let reader: Agent;
    let outsider: Agent;
    let unitId: string;

    beforeAll(async () => {
      reader = await env.user('member');
      outsider = await env.user('tasker');
      const datasetId = await mediaFixtureDataset(env, [{ userId: reader.user!.id, role: 'user' }]);
      unitId = await mediaFixtureUnit(env, datasetId, {
        kind: 'video',
        mime: 'video/mp4',
        body: VIDEO,
        thumbnail: 'S3 THUMB',
      });
    });

    it('uses the S3 backend', () => {
      expect(env.deps.storage.backend).toBe('s3');
    });

    it('redirects to a presigned URL, valid five minutes, that plain fetch() downloads', async () => {
      const res = await reader.get(fileOf(unitId));
      expect(res.status).toBe(302);
      const location = String(res.headers.location);
      expect(location.startsWith(`${s3.endpoint}/${s3.bucket}/media/datasets/`)).toBe(true);
      expect(new URL(location).searchParams.get('X-Amz-Expires')).toBe('300');
      expect(res.headers['cache-control']).toBe('private, max-age=240');
      const file = await fetch(location);
      expect(file.status).toBe(200);
      expect(await file.text()).toBe(VIDEO);
      const ranged = await fetch(location, { headers: { range: 'bytes=10-29' } });
      expect(ranged.status).toBe(206);
      expect(await ranged.text()).toBe(VIDEO.slice(10, 30));
    });

    it('redirects thumbnails the same way', async () => {
      const res = await reader.get(`/api/v1/data-units/${unitId}/thumbnail`);
      expect(res.status).toBe(302);
      expect(await (await fetch(String(res.headers.location))).text()).toBe('S3 THUMB');
    });

    it('refuses outsiders without a URL', async () => {
      const res = await outsider.get(fileOf(unitId));
      expect(res.status).toBe(403);
      expect(res.headers.location).toBeUndefined();
    });
  },
  s3Settings,
);
