import { expect, it } from 'vitest';
import { nowIso } from '../src/server/db/ids.ts';
import { describeEachDialect, type TestEnv } from './helpers/env.ts';
import { eventsOf, queueSnapshot, queueWorld, taskRow } from './helpers/queue-manage-fixtures.ts';

async function auditOf(env: TestEnv, targetId: string) {
  const rows = await env.deps.db
    .selectFrom('audit_log')
    .selectAll()
    .where('target_id', '=', targetId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    action: r.action,
    before: JSON.parse(r.before ?? 'null'),
    after: JSON.parse(r.after ?? 'null'),
  }));
}

/** Puts a self-claim lease on the task for `userId`, as the next-task claim would. */
async function leaseTo(env: TestEnv, taskId: string, userId: string, minutes = 30) {
  await env.deps.db
    .updateTable('tasks')
    .set({
      assignee_id: userId,
      pinned: 0,
      lease_expires_at: nowIso(env.clock.now + minutes * 60_000),
      status: 'assigned',
    })
    .where('id', '=', taskId)
    .execute();
}

describeEachDialect('queue manager actions', (env) => {
  it('assigns a task: pinned holder, status assigned, an assigned event and an audit row', async () => {
    const w = await queueWorld(env);
    const id = w.taskIds[0]!;
    const res = await w.manager.post(`/api/v1/tasks/${id}/assign`, {
      userId: w.annotator.user!.id,
      revision: 1,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'assigned', assigneeId: w.annotator.user!.id, revision: 2 });
    const row = await taskRow(env, id);
    expect(row).toMatchObject({ assignee_id: w.annotator.user!.id, pinned: 1, lease_expires_at: null });
    const events = await eventsOf(env, id);
    expect(events.at(-1)).toMatchObject({
      kind: 'assigned',
      stage_id: 'annotate',
      actor_id: w.manager.user!.id,
      subject_id: w.annotator.user!.id,
    });
    const [audit] = await auditOf(env, id);
    expect(audit).toMatchObject({ action: 'task.assign', after: { assigneeId: w.annotator.user!.id } });
  });

  it('assigns over someone else’s live claim, unassigning them first; a lapsed one is recorded as expired', async () => {
    const w = await queueWorld(env);
    const [a, b] = w.taskIds;
    await leaseTo(env, a!, w.annotator2.user!.id);
    expect((await w.manager.post(`/api/v1/tasks/${a}/assign`, { userId: w.annotator.user!.id })).status).toBe(
      200,
    );
    expect((await eventsOf(env, a!)).slice(-2).map((e) => [e.kind, e.subject_id])).toEqual([
      ['unassigned', w.annotator2.user!.id],
      ['assigned', w.annotator.user!.id],
    ]);
    await leaseTo(env, b!, w.annotator2.user!.id, -5);
    expect((await w.manager.post(`/api/v1/tasks/${b}/assign`, { userId: w.annotator.user!.id })).status).toBe(
      200,
    );
    expect((await eventsOf(env, b!)).slice(-2).map((e) => [e.kind, e.subject_id, e.actor_id])).toEqual([
      ['lease_expired', w.annotator2.user!.id, null],
      ['assigned', w.annotator.user!.id, w.manager.user!.id],
    ]);
  });

  it('keeps a reopened task reopened when it is assigned', async () => {
    const w = await queueWorld(env);
    const id = w.taskIds[0]!;
    await env.deps.db.updateTable('tasks').set({ status: 'reopened' }).where('id', '=', id).execute();
    const res = await w.manager.post(`/api/v1/tasks/${id}/assign`, { userId: w.annotator.user!.id });
    expect(res.body.status).toBe('reopened');
  });

  it('refuses assignments, changing nothing: non-managers, Archived, a user who may not work there, stale revision, completed', async () => {
    const w = await queueWorld(env);
    const id = w.taskIds[0]!;
    const stranger = await env.user('tasker');
    const before = await queueSnapshot(env, w.projectId);
    const byAnnotator = await w.annotator.post(`/api/v1/tasks/${id}/assign`, {
      userId: w.annotator.user!.id,
    });
    expect(byAnnotator.status).toBe(403);
    const reviewerInAnnotate = await w.manager.post(`/api/v1/tasks/${id}/assign`, {
      userId: w.reviewer.user!.id,
    });
    expect(reviewerInAnnotate.status).toBe(400);
    expect(reviewerInAnnotate.body.error.field).toBe('userId');
    expect(
      (await w.manager.post(`/api/v1/tasks/${id}/assign`, { userId: stranger.user!.id })).body.error.field,
    ).toBe('userId');
    const stale = await w.manager.post(`/api/v1/tasks/${id}/assign`, {
      userId: w.annotator.user!.id,
      revision: 7,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'revision_conflict', details: { currentRevision: 1 } });
    expect((await w.manager.post(`/api/v1/tasks/${id}/assign`, { userId: 'nope' })).status).toBe(400);
    expect(await queueSnapshot(env, w.projectId)).toEqual(before);

    const moved = await w.manager.post(`/api/v1/tasks/${id}/move`, {
      stageId: 'complete',
      reason: 'done elsewhere',
    });
    expect(moved.body.status).toBe('completed');
    const afterMove = await queueSnapshot(env, w.projectId);
    const completed = await w.manager.post(`/api/v1/tasks/${id}/assign`, { userId: w.annotator.user!.id });
    expect(completed.status).toBe(409);
    expect(completed.body.error.code).toBe('task_completed');
    expect(await queueSnapshot(env, w.projectId)).toEqual(afterMove);

    const archivedWorld = await queueWorld(env, { status: 'archived' });
    const archivedBefore = await queueSnapshot(env, archivedWorld.projectId);
    const archived = await archivedWorld.manager.post(`/api/v1/tasks/${archivedWorld.taskIds[0]}/assign`, {
      userId: archivedWorld.annotator.user!.id,
    });
    expect(archived.status).toBe(409);
    expect(archived.body.error.code).toBe('project_archived');
    expect(await queueSnapshot(env, archivedWorld.projectId)).toEqual(archivedBefore);
    expect(
      (
        await w.manager.post('/api/v1/tasks/00000000-0000-7000-8000-000000000000/assign', {
          userId: w.annotator.user!.id,
        })
      ).status,
    ).toBe(404);
  });

  it('consensus: assignment adds a pinned hold, up to N (3 here); unassign names the hold to drop', async () => {
    const w = await queueWorld(env, { template: 'builtin:consensus' });
    const id = w.taskIds[0]!;
    const stage = (await taskRow(env, id)).stage_id;
    expect(stage).toBe('consensus');
    const a = await w.manager.post(`/api/v1/tasks/${id}/assign`, { userId: w.annotator.user!.id });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.assigneeId).toBeNull();
    expect(a.body.holders).toMatchObject([{ userId: w.annotator.user!.id, pinned: true, state: 'active' }]);
    const again = await w.manager.post(`/api/v1/tasks/${id}/assign`, { userId: w.annotator.user!.id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_holds');
    expect(
      (await w.manager.post(`/api/v1/tasks/${id}/assign`, { userId: w.annotator2.user!.id })).status,
    ).toBe(200);
    expect((await w.manager.post(`/api/v1/tasks/${id}/assign`, { userId: w.manager.user!.id })).status).toBe(
      200,
    );
    const before = await queueSnapshot(env, w.projectId);
    const full = await w.manager.post(`/api/v1/tasks/${id}/assign`, { userId: env.admin.user!.id });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('consensus_full');
    const unnamed = await w.manager.post(`/api/v1/tasks/${id}/unassign`, {});
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.field).toBe('userId');
    expect(await queueSnapshot(env, w.projectId)).toEqual(before);

    const dropped = await w.manager.post(`/api/v1/tasks/${id}/unassign`, { userId: w.annotator.user!.id });
    expect(dropped.status).toBe(200);
    expect(dropped.body.holders.map((h: { userId: string }) => h.userId).sort()).toEqual(
      [w.annotator2.user!.id, w.manager.user!.id].sort(),
    );
    expect(dropped.body.status).toBe('assigned');
    expect((await eventsOf(env, id)).at(-1)).toMatchObject({
      kind: 'unassigned',
      subject_id: w.annotator.user!.id,
    });
    await w.manager.post(`/api/v1/tasks/${id}/unassign`, { userId: w.manager.user!.id });
    const last = await w.manager.post(`/api/v1/tasks/${id}/unassign`, { userId: w.annotator2.user!.id });
    expect(last.body).toMatchObject({ status: 'released', holders: [] });
  });

  it('unassigns: no holder, status released, an unassigned event; nobody holding it is a 409', async () => {
    const w = await queueWorld(env);
    const id = w.taskIds[0]!;
    await w.manager.post(`/api/v1/tasks/${id}/assign`, { userId: w.annotator.user!.id });
    const res = await w.manager.post(`/api/v1/tasks/${id}/unassign`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'released', assigneeId: null });
    expect(await taskRow(env, id)).toMatchObject({ assignee_id: null, pinned: 0 });
    expect((await eventsOf(env, id)).at(-1)).toMatchObject({
      kind: 'unassigned',
      actor_id: w.manager.user!.id,
      subject_id: w.annotator.user!.id,
    });
    expect((await auditOf(env, id)).map((a) => a.action)).toEqual(['task.assign', 'task.unassign']);
    const before = await queueSnapshot(env, w.projectId);
    const none = await w.manager.post(`/api/v1/tasks/${id}/unassign`, {});
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('task_not_assigned');
    expect(await queueSnapshot(env, w.projectId)).toEqual(before);
  });

  it('sets the priority with a priority_changed event; out of range is a 400 naming priority', async () => {
    const w = await queueWorld(env);
    const id = w.taskIds[0]!;
    const res = await w.manager.request('PUT', `/api/v1/tasks/${id}/priority`, { priority: 80 });
    expect(res.status).toBe(200);
    expect(res.body.priority).toBe(80);
    expect((await eventsOf(env, id)).at(-1)).toMatchObject({
      kind: 'priority_changed',
      data: { from: 50, to: 80 },
    });
    expect((await auditOf(env, id))[0]).toMatchObject({
      action: 'task.set_priority',
      before: { priority: 50 },
      after: { priority: 80 },
    });
    const before = await queueSnapshot(env, w.projectId);
    for (const priority of [101, -1, 2.5, '7']) {
      const bad = await w.manager.request('PUT', `/api/v1/tasks/${id}/priority`, { priority });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe('priority');
    }
    expect((await w.annotator.request('PUT', `/api/v1/tasks/${id}/priority`, { priority: 3 })).status).toBe(
      403,
    );
    expect(await queueSnapshot(env, w.projectId)).toEqual(before);
  });

  it('moves a task to another stage with a reason: new, no holder, a moved event', async () => {
    const w = await queueWorld(env);
    const id = w.taskIds[0]!;
    await w.manager.post(`/api/v1/tasks/${id}/assign`, { userId: w.annotator.user!.id });
    const res = await w.manager.post(`/api/v1/tasks/${id}/move`, {
      stageId: 'review',
      reason: 'already labelled',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ stageId: 'review', status: 'new', assigneeId: null });
    expect((await eventsOf(env, id)).at(-1)).toMatchObject({
      kind: 'moved',
      stage_id: 'annotate',
      to_stage_id: 'review',
      data: { reason: 'already labelled' },
    });
    const before = await queueSnapshot(env, w.projectId);
    const cases: [Record<string, unknown>, string][] = [
      [{ stageId: 'review', reason: 'same' }, 'stageId'],
      [{ stageId: 'nowhere', reason: 'x' }, 'stageId'],
      [{ stageId: 'annotate' }, 'reason'],
      [{ stageId: 'annotate', reason: '  ' }, 'reason'],
      [{ stageId: 'annotate', reason: 'x'.repeat(501) }, 'reason'],
    ];
    for (const [body, field] of cases) {
      const bad = await w.manager.post(`/api/v1/tasks/${id}/move`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.field).toBe(field);
    }
    expect(await queueSnapshot(env, w.projectId)).toEqual(before);
  });

  it('reopens a completed task into the stage it completed from, or a named one; others are refused', async () => {
    const w = await queueWorld(env);
    const [a, b] = w.taskIds;
    const notDone = await w.manager.post(`/api/v1/tasks/${a}/reopen`, {});
    expect(notDone.status).toBe(409);
    expect(notDone.body.error.code).toBe('task_not_completed');
    await w.manager.post(`/api/v1/tasks/${a}/move`, { stageId: 'review', reason: 'r' });
    await w.manager.post(`/api/v1/tasks/${a}/move`, { stageId: 'complete', reason: 'c' });
    const res = await w.manager.post(`/api/v1/tasks/${a}/reopen`, { reason: 'wrong box' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ stageId: 'review', status: 'reopened' });
    expect((await eventsOf(env, a!)).at(-1)).toMatchObject({
      kind: 'reopened',
      stage_id: 'complete',
      to_stage_id: 'review',
      data: { reason: 'wrong box' },
    });
    await w.manager.post(`/api/v1/tasks/${b}/move`, { stageId: 'complete', reason: 'c' });
    const before = await queueSnapshot(env, w.projectId);
    const intoTerminal = await w.manager.post(`/api/v1/tasks/${b}/reopen`, { stageId: 'complete' });
    expect(intoTerminal.status).toBe(400);
    expect(intoTerminal.body.error.field).toBe('stageId');
    expect(await queueSnapshot(env, w.projectId)).toEqual(before);
    const named = await w.manager.post(`/api/v1/tasks/${b}/reopen`, { stageId: 'annotate' });
    expect(named.body).toMatchObject({ stageId: 'annotate', status: 'reopened' });
    expect((await auditOf(env, b!)).map((x) => x.action)).toEqual(['task.move', 'task.reopen']);
  });
});

describeEachDialect('bulk queue actions', (env) => {
  it('sets the priority of many tasks in one request, all events written', async () => {
    const w = await queueWorld(env, { units: 250 });
    const res = await w.manager.post(`/api/v1/projects/${w.projectId}/tasks/bulk`, {
      taskIds: w.taskIds,
      action: { kind: 'set_priority', priority: 90 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ updated: 250 });
    const rows = await env.deps.db
      .selectFrom('tasks')
      .select('priority')
      .where('project_id', '=', w.projectId)
      .execute();
    expect(rows.every((r) => r.priority === 90)).toBe(true);
    const events = await env.deps.db
      .selectFrom('task_events')
      .select('task_id')
      .where('project_id', '=', w.projectId)
      .where('kind', '=', 'priority_changed')
      .execute();
    expect(new Set(events.map((e) => e.task_id)).size).toBe(250);
    const audit = await auditOf(env, w.projectId);
    expect(audit.at(-1)).toMatchObject({ action: 'task.bulk_set_priority', after: { updated: 250 } });
  });

  it('is all or nothing: a task of another project or a refused task names taskIds.<i> and changes nothing', async () => {
    const w = await queueWorld(env, { units: 4 });
    const other = await queueWorld(env, { units: 1 });
    await w.manager.post(`/api/v1/tasks/${w.taskIds[2]}/move`, { stageId: 'complete', reason: 'c' });
    const before = await queueSnapshot(env, w.projectId);
    const url = `/api/v1/projects/${w.projectId}/tasks/bulk`;
    const foreign = await w.manager.post(url, {
      taskIds: [w.taskIds[0], other.taskIds[0]],
      action: { kind: 'set_priority', priority: 1 },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.field).toBe('taskIds.1');
    const completed = await w.manager.post(url, {
      taskIds: w.taskIds,
      action: { kind: 'assign', userId: w.annotator.user!.id },
    });
    expect(completed.status).toBe(409);
    expect(completed.body.error).toMatchObject({ code: 'task_completed', field: 'taskIds.2' });
    const sameStage = await w.manager.post(url, {
      taskIds: [w.taskIds[0], w.taskIds[1]],
      action: { kind: 'move', stageId: 'annotate', reason: 'x' },
    });
    expect(sameStage.body.error.field).toBe('taskIds.0');
    const twice = await w.manager.post(url, {
      taskIds: [w.taskIds[0], w.taskIds[0]],
      action: { kind: 'unassign' },
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.field).toBe('taskIds');
    const both = await w.manager.post(url, {
      taskIds: [w.taskIds[0]],
      action: { kind: 'assign_round_robin', userIds: [w.annotator.user!.id], groupId: w.projectId },
    });
    expect(both.status).toBe(400);
    expect(await queueSnapshot(env, w.projectId)).toEqual(before);
    const byAnnotator = await w.annotator.post(url, {
      taskIds: [w.taskIds[0]],
      action: { kind: 'unassign' },
    });
    expect(byAnnotator.status).toBe(403);
    expect(await queueSnapshot(env, w.projectId)).toEqual(before);
  });

  it('deals tasks round-robin, passing over people who may not work in the stage', async () => {
    const w = await queueWorld(env, { units: 9 });
    const [a, b, r] = [w.annotator.user!.id, w.annotator2.user!.id, w.reviewer.user!.id];
    const res = await w.manager.post(`/api/v1/projects/${w.projectId}/tasks/bulk`, {
      taskIds: w.taskIds.slice(0, 5),
      action: { kind: 'assign_round_robin', userIds: [a, r, b] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.updated).toBe(5);
    const holders = await Promise.all(
      w.taskIds.slice(0, 5).map(async (id) => (await taskRow(env, id)).assignee_id),
    );
    expect(holders).toEqual([a, b, a, b, a]);

    // A group's members, in id order.
    const group = await env.admin.post('/api/v1/groups', { name: `RR ${w.projectId}` });
    await env.admin.post(`/api/v1/groups/${group.body.id}/members`, { userIds: [a, b, r] });
    const byGroup = await w.manager.post(`/api/v1/projects/${w.projectId}/tasks/bulk`, {
      taskIds: w.taskIds.slice(5),
      action: { kind: 'assign_round_robin', groupId: group.body.id },
    });
    expect(byGroup.status, JSON.stringify(byGroup.body)).toBe(200);
    const order = [a, b].sort();
    const dealt = await Promise.all(
      w.taskIds.slice(5).map(async (id) => (await taskRow(env, id)).assignee_id),
    );
    expect(dealt).toEqual([order[0], order[1], order[0], order[1]]);

    // Already held by its only candidate, or nobody may work there: refused.
    const nobody = await w.manager.post(`/api/v1/projects/${w.projectId}/tasks/bulk`, {
      taskIds: w.taskIds.slice(0, 1),
      action: { kind: 'assign_round_robin', userIds: [r] },
    });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.field).toBe('taskIds.0');
  });

  it('unassigns and moves in bulk', async () => {
    const w = await queueWorld(env, { units: 3 });
    const url = `/api/v1/projects/${w.projectId}/tasks/bulk`;
    await w.manager.post(url, {
      taskIds: w.taskIds.slice(0, 2),
      action: { kind: 'assign', userId: w.annotator.user!.id },
    });
    const un = await w.manager.post(url, { taskIds: w.taskIds, action: { kind: 'unassign' } });
    expect(un.body).toEqual({ updated: 2 });
    const rows = await env.deps.db
      .selectFrom('tasks')
      .selectAll()
      .where('project_id', '=', w.projectId)
      .execute();
    expect(rows.every((t) => t.assignee_id === null)).toBe(true);
    const moved = await w.manager.post(url, {
      taskIds: w.taskIds,
      action: { kind: 'move', stageId: 'review', reason: 'batch' },
    });
    expect(moved.body).toEqual({ updated: 3 });
    for (const id of w.taskIds) {
      expect(await taskRow(env, id)).toMatchObject({ stage_id: 'review', status: 'new' });
      expect((await eventsOf(env, id)).at(-1)).toMatchObject({ kind: 'moved', to_stage_id: 'review' });
    }
  });
});
