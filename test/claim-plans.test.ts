import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectRole } from '../src/core/roles.ts';
import { builtInWorkflow, type Workflow } from '../src/core/workflow/index.ts';
import type { DB } from '../src/server/db/schema.ts';
import { reusingStatements } from '../src/server/db/sqlite-statements.ts';
import { nextTask } from '../src/server/modules/queue/work.ts';
import { contextOf, createTestEnv, type TestEnv } from './helpers/env.ts';
import { consensusWorkflow, queueProject } from './helpers/queue-fixtures.ts';

// SQLite has no statistics unless someone runs ANALYZE, and a deployment never does: its planner
// goes by the indexes alone. Every statement of a claim must seek through an index there — a
// statement that walks a stage, a project's members or everyone's holds would grow with the
// project (it did: the own-task lookup walked the whole stage before 0007).

interface Logged {
  sql: string;
  parameters: readonly unknown[];
}

describe('claim query plans on SQLite without statistics', () => {
  let env: TestEnv;
  let logged: Logged[];
  let db: Kysely<DB>;
  let sqlite: SqliteDatabase.Database;

  beforeAll(async () => {
    env = await createTestEnv('sqlite');
    const file = env.deps.config.databaseUrl.replace(/^sqlite:/, '');
    sqlite = new SqliteDatabase(file);
    logged = [];
    db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: reusingStatements(new SqliteDatabase(file)) }),
      log: (e) => {
        if (e.level === 'query') logged.push({ sql: e.query.sql, parameters: e.query.parameters });
      },
    });
  });
  afterAll(async () => {
    await db.destroy();
    sqlite.close();
    await env.close();
  });

  const plansOfClaims = async (
    workflow: Workflow,
    stageId: string,
    opts: { role?: ProjectRole; tasksIn?: string } = {},
  ) => {
    const annotator = await env.user('member');
    const p = await queueProject(env, {
      workflow,
      members: [[annotator, opts.role ?? 'annotator']],
      units: 30,
    });
    if (opts.tasksIn) {
      await env.deps.db
        .updateTable('tasks')
        .set({ stage_id: opts.tasksIn })
        .where('project_id', '=', p.projectId)
        .execute();
    }
    const ctx = await contextOf(env, annotator);
    logged.length = 0;
    // A fresh claim, then the same call again (the caller's own task comes back).
    expect(await nextTask({ ...env.deps, db }, ctx, p.projectId, stageId)).not.toBeNull();
    expect(await nextTask({ ...env.deps, db }, ctx, p.projectId, stageId)).not.toBeNull();
    return logged
      .filter((q) => /^\s*(select|update|insert|with)/i.test(q.sql))
      .map((q) => ({
        sql: q.sql,
        plan: (sqlite.prepare(`explain query plan ${q.sql}`).all(...q.parameters) as { detail: string }[])
          .map((r) => r.detail)
          .join('\n'),
      }));
  };

  const expectSeeksOnly = (plans: { sql: string; plan: string }[]) => {
    for (const { sql, plan } of plans) {
      // Scanning a constant row or a subquery's result (a co-routine of at most one row here) is
      // fine; walking a table or an index is not.
      const lines = plan.split('\n');
      const subqueries = lines.flatMap((l) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(l)?.[1] ?? []);
      const walks = lines.filter((line) => {
        const scanned = /^SCAN (\S+)/.exec(line)?.[1];
        return scanned !== undefined && scanned !== 'CONSTANT' && !subqueries.includes(scanned);
      });
      expect(walks, `${sql}\n${plan}`).toEqual([]);
    }
  };

  it('annotate stage: the own-task lookup seeks tasks_assignee_idx, the scan tasks_queue_idx', async () => {
    const plans = await plansOfClaims(builtInWorkflow('annotate')!, 'annotate');
    expectSeeksOnly(plans);
    const own = plans.find((p) => /"tasks"."assignee_id" = \?/.test(p.sql) && /^select/i.test(p.sql));
    expect(own?.plan).toMatch(/tasks_assignee_idx \(assignee_id=\? AND project_id=\? AND stage_id=\?\)/);
    const scan = plans.find((p) => /not exists/i.test(p.sql));
    expect(scan?.plan).toMatch(/SEARCH tasks USING INDEX tasks_queue_idx \(project_id=\? AND stage_id=\?\)/);
    const roles = plans.find((p) => /join "project_members"/.test(p.sql));
    expect(roles?.plan).toMatch(/project_id=\? AND principal_type=\? AND principal_id=\?/);
  });

  it('review stage: own work is passed by with a seek of task_workers, in the own lookup and the scan', async () => {
    // Self review is barred by default: the caller's own task and the candidates are each checked
    // against what the caller submitted — one primary-key seek per row looked at.
    const plans = await plansOfClaims(builtInWorkflow('annotate_review')!, 'review', {
      role: 'reviewer',
      tasksIn: 'review',
    });
    expectSeeksOnly(plans);
    // The claim's one statement: the caller's own task (a co-routine), then the first eligible one.
    const claim = plans.find((p) => /"tasks"."assignee_id" = \?/.test(p.sql) && /union all/i.test(p.sql));
    expect(claim?.sql.split(/union all/i)[0]).toMatch(/"task_workers"/);
    const ownPlan = /CO-ROUTINE own\n([\s\S]*?)\nSCAN own/.exec(claim?.plan ?? '')?.[1];
    expect(ownPlan).toMatch(/tasks_assignee_idx \(assignee_id=\? AND project_id=\? AND stage_id=\?\)/);
    expect(ownPlan).toMatch(
      /SEARCH w USING (?:COVERING )?INDEX \S*task_workers\S* \(task_id=\? AND user_id=\?\)/,
    );
  });

  it('consensus stage: the own-hold lookup starts from the caller’s holds', async () => {
    const consensus = consensusWorkflow(2);
    const plans = await plansOfClaims(consensus, 'label');
    expectSeeksOnly(plans);
    const own = plans.find((p) => /cross join/i.test(p.sql));
    expect(own?.plan.split('\n')[0]).toMatch(/SEARCH task_holds USING INDEX task_holds_user_idx/);
  });
});
