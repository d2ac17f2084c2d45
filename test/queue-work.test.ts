import { beforeAll, expect, it } from 'vitest';
import { builtInWorkflow } from '../src/core/workflow/index.ts';
import { sweepExpiredLeases } from '../src/server/modules/queue/leases.ts';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect, type TestEnv } from './helpers/env.ts';
import { consensusWorkflow, queueProject, setPriorities } from './helpers/queue-fixtures.ts';

// The worker's side of the queue over HTTP on both databases: which task `next` hands out, leases,
// skips, the review loop back to the annotator, consensus holds, and the refusals.

const annotateReview = () => builtInWorkflow('annotate_review')!;

const next = (agent: Agent, projectId: string, stageId: string) =>
  agent.post(`/api/v1/projects/${projectId}/stages/${stageId}/next`);

async function eventKinds(env: TestEnv, taskId: string) {
  const res = await env.admin.get(`/api/v1/tasks/${taskId}/events`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.map((e: { kind: string; stageId: string }) => `${e.kind}@${e.stageId}`);
}

describeEachDialect('queue: worker actions', (env) => {
  const as = {} as Record<'ann1' | 'ann2' | 'ann3' | 'rev' | 'both' | 'tm', Agent>;
  beforeAll(async () => {
    for (const k of ['ann1', 'ann2', 'ann3', 'rev', 'both', 'tm'] as const)
      as[k] = await env.user('tasker', { name: k });
  });

  const team = (): [Agent, 'annotator' | 'reviewer' | 'annotator_reviewer' | 'team_manager'][] => [
    [as.ann1, 'annotator'],
    [as.ann2, 'annotator'],
    [as.ann3, 'annotator'],
    [as.rev, 'reviewer'],
    [as.both, 'annotator_reviewer'],
    [as.tm, 'team_manager'],
  ];

  it('serves the highest priority first, ties in id order, and never the same task to two people', async () => {
    const p = await queueProject(env, { members: team(), units: 4 });
    const [a, b, c, d] = p.taskIds as [string, string, string, string];
    await setPriorities(env, { [a]: 10, [b]: 90, [c]: 90, [d]: 50 });
    const got = [];
    for (const who of [as.ann1, as.ann2, as.ann3, as.both]) {
      const res = await next(who, p.projectId, 'annotate');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.assigneeId).toBe(who.user!.id);
      expect(res.body.status).toBe('assigned');
      got.push(res.body.id);
    }
    expect(got).toEqual([b, c, d, a]);
    // Asking again returns the task already held, not a second one.
    expect((await next(as.ann1, p.projectId, 'annotate')).body.id).toBe(b);
    expect((await next(as.tm, p.projectId, 'annotate')).status).toBe(204);
  });

  it('walks annotate → review → rejected back to the same annotator, Reopened → approved → Complete', async () => {
    const p = await queueProject(env, { members: team(), units: 1 });
    const [task] = p.taskIds as [string];
    expect((await next(as.rev, p.projectId, 'review')).status).toBe(204);
    expect((await next(as.ann1, p.projectId, 'annotate')).body.id).toBe(task);
    const submitted = await as.ann1.post(`/api/v1/tasks/${task}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ stageId: 'review', status: 'new', assigneeId: null });

    // The annotator is not served their own task for review (reassessment is off).
    expect((await next(as.both, p.projectId, 'review')).status).toBe(200);
    // Nor can an Annotator + Reviewer skip in a review stage.
    expect((await as.both.post(`/api/v1/tasks/${task}/skip`)).body.error.code).toBe('cannot_skip_review');
    await as.both.post(`/api/v1/tasks/${task}/release`);
    const reviewing = await next(as.rev, p.projectId, 'review');
    expect(reviewing.body.id).toBe(task);
    const detail = await as.rev.get(`/api/v1/tasks/${task}`);
    expect(detail.body).toMatchObject({ mine: true, actions: ['approve', 'reject', 'release'] });
    expect((await as.rev.post(`/api/v1/tasks/${task}/skip`)).status).toBe(403); // reviewers cannot skip

    const rejected = await as.rev.post(`/api/v1/tasks/${task}/reject`, { note: 'missed the cyclist' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body).toMatchObject({
      stageId: 'annotate',
      status: 'reopened',
      assigneeId: as.ann1.user!.id,
    });
    // Another annotator cannot take it: it went back to the one who submitted it.
    expect((await next(as.ann2, p.projectId, 'annotate')).status).toBe(204);
    const back = await next(as.ann1, p.projectId, 'annotate');
    expect(back.body).toMatchObject({ id: task, status: 'reopened' });
    await as.ann1.post(`/api/v1/tasks/${task}/submit`);
    expect((await next(as.rev, p.projectId, 'review')).body.id).toBe(task);
    const approved = await as.rev.post(`/api/v1/tasks/${task}/approve`);
    expect(approved.body).toMatchObject({ stageId: 'complete', status: 'completed', assigneeId: null });

    expect(await eventKinds(env, task)).toEqual([
      'created@annotate',
      'claimed@annotate',
      'submitted@annotate',
      'claimed@review',
      'released@review',
      'claimed@review',
      'issue_opened@review', // the note, as a task-level issue for the annotator
      'rejected@review',
      'assigned@annotate',
      'claimed@annotate',
      'submitted@annotate',
      'claimed@review',
      'approved@review',
      'completed@complete',
    ]);
    const history = (await as.ann1.get(`/api/v1/tasks/${task}/events`)).body.items;
    // A review decision names whose work it was and whether it was the task's first (analytics).
    expect(history.find((e: { kind: string }) => e.kind === 'rejected').data).toEqual({
      note: 'missed the cyclist',
      annotators: [as.ann1.user!.id],
      firstReview: true,
    });
    expect(history.find((e: { kind: string }) => e.kind === 'approved').data).toEqual({
      annotators: [as.ann1.user!.id],
      firstReview: false,
    });
  });

  it('puts a skipped task at the back of the skipper’s queue and leaves it to others', async () => {
    const p = await queueProject(env, { members: team(), units: 2 });
    const [first, second] = p.taskIds as [string, string];
    expect((await next(as.ann1, p.projectId, 'annotate')).body.id).toBe(first);
    const skipped = await as.ann1.post(`/api/v1/tasks/${first}/skip`, { reason: 'blurry' });
    expect(skipped.body).toMatchObject({ status: 'skipped', assigneeId: null });
    expect((await next(as.ann1, p.projectId, 'annotate')).body.id).toBe(second);
    await as.ann1.post(`/api/v1/tasks/${second}/submit`);
    // Nothing else left: the skipped one comes back to them.
    expect((await next(as.ann1, p.projectId, 'annotate')).body.id).toBe(first);
    await as.ann1.post(`/api/v1/tasks/${first}/release`);
    expect((await next(as.ann2, p.projectId, 'annotate')).body.id).toBe(first);
  });

  it('lets a lapsed lease go: another annotator gets the task, the first may no longer submit', async () => {
    const p = await queueProject(env, { members: team(), units: 1 });
    const [task] = p.taskIds as [string];
    await next(as.ann1, p.projectId, 'annotate');
    env.clock.advance(20 * 60_000);
    const beat = await as.ann1.post(`/api/v1/tasks/${task}/heartbeat`);
    expect(beat.status).toBe(200);
    env.clock.advance(20 * 60_000); // 20 min after the heartbeat: still inside its 30
    expect((await next(as.ann2, p.projectId, 'annotate')).status).toBe(204);
    env.clock.advance(11 * 60_000);
    const shown = (await env.admin.get(`/api/v1/tasks/${task}`)).body;
    expect(shown).toMatchObject({ status: 'released', assigneeId: null });
    const taken = await next(as.ann2, p.projectId, 'annotate');
    expect(taken.body).toMatchObject({ id: task, assigneeId: as.ann2.user!.id });
    const late = await as.ann1.post(`/api/v1/tasks/${task}/submit`);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('task_not_held');
    expect(await eventKinds(env, task)).toContain('lease_expired@annotate');
  });

  it('sweeps lapsed leases into released tasks with an event', async () => {
    const p = await queueProject(env, { members: team(), units: 1 });
    const [task] = p.taskIds as [string];
    await next(as.ann1, p.projectId, 'annotate');
    env.clock.advance(31 * 60_000);
    expect(await sweepExpiredLeases(env.deps.db, env.clock.now)).toBeGreaterThanOrEqual(1);
    const row = await env.deps.db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', task)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ assignee_id: null, status: 'released', lease_expires_at: null });
    expect(await eventKinds(env, task)).toContain('lease_expired@annotate');
  });

  it('hands a consensus task to N annotators, each once, and moves it on when all N are in', async () => {
    const consensus = consensusWorkflow(2);
    const p = await queueProject(env, { workflow: consensus, members: team(), units: 1 });
    const [task] = p.taskIds as [string];
    expect((await next(as.ann1, p.projectId, 'label')).body.id).toBe(task);
    const second = await next(as.ann2, p.projectId, 'label');
    expect(second.body.holders.map((h: { userId: string }) => h.userId).sort()).toEqual(
      [as.ann1.user!.id, as.ann2.user!.id].sort(),
    );
    expect((await next(as.ann3, p.projectId, 'label')).status).toBe(204);
    const firstIn = await as.ann1.post(`/api/v1/tasks/${task}/submit`);
    expect(firstIn.body).toMatchObject({ stageId: 'label' });
    // Having labelled it, ann1 is not served it again.
    expect((await next(as.ann1, p.projectId, 'label')).status).toBe(204);
    const allIn = await as.ann2.post(`/api/v1/tasks/${task}/submit`);
    expect(allIn.body).toMatchObject({ stageId: 'settle', status: 'new', holders: [] });
    expect((await next(as.rev, p.projectId, 'settle')).body.id).toBe(task);
  });

  it('refuses work outside one’s stages, in a paused project, and actions on tasks one does not hold', async () => {
    const p = await queueProject(env, { members: team(), units: 2 });
    const [task] = p.taskIds as [string];
    const wrongStage = await next(as.rev, p.projectId, 'annotate');
    expect(wrongStage.status).toBe(403);
    expect(wrongStage.body.error.code).toBe('not_a_stage_worker');
    expect((await next(as.ann1, p.projectId, 'nowhere')).status).toBe(404);
    expect((await next(as.ann1, p.projectId, 'complete')).body.error.code).toBe('not_a_work_stage');
    const outsider = await env.user('member');
    expect((await next(outsider, p.projectId, 'annotate')).status).toBe(403);

    expect((await as.ann1.post(`/api/v1/tasks/${task}/submit`)).body.error.code).toBe('task_not_held');
    await next(as.ann1, p.projectId, 'annotate');
    expect((await as.ann2.post(`/api/v1/tasks/${task}/claim`)).body.error.code).toBe('task_not_available');
    expect((await as.ann1.post(`/api/v1/tasks/${task}/approve`)).status).toBe(403); // annotators cannot review
    const both = await as.ann1.post(`/api/v1/tasks/${task}/submit`, {
      nextHolderId: as.rev.user!.id,
      keepHolder: true,
    });
    expect(both.status).toBe(400);
    const badHolder = await as.ann1.post(`/api/v1/tasks/${task}/submit`, { nextHolderId: as.ann2.user!.id });
    expect(badHolder.status).toBe(400);
    expect(badHolder.body.error.field).toBe('nextHolderId');
    expect((await env.admin.get(`/api/v1/tasks/${task}`)).body).toMatchObject({ stageId: 'annotate' });

    const revision = (await env.admin.get(`/api/v1/projects/${p.projectId}`)).body.revision;
    await env.admin.request('PUT', `/api/v1/projects/${p.projectId}/status`, {
      status: 'paused',
      reason: 'x',
      revision,
    });
    const paused = await next(as.ann2, p.projectId, 'annotate');
    expect(paused.status).toBe(403);
    expect(paused.body.error.code).toBe('project_not_active');
    // Managers keep access while paused.
    expect((await next(as.tm, p.projectId, 'annotate')).status).toBe(200);
  });

  it('names the next holder on submit, who then gets the task first', async () => {
    const p = await queueProject(env, { members: team(), units: 2 });
    const [task] = p.taskIds as [string];
    await next(as.ann1, p.projectId, 'annotate');
    const sent = await as.ann1.post(`/api/v1/tasks/${task}/submit`, { nextHolderId: as.both.user!.id });
    expect(sent.body).toMatchObject({ stageId: 'review', status: 'assigned', assigneeId: as.both.user!.id });
    expect((await next(as.rev, p.projectId, 'review')).status).toBe(204);
    // Named holders are served even where reassessment would otherwise keep the task from them.
    expect((await next(as.both, p.projectId, 'review')).body.id).toBe(task);
  });

  it('samples a review stage: tasks outside the sample pass as approved', async () => {
    const sampled = annotateReview();
    sampled.stages.find((s) => s.id === 'review')!.settings = { sampleRate: 0 };
    const p = await queueProject(env, { workflow: sampled, members: team(), units: 1 });
    const [task] = p.taskIds as [string];
    await next(as.ann1, p.projectId, 'annotate');
    const done = await as.ann1.post(`/api/v1/tasks/${task}/submit`);
    expect(done.body).toMatchObject({ stageId: 'complete', status: 'completed' });
    expect(await eventKinds(env, task)).toEqual([
      'created@annotate',
      'claimed@annotate',
      'submitted@annotate',
      'sampled_out@review',
      'completed@complete',
    ]);
  });

  it('serves push-only stages only to those assigned', async () => {
    const push = annotateReview();
    push.stages.find((s) => s.id === 'annotate')!.settings = { hideUnassignedTasks: true };
    const p = await queueProject(env, { workflow: push, members: team(), units: 2 });
    expect((await next(as.ann1, p.projectId, 'annotate')).status).toBe(204);
    const [, second] = p.taskIds as [string, string];
    expect(
      (await env.admin.post(`/api/v1/tasks/${second}/assign`, { userId: as.ann1.user!.id })).status,
    ).toBe(200);
    const res = await next(as.ann1, p.projectId, 'annotate');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: second, assigneeId: as.ann1.user!.id, status: 'assigned' });
    expect((await next(as.ann2, p.projectId, 'annotate')).status).toBe(204);
  });

  it('serves the caller’s own task before any other: an assignment opened is a claim, a live one is only renewed', async () => {
    const p = await queueProject(env, { members: team(), units: 3 });
    const [top, , low] = p.taskIds as [string, string, string];
    await setPriorities(env, { [top]: 90, [low]: 5 });
    expect((await env.admin.post(`/api/v1/tasks/${low}/assign`, { userId: as.ann2.user!.id })).status).toBe(
      200,
    );
    const assigned = (await env.admin.get(`/api/v1/tasks/${low}`)).body;

    const opened = await next(as.ann2, p.projectId, 'annotate');
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    // The assignment, though the lowest priority; still pinned, same revision, with a lease now.
    expect(opened.body).toMatchObject({ id: low, status: 'assigned', revision: assigned.revision });
    expect(opened.body.leaseExpiresAt).not.toBeNull();
    const row = await env.deps.db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', low)
      .executeTakeFirstOrThrow();
    expect(row.pinned).toBe(1);
    expect((await eventKinds(env, low)).slice(-2)).toEqual(['assigned@annotate', 'claimed@annotate']);

    env.clock.advance(60_000);
    const again = await next(as.ann2, p.projectId, 'annotate');
    expect(again.body.id).toBe(low);
    expect(again.body.leaseExpiresAt > opened.body.leaseExpiresAt).toBe(true);
    expect((await eventKinds(env, low)).filter((k: string) => k.startsWith('claimed'))).toHaveLength(1);
    // Others get the rest in queue order.
    expect((await next(as.ann1, p.projectId, 'annotate')).body.id).toBe(top);
  });
});
