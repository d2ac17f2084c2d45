import { beforeAll, expect, it } from 'vitest';
import {
  emptyOntology,
  newFeatureId,
  type ObjectFeature,
  type OntologyDocument,
  type Question,
} from '../src/core/ontology/index.ts';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect } from './helpers/env.ts';

// Ontologies over HTTP: who sees which, versions once projects pin one, features that pinned
// versions use, deletion while in use, export and import, and documents the format refuses.

const colour = (): Question => ({
  featureId: newFeatureId(),
  name: 'Colour',
  kind: 'radio',
  options: [
    { featureId: newFeatureId(), label: 'Red' },
    { featureId: newFeatureId(), label: 'Blue' },
  ],
});

const car = (): ObjectFeature => ({
  featureId: newFeatureId(),
  name: 'Car',
  shape: 'bounding_box',
  color: '#1f77b4',
  hotkey: 'c',
  attributes: [colour()],
});

const schemaWith = (objects: ObjectFeature[], classifications: Question[] = []): OntologyDocument => ({
  ...emptyOntology(),
  objects,
  classifications,
});

describeEachDialect('ontologies', (env) => {
  let member: Agent;
  let sharedUser: Agent;
  let groupMember: Agent;
  let outsider: Agent;
  let tasker: Agent;
  let groupId: string;

  beforeAll(async () => {
    member = await env.user('member');
    sharedUser = await env.user('member');
    groupMember = await env.user('tasker');
    outsider = await env.user('member');
    tasker = await env.user('tasker');
    const group = await env.admin.post('/api/v1/groups', { name: 'Ontology readers' });
    groupId = group.body.id;
    await env.admin.post(`/api/v1/groups/${groupId}/members`, { userIds: [groupMember.user!.id] });
  });

  const create = async (by: Agent, name: string, schema: OntologyDocument = schemaWith([car()])) => {
    const res = await by.post('/api/v1/ontologies', { name, description: 'for tests', schema });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  const save = (by: Agent, id: string, schema: OntologyDocument, revision: number) =>
    by.request('PUT', `/api/v1/ontologies/${id}/schema`, { schema, revision });

  const share = (id: string, principalType: 'user' | 'group', principalId: string, role: 'admin' | 'user') =>
    env.admin.request('PUT', `/api/v1/ontologies/${id}/access`, { principalType, principalId, role });

  const listed = async (by: Agent) =>
    ((await by.get('/api/v1/ontologies?limit=200')).body.items as { id: string }[]).map((o) => o.id);

  const pinInProject = async (ontologyId: string, ontologyVersion: number) => {
    const res = await env.admin.post('/api/v1/projects', {
      name: `Pins ${ontologyId.slice(-6)} v${ontologyVersion}`,
      ontologyId,
      ontologyVersion,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };

  it('creates an ontology at version 1 and makes its creator its Admin', async () => {
    const schema = schemaWith([car()]);
    const o = await create(member, 'Vehicles', schema);
    expect(o).toMatchObject({
      name: 'Vehicles',
      currentVersion: 1,
      projectCount: 0,
      myRole: 'admin',
      revision: 1,
    });
    expect(o.schema).toEqual(schema);
    expect(o.pinnedVersions).toEqual([]);
    const access = await member.get(`/api/v1/ontologies/${o.id}/access`);
    expect(access.body.items).toEqual([
      expect.objectContaining({ principalType: 'user', principalId: member.user!.id, role: 'admin' }),
    ]);
  });

  it('shows each role only the ontologies shared with it; workspace Admins see all', async () => {
    const o = await create(member, 'Shared around');
    await share(o.id, 'user', sharedUser.user!.id, 'user');
    await share(o.id, 'group', groupId, 'user');

    expect(await listed(env.admin)).toContain(o.id);
    expect(await listed(member)).toContain(o.id);
    expect(await listed(sharedUser)).toContain(o.id);
    expect(await listed(groupMember)).toContain(o.id);
    expect(await listed(outsider)).not.toContain(o.id);
    expect(await listed(tasker)).not.toContain(o.id);

    expect((await env.admin.get(`/api/v1/ontologies/${o.id}`)).body.myRole).toBe('admin');
    expect((await sharedUser.get(`/api/v1/ontologies/${o.id}`)).body.myRole).toBe('user');
    expect((await groupMember.get(`/api/v1/ontologies/${o.id}`)).status).toBe(200);
    for (const who of [outsider, tasker]) {
      for (const url of ['', '/versions', '/versions/1', '/export', '/access']) {
        const res = await who.get(`/api/v1/ontologies/${o.id}${url}`);
        expect(res.status, url).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
    }
    // Users read and export, only Admins change.
    expect((await sharedUser.get(`/api/v1/ontologies/${o.id}/export`)).status).toBe(200);
    expect((await save(sharedUser, o.id, emptyOntology(), o.revision)).status).toBe(403);
    expect((await sharedUser.delete(`/api/v1/ontologies/${o.id}`)).status).toBe(403);
    expect(
      (await sharedUser.patch(`/api/v1/ontologies/${o.id}`, { name: 'x', revision: o.revision })).status,
    ).toBe(403);
    // Sharing as Admin lets them edit.
    await share(o.id, 'user', sharedUser.user!.id, 'admin');
    expect(
      (await sharedUser.patch(`/api/v1/ontologies/${o.id}`, { name: 'Renamed', revision: o.revision }))
        .status,
    ).toBe(200);
    // Leaving the group takes the access away at once.
    await env.admin.delete(`/api/v1/groups/${groupId}/members/${groupMember.user!.id}`);
    expect((await groupMember.get(`/api/v1/ontologies/${o.id}`)).status).toBe(403);
    await env.admin.post(`/api/v1/groups/${groupId}/members`, { userIds: [groupMember.user!.id] });
  });

  it('lets Taskers create nothing and searches by name', async () => {
    expect((await tasker.post('/api/v1/ontologies', { name: 'No', schema: emptyOntology() })).status).toBe(
      403,
    );
    const o = await create(member, 'Zebra crossings');
    const found = await member.get('/api/v1/ontologies?q=zebra');
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([o.id]);
  });

  it('pages through the list by name with cursors', async () => {
    const agent = await env.user('member');
    for (const name of ['b one', 'A two', 'c three']) await create(agent, name);
    const first = await agent.get('/api/v1/ontologies?limit=2');
    expect(first.body.items.map((i: { name: string }) => i.name)).toEqual(['A two', 'b one']);
    const second = await agent.get(`/api/v1/ontologies?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i: { name: string }) => i.name)).toEqual(['c three']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('replaces the current version in place until a project pins it, then saves new versions', async () => {
    const first = schemaWith([car()]);
    const o = await create(env.admin, 'Versioned', first);

    const edited = schemaWith([{ ...first.objects[0]!, name: 'Automobile' }]);
    const inPlace = await save(env.admin, o.id, edited, o.revision);
    expect(inPlace.status, JSON.stringify(inPlace.body)).toBe(200);
    expect(inPlace.body).toMatchObject({ currentVersion: 1, revision: 2 });
    expect((await env.admin.get(`/api/v1/ontologies/${o.id}/versions`)).body.items).toHaveLength(1);

    const projectId = await pinInProject(o.id, 1);
    const again = schemaWith([...edited.objects, { ...car(), name: 'Truck', hotkey: 't' }]);
    const v2 = await save(env.admin, o.id, again, 2);
    expect(v2.status, JSON.stringify(v2.body)).toBe(200);
    expect(v2.body).toMatchObject({ currentVersion: 2, revision: 3, pinnedVersions: [1], projectCount: 1 });

    // The project keeps version 1, whose schema is unchanged.
    expect((await env.admin.get(`/api/v1/projects/${projectId}`)).body.ontology).toMatchObject({
      id: o.id,
      version: 1,
    });
    expect((await env.admin.get(`/api/v1/ontologies/${o.id}/versions/1`)).body.schema).toEqual(edited);
    expect((await env.admin.get(`/api/v1/ontologies/${o.id}/versions/2`)).body.schema).toEqual(again);
    const versions = await env.admin.get(`/api/v1/ontologies/${o.id}/versions`);
    expect(
      versions.body.items.map((v: { version: number; projectCount: number }) => [v.version, v.projectCount]),
    ).toEqual([
      [2, 0],
      [1, 1],
    ]);

    // Version 2 is not pinned: it is edited in place again.
    const v2b = await save(env.admin, o.id, schemaWith(again.objects, [colour()]), 3);
    expect(v2b.body).toMatchObject({ currentVersion: 2, revision: 4 });
    // Saving the same schema changes nothing.
    const same = await save(env.admin, o.id, v2b.body.schema, 4);
    expect(same.body).toMatchObject({ currentVersion: 2, revision: 4 });
    expect((await env.admin.get(`/api/v1/ontologies/${o.id}/versions/3`)).status).toBe(404);
  });

  it('lets the members of a project read the version it pins, and nothing else of the ontology', async () => {
    const o = await create(env.admin, 'Pinned for a crew');
    const projectId = await pinInProject(o.id, 1);
    await save(env.admin, o.id, schemaWith([car(), { ...car(), name: 'Van', hotkey: 'v' }]), o.revision);
    const annotator = await env.user('tasker');
    const added = await env.admin.request('PUT', `/api/v1/projects/${projectId}/members`, {
      principalType: 'user',
      principalId: annotator.user!.id,
      role: 'annotator',
    });
    expect(added.status, JSON.stringify(added.body)).toBeLessThan(300);
    const pinned = await annotator.get(`/api/v1/ontologies/${o.id}/versions/1`);
    expect(pinned.status, JSON.stringify(pinned.body)).toBe(200);
    expect(pinned.body.schema).toEqual(o.schema);
    expect((await annotator.get(`/api/v1/ontologies/${o.id}/versions/2`)).status).toBe(403);
    expect((await annotator.get(`/api/v1/ontologies/${o.id}`)).status).toBe(403);
    expect(await listed(annotator)).not.toContain(o.id);
    expect((await outsider.get(`/api/v1/ontologies/${o.id}/versions/1`)).status).toBe(403);
  });

  it('refuses a stale revision with 409 revision_conflict', async () => {
    const o = await create(env.admin, 'Contested');
    expect((await save(env.admin, o.id, emptyOntology(), o.revision)).status).toBe(200);
    const stale = await save(env.admin, o.id, schemaWith([car()]), o.revision);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'revision_conflict', field: 'revision' });
  });

  it('refuses to remove a feature a pinned version has, unless it is kept archived', async () => {
    const vehicle = car();
    const o = await create(env.admin, 'Guarded', schemaWith([vehicle]));
    await pinInProject(o.id, 1);

    const removed = await save(env.admin, o.id, emptyOntology(), o.revision);
    expect(removed.status).toBe(409);
    expect(removed.body.error.code).toBe('feature_in_use');
    const attribute = vehicle.attributes[0]!;
    expect(removed.body.error.details.featureIds).toEqual([
      vehicle.featureId,
      attribute.featureId,
      ...attribute.options!.map((op) => op.featureId),
    ]);
    expect(removed.body.error.message).toContain('Car');

    // Dropping only one option is refused too.
    const fewer = schemaWith([
      { ...vehicle, attributes: [{ ...attribute, options: attribute.options!.slice(0, 1) }] },
    ]);
    const one = await save(env.admin, o.id, fewer, o.revision);
    expect(one.body.error.details.featureIds).toEqual([attribute.options![1]!.featureId]);

    const archived = await save(env.admin, o.id, schemaWith([{ ...vehicle, archived: true }]), o.revision);
    expect(archived.status, JSON.stringify(archived.body)).toBe(200);
    expect(archived.body.currentVersion).toBe(2);
    expect(archived.body.schema.objects[0].archived).toBe(true);

    // Features added after the pinned version are free to go.
    const extra = { ...car(), name: 'Bike', hotkey: 'b' };
    const added = await save(env.admin, o.id, schemaWith([{ ...vehicle, archived: true }, extra]), 2);
    expect(added.body.currentVersion).toBe(2);
    const dropped = await save(env.admin, o.id, schemaWith([{ ...vehicle, archived: true }]), 3);
    expect(dropped.status).toBe(200);
  });

  it('refuses to delete an ontology a project uses, and deletes it once none does', async () => {
    const o = await create(env.admin, 'In use');
    const projectId = await pinInProject(o.id, 1);
    const refused = await env.admin.delete(`/api/v1/ontologies/${o.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ontology_in_use');
    expect((await env.admin.delete(`/api/v1/projects/${projectId}`)).status).toBe(200);
    expect((await env.admin.delete(`/api/v1/ontologies/${o.id}`)).status).toBe(200);
    expect((await env.admin.get(`/api/v1/ontologies/${o.id}`)).status).toBe(404);
  });

  it('exports an ontology as a file that imports as a new, equal ontology', async () => {
    const schema = schemaWith(
      [
        car(),
        {
          ...car(),
          name: 'Person',
          hotkey: 'p',
          shape: 'keypoint_skeleton',
          skeleton: { points: [{ id: 'h', name: 'Head' }], edges: [] },
        },
      ],
      [colour()],
    );
    const o = await create(member, 'Exported', schema);
    const file = await member.get(`/api/v1/ontologies/${o.id}/export`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-disposition'])).toBe('attachment; filename="Exported.ontology.json"');
    expect(file.body).toEqual({
      gloss: 'ontology',
      formatVersion: 1,
      name: 'Exported',
      description: 'for tests',
      schema,
    });

    const imported = await member.post('/api/v1/ontologies/import', file.body);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.id).not.toBe(o.id);
    expect(imported.body).toMatchObject({
      name: 'Exported',
      description: 'for tests',
      currentVersion: 1,
      myRole: 'admin',
    });
    expect(imported.body.schema).toEqual(schema);
    const again = await member.get(`/api/v1/ontologies/${imported.body.id}/export`);
    expect(again.body).toEqual(file.body);

    const future = await member.post('/api/v1/ontologies/import', {
      ...file.body,
      schema: { ...schema, formatVersion: 99 },
    });
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({ code: 'invalid_ontology', field: 'schema.formatVersion' });
    const broken = await member.post('/api/v1/ontologies/import', {
      ...file.body,
      schema: { ...schema, classifications: [{ ...colour(), options: [] }] },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.field).toBe('schema.classifications[0].options');
  });

  it('refuses invalid schemas with 400, naming the path', async () => {
    const emptyOptions = schemaWith([
      car(),
      { ...car(), name: 'Bus', hotkey: 'b', attributes: [{ ...colour(), options: [] }] },
    ]);
    const res = await member.post('/api/v1/ontologies', { name: 'Bad', schema: emptyOptions });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'invalid_ontology',
      field: 'schema.objects[1].attributes[0].options',
      message: 'schema.objects[1].attributes[0].options: must have at least one option',
    });
    expect(res.body.error.details.issues).toEqual([
      { path: 'objects[1].attributes[0].options', message: 'must have at least one option' },
    ]);

    const twice = car();
    const duplicate = await member.post('/api/v1/ontologies', {
      name: 'Bad',
      schema: schemaWith([twice, { ...twice, name: 'Other', hotkey: 'o' }]),
    });
    expect(duplicate.body.error.field).toBe('schema.objects[1].featureId');

    const colourless = await member.post('/api/v1/ontologies', {
      name: 'Bad',
      schema: schemaWith([{ ...car(), color: 'red' }]),
    });
    expect(colourless.status).toBe(400);
    expect(colourless.body.error).toMatchObject({ code: 'invalid_request', field: 'schema.objects.0.color' });

    const o = await create(member, 'Fine');
    const update = await save(member, o.id, schemaWith([car(), car()]), o.revision);
    expect(update.status).toBe(400);
    expect(update.body.error.field).toBe('schema.objects[1].name');
    expect((await member.get(`/api/v1/ontologies/${o.id}`)).body.revision).toBe(o.revision);
  });

  it('shares with users and groups, keeps one Admin, and audits every change', async () => {
    const o = await create(member, 'Audited');
    const shared = await member.request('PUT', `/api/v1/ontologies/${o.id}/access`, {
      principalType: 'user',
      principalId: sharedUser.user!.id,
      role: 'user',
    });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect(shared.body.items).toHaveLength(2);
    const last = await member.delete(`/api/v1/ontologies/${o.id}/access/user/${member.user!.id}`);
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('last_admin');
    const demote = await member.request('PUT', `/api/v1/ontologies/${o.id}/access`, {
      principalType: 'user',
      principalId: member.user!.id,
      role: 'user',
    });
    expect(demote.body.error.code).toBe('last_admin');
    expect(
      (await member.delete(`/api/v1/ontologies/${o.id}/access/user/${sharedUser.user!.id}`)).status,
    ).toBe(200);
    expect((await sharedUser.get(`/api/v1/ontologies/${o.id}`)).status).toBe(403);

    await save(member, o.id, emptyOntology(), o.revision);
    await member.patch(`/api/v1/ontologies/${o.id}`, { description: 'changed', revision: o.revision + 1 });
    await member.delete(`/api/v1/ontologies/${o.id}`);
    const audit = await env.admin.get(`/api/v1/audit?targetId=${o.id}&limit=50`);
    // The fake clock stands still, so entries are compared as a set.
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'ontology.create',
      'ontology.delete',
      'ontology.share',
      'ontology.share',
      'ontology.unshare',
      'ontology.update',
      'ontology.update_schema',
    ]);
    const schemaEntry = audit.body.items.find(
      (e: { action: string }) => e.action === 'ontology.update_schema',
    );
    expect(schemaEntry.before).toMatchObject({ version: 1 });
    expect(schemaEntry.after).toMatchObject({ version: 1, newVersion: false, schema: emptyOntology() });
  });
});
