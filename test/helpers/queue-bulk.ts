import type { ProjectRole } from '../../src/core/roles.ts';
import type { Executor } from '../../src/server/db/database.ts';
import { newId, nowIso } from '../../src/server/db/ids.ts';
import type { UserRow } from '../../src/server/db/schema.ts';
import type { RequestContext } from '../../src/server/http/context.ts';
import type { TestEnv } from './env.ts';

// Large queue fixtures written straight into the tables: thousands of tasks and hundreds of
// workers through the API would take minutes, and what the load tests exercise is claiming and
// submitting, which do go through the real services.

const UNIT_CHUNK = 1000; // 20 columns a row: under SQLite's 32,766 bound parameters

/**
 * Adds `count` text units to the dataset and one task for each in the project's `stageId`, with
 * `priority(i)`, in one transaction. Returns the task ids in creation (= tie-break) order.
 */
export async function bulkTasks(
  env: TestEnv,
  opts: {
    projectId: string;
    datasetId: string;
    stageId: string;
    count: number;
    priority: (i: number) => number;
  },
): Promise<string[]> {
  const now = env.clock.now;
  const at = nowIso(now);
  const ids: string[] = [];
  await env.deps.db.transaction().execute(async (trx) => {
    for (let start = 0; start < opts.count; start += UNIT_CHUNK) {
      const n = Math.min(UNIT_CHUNK, opts.count - start);
      const units = Array.from({ length: n }, (_, k) => ({
        id: newId(now),
        dataset_id: opts.datasetId,
        kind: 'text' as const,
        title: `bulk unit ${start + k}`,
        source: 'manifest' as const,
        storage_key: `bulk/${start + k}.md`,
        external_url: null,
        mime_type: 'text/markdown',
        size_bytes: null,
        width: null,
        height: null,
        duration_ms: null,
        fps: null,
        frame_count: null,
        thumbnail_key: null,
        metadata: '{}',
        created_by: null,
        created_at: at,
        updated_at: at,
        revision: 1,
      }));
      await trx.insertInto('data_units').values(units).execute();
      const tasks = units.map((u, k) => ({
        id: newId(now),
        project_id: opts.projectId,
        data_unit_id: u.id,
        created_at: at,
        stage_id: opts.stageId,
        priority: opts.priority(start + k),
        stage_entered_at: at,
        updated_at: at,
      }));
      await trx.insertInto('tasks').values(tasks).execute();
      ids.push(...tasks.map((t) => t.id));
    }
  });
  return ids;
}

/**
 * `count` active Taskers holding `role` on the project, as request contexts the queue services
 * take (what `requireAuth` builds from a signed-in request).
 */
export async function bulkWorkers(
  env: TestEnv,
  projectId: string,
  count: number,
  role: ProjectRole = 'annotator',
): Promise<RequestContext[]> {
  const workers = await bulkUsers(env, count);
  await bulkMembers(
    env,
    projectId,
    workers.map((w) => w.user.id),
    role,
  );
  return workers;
}

/** `count` active Taskers with no project role yet, as request contexts. */
export async function bulkUsers(env: TestEnv, count: number): Promise<RequestContext[]> {
  const now = env.clock.now;
  const at = nowIso(now);
  const users = Array.from({ length: count }, (_, i) => {
    const id = newId(now);
    return {
      id,
      email: `worker-${id}@example.test`,
      name: `Worker ${i}`,
      role: 'tasker' as const,
      status: 'active' as const,
      password_hash: null,
      invited_by: null,
      created_at: at,
      updated_at: at,
      deactivated_at: null,
      last_login_at: null,
      revision: 1,
    };
  });
  await env.deps.db.insertInto('users').values(users).execute();
  return users.map(contextOf);
}

/** The request context of a user row, as `requireAuth` makes it (no groups). */
export const contextOf = (user: UserRow): RequestContext => ({
  actor: { id: user.id, role: user.role, managedGroupIds: [], memberGroupIds: [] },
  user,
  apiKeyId: null,
  ip: null,
  requestId: null,
});

/** Gives existing users a role on another project. */
export async function bulkMembers(env: TestEnv, projectId: string, userIds: string[], role: ProjectRole) {
  await addMembers(env.deps.db, projectId, userIds, role, nowIso(env.clock.now));
}

async function addMembers(db: Executor, projectId: string, userIds: string[], role: ProjectRole, at: string) {
  if (userIds.length === 0) return;
  await db
    .insertInto('project_members')
    .values(
      userIds.map((id) => ({
        project_id: projectId,
        principal_type: 'user' as const,
        principal_id: id,
        role,
        added_at: at,
        added_by: null,
      })),
    )
    .execute();
}
