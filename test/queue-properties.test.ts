import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectRole } from '../src/core/roles.ts';
import {
  type Edge,
  REVIEW_STAGE_TYPES,
  type Stage,
  TERMINAL_STAGE_TYPES,
  validateWorkflow,
  WORK_STAGE_TYPES,
  type Workflow,
} from '../src/core/workflow/index.ts';
import { nowIso } from '../src/server/db/ids.ts';
import type { RequestContext } from '../src/server/http/context.ts';
import { AppError } from '../src/server/http/errors.ts';
import { sweepExpiredLeases } from '../src/server/modules/queue/leases.ts';
import { assignTask, moveTask } from '../src/server/modules/queue/manage.ts';
import { finishTask, nextTask, releaseTask, skipTask } from '../src/server/modules/queue/work.ts';
import { createTestEnv, type TestEnv } from './helpers/env.ts';
import { bulkMembers, bulkTasks, bulkUsers, contextOf } from './helpers/queue-bulk.ts';
import { queueProject } from './helpers/queue-fixtures.ts';

// Random workflows and random sequences of what workers and managers do, with the queue's
// invariants checked after every step: each task sits in one existing, non-router stage; none is
// lost; single-holder stages have at most one holder and no consensus holds; consensus stages
// at most N live holds; a task in a terminal stage is completed and held by nobody.
//
// SQLite only: a property run replays the same steps many times (and again while shrinking), and
// needs each step to finish before the next so the steps are reproducible; SQLite's single
// connection gives that at ~1 ms a transaction. Concurrency on PostgreSQL is the business of
// queue-concurrency.test.ts.

const LEASE_MINUTES = 5;
const TASKS = 5;
const ROLES: ProjectRole[] = [
  'annotator',
  'annotator',
  'annotator',
  'reviewer',
  'reviewer',
  'annotator_reviewer',
];

type Middle = 'annotate' | 'review' | 'router';

/**
 * A valid workflow from building blocks: an annotate or consensus start, then a chain of
 * annotate, review and router stages, then Complete (and, sometimes, Archive behind a last
 * router). Every stage leads forward to the next (routers: their first branch), reviews send
 * rejections back to an earlier annotate/consensus stage, and routers split by percentages over
 * later stages — so everything is reachable and every path ends.
 */
const workflowArb = fc
  .record({
    consensusStart: fc.boolean(),
    annotators: fc.integer({ min: 2, max: 3 }),
    middle: fc.array(fc.constantFrom<Middle>('annotate', 'review', 'router'), { maxLength: 4 }),
    archive: fc.boolean(),
    sampleRates: fc.array(fc.constantFrom(100, 100, 50), { minLength: 4, maxLength: 4 }),
    picks: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
    reassess: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  })
  .map(({ consensusStart, annotators, middle, archive, sampleRates, picks, reassess }): Workflow => {
    let pick = 0;
    const nextPick = () => picks[pick++ % picks.length]!;
    const lease = { leaseMinutes: LEASE_MINUTES };
    const stages: Stage[] = [
      consensusStart
        ? {
            id: 's0',
            name: 'Consensus',
            type: 'consensus',
            start: true,
            settings: { ...lease, annotatorCount: annotators },
          }
        : { id: 's0', name: 'Annotate', type: 'annotate', start: true, settings: lease },
    ];
    const kinds: Middle[] = [...middle, ...(archive ? ['router' as const] : [])];
    kinds.forEach((kind, k) => {
      const i = k + 1;
      const settings =
        kind === 'router'
          ? {}
          : kind === 'review'
            ? { ...lease, sampleRate: sampleRates[k % 4]!, allowReassessment: reassess[k]! }
            : { ...lease, allowReassessment: reassess[k]! };
      stages.push({ id: `s${i}`, name: `${kind} ${i}`, type: kind, settings });
    });
    stages.push({ id: 'complete', name: 'Complete', type: 'complete', settings: {} });
    if (archive) stages.push({ id: 'archive', name: 'Archive', type: 'archive', settings: {} });

    const edges: Edge[] = [];
    const last = stages.length - (archive ? 2 : 1); // index of Complete
    for (let i = 0; i < last; i++) {
      const s = stages[i]!;
      const next = stages[i + 1]!.id;
      if (s.type === 'annotate' || s.type === 'consensus') edges.push({ from: s.id, to: next, kind: 'done' });
      else if (s.type === 'review') {
        const back = stages.slice(0, i).filter((b) => b.type === 'annotate' || b.type === 'consensus');
        edges.push({ from: s.id, to: next, kind: 'approved' });
        edges.push({ from: s.id, to: back[nextPick() % back.length]!.id, kind: 'rejected' });
      } else {
        // The archive router (the last one) splits between Complete and Archive; the others
        // between the next stage and up to two later ones.
        const toArchive = archive && i === last - 1;
        const later = toArchive
          ? ['archive']
          : stages
              .slice(i + 2, last + 1)
              .map((t) => t.id)
              .filter(() => nextPick() % 2 === 0)
              .slice(0, 2);
        const targets = [next, ...later];
        const share = Math.floor(100 / targets.length);
        targets.forEach((to, b) => {
          const percent = b === targets.length - 1 ? 100 - share * b : share;
          edges.push({ from: s.id, to, kind: 'branch', branch: { kind: 'percentage', percent } });
        });
      }
    }
    return { formatVersion: 1, stages, edges };
  });

type Step =
  | { kind: 'next'; user: number; stage: number }
  /** next, then finish what it gave: tasks get through the workflow, not only claimed. */
  | { kind: 'work'; user: number; stage: number; approve: boolean }
  | {
      kind: 'act';
      op: 'submit' | 'approve' | 'reject' | 'skip' | 'release';
      task: number;
      user: number;
      holder: boolean;
    }
  | { kind: 'clock'; minutes: number }
  | { kind: 'sweep' }
  | { kind: 'move'; task: number; stage: number }
  | { kind: 'assign'; task: number; user: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('next'), user: fc.nat(), stage: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('work'),
      user: fc.nat(),
      stage: fc.nat(),
      approve: fc.boolean(),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('act'),
      op: fc.constantFrom('submit', 'approve', 'reject', 'skip', 'release'),
      task: fc.nat(),
      user: fc.nat(),
      holder: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('clock'),
      minutes: fc.integer({ min: 1, max: 2 * LEASE_MINUTES }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sweep') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move'), task: fc.nat(), stage: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('assign'), task: fc.nat(), user: fc.nat() }) },
) as fc.Arbitrary<Step>;

/** Actions that went through, by kind: the runs must have done something for the invariants to mean anything. */
const done = new Map<string, number>();

/** A rejection needs a reason. */
const REJECTION = { note: 'property test' };

/** Refusals (4xx) are part of the game: most random actions are not allowed at that moment. */
async function tolerateRefusal(kind: string, action: () => Promise<unknown>) {
  try {
    if ((await action()) === null) return; // no next task
    done.set(kind, (done.get(kind) ?? 0) + 1);
  } catch (err) {
    if (err instanceof AppError && err.status < 500 && err.code !== 'workflow_dead_end') return;
    throw err;
  }
}

async function checkInvariants(env: TestEnv, projectId: string, workflow: Workflow, taskCount: number) {
  const db = env.deps.db;
  const at = nowIso(env.clock.now);
  const stages = new Map(workflow.stages.map((s) => [s.id, s]));
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'stage_id', 'status', 'assignee_id'])
    .where('project_id', '=', projectId)
    .execute();
  expect(tasks, 'no task lost or duplicated').toHaveLength(taskCount);
  const holds = await db
    .selectFrom('task_holds')
    .innerJoin('tasks', 'tasks.id', 'task_holds.task_id')
    .select([
      'task_holds.task_id',
      'task_holds.stage_id',
      'task_holds.state',
      'task_holds.pinned',
      'task_holds.lease_expires_at',
    ])
    .where('tasks.project_id', '=', projectId)
    .execute();
  for (const t of tasks) {
    const stage = stages.get(t.stage_id ?? '');
    expect(stage, `${t.id} sits in ${t.stage_id}, a stage of the workflow`).toBeDefined();
    expect(stage!.type, `${t.id} never rests in a router`).not.toBe('router');
    const mine = holds.filter((h) => h.task_id === t.id);
    for (const h of mine) expect(h.stage_id, `${t.id}: holds belong to its stage`).toBe(t.stage_id);
    if (TERMINAL_STAGE_TYPES.includes(stage!.type)) {
      expect(
        { status: t.status, assignee: t.assignee_id, holds: mine.length },
        `${t.id} in ${stage!.id}`,
      ).toEqual({
        status: 'completed',
        assignee: null,
        holds: 0,
      });
    } else {
      expect(t.status, `${t.id} in ${stage!.id} is not completed`).not.toBe('completed');
    }
    if (stage!.type === 'consensus') {
      const live = mine.filter(
        (h) => h.state === 'submitted' || h.pinned === 1 || (h.lease_expires_at ?? '') >= at,
      );
      expect(t.assignee_id, `${t.id}: consensus holders live in task_holds`).toBeNull();
      expect(live.length, `${t.id}: live consensus holds`).toBeLessThanOrEqual(
        stage!.settings.annotatorCount!,
      );
    } else {
      // One holder column, so at most one holder by construction; no consensus holds besides.
      expect(mine, `${t.id} in single-holder stage ${stage!.id} has no consensus holds`).toEqual([]);
    }
  }
}

describe('queue: properties over random workflows and actions [sqlite]', () => {
  let env: TestEnv;
  let people: RequestContext[];
  let manager: RequestContext;
  afterAll(async () => {
    await env?.close();
  });
  beforeAll(async () => {
    env = await createTestEnv('sqlite');
    people = await bulkUsers(env, ROLES.length);
    const admin = await env.deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', env.admin.user!.id)
      .executeTakeFirstOrThrow();
    manager = contextOf(admin);
  });

  it('the generator only builds workflows validateWorkflow accepts', () => {
    fc.assert(
      fc.property(workflowArb, (w) => {
        expect(validateWorkflow(w)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every task in one stage, none lost, never over-held', async () => {
    await fc.assert(
      fc.asyncProperty(
        workflowArb,
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: TASKS, maxLength: TASKS }),
        // size 'max': the default small size would keep sequences to a handful of steps.
        fc.array(stepArb, { minLength: 20, maxLength: 60, size: 'max' }),
        async (workflow, priorities, steps) => {
          const { projectId } = await queueProject(env, { workflow });
          for (const role of new Set(ROLES))
            await bulkMembers(
              env,
              projectId,
              people.filter((_, i) => ROLES[i] === role).map((p) => p.user.id),
              role,
            );
          const { datasetId } = await env.deps.db
            .selectFrom('project_datasets')
            .select('dataset_id as datasetId')
            .where('project_id', '=', projectId)
            .executeTakeFirstOrThrow();
          const taskIds = await bulkTasks(env, {
            projectId,
            datasetId,
            stageId: 's0',
            count: TASKS,
            priority: (i) => priorities[i]!,
          });
          const workStages = workflow.stages.filter((s) => WORK_STAGE_TYPES.includes(s.type));
          const places = workflow.stages.filter((s) => s.type !== 'router');
          await checkInvariants(env, projectId, workflow, TASKS);
          for (const step of steps) {
            await runStep(env, step, { projectId, taskIds, workStages, places, people, manager });
            await checkInvariants(env, projectId, workflow, TASKS);
          }
        },
      ),
      // A fixed seed and a fixed number of runs: the same cases on every machine, so the
      // "every action succeeded at least once" check below cannot fail by the luck of the draw
      // or be cut short by a slow machine. GLOSS_PROPERTY_SEED explores other cases.
      { numRuns: 25, seed: Number(process.env.GLOSS_PROPERTY_SEED ?? 20261130) },
    );
    for (const kind of ['next', 'submit', 'approve', 'reject', 'skip', 'release', 'move', 'assign'])
      expect(done.get(kind) ?? 0, `${kind} succeeded at least once`).toBeGreaterThan(0);
  }, 120_000);
});

interface World {
  projectId: string;
  taskIds: string[];
  workStages: Stage[];
  places: Stage[];
  people: RequestContext[];
  manager: RequestContext;
}

async function runStep(env: TestEnv, step: Step, w: World) {
  const person = (n: number) => w.people[n % w.people.length]!;
  const task = (n: number) => w.taskIds[n % w.taskIds.length]!;
  switch (step.kind) {
    case 'next':
      return tolerateRefusal('next', () =>
        nextTask(
          env.deps,
          person(step.user),
          w.projectId,
          w.workStages[step.stage % w.workStages.length]!.id,
        ),
      );
    case 'work': {
      const stage = w.workStages[step.stage % w.workStages.length]!;
      const who = person(step.user);
      const got = await nextTask(env.deps, who, w.projectId, stage.id).catch((err) => {
        if (err instanceof AppError && err.status < 500) return null;
        throw err;
      });
      if (!got) return;
      const outcome = REVIEW_STAGE_TYPES.includes(stage.type)
        ? step.approve
          ? 'approved'
          : 'rejected'
        : 'done';
      return tolerateRefusal(
        outcome === 'done' ? 'submit' : outcome === 'approved' ? 'approve' : 'reject',
        () => finishTask(env.deps, who, got.id, outcome, outcome === 'rejected' ? REJECTION : {}),
      );
    }
    case 'clock':
      env.clock.advance(step.minutes * 60_000);
      return;
    case 'sweep':
      await sweepExpiredLeases(env.deps.db, env.clock.now);
      return;
    case 'move':
      return tolerateRefusal('move', () =>
        moveTask(env.deps, w.manager, task(step.task), {
          stageId: w.places[step.stage % w.places.length]!.id,
          reason: 'property test',
        }),
      );
    case 'assign':
      return tolerateRefusal('assign', () =>
        assignTask(env.deps, w.manager, task(step.task), { userId: person(step.user).user.id }),
      );
    case 'act': {
      const id = task(step.task);
      // Mostly act as whoever holds the task, or the action is just refused.
      let who = person(step.user);
      if (step.holder) {
        const row = await env.deps.db
          .selectFrom('tasks')
          .select('assignee_id')
          .where('id', '=', id)
          .executeTakeFirst();
        const hold = await env.deps.db
          .selectFrom('task_holds')
          .select('user_id')
          .where('task_id', '=', id)
          .where('state', '=', 'active')
          .executeTakeFirst();
        const holder = row?.assignee_id ?? hold?.user_id;
        who = w.people.find((p) => p.user.id === holder) ?? who;
      }
      const ops = {
        submit: () => finishTask(env.deps, who, id, 'done', {}),
        approve: () => finishTask(env.deps, who, id, 'approved', {}),
        reject: () => finishTask(env.deps, who, id, 'rejected', REJECTION),
        skip: () => skipTask(env.deps, who, id, 'property test'),
        release: () => releaseTask(env.deps, who, id),
      };
      return tolerateRefusal(step.op, ops[step.op]);
    }
  }
}
