import { beforeAll, expect, it } from 'vitest';
import { raiseIssues } from '../src/server/modules/issues/raise.ts';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect } from './helpers/env.ts';
import { labelDoc, labelObject } from './helpers/label-fixtures.ts';
import { pinOntology } from './helpers/project-fixtures.ts';
import { type QueueProject, queueProject } from './helpers/queue-fixtures.ts';

// Issues over HTTP on both databases: raising them on a task, a label, a frame range or a point;
// the comment thread and @mentions; resolving, reopening and reassigning under the optimistic
// lock; who may change them and who may see them; the project and per-user lists; the project's
// issue tags; the issue counts and filter of the queue; and the task events all of it writes.

const ONTOLOGY = {
  formatVersion: 1,
  objects: [{ featureId: 'car_box', name: 'Car', shape: 'bounding_box', color: '#1f77b4', attributes: [] }],
  classifications: [
    {
      featureId: 'weather',
      name: 'Weather',
      kind: 'radio',
      required: false,
      options: [
        { featureId: 'rain', label: 'Rain' },
        { featureId: 'sun', label: 'Sun' },
      ],
    },
  ],
};

const car = labelObject('obj_car', 'car_box', { type: 'bounding_box', x: 10, y: 10, w: 50, h: 40 });
const LABELS = { ...labelDoc(car), classifications: [{ featureId: 'weather', optionIds: ['rain'] }] };

type People = 'tm' | 'ann1' | 'ann2' | 'rev' | 'outsider';

describeEachDialect('issues', (env) => {
  const as = {} as Record<People, Agent>;
  const id = (who: People) => as[who].user!.id;

  beforeAll(async () => {
    for (const who of ['tm', 'ann1', 'ann2', 'rev', 'outsider'] as const) {
      as[who] = await env.user('tasker', { name: who });
    }
  });

  /** Annotate → Review → Complete, 3 tasks, the ontology above; the outsider holds no role. */
  async function project(): Promise<QueueProject> {
    const p = await queueProject(env, {
      members: [
        [as.tm, 'team_manager'],
        [as.ann1, 'annotator'],
        [as.ann2, 'annotator'],
        [as.rev, 'reviewer'],
      ],
      units: 3,
    });
    await pinOntology(env, p.projectId, ONTOLOGY);
    return p;
  }

  const claim = async (agent: Agent, projectId: string, stage = 'annotate') => {
    const res = await agent.post(`/api/v1/projects/${projectId}/stages/${stage}/next`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as string;
  };

  /** The first task, claimed by ann1 with a car and a weather answer saved on main. */
  async function labelledTask(p: QueueProject) {
    const taskId = await claim(as.ann1, p.projectId);
    const saved = await as.ann1.request('PUT', `/api/v1/tasks/${taskId}/labels`, {
      baseRevision: 0,
      document: LABELS,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return taskId;
  }

  const raise = async (agent: Agent, taskId: string, body: object) => {
    const res = await agent.post(`/api/v1/tasks/${taskId}/issues`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  const eventsOf = async (taskId: string, kind: string) =>
    (await env.admin.get(`/api/v1/tasks/${taskId}/events`)).body.items.filter(
      (e: { kind: string }) => e.kind === kind,
    );

  /** How many rows the issue tables and the event log hold: a refused write must not move them. */
  async function rowCounts() {
    const counts: Record<string, number> = {};
    for (const table of ['issues', 'issue_comments', 'issue_mentions', 'task_events', 'audit_log'] as const) {
      const r = await env.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      counts[table] = Number(r.n);
    }
    return counts;
  }

  const expectInvalid = (res: { status: number; body: any }, field: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.field).toBe(field);
  };

  it('raises issues on a task, a label, a classification, a frame range and a point, with events', async () => {
    const p = await project();
    const taskId = await labelledTask(p);

    const plain = await raise(as.ann1, taskId, { body: '  The image is blurry  ' });
    expect(plain).toMatchObject({
      projectId: p.projectId,
      taskId,
      labelId: null,
      frameStart: null,
      frameEnd: null,
      pin: null,
      stageId: 'annotate',
      body: 'The image is blurry',
      tags: [],
      author: { id: id('ann1'), name: 'ann1' },
      assignee: null,
      status: 'open',
      commentCount: 0,
      mentions: [],
      resolvedAt: null,
      resolvedBy: null,
      revision: 1,
    });
    expect(plain.taskTitle).toMatch(/^unit /);
    expect(plain.createdAt).toBe(new Date(env.clock.now).toISOString());

    const onLabel = await raise(as.tm, taskId, {
      body: 'Box too loose',
      labelId: 'obj_car',
      tags: ['Loose box', 'Loose box', 'Wrong class'],
      assigneeId: id('ann1'),
      mentions: [id('ann2'), id('ann2'), id('rev')],
    });
    expect(onLabel).toMatchObject({
      labelId: 'obj_car',
      tags: ['Loose box', 'Wrong class'],
      assignee: { id: id('ann1'), name: 'ann1' },
    });
    expect(onLabel.mentions.map((m: { name: string }) => m.name).sort()).toEqual(['ann2', 'rev']);

    const onAnswer = await raise(as.tm, taskId, { body: 'Not rain', labelId: 'classification:weather' });
    expect(onAnswer.labelId).toBe('classification:weather');
    const range = await raise(as.tm, taskId, { body: 'Flicker', frameStart: 3, frameEnd: 9 });
    expect(range).toMatchObject({ frameStart: 3, frameEnd: 9 });
    const frame = await raise(as.tm, taskId, { body: 'Here', frameStart: 5 });
    expect(frame).toMatchObject({ frameStart: 5, frameEnd: 5 });
    const pinned = await raise(as.tm, taskId, { body: 'Missed a car', pin: { x: 120.5, y: 40.25 } });
    expect(pinned.pin).toEqual({ x: 120.5, y: 40.25 });

    const read = await as.ann1.get(`/api/v1/issues/${onLabel.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ ...onLabel, comments: [] });

    const opened = await eventsOf(taskId, 'issue_opened');
    expect(opened).toHaveLength(6);
    expect(opened[1]).toMatchObject({
      actorId: id('tm'),
      subjectId: id('ann1'),
      stageId: 'annotate',
      data: { issueId: onLabel.id, labelId: 'obj_car', tags: ['Loose box', 'Wrong class'] },
    });
  });

  it('refuses malformed issues naming the field, and keeps nothing of them', async () => {
    const p = await project();
    const taskId = await labelledTask(p);
    // A task without labels has no label to pin to.
    const bare = await claim(as.ann2, p.projectId);
    const before = await rowCounts();
    const url = `/api/v1/tasks/${taskId}/issues`;
    const cases: [object, string][] = [
      [{}, 'body'],
      [{ body: '   ' }, 'body'],
      [{ body: 'x'.repeat(5001) }, 'body'],
      [{ body: 'x', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'tags'],
      [{ body: 'x', tags: [''] }, 'tags.0'],
      [{ body: 'x', tags: ['ok', 'y'.repeat(51)] }, 'tags.1'],
      [{ body: 'x', frameStart: -1 }, 'frameStart'],
      [{ body: 'x', frameStart: 1.5 }, 'frameStart'],
      [{ body: 'x', frameStart: 9, frameEnd: 3 }, 'frameEnd'],
      [{ body: 'x', frameEnd: 3 }, 'frameEnd'],
      [{ body: 'x', pin: { x: 'left', y: 1 } }, 'pin.x'],
      [{ body: 'x', pin: { x: 1 } }, 'pin.y'],
      [{ body: 'x', labelId: 'obj_nope' }, 'labelId'],
      [{ body: 'x', labelId: 'classification:nope' }, 'labelId'],
      [{ body: 'x', assigneeId: 'someone' }, 'assigneeId'],
      [{ body: 'x', assigneeId: id('outsider') }, 'assigneeId'],
      [{ body: 'x', mentions: [id('ann2'), id('outsider')] }, 'mentions'],
      [{ body: 'x', mentions: ['nobody'] }, 'mentions.0'],
      [{ body: 'x', colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const res = await as.ann1.post(url, body);
      expectInvalid(res, field);
      expect(res.body.error.message).toContain(field);
    }
    expectInvalid(
      await as.ann2.post(`/api/v1/tasks/${bare}/issues`, { body: 'x', labelId: 'obj_car' }),
      'labelId',
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('keeps a comment thread, records @mentions (which show the issue to them), and writes events', async () => {
    const p = await project();
    const taskId = await labelledTask(p);
    const issue = await raise(as.ann1, taskId, { body: 'Is this a car?' });
    expect((await as.ann2.get(`/api/v1/issues/${issue.id}`)).status).toBe(404);

    env.clock.advance(60_000);
    const first = await as.tm.post(`/api/v1/issues/${issue.id}/comments`, {
      body: 'Ask @ann2',
      mentions: [id('ann2')],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      author: { id: id('tm'), name: 'tm' },
      body: 'Ask @ann2',
      createdAt: new Date(env.clock.now).toISOString(),
    });
    env.clock.advance(1000);
    const second = await as.ann2.post(`/api/v1/issues/${issue.id}/comments`, { body: 'Yes, a car.' });
    expect(second.status, JSON.stringify(second.body)).toBe(201);

    const before = await rowCounts();
    expectInvalid(await as.tm.post(`/api/v1/issues/${issue.id}/comments`, { body: '' }), 'body');
    expectInvalid(
      await as.tm.post(`/api/v1/issues/${issue.id}/comments`, { body: 'x', mentions: [id('outsider')] }),
      'mentions',
    );
    expect(await rowCounts()).toEqual(before);

    const read = await as.ann1.get(`/api/v1/issues/${issue.id}`);
    expect(read.body.comments.map((c: { body: string }) => c.body)).toEqual(['Ask @ann2', 'Yes, a car.']);
    expect(read.body).toMatchObject({
      commentCount: 2,
      mentions: [{ id: id('ann2'), name: 'ann2' }],
      revision: 1,
      updatedAt: new Date(env.clock.now).toISOString(),
    });
    const commented = await eventsOf(taskId, 'issue_commented');
    expect(commented.map((e: { data: object }) => e.data)).toEqual([
      { issueId: issue.id, commentId: first.body.id },
      { issueId: issue.id, commentId: second.body.id },
    ]);
    expect(commented[0].actorId).toBe(id('tm'));
    // Someone who may not see the issue cannot comment on it either.
    expect((await as.rev.post(`/api/v1/issues/${issue.id}/comments`, { body: 'hi' })).status).toBe(404);
    expect((await as.outsider.post(`/api/v1/issues/${issue.id}/comments`, { body: 'hi' })).status).toBe(403);
  });

  it('resolves and reopens under the revision: a stale one gets 409 and changes nothing', async () => {
    const p = await project();
    const taskId = await labelledTask(p);
    const issue = await raise(as.tm, taskId, { body: 'Fix the box', assigneeId: id('ann1') });
    const patch = (agent: Agent, body: object) => agent.patch(`/api/v1/issues/${issue.id}`, body);

    env.clock.advance(5000);
    const resolved = await patch(as.ann1, { revision: 1, status: 'resolved' });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolvedAt: new Date(env.clock.now).toISOString(),
      resolvedBy: { id: id('ann1'), name: 'ann1' },
      revision: 2,
    });

    const before = await rowCounts();
    const stale = await patch(as.tm, { revision: 1, status: 'open' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'revision_conflict',
      field: 'revision',
      details: { currentRevision: 2 },
    });
    expect(await rowCounts()).toEqual(before);
    expect((await as.tm.get(`/api/v1/issues/${issue.id}`)).body.status).toBe('resolved');

    const reopened = await patch(as.tm, { revision: 2, status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', resolvedAt: null, resolvedBy: null, revision: 3 });

    // Asking for what is already so is no change: the revision stays.
    const same = await patch(as.tm, { revision: 3, status: 'open', assigneeId: id('ann1') });
    expect(same.body.revision).toBe(3);

    const retagged = await patch(as.tm, { revision: 3, assigneeId: id('ann2'), tags: ['Occluded'] });
    expect(retagged.body).toMatchObject({ assignee: { id: id('ann2') }, tags: ['Occluded'], revision: 4 });
    const unassigned = await patch(as.tm, { revision: 4, assigneeId: null });
    expect(unassigned.body).toMatchObject({ assignee: null, revision: 5 });

    expectInvalid(await patch(as.tm, { revision: 5, assigneeId: id('outsider') }), 'assigneeId');
    expectInvalid(await patch(as.tm, { revision: 5, status: 'done' }), 'status');
    expectInvalid(await patch(as.tm, { status: 'resolved' }), 'revision');
    expectInvalid(await patch(as.tm, { revision: 5, tags: [''] }), 'tags.0');

    const kinds = (await env.admin.get(`/api/v1/tasks/${taskId}/events`)).body.items
      .map((e: { kind: string }) => e.kind)
      .filter((k: string) => k.startsWith('issue_'));
    expect(kinds).toEqual(['issue_opened', 'issue_resolved', 'issue_reopened']);
    const [resolvedEvent] = await eventsOf(taskId, 'issue_resolved');
    expect(resolvedEvent).toMatchObject({
      actorId: id('ann1'),
      subjectId: id('tm'),
      data: { issueId: issue.id },
    });
  });

  it('lets one of two concurrent changes from the same revision win; the other gets 409', async () => {
    const p = await project();
    const taskId = await labelledTask(p);
    const issue = await raise(as.tm, taskId, { body: 'Race' });
    const results = await Promise.all([
      as.tm.patch(`/api/v1/issues/${issue.id}`, { revision: 1, status: 'resolved' }),
      as.tm.patch(`/api/v1/issues/${issue.id}`, { revision: 1, tags: ['late'] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await as.tm.get(`/api/v1/issues/${issue.id}`)).body.revision).toBe(2);
  });

  it('lets the author, the assignee and managers change an issue; other members who see it get 403', async () => {
    const p = await project();
    const taskId = await labelledTask(p);
    const issue = await raise(as.ann1, taskId, {
      body: 'Whose is this?',
      assigneeId: id('ann2'),
      mentions: [id('rev')],
    });
    let revision = 1;
    const patch = (agent: Agent, status: 'open' | 'resolved') =>
      agent.patch(`/api/v1/issues/${issue.id}`, { revision, status });

    const before = await rowCounts();
    const mentioned = await patch(as.rev, 'resolved');
    expect(mentioned.status).toBe(403);
    expect(mentioned.body.error.code).toBe('forbidden');
    expect((await patch(as.outsider, 'resolved')).status).toBe(403);
    expect(await rowCounts()).toEqual(before);

    for (const [agent, status] of [
      [as.ann1, 'resolved'],
      [as.ann2, 'open'],
      [as.tm, 'resolved'],
      [env.admin, 'open'],
    ] as const) {
      const res = await patch(agent, status);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      revision = res.body.revision;
    }
    // An issue a member cannot see is not found, whatever they may do to their own.
    const hidden = await raise(as.tm, taskId, { body: 'Managers only' });
    const res = await as.rev.patch(`/api/v1/issues/${hidden.id}`, { revision: 1, status: 'resolved' });
    expect(res.status).toBe(404);
  });

  it('lists a project’s issues newest first, filtered by status, assignee, author, stage, task and label', async () => {
    const p = await project();
    const t0 = await labelledTask(p);
    const t1 = await claim(as.ann2, p.projectId);
    const made: Record<string, string> = {};
    const add = async (key: string, agent: Agent, taskId: string, body: object) => {
      env.clock.advance(1000);
      made[key] = (await raise(agent, taskId, { body: key, ...body })).id;
    };
    await add('a', as.ann1, t0, { labelId: 'obj_car', assigneeId: id('ann1') });
    await add('b', as.tm, t0, { assigneeId: id('ann2') });
    await add('c', as.ann2, t1, {});
    await add('d', as.tm, t1, { assigneeId: id('ann1') });
    const resolved = await as.tm.patch(`/api/v1/issues/${made.b}`, { revision: 1, status: 'resolved' });
    expect(resolved.status).toBe(200);
    // t0 goes to review; the reviewer raises one there.
    expect((await as.ann1.post(`/api/v1/tasks/${t0}/submit`)).status).toBe(200);
    expect(await claim(as.rev, p.projectId, 'review')).toBe(t0);
    await add('e', as.rev, t0, { assigneeId: id('ann1') });

    const list = async (query: string, agent: Agent = as.tm) => {
      const res = await agent.get(`/api/v1/projects/${p.projectId}/issues${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((i: { body: string }) => i.body).join('');
    };
    expect(await list('')).toBe('edcba');
    expect(await list('?status=open')).toBe('edca');
    expect(await list('?status=resolved')).toBe('b');
    expect(await list(`?assigneeId=${id('ann1')}`)).toBe('eda');
    expect(await list('?assigneeId=me', as.ann2)).toBe('b');
    expect(await list('?assigneeId=none')).toBe('c');
    expect(await list(`?authorId=${id('tm')}`)).toBe('db');
    expect(await list('?authorId=me', as.rev)).toBe('e');
    expect(await list('?stageId=review')).toBe('e');
    expect(await list('?stageId=annotate&status=open')).toBe('dca');
    expect(await list(`?taskId=${t1}`)).toBe('dc');
    expect(await list('?labelId=obj_car')).toBe('a');
    expect(await list(`?taskId=${t0}&assigneeId=${id('ann1')}&status=open`)).toBe('ea');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await as.tm.get(
        `/api/v1/projects/${p.projectId}/issues?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((i: { body: string }) => i.body));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.join('')).toBe('edcba');

    const base = `/api/v1/projects/${p.projectId}/issues`;
    expectInvalid(await as.tm.get(`${base}?cursor=nonsense`), 'cursor');
    expectInvalid(await as.tm.get(`${base}?status=closed`), 'status');
    expectInvalid(await as.tm.get(`${base}?assigneeId=someone`), 'assigneeId');
    expectInvalid(await as.tm.get(`${base}?limit=0`), 'limit');
    expectInvalid(await as.tm.get(`${base}?colour=red`), 'colour');
  });

  it('shows a worker only the issues that involve them, and managers every issue', async () => {
    const p = await project();
    const [t0, t1, t2] = p.taskIds as [string, string, string];
    // ann1 holds t0; ann2 works t1 through to review; nobody holds t2.
    expect(await labelledTask(p)).toBe(t0);
    expect(await claim(as.ann2, p.projectId)).toBe(t1);
    expect((await as.ann2.post(`/api/v1/tasks/${t1}/submit`)).status).toBe(200);
    const made: Record<string, string> = {};
    const add = async (key: string, taskId: string, body: object = {}) => {
      env.clock.advance(1000);
      made[key] = (await raise(env.admin, taskId, { body: key, ...body })).id;
    };
    await add('heldByAnn1', t0);
    await add('workedByAnn2', t1);
    await add('assignedAnn2', t2, { assigneeId: id('ann2') });
    await add('mentionsAnn2', t2, { mentions: [id('ann2')] });
    await add('nobodys', t2);
    made.byAnn2 = (await raise(as.ann2, t1, { body: 'byAnn2' })).id;

    const visible = async (agent: Agent) => {
      const res = await agent.get(`/api/v1/projects/${p.projectId}/issues`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((i: { body: string }) => i.body).sort();
    };
    expect(await visible(as.tm)).toEqual(Object.keys(made).sort());
    expect(await visible(env.admin)).toEqual(Object.keys(made).sort());
    expect(await visible(as.ann1)).toEqual(['heldByAnn1']);
    expect(await visible(as.ann2)).toEqual(['assignedAnn2', 'byAnn2', 'mentionsAnn2', 'workedByAnn2']);
    expect(await visible(as.rev)).toEqual([]);
    // The reviewer takes t1: its issues are now theirs to see.
    expect(await claim(as.rev, p.projectId, 'review')).toBe(t1);
    expect(await visible(as.rev)).toEqual(['byAnn2', 'workedByAnn2']);

    expect((await as.ann1.get(`/api/v1/issues/${made.nobodys}`)).status).toBe(404);
    expect((await as.ann2.get(`/api/v1/issues/${made.heldByAnn1}`)).status).toBe(404);
    expect((await as.ann2.get(`/api/v1/issues/${made.workedByAnn2}`)).status).toBe(200);
    expect((await as.tm.get(`/api/v1/issues/${made.nobodys}`)).status).toBe(200);
    expect((await as.ann1.get('/api/v1/issues/00000000-0000-7000-8000-000000000000')).status).toBe(404);
    const outsider = await as.outsider.get(`/api/v1/issues/${made.nobodys}`);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.code).toBe('forbidden');
    expect((await as.outsider.get(`/api/v1/projects/${p.projectId}/issues`)).status).toBe(403);
    // A task the caller may not see takes no issues from them.
    const hidden = await as.rev.post(`/api/v1/tasks/${t2}/issues`, { body: 'x' });
    expect(hidden.status).toBe(403);
  });

  it('lists a user’s issues across their projects by involvement and status', async () => {
    const p1 = await project();
    const p2 = await project();
    const t1 = await claim(as.ann1, p1.projectId);
    const t2 = await claim(as.ann1, p2.projectId);
    const make = async (agent: Agent, taskId: string, body: string, extra: object = {}) => {
      env.clock.advance(1000);
      return (await raise(agent, taskId, { body, ...extra })).id as string;
    };
    await make(as.ann1, t1, 'mine1');
    await make(as.tm, t1, 'assigned1', { assigneeId: id('ann1') });
    const resolvedOne = await make(as.tm, t2, 'assigned2', { assigneeId: id('ann1') });
    await make(as.tm, t2, 'mention2', { mentions: [id('ann1')] });
    await make(as.tm, t2, 'other2');
    await as.tm.patch(`/api/v1/issues/${resolvedOne}`, { revision: 1, status: 'resolved' });

    const mine = async (query: string) => {
      const res = await as.ann1.get(`/api/v1/issues${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items
        .filter((i: { projectId: string }) => [p1.projectId, p2.projectId].includes(i.projectId))
        .map((i: { body: string }) => i.body);
    };
    expect(await mine('')).toEqual(['mention2', 'assigned2', 'assigned1', 'mine1']);
    expect(await mine('?involvement=assigned')).toEqual(['assigned2', 'assigned1']);
    expect(await mine('?involvement=assigned&status=open')).toEqual(['assigned1']);
    expect(await mine('?involvement=authored')).toEqual(['mine1']);
    expect(await mine('?involvement=mentioned')).toEqual(['mention2']);
    expect(await mine('?status=resolved')).toEqual(['assigned2']);
    expectInvalid(await as.ann1.get('/api/v1/issues?involvement=watching'), 'involvement');

    // Off the project, its issues are off the list.
    const removed = await env.admin.delete(`/api/v1/projects/${p2.projectId}/members/user/${id('ann1')}`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(await mine('')).toEqual(['assigned1', 'mine1']);
    expect((await as.outsider.get('/api/v1/issues')).body.items).toEqual([]);
  });

  it('keeps the status gate: paused projects take issue changes from managers only, archived from nobody', async () => {
    const p = await project();
    const taskId = await labelledTask(p);
    const issue = await raise(as.ann1, taskId, { body: 'Before the pause', assigneeId: id('ann1') });
    const setStatus = async (status: string) => {
      const revision = (await env.admin.get(`/api/v1/projects/${p.projectId}`)).body.revision;
      const res = await env.admin.request('PUT', `/api/v1/projects/${p.projectId}/status`, {
        status,
        reason: 'test',
        revision,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };

    await setStatus('paused');
    const before = await rowCounts();
    for (const res of [
      await as.ann1.post(`/api/v1/tasks/${taskId}/issues`, { body: 'During the pause' }),
      await as.ann1.post(`/api/v1/issues/${issue.id}/comments`, { body: 'During the pause' }),
      await as.ann1.patch(`/api/v1/issues/${issue.id}`, { revision: 1, status: 'resolved' }),
    ]) {
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body.error.code).toBe('project_not_active');
    }
    expect(await rowCounts()).toEqual(before);
    // Reading is not working on tasks: the thread stays readable.
    expect((await as.ann1.get(`/api/v1/issues/${issue.id}`)).status).toBe(200);
    expect((await as.ann1.get(`/api/v1/projects/${p.projectId}/issues`)).body.items).toHaveLength(1);
    expect((await as.tm.post(`/api/v1/issues/${issue.id}/comments`, { body: 'Managers go on' })).status).toBe(
      201,
    );
    await raise(as.tm, taskId, { body: 'Managers go on' });

    await setStatus('archived');
    const archived = await rowCounts();
    for (const res of [
      await as.tm.post(`/api/v1/tasks/${taskId}/issues`, { body: 'x' }),
      await as.tm.post(`/api/v1/issues/${issue.id}/comments`, { body: 'x' }),
      await as.tm.patch(`/api/v1/issues/${issue.id}`, { revision: 1, status: 'resolved' }),
      await env.admin.request('PUT', `/api/v1/projects/${p.projectId}/issue-tags`, { names: ['x'] }),
    ]) {
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body.error.code).toBe('project_archived');
    }
    expect(await rowCounts()).toEqual(archived);
  });

  it('lets managers replace the project’s issue tags (audited) and everyone on the project read them', async () => {
    const p = await project();
    const url = `/api/v1/projects/${p.projectId}/issue-tags`;
    expect((await as.ann1.get(url)).body).toEqual({ items: [] });

    const put = await as.tm.request('PUT', url, { names: ['Wrong class', ' Loose box ', 'Wrong class'] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const expected = { items: [{ name: 'Loose box' }, { name: 'Wrong class' }] };
    expect(put.body).toEqual(expected);
    expect((await as.ann1.get(url)).body).toEqual(expected);

    const audit = async () =>
      (await env.admin.get(`/api/v1/audit?action=project.update_issue_tags&targetId=${p.projectId}`)).body
        .items;
    expect(await audit()).toMatchObject([
      { actor: { id: id('tm') }, before: { names: [] }, after: { names: ['Loose box', 'Wrong class'] } },
    ]);
    // The same list again changes nothing, so there is nothing to audit.
    await as.tm.request('PUT', url, { names: ['Loose box', 'Wrong class'] });
    expect(await audit()).toHaveLength(1);
    const replaced = await env.admin.request('PUT', url, { names: ['Occluded'] });
    expect(replaced.body).toEqual({ items: [{ name: 'Occluded' }] });

    const before = await rowCounts();
    const refused = await as.ann1.request('PUT', url, { names: ['Mine'] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await as.outsider.get(url)).status).toBe(403);
    expectInvalid(await as.tm.request('PUT', url, { names: ['  '] }), 'names.0');
    expectInvalid(
      await as.tm.request('PUT', url, { names: Array.from({ length: 101 }, (_, i) => `t${i}`) }),
      'names',
    );
    expectInvalid(await as.tm.request('PUT', url, {}), 'names');
    expect(await rowCounts()).toEqual(before);
    expect((await as.ann1.get(url)).body).toEqual({ items: [{ name: 'Occluded' }] });
  });

  it('counts open and all issues in the queue and on the task, and filters the queue by open issues', async () => {
    const p = await project();
    const [t0, t1, t2] = p.taskIds as [string, string, string];
    await raise(as.tm, t0, { body: 'one' });
    await raise(as.tm, t0, { body: 'two' });
    const gone = await raise(as.tm, t0, { body: 'three' });
    await as.tm.patch(`/api/v1/issues/${gone.id}`, { revision: 1, status: 'resolved' });
    const fixed = await raise(as.tm, t1, { body: 'fixed' });
    await as.tm.patch(`/api/v1/issues/${fixed.id}`, { revision: 1, status: 'resolved' });

    const queue = async (query: string, agent: Agent = as.tm) => {
      const res = await agent.get(`/api/v1/projects/${p.projectId}/tasks${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items as { id: string; openIssues: number; issues: number }[];
    };
    const counts = Object.fromEntries((await queue('')).map((t) => [t.id, [t.openIssues, t.issues]]));
    expect(counts).toEqual({ [t0]: [2, 3], [t1]: [0, 1], [t2]: [0, 0] });
    expect((await queue('?issues=open')).map((t) => t.id)).toEqual([t0]);
    expect((await queue('?issues=none')).map((t) => t.id).sort()).toEqual([t1, t2].sort());
    expect((await queue('?issues=open&status=new')).map((t) => t.id)).toEqual([t0]);
    // Workers' lists count the same way, within what they may see of the queue.
    expect((await queue('?issues=open', as.ann1)).map((t) => [t.id, t.openIssues])).toEqual([[t0, 2]]);
    expectInvalid(await as.tm.get(`/api/v1/projects/${p.projectId}/tasks?issues=some`), 'issues');

    const detail = await as.tm.get(`/api/v1/tasks/${t0}`);
    expect(detail.body).toMatchObject({ id: t0, openIssues: 2, issues: 3 });
    const claimed = await as.ann1.post(`/api/v1/tasks/${t2}/claim`);
    expect(claimed.body).toMatchObject({ id: t2, openIssues: 0, issues: 0 });
  });

  it('raiseIssues opens issues with their events in the caller’s transaction (for reviews)', async () => {
    const p = await project();
    const [t0, t1] = p.taskIds as [string, string];
    const at = new Date(env.clock.now);
    const ids = await env.deps.db.transaction().execute((trx) =>
      raiseIssues(trx, at, [
        {
          projectId: p.projectId,
          taskId: t0,
          stageId: 'review',
          authorId: id('rev'),
          body: 'Box too loose',
          tags: ['Loose box'],
          labelId: 'obj_car',
          assigneeId: id('ann1'),
        },
        {
          projectId: p.projectId,
          taskId: t1,
          stageId: 'review',
          authorId: id('rev'),
          body: 'Redo',
          tags: [],
        },
      ]),
    );
    expect(ids).toHaveLength(2);
    const first = await as.tm.get(`/api/v1/issues/${ids[0]}`);
    expect(first.body).toMatchObject({
      taskId: t0,
      labelId: 'obj_car',
      stageId: 'review',
      author: { id: id('rev') },
      assignee: { id: id('ann1') },
      tags: ['Loose box'],
      status: 'open',
      createdAt: at.toISOString(),
    });
    expect((await as.tm.get(`/api/v1/issues/${ids[1]}`)).body).toMatchObject({
      labelId: null,
      assignee: null,
    });
    expect((await eventsOf(t0, 'issue_opened'))[0]).toMatchObject({
      actorId: id('rev'),
      subjectId: id('ann1'),
      stageId: 'review',
      data: { issueId: ids[0], labelId: 'obj_car', tags: ['Loose box'] },
    });
    expect(await env.deps.db.transaction().execute((trx) => raiseIssues(trx, at, []))).toEqual([]);

    // A failure later in the caller's transaction takes the issues with it.
    const before = await rowCounts();
    await expect(
      env.deps.db.transaction().execute(async (trx) => {
        await raiseIssues(trx, at, [
          { projectId: p.projectId, taskId: t0, stageId: null, authorId: id('rev'), body: 'x', tags: [] },
        ]);
        throw new Error('the review failed');
      }),
    ).rejects.toThrow('the review failed');
    expect(await rowCounts()).toEqual(before);
  });
});
