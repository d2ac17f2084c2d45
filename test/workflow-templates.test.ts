import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, builtInWorkflow, validateWorkflow } from '../src/core/workflow/index.ts';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect } from './helpers/env.ts';

const uniqueName = (prefix = 'Template') => `${prefix} ${randomBytes(4).toString('hex')}`;
const annotateReview = () => builtInWorkflow('annotate_review')!;

describeEachDialect('workflow templates', (env) => {
  const as = {} as { member: Agent; workforceManager: Agent; tasker: Agent };
  beforeAll(async () => {
    as.member = await env.user('member');
    as.workforceManager = await env.user('workforce_manager');
    as.tasker = await env.user('tasker');
  });

  async function createTemplate(by: Agent, name = uniqueName(), definition: unknown = annotateReview()) {
    const res = await by.post('/api/v1/workflow-templates', { name, definition });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  async function auditActions(targetId: string): Promise<string[]> {
    const res = await env.admin.get(`/api/v1/audit?targetId=${targetId}&limit=200`);
    expect(res.status).toBe(200);
    return res.body.items.map((e: { action: string }) => e.action).sort();
  }

  it('lists the built-in templates first, each valid and readable by id', async () => {
    const res = await env.admin.get('/api/v1/workflow-templates?limit=200');
    expect(res.status).toBe(200);
    const builtIns = res.body.items.slice(0, BUILT_IN_TEMPLATES.length);
    expect(builtIns.map((t: { id: string }) => t.id)).toEqual(
      BUILT_IN_TEMPLATES.map((t) => `builtin:${t.key}`),
    );
    for (const t of builtIns) {
      expect(t).toMatchObject({ builtIn: true, revision: null, createdBy: null });
      expect(validateWorkflow(t.definition)).toEqual([]);
      const one = await as.member.get(`/api/v1/workflow-templates/${t.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(t);
    }
    expect((await env.admin.get('/api/v1/workflow-templates/builtin:nope')).status).toBe(404);
  });

  it('saves a template, finds it by search, and pages through built-ins and saved ones by name', async () => {
    const tag = randomBytes(4).toString('hex');
    const names = ['Charlie', 'alpha', 'Bravo'].map((n) => `${n} ${tag}`);
    for (const name of names) await createTemplate(as.member, name);
    const created = (await env.admin.get(`/api/v1/workflow-templates?q=${tag}`)).body.items;
    expect(created.map((t: { name: string }) => t.name)).toEqual([
      `alpha ${tag}`,
      `Bravo ${tag}`,
      `Charlie ${tag}`,
    ]);
    expect(created[0]).toMatchObject({
      builtIn: false,
      revision: 1,
      description: '',
      createdBy: as.member.user!.id,
      definition: annotateReview(),
    });
    expect((await env.admin.get(`/api/v1/workflow-templates/${created[0].id}`)).body).toEqual(created[0]);

    // Every item exactly once, in order, two at a time.
    const all = (await env.admin.get('/api/v1/workflow-templates?limit=200')).body.items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/workflow-templates?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await env.admin.get(url);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((t: { id: string }) => t.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((t: { id: string }) => t.id));
    expect(seen.slice(0, BUILT_IN_TEMPLATES.length).every((id) => id.startsWith('builtin:'))).toBe(true);

    const search = await env.admin.get('/api/v1/workflow-templates?q=consensus');
    expect(search.body.items.map((t: { id: string }) => t.id)).toContain('builtin:consensus');
    expect(search.body.items.map((t: { id: string }) => t.id)).not.toContain('builtin:annotate');
    const bad = await env.admin.get('/api/v1/workflow-templates?cursor=nonsense');
    expect(bad.status).toBe(400);
  });

  it('refuses an invalid definition, naming the path and listing every issue code', async () => {
    const def = annotateReview();
    def.stages[1]!.name = 'Annotate'; // duplicate_stage_name
    def.edges = def.edges.filter((e) => e.kind !== 'rejected'); // missing_edge
    const res = await env.admin.post('/api/v1/workflow-templates', { name: uniqueName(), definition: def });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_workflow');
    const codes = res.body.error.details.issues.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['duplicate_stage_name', 'missing_edge']));
    expect(res.body.error.field).toMatch(/^definition\./);

    const shape = await env.admin.post('/api/v1/workflow-templates', {
      name: uniqueName(),
      definition: { ...annotateReview(), stages: [{ id: 'a b' }] },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.error.code).toBe('invalid_workflow');
    expect(shape.body.error.field).toMatch(/^definition\.stages\[0\]/);
    expect(shape.body.error.details.issues.every((i: { code: string }) => i.code === 'invalid_format')).toBe(
      true,
    );

    const saved = await createTemplate(env.admin);
    const patch = await env.admin.patch(`/api/v1/workflow-templates/${saved.id}`, {
      definition: { ...annotateReview(), edges: [] },
      revision: 1,
    });
    expect(patch.status).toBe(400);
    expect(patch.body.error.code).toBe('invalid_workflow');
    expect((await env.admin.get(`/api/v1/workflow-templates/${saved.id}`)).body).toEqual(saved);
  });

  it('changes a template under its revision and refuses a stale one', async () => {
    const saved = await createTemplate(env.admin);
    const consensus = builtInWorkflow('consensus')!;
    const res = await env.admin.patch(`/api/v1/workflow-templates/${saved.id}`, {
      description: 'Three annotators',
      definition: consensus,
      revision: 1,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ description: 'Three annotators', definition: consensus, revision: 2 });
    const stale = await env.admin.patch(`/api/v1/workflow-templates/${saved.id}`, {
      name: uniqueName(),
      revision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'revision_conflict', details: { currentRevision: 2 } });
    expect((await env.admin.get(`/api/v1/workflow-templates/${saved.id}`)).body.name).toBe(saved.name);
  });

  it('keeps names unique regardless of case, also when saved concurrently', async () => {
    const name = uniqueName('Review flow');
    await createTemplate(env.admin, name);
    const dup = await as.member.post('/api/v1/workflow-templates', {
      name: ` ${name.toUpperCase()} `,
      definition: annotateReview(),
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'template_name_taken', field: 'name' });

    const other = await createTemplate(env.admin);
    const rename = await env.admin.patch(`/api/v1/workflow-templates/${other.id}`, {
      name: name.toLowerCase(),
      revision: 1,
    });
    expect(rename.status).toBe(409);
    expect(rename.body.error.code).toBe('template_name_taken');

    const race = uniqueName('Race');
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        env.admin.post('/api/v1/workflow-templates', {
          name: i % 2 ? race : race.toLowerCase(),
          definition: annotateReview(),
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) {
      expect(r.body.error.code).toBe('template_name_taken');
    }
  });

  it('lets a Member change and delete their own template but not someone else’s', async () => {
    const mine = await createTemplate(as.member);
    const renamed = await as.member.patch(`/api/v1/workflow-templates/${mine.id}`, {
      name: uniqueName('Mine'),
      revision: 1,
    });
    expect(renamed.status).toBe(200);

    const theirs = await createTemplate(as.workforceManager);
    const edit = await as.member.patch(`/api/v1/workflow-templates/${theirs.id}`, {
      name: uniqueName('Hijacked'),
      revision: 1,
    });
    expect(edit.status).toBe(403);
    expect(edit.body.error.code).toBe('forbidden');
    expect((await as.member.delete(`/api/v1/workflow-templates/${theirs.id}`)).status).toBe(403);
    expect((await env.admin.get(`/api/v1/workflow-templates/${theirs.id}`)).body).toEqual(theirs);
    expect(await auditActions(theirs.id)).toEqual(['workflow_template.create']);

    expect((await as.member.delete(`/api/v1/workflow-templates/${mine.id}`)).body).toEqual({ ok: true });
    expect((await as.member.get(`/api/v1/workflow-templates/${mine.id}`)).status).toBe(404);
    // An Admin may change anyone's.
    const admin = await env.admin.patch(`/api/v1/workflow-templates/${theirs.id}`, {
      description: 'Checked',
      revision: 1,
    });
    expect(admin.status).toBe(200);
  });

  it('refuses Taskers everything, and keeps the built-ins read-only', async () => {
    const saved = await createTemplate(env.admin);
    const tasker = as.tasker;
    for (const res of [
      await tasker.get('/api/v1/workflow-templates'),
      await tasker.get(`/api/v1/workflow-templates/${saved.id}`),
      await tasker.get('/api/v1/workflow-templates/builtin:annotate'),
      await tasker.post('/api/v1/workflow-templates', { name: uniqueName(), definition: annotateReview() }),
      await tasker.patch(`/api/v1/workflow-templates/${saved.id}`, { description: 'x', revision: 1 }),
      await tasker.delete(`/api/v1/workflow-templates/${saved.id}`),
      await tasker.delete('/api/v1/workflow-templates/builtin:annotate'),
      await tasker.delete(`/api/v1/workflow-templates/${randomUUID()}`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    for (const res of [
      await env.admin.patch('/api/v1/workflow-templates/builtin:annotate', { name: 'Mine now', revision: 1 }),
      await env.admin.delete('/api/v1/workflow-templates/builtin:annotate'),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('builtin_template');
    }
    expect((await env.admin.delete(`/api/v1/workflow-templates/${randomUUID()}`)).status).toBe(404);
  });

  it('audits create, update and delete with the template before and after', async () => {
    const saved = await createTemplate(as.member);
    await as.member.patch(`/api/v1/workflow-templates/${saved.id}`, { description: 'new', revision: 1 });
    await as.member.delete(`/api/v1/workflow-templates/${saved.id}`);
    expect(await auditActions(saved.id)).toEqual([
      'workflow_template.create',
      'workflow_template.delete',
      'workflow_template.update',
    ]);
    const update = await env.admin.get(`/api/v1/audit?targetId=${saved.id}&action=workflow_template.update`);
    expect(update.body.items[0].before).toMatchObject({ description: '', revision: 1 });
    expect(update.body.items[0].after).toMatchObject({ description: 'new', revision: 2 });
    expect(update.body.items[0].actor.id).toBe(as.member.user!.id);
  });
});
