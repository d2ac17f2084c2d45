import { expect, it } from 'vitest';
import { nowIso } from '../src/server/db/ids.ts';
import type { Agent } from './helpers/agent.ts';
import { describeEachDialect, type TestEnv } from './helpers/env.ts';
import { unitsFixture } from './helpers/project-fixtures.ts';
import { queueWorld } from './helpers/queue-manage-fixtures.ts';

type Row = { id: string; priority: number; title: string };

/** Every page of the list, following nextCursor. */
async function pageThrough(agent: Agent, url: string, limit: number) {
  const seen: any[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const sep = url.includes('?') ? '&' : '?';
    const res: { status: number; body: any } = await agent.get(
      `${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    seen.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('too many pages');
}

const ids = (items: { id: string }[]) => items.map((t) => t.id);

async function rowsOf(env: TestEnv, projectId: string): Promise<Row[]> {
  return env.deps.db
    .selectFrom('tasks')
    .innerJoin('data_units as u', 'u.id', 'tasks.data_unit_id')
    .select(['tasks.id', 'tasks.priority', 'u.title'])
    .where('tasks.project_id', '=', projectId)
    .execute();
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

describeEachDialect('the queue list', (env) => {
  it('pages through 250 tasks in each sort and order, each task exactly once, in the claim’s order', async () => {
    const w = await queueWorld(env, { units: 250 });
    for (const [i, id] of w.taskIds.entries()) {
      await env.deps.db
        .updateTable('tasks')
        .set({ priority: (i * 37) % 11 })
        .where('id', '=', id)
        .execute();
    }
    const rows = await rowsOf(env, w.projectId);
    const base = `/api/v1/projects/${w.projectId}/tasks`;
    const byPriority = [...rows].sort((a, b) => b.priority - a.priority || cmp(a.id, b.id));
    const byName = [...rows].sort((a, b) => cmp(a.title, b.title) || cmp(a.id, b.id));
    const cases: [string, Row[]][] = [
      [base, byPriority],
      [`${base}?sort=priority&order=asc`, [...byPriority].reverse()],
      [`${base}?sort=name`, byName],
      [`${base}?sort=name&order=desc`, [...byName].reverse()],
    ];
    for (const [url, expected] of cases) {
      const seen = await pageThrough(w.manager, url, 37);
      expect(ids(seen), url).toEqual(ids(expected));
    }
    const page = await w.manager.get(`${base}?limit=2`);
    expect(page.body.items[0]).toMatchObject({
      stageId: 'annotate',
      stageName: 'Annotate',
      status: 'new',
      datasetId: w.datasetId,
    });
    const wrongSort = await w.manager.get(`${base}?sort=name&cursor=${page.body.nextCursor}`);
    expect(wrongSort.status).toBe(400);
    expect(wrongSort.body.error.field).toBe('cursor');
  });

  it('filters by stage, status, assignee, dataset, kind and title', async () => {
    const w = await queueWorld(env, { units: 6 });
    const [t0, t1, t2, t3, t4] = w.taskIds;
    const base = `/api/v1/projects/${w.projectId}/tasks`;
    await w.manager.post(`/api/v1/tasks/${t0}/assign`, { userId: w.annotator.user!.id });
    await w.manager.post(`/api/v1/tasks/${t1}/assign`, { userId: w.manager.user!.id });
    await w.manager.post(`/api/v1/tasks/${t2}/move`, { stageId: 'review', reason: 'r' });
    // A lapsed claim shows, and filters, as released with nobody holding it.
    await env.deps.db
      .updateTable('tasks')
      .set({
        assignee_id: w.annotator2.user!.id,
        pinned: 0,
        status: 'assigned',
        lease_expires_at: nowIso(env.clock.now - 1000),
      })
      .where('id', '=', t3!)
      .execute();
    const get = async (q: string) => ids((await w.manager.get(`${base}?${q}`)).body.items).sort();
    expect(await get('stageId=review')).toEqual([t2]);
    expect(await get('status=assigned')).toEqual([t0, t1].sort());
    expect(await get('status=released')).toEqual([t3]);
    expect(await get(`assigneeId=${w.annotator.user!.id}`)).toEqual([t0]);
    expect(await get('assigneeId=me')).toEqual([t1]);
    expect(await get(`assigneeId=${w.annotator2.user!.id}`)).toEqual([]);
    expect(await get('assigneeId=none')).toEqual([t2, t3, t4, w.taskIds[5]].sort());
    expect(await get('kind=image')).toEqual([]);
    expect(await get('kind=text')).toHaveLength(6);
    const titled = await w.manager.get(`${base}?limit=1`);
    const title: string = titled.body.items[0].title;
    expect(await get(`q=${encodeURIComponent(title.toUpperCase())}`)).toEqual([titled.body.items[0].id]);
    const other = await env.admin.post('/api/v1/datasets', { name: `Second ${w.projectId}` });
    await env.admin.post(`/api/v1/projects/${w.projectId}/datasets`, { datasetId: other.body.id });
    await unitsFixture(env, other.body.id, 2);
    expect(await get(`datasetId=${other.body.id}`)).toHaveLength(2);
    expect(await get(`datasetId=${w.datasetId}`)).toHaveLength(6);
    expect((await w.manager.get(`${base}?status=bogus`)).body.error.field).toBe('status');
    expect((await w.manager.get(`${base}?assigneeId=someone`)).status).toBe(400);
  });

  it('shows workers their own tasks and those they could claim, not others’ or other stages’', async () => {
    const w = await queueWorld(env, { units: 5, status: 'in_progress' });
    const [mine, theirs, review, free] = w.taskIds;
    await w.manager.post(`/api/v1/tasks/${mine}/assign`, { userId: w.annotator.user!.id });
    await w.manager.post(`/api/v1/tasks/${theirs}/assign`, { userId: w.annotator2.user!.id });
    await w.manager.post(`/api/v1/tasks/${review}/move`, { stageId: 'review', reason: 'r' });
    const base = `/api/v1/projects/${w.projectId}/tasks`;
    const seen = ids(await pageThrough(w.annotator, base, 2)).sort();
    expect(seen).toEqual([mine, free, w.taskIds[4]].sort());
    expect((await w.annotator.get(`${base}?stageId=review`)).body).toEqual({ items: [], nextCursor: null });
    expect(ids((await w.reviewer.get(base)).body.items)).toEqual([review]);
    expect(ids((await w.annotator.get(`${base}?assigneeId=me`)).body.items)).toEqual([mine]);
    expect(await pageThrough(w.manager, base, 50)).toHaveLength(5);
    const stranger = await env.user('tasker');
    expect((await stranger.get(base)).status).toBe(403);
  });

  it('counts tasks per stage of the workflow by status, a lapsed claim as released', async () => {
    const w = await queueWorld(env, { units: 4 });
    const [a, b, c] = w.taskIds;
    await w.manager.post(`/api/v1/tasks/${a}/assign`, { userId: w.annotator.user!.id });
    await w.manager.post(`/api/v1/tasks/${b}/move`, { stageId: 'complete', reason: 'c' });
    await env.deps.db
      .updateTable('tasks')
      .set({
        assignee_id: w.annotator2.user!.id,
        pinned: 0,
        status: 'assigned',
        lease_expires_at: nowIso(env.clock.now - 1),
      })
      .where('id', '=', c!)
      .execute();
    const res = await w.annotator.get(`/api/v1/projects/${w.projectId}/stages/counts`);
    expect(res.status).toBe(200);
    const zero = { new: 0, assigned: 0, released: 0, skipped: 0, reopened: 0, completed: 0 };
    expect(res.body.stages).toEqual([
      { stageId: 'annotate', total: 3, byStatus: { ...zero, new: 1, assigned: 1, released: 1 } },
      { stageId: 'review', total: 0, byStatus: zero },
      { stageId: 'complete', total: 1, byStatus: { ...zero, completed: 1 } },
    ]);
  });
});
