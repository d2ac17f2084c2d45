import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { ProjectRole } from '../src/core/roles.ts';
import { builtInWorkflow, type Workflow } from '../src/core/workflow/index.ts';
import { nowIso } from '../src/server/db/ids.ts';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect, type TestEnv } from './helpers/env.ts';
import { datasetFixture } from './helpers/project-fixtures.ts';

const unique = (prefix = 'Workflow project') => `${prefix} ${randomBytes(4).toString('hex')}`;
const put = (agent: Agent, url: string, body: unknown) => agent.request('PUT', url, body);
const annotateReview = () => builtInWorkflow('annotate_review')!;

/** Annotate → Review → Complete with the Annotate stage replaced by a new one, `label`. */
function relabelled(): Workflow {
  const w = annotateReview();
  w.stages[0] = { id: 'label', name: 'Label', type: 'annotate', start: true, settings: {} };
  w.edges = [
    { from: 'label', to: 'review', kind: 'done' },
    { from: 'review', to: 'complete', kind: 'approved' },
    { from: 'review', to: 'label', kind: 'rejected' },
  ];
  return w;
}

describeEachDialect('a project’s workflow', (env: TestEnv) => {
  async function createProject(body: Record<string, unknown> = {}, by: Agent = env.admin) {
    const res = await by.post('/api/v1/projects', { name: unique(), ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; revision: number };
  }

  /** A project with `units` tasks, all in its start stage. */
  async function projectWithTasks(units = 3, body: Record<string, unknown> = {}) {
    const dataset = await datasetFixture(env, { units });
    return createProject({ datasetIds: [dataset.id], ...body });
  }

  async function addMember(projectId: string, role: ProjectRole) {
    const agent = await env.user('member');
    const res = await put(env.admin, `/api/v1/projects/${projectId}/members`, {
      principalType: 'user',
      principalId: agent.user!.id,
      role,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return agent;
  }

  const tasksOf = (projectId: string) =>
    env.deps.db.selectFrom('tasks').selectAll().where('project_id', '=', projectId).orderBy('id').execute();

  const eventsOf = (projectId: string, kind: string) =>
    env.deps.db
      .selectFrom('task_events')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('kind', '=', kind)
      .orderBy('id')
      .execute();

  /** Every row a workflow change could write, to show a refused one wrote nothing. */
  async function snapshot(projectId: string) {
    const db = env.deps.db;
    const where = (table: 'projects' | 'project_workflows' | 'tasks' | 'task_events') =>
      db
        .selectFrom(table)
        .selectAll()
        .where(table === 'projects' ? 'id' : 'project_id', '=', projectId)
        .execute();
    return {
      project: await where('projects'),
      workflows: await db
        .selectFrom('project_workflows')
        .selectAll()
        .where('project_id', '=', projectId)
        .orderBy('version')
        .execute(),
      tasks: await tasksOf(projectId),
      events: (await where('task_events')).length,
      holds: await db
        .selectFrom('task_holds')
        .selectAll()
        .where('task_id', 'in', (eb) =>
          eb.selectFrom('tasks').select('id').where('project_id', '=', projectId),
        )
        .orderBy('task_id')
        .execute(),
      audit: Number((await sql<{ n: unknown }>`select count(*) as n from audit_log`.execute(db)).rows[0]!.n),
    };
  }

  it('reads the current workflow, its history and each version', async () => {
    const p = await createProject();
    const current = await env.admin.get(`/api/v1/projects/${p.id}/workflow`);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({
      version: 1,
      templateId: 'builtin:annotate_review',
      note: '',
      createdBy: env.admin.user!.id,
      workflow: annotateReview(),
    });

    const next = relabelled();
    next.stages[1]!.name = 'Check';
    const saved = await put(env.admin, `/api/v1/projects/${p.id}/workflow`, {
      workflow: next,
      baseVersion: 1,
      stageMapping: { annotate: 'label' },
      note: 'rename review',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, templateId: null, note: 'rename review', workflow: next });
    expect((await env.admin.get(`/api/v1/projects/${p.id}/workflow`)).body).toEqual(saved.body);

    const versions = await env.admin.get(`/api/v1/projects/${p.id}/workflow/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body.items[0]).toEqual({
      version: 2,
      templateId: null,
      note: 'rename review',
      createdAt: saved.body.createdAt,
      createdBy: env.admin.user!.id,
    });
    const first = await env.admin.get(`/api/v1/projects/${p.id}/workflow/versions/1`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual(current.body);
    expect((await env.admin.get(`/api/v1/projects/${p.id}/workflow/versions/3`)).status).toBe(404);
    expect((await env.admin.get(`/api/v1/projects/${randomUUID()}/workflow`)).status).toBe(404);

    // The audit filter takes `a.b` actions or prefixes only, so this one is picked out here.
    const audit = await env.admin.get(`/api/v1/audit?targetId=${p.id}&limit=200`);
    const changes = audit.body.items.filter(
      (e: { action: string }) => e.action === 'project.workflow.update',
    );
    expect(changes).toHaveLength(1);
    expect(changes[0].before).toEqual({ version: 1 });
    expect(changes[0].after).toMatchObject({ version: 2 });
  });

  it('refuses a stale baseVersion with 409 workflow_version_conflict and changes nothing', async () => {
    const p = await projectWithTasks(1);
    const first = await put(env.admin, `/api/v1/projects/${p.id}/workflow`, {
      workflow: annotateReview(),
      baseVersion: 1,
    });
    expect(first.status).toBe(200);
    const before = await snapshot(p.id);
    const stale = await put(env.admin, `/api/v1/projects/${p.id}/workflow`, {
      workflow: annotateReview(),
      baseVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'workflow_version_conflict',
      field: 'baseVersion',
      details: { currentVersion: 2 },
    });
    expect(await snapshot(p.id)).toEqual(before);
  });

  it('refuses an invalid workflow with 400 invalid_workflow listing every issue', async () => {
    const p = await projectWithTasks(1);
    const before = await snapshot(p.id);
    const broken = annotateReview();
    broken.stages[0]!.start = false;
    broken.stages[1]!.name = 'Annotate';
    const res = await put(env.admin, `/api/v1/projects/${p.id}/workflow`, {
      workflow: broken,
      baseVersion: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_workflow');
    expect(res.body.error.field).toMatch(/^workflow/);
    expect(res.body.error.details.issues.length).toBeGreaterThanOrEqual(2);
    expect(await snapshot(p.id)).toEqual(before);
  });

  it('refuses to change a stage’s type with 409 stage_type_changed', async () => {
    const p = await projectWithTasks(1);
    const before = await snapshot(p.id);
    const w = annotateReview();
    w.stages[1] = { id: 'review', name: 'Second pass', type: 'annotate', settings: {} };
    w.edges = [
      { from: 'annotate', to: 'review', kind: 'done' },
      { from: 'review', to: 'complete', kind: 'done' },
    ];
    const res = await put(env.admin, `/api/v1/projects/${p.id}/workflow`, { workflow: w, baseVersion: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'stage_type_changed',
      field: 'workflow.stages',
      details: { stageIds: ['review'] },
    });
    expect(await snapshot(p.id)).toEqual(before);
  });

  it('refuses to remove a stage that holds tasks unless it is mapped, and changes nothing', async () => {
    const p = await projectWithTasks(2);
    const before = await snapshot(p.id);
    const url = `/api/v1/projects/${p.id}/workflow`;
    const res = await put(env.admin, url, { workflow: relabelled(), baseVersion: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'unmapped_stage',
      field: 'stageMapping.annotate',
      details: { stageId: 'annotate', taskCount: 2 },
    });
    expect(await snapshot(p.id)).toEqual(before);

    // Mapping keys must be removed stages; targets stages of the new workflow where tasks can wait.
    for (const [stageMapping, field] of [
      [{ annotate: 'label', review: 'label' }, 'stageMapping.review'],
      [{ annotate: 'nowhere' }, 'stageMapping.annotate'],
      [{ annotate: 'label', ghost: 'label' }, 'stageMapping.ghost'],
    ] as const) {
      const bad = await put(env.admin, url, { workflow: relabelled(), baseVersion: 1, stageMapping });
      expect(bad.status, JSON.stringify(bad.body)).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'invalid_request', field });
    }
    const routed = relabelled();
    routed.stages.push({ id: 'split', name: 'Split', type: 'router', settings: {} });
    routed.edges = [
      { from: 'label', to: 'split', kind: 'done' },
      { from: 'split', to: 'review', kind: 'branch', branch: { kind: 'percentage', percent: 50 } },
      { from: 'split', to: 'complete', kind: 'branch', branch: { kind: 'otherwise' } },
      { from: 'review', to: 'complete', kind: 'approved' },
      { from: 'review', to: 'label', kind: 'rejected' },
    ];
    const toRouter = await put(env.admin, url, {
      workflow: routed,
      baseVersion: 1,
      stageMapping: { annotate: 'split' },
    });
    expect(toRouter.status, JSON.stringify(toRouter.body)).toBe(400);
    expect(toRouter.body.error).toMatchObject({ code: 'invalid_request', field: 'stageMapping.annotate' });
    expect(await snapshot(p.id)).toEqual(before);
  });

  it('removes a stage that holds no tasks without a mapping', async () => {
    const p = await projectWithTasks(2);
    const before = await tasksOf(p.id);
    const res = await put(env.admin, `/api/v1/projects/${p.id}/workflow`, {
      workflow: builtInWorkflow('annotate'),
      baseVersion: 1,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toBe(2);
    expect(await tasksOf(p.id)).toEqual(before);
    expect(await eventsOf(p.id, 'moved')).toEqual([]);
  });

  it('moves the tasks of a mapped stage: New, unheld, with a moved event each', async () => {
    const p = await projectWithTasks(3);
    const [held] = await tasksOf(p.id);
    const holder = await env.user('member');
    await env.deps.db
      .updateTable('tasks')
      .set({ status: 'assigned', assignee_id: holder.user!.id, pinned: 1 })
      .where('id', '=', held!.id)
      .execute();
    const res = await put(env.admin, `/api/v1/projects/${p.id}/workflow`, {
      workflow: relabelled(),
      baseVersion: 1,
      stageMapping: { annotate: 'label' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const tasks = await tasksOf(p.id);
    expect(tasks).toHaveLength(3);
    for (const t of tasks) {
      expect(t).toMatchObject({ stage_id: 'label', status: 'new', assignee_id: null, pinned: 0 });
      expect(Number(t.revision)).toBeGreaterThan(1);
    }
    const moved = await eventsOf(p.id, 'moved');
    expect(moved.map((e) => e.task_id).sort()).toEqual(tasks.map((t) => t.id).sort());
    for (const e of moved) {
      expect(e).toMatchObject({ stage_id: 'annotate', to_stage_id: 'label', actor_id: env.admin.user!.id });
      expect(JSON.parse(e.data)).toEqual({
        reason: 'workflow changed to version 2',
        fromVersion: 1,
        toVersion: 2,
      });
    }
  });

  it('completes tasks mapped to a terminal stage and drops the holds of a removed consensus stage', async () => {
    const p = await projectWithTasks(2, { workflowTemplateId: 'builtin:consensus' });
    const tasks = await tasksOf(p.id);
    expect(tasks.map((t) => t.stage_id)).toEqual(['consensus', 'consensus']);
    const worker = await env.user('member');
    const at = nowIso(env.clock.now);
    await env.deps.db
      .insertInto('task_holds')
      .values({
        task_id: tasks[0]!.id,
        user_id: worker.user!.id,
        stage_id: 'consensus',
        state: 'active',
        pinned: 0,
        lease_expires_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const res = await put(env.admin, `/api/v1/projects/${p.id}/workflow`, {
      workflow: builtInWorkflow('annotate'),
      baseVersion: 1,
      stageMapping: { consensus: 'complete' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const t of await tasksOf(p.id))
      expect(t).toMatchObject({ stage_id: 'complete', status: 'completed' });
    const holds = await env.deps.db
      .selectFrom('task_holds')
      .selectAll()
      .where('task_id', '=', tasks[0]!.id)
      .execute();
    expect(holds).toEqual([]);
    expect(await eventsOf(p.id, 'moved')).toHaveLength(2);
    expect(await eventsOf(p.id, 'completed')).toHaveLength(2);
  });

  it('lets exactly one of two concurrent changes from the same version win', async () => {
    const p = await projectWithTasks(2);
    const url = `/api/v1/projects/${p.id}/workflow`;
    const results = await Promise.all([
      put(env.admin, url, { workflow: relabelled(), baseVersion: 1, stageMapping: { annotate: 'label' } }),
      put(env.admin, url, { workflow: builtInWorkflow('annotate'), baseVersion: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error.code).toBe('workflow_version_conflict');
    const versions = await env.admin.get(`/api/v1/projects/${p.id}/workflow/versions`);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('lets project Admins change the workflow and every collaborator read it', async () => {
    const p = await createProject();
    const url = `/api/v1/projects/${p.id}/workflow`;
    const agents: Partial<Record<ProjectRole, Agent>> = {};
    for (const role of ['admin', 'team_manager', 'annotator_reviewer', 'reviewer', 'annotator'] as const) {
      agents[role] = await addMember(p.id, role);
    }
    for (const agent of Object.values(agents)) {
      expect((await agent.get(url)).status).toBe(200);
      expect((await agent.get(`${url}/versions`)).status).toBe(200);
      expect((await agent.get(`${url}/versions/1`)).status).toBe(200);
    }
    const outsider = await env.user('member');
    expect((await outsider.get(url)).status).toBe(403);
    expect((await outsider.get(`${url}/versions`)).status).toBe(403);

    const before = await snapshot(p.id);
    for (const who of [agents.team_manager!, agents.annotator!, agents.reviewer!, outsider]) {
      const res = await put(who, url, { workflow: builtInWorkflow('annotate'), baseVersion: 1 });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    // The policy answers before the document is looked at.
    const invalidByManager = await put(agents.team_manager!, url, {
      workflow: { stages: [] },
      baseVersion: 1,
    });
    expect(invalidByManager.status).toBe(403);
    expect(await snapshot(p.id)).toEqual(before);
    const byProjectAdmin = await put(agents.admin!, url, {
      workflow: builtInWorkflow('annotate'),
      baseVersion: 1,
    });
    expect(byProjectAdmin.status).toBe(200);
    const byWorkspaceAdmin = await put(env.admin, url, { workflow: annotateReview(), baseVersion: 2 });
    expect(byWorkspaceAdmin.status).toBe(200);
    expect(byWorkspaceAdmin.body.version).toBe(3);
  });

  it('refuses changes to an archived project’s workflow, which stays readable', async () => {
    const p = await projectWithTasks(1);
    const archived = await put(env.admin, `/api/v1/projects/${p.id}/status`, {
      status: 'archived',
      reason: 'done',
      revision: p.revision,
    });
    expect(archived.status).toBe(200);
    const before = await snapshot(p.id);
    const res = await put(env.admin, `/api/v1/projects/${p.id}/workflow`, {
      workflow: builtInWorkflow('annotate'),
      baseVersion: 1,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('project_archived');
    expect(await snapshot(p.id)).toEqual(before);
    expect((await env.admin.get(`/api/v1/projects/${p.id}/workflow`)).status).toBe(200);
  });

  it('creates a project from a built-in template, a saved template or a workflow document', async () => {
    const fromBuiltIn = await projectWithTasks(1, { workflowTemplateId: 'builtin:annotate_review_rework' });
    expect((await env.admin.get(`/api/v1/projects/${fromBuiltIn.id}/workflow`)).body).toMatchObject({
      version: 1,
      templateId: 'builtin:annotate_review_rework',
      workflow: builtInWorkflow('annotate_review_rework'),
    });

    const custom = relabelled();
    const member = await env.user('member');
    const saved = await member.post('/api/v1/workflow-templates', {
      name: unique('Template'),
      definition: custom,
    });
    expect(saved.status).toBe(201);
    const fromSaved = await projectWithTasks(2, { workflowTemplateId: saved.body.id });
    expect((await env.admin.get(`/api/v1/projects/${fromSaved.id}/workflow`)).body).toMatchObject({
      templateId: saved.body.id,
      workflow: custom,
    });
    // New tasks enter the chosen workflow's start stage.
    expect((await tasksOf(fromSaved.id)).map((t) => t.stage_id)).toEqual(['label', 'label']);

    const explicit = builtInWorkflow('annotate')!;
    explicit.stages[0]!.name = 'Draw boxes';
    const fromDocument = await createProject({ workflow: explicit });
    expect((await env.admin.get(`/api/v1/projects/${fromDocument.id}/workflow`)).body).toMatchObject({
      templateId: null,
      workflow: explicit,
    });
  });

  it('refuses an unknown template, an invalid document, or both at once, creating nothing', async () => {
    const count = async () =>
      Number((await sql<{ n: unknown }>`select count(*) as n from projects`.execute(env.deps.db)).rows[0]!.n);
    const before = await count();
    for (const workflowTemplateId of [randomUUID(), 'builtin:nope']) {
      const res = await env.admin.post('/api/v1/projects', { name: unique(), workflowTemplateId });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', field: 'workflowTemplateId' });
    }
    const malformed = await env.admin.post('/api/v1/projects', {
      name: unique(),
      workflowTemplateId: 'nope',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.field).toBe('workflowTemplateId');

    const broken = annotateReview();
    broken.edges = [];
    const invalidDoc = await env.admin.post('/api/v1/projects', { name: unique(), workflow: broken });
    expect(invalidDoc.status).toBe(400);
    expect(invalidDoc.body.error.code).toBe('invalid_workflow');
    expect(invalidDoc.body.error.field).toMatch(/^workflow/);

    const both = await env.admin.post('/api/v1/projects', {
      name: unique(),
      workflowTemplateId: 'builtin:annotate',
      workflow: builtInWorkflow('annotate'),
    });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatchObject({ code: 'invalid_request', field: 'workflow' });
    expect(await count()).toBe(before);
  });
});
