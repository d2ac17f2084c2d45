import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { builtInWorkflow, type Workflow } from '../src/core/workflow/index.ts';
import type { RequestContext } from '../src/server/http/context.ts';
import { finishTask, nextTask } from '../src/server/modules/queue/work.ts';
import { describeEachDialect, type TestEnv } from './helpers/env.ts';
import { bulkMembers, bulkTasks, bulkWorkers } from './helpers/queue-bulk.ts';
import { queueProject } from './helpers/queue-fixtures.ts';
import { mulberry32 } from './helpers/seeded-random.ts';

// Hundreds of annotators pulling work from one project at once, through the real services
// (nextTask / finishTask with a RequestContext per user, as the routes call them), on both
// databases. On PostgreSQL the claims run on several pooled connections (GLOSS_PG_POOL_SIZE,
// default 10), so FOR UPDATE SKIP LOCKED is what keeps two of them off one task; on SQLite the
// single connection serialises transactions while the workers interleave between them.

const ANNOTATORS = 200;
const BULK_TASKS = 20_000;
const CONSENSUS_TASKS = 2_000;
const CONSENSUS_N = 3;
// Each claim and each submit is a full service transaction (about 13 and 10 statements), so
// the run takes minutes, not seconds: 40,000 transactions for the bulk run alone.
const TIMEOUT = 900_000;

/**
 * One claim as the test saw it. `start` and `end` are ticks of one counter bumped when a call is
 * made and when its answer arrives: JavaScript runs one thing at a time, so if B.start > A.end,
 * B's transaction began after A's had committed.
 */
interface Claim {
  worker: number;
  taskId: string;
  priority: number;
  start: number;
  end: number;
}

interface Run {
  claims: Claim[];
  failures: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Every worker loops: next task, then submit it, until the test has seen every task finished by
 * `perTask` people. An empty answer is not the end: on PostgreSQL SKIP LOCKED passes over tasks
 * another claim has locked that instant, and in consensus a task may still want a third person
 * — so the worker waits a moment and asks again.
 */
async function drain(
  env: TestEnv,
  workers: RequestContext[],
  project: { projectId: string; stageId: string; total: number; perTask: number },
): Promise<Run> {
  let tick = 0;
  const claims: Claim[] = [];
  const failures: string[] = [];
  const claimers = new Map<string, Set<number>>();
  const submitted = new Map<string, number>();
  let finished = 0;
  const deadline = Date.now() + TIMEOUT - 30_000;
  await Promise.all(
    workers.map(async (ctx, w) => {
      while (finished < project.total && failures.length === 0) {
        if (Date.now() > deadline) {
          failures.push(`worker ${w}: gave up with ${finished}/${project.total} tasks finished`);
          return;
        }
        const start = ++tick;
        const task = await nextTask(env.deps, ctx, project.projectId, project.stageId);
        const end = ++tick;
        if (!task) {
          await sleep(5);
          continue;
        }
        claims.push({ worker: w, taskId: task.id, priority: task.priority, start, end });
        // The live check: a task's claimers never outnumber what its stage allows (one, or N;
        // nobody releases here, so everyone who ever claimed it still counts).
        const who = claimers.get(task.id) ?? new Set<number>();
        if (who.has(w)) failures.push(`${task.id} handed to worker ${w} twice`);
        who.add(w);
        claimers.set(task.id, who);
        if (who.size > project.perTask)
          failures.push(`${task.id} held by ${who.size} workers: ${[...who].join(', ')}`);
        try {
          await finishTask(env.deps, ctx, task.id, 'done', {});
        } catch (err) {
          failures.push(`worker ${w} could not submit ${task.id}: ${String(err)}`);
          return;
        }
        const n = (submitted.get(task.id) ?? 0) + 1;
        submitted.set(task.id, n);
        if (n === project.perTask) finished++;
      }
    }),
  );
  return { claims, failures };
}

/**
 * Single-holder stage, nobody releases or skips: every task is eligible to every worker until
 * it is claimed, once. Claim A (priority p) broke priority order if some task T of priority > p
 * was still unclaimed throughout A — which the test knows for sure only when T's claim started
 * after A's answer arrived (T.start > A.end). Tolerated: T claimed by a call that overlapped A;
 * that call may have committed (SQLite) or locked T (PostgreSQL, SKIP LOCKED) before A's scan,
 * and the test cannot tell, so it does not count.
 */
function priorityViolationsSingle(claims: Claim[]): string[] {
  const latestStartAbove = new Map<number, Claim>();
  for (const c of claims) {
    const seen = latestStartAbove.get(c.priority);
    if (!seen || c.start > seen.start) latestStartAbove.set(c.priority, c);
  }
  // For each priority, the claim of a strictly higher priority that started last.
  const above: (Claim | undefined)[] = [];
  let best: Claim | undefined;
  for (let p = 100; p >= 0; p--) {
    above[p] = best;
    const here = latestStartAbove.get(p);
    if (here && (!best || here.start > best.start)) best = here;
  }
  const out: string[] = [];
  for (const a of claims) {
    const t = above[a.priority];
    if (t && t.start > a.end)
      out.push(
        `worker ${a.worker} got priority ${a.priority} (${a.taskId}) while ${t.taskId} (priority ${t.priority}) was free until after`,
      );
  }
  return out;
}

/**
 * Consensus stage (N holds, nobody releases): task T was eligible to A's worker throughout A when
 * that worker never claimed T before A (their calls are sequential, so a claim of theirs that
 * started before A.end ended before A began) and fewer than N claims of T started before A.end —
 * the holds that could have existed during A. Claims of T that started before A.end but had not
 * answered yet are counted as if they had committed first: the race the test tolerates.
 */
function priorityViolationsConsensus(claims: Claim[], n: number): string[] {
  const byTask = new Map<string, Claim[]>();
  for (const c of claims) byTask.set(c.taskId, [...(byTask.get(c.taskId) ?? []), c]);
  const tasks = [...byTask.entries()].map(([id, cs]) => ({ id, priority: cs[0]!.priority, claims: cs }));
  tasks.sort((x, y) => y.priority - x.priority);
  const out: string[] = [];
  for (const a of claims) {
    for (const t of tasks) {
      if (t.priority <= a.priority) break;
      const before = t.claims.filter((c) => c.start < a.end);
      if (before.length < n && !before.some((c) => c.worker === a.worker)) {
        out.push(
          `worker ${a.worker} got priority ${a.priority} (${a.taskId}) while ${t.id} (priority ${t.priority}) had ${before.length}/${n} holders`,
        );
        break;
      }
    }
  }
  return out;
}

/**
 * The database's own account: every task ended in Complete, finished by exactly `perTask`
 * distinct people in the start stage, and replaying each task's events in order never shows
 * more holders than the stage allows (claimed adds the claimer; in single-holder stages
 * submitted removes them, in consensus a submitted branch still counts against N).
 */
async function checkDatabase(
  env: TestEnv,
  project: { projectId: string; stageId: string; total: number; perTask: number },
) {
  const db = env.deps.db;
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'stage_id', 'status', 'assignee_id'])
    .where('project_id', '=', project.projectId)
    .execute();
  expect(tasks).toHaveLength(project.total);
  const notDone = tasks.filter((t) => t.stage_id !== 'complete' || t.status !== 'completed' || t.assignee_id);
  expect(notDone.slice(0, 5)).toEqual([]);

  const workers = await db
    .selectFrom('task_workers')
    .innerJoin('tasks', 'tasks.id', 'task_workers.task_id')
    .select(['task_workers.task_id', 'task_workers.user_id', 'task_workers.stage_id'])
    .where('tasks.project_id', '=', project.projectId)
    .execute();
  const workedBy = new Map<string, Set<string>>();
  for (const w of workers) {
    expect(w.stage_id).toBe(project.stageId);
    workedBy.set(w.task_id, (workedBy.get(w.task_id) ?? new Set()).add(w.user_id));
  }
  const wrongCount = tasks.filter((t) => workedBy.get(t.id)?.size !== project.perTask);
  expect(wrongCount.slice(0, 5).map((t) => [t.id, workedBy.get(t.id)?.size ?? 0])).toEqual([]);
  expect(workers).toHaveLength(project.total * project.perTask);

  const events = await db
    .selectFrom('task_events')
    .select(['task_id', 'kind', 'actor_id', 'subject_id'])
    .where('project_id', '=', project.projectId)
    .orderBy('id')
    .execute();
  const holders = new Map<string, Set<string>>();
  const counts = new Map<string, Record<string, number>>();
  const problems: string[] = [];
  for (const e of events) {
    const c = counts.get(e.task_id) ?? {};
    c[e.kind] = (c[e.kind] ?? 0) + 1;
    counts.set(e.task_id, c);
    const held = holders.get(e.task_id) ?? new Set<string>();
    holders.set(e.task_id, held);
    if (e.kind === 'claimed') {
      held.add(e.subject_id!);
      if (held.size > project.perTask) problems.push(`${e.task_id}: ${held.size} holders after a claim`);
    } else if (e.kind === 'submitted' && project.perTask === 1) {
      held.delete(e.actor_id!);
    } else if (e.kind === 'completed') {
      held.clear();
    }
  }
  expect(problems.slice(0, 5)).toEqual([]);
  // A consensus stage closes once, when the last branch is in.
  const closings = project.perTask > 1 ? { consensus_closed: 1 } : {};
  const expected = { claimed: project.perTask, submitted: project.perTask, ...closings, completed: 1 };
  const off = tasks.filter((t) => JSON.stringify(counts.get(t.id)) !== JSON.stringify(expected));
  expect(off.slice(0, 5).map((t) => [t.id, counts.get(t.id)])).toEqual([]);
}

async function setUp(env: TestEnv, workflow: Workflow, stageId: string, total: number, seed: number) {
  const project = await queueProject(env, { workflow });
  const random = mulberry32(seed);
  await bulkTasks(env, {
    projectId: project.projectId,
    datasetId: project.datasetId,
    stageId,
    count: total,
    priority: () => Math.floor(random() * 101),
  });
  return project.projectId;
}

describeEachDialect('queue: hundreds of annotators at once', (env) => {
  let workers: RequestContext[];
  let bulkProject: string;
  beforeAll(async () => {
    // SQLite: no fsync per commit here (the server runs synchronous=FULL). 60,000 commits would
    // otherwise time the shared disk; the single connection serialises transactions either way,
    // which is what the test is about.
    if (env.dialect === 'sqlite') await sql`pragma synchronous = normal`.execute(env.deps.db);
    bulkProject = await setUp(env, builtInWorkflow('annotate')!, 'annotate', BULK_TASKS, 4);
    workers = await bulkWorkers(env, bulkProject, ANNOTATORS);
  }, 120_000);

  it(
    `${ANNOTATORS} annotators drain ${BULK_TASKS} tasks: each claimed and completed once, in priority order`,
    async () => {
      const project = { projectId: bulkProject, stageId: 'annotate', total: BULK_TASKS, perTask: 1 };
      const run = await drain(env, workers, project);
      expect(run.failures.slice(0, 5)).toEqual([]);
      expect(run.claims).toHaveLength(BULK_TASKS);
      expect(new Set(run.claims.map((c) => c.taskId)).size).toBe(BULK_TASKS);
      // Work was spread: a serialised queue would hand everything to a few fast workers.
      expect(new Set(run.claims.map((c) => c.worker)).size).toBeGreaterThan(ANNOTATORS / 2);
      expect(priorityViolationsSingle(run.claims).slice(0, 5)).toEqual([]);
      await checkDatabase(env, project);
    },
    TIMEOUT,
  );

  it(
    `${ANNOTATORS} annotators label ${CONSENSUS_TASKS} consensus tasks ${CONSENSUS_N} times each, never ${CONSENSUS_N + 1}`,
    async () => {
      const workflow: Workflow = {
        formatVersion: 1,
        stages: [
          {
            id: 'consensus',
            name: 'Consensus',
            type: 'consensus',
            start: true,
            settings: { annotatorCount: CONSENSUS_N },
          },
          { id: 'complete', name: 'Complete', type: 'complete', settings: {} },
        ],
        edges: [{ from: 'consensus', to: 'complete', kind: 'done' }],
      };
      const projectId = await setUp(env, workflow, 'consensus', CONSENSUS_TASKS, 7);
      await bulkMembers(
        env,
        projectId,
        workers.map((w) => w.user.id),
        'annotator',
      );
      const project = { projectId, stageId: 'consensus', total: CONSENSUS_TASKS, perTask: CONSENSUS_N };
      const run = await drain(env, workers, project);
      expect(run.failures.slice(0, 5)).toEqual([]);
      expect(run.claims).toHaveLength(CONSENSUS_TASKS * CONSENSUS_N);
      expect(priorityViolationsConsensus(run.claims, CONSENSUS_N).slice(0, 5)).toEqual([]);
      await checkDatabase(env, project);
    },
    TIMEOUT,
  );
});
