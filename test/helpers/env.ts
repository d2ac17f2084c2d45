import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import type { WorkspaceRole } from '../../src/core/roles.ts';
import { type App, buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { DialectName } from '../../src/server/db/database.ts';
import type { AppDeps } from '../../src/server/deps.ts';
import { createDeps } from '../../src/server/deps.ts';
import type { RequestContext } from '../../src/server/http/context.ts';
import { Agent } from './agent.ts';
import { createTestDatabase, testDialects } from './databases.ts';

export const PASSWORD = 'correct horse battery staple';

/** A controllable clock: starts at real time and moves only when told. */
export class FakeClock {
  constructor(public now = Date.now()) {}
  read = () => this.now;
  advance(ms: number) {
    this.now += ms;
  }
}

export interface TestEnv {
  dialect: DialectName;
  app: App;
  deps: AppDeps;
  clock: FakeClock;
  /** The first Admin, authenticated by API key (see below). */
  admin: Agent;
  agent(): Agent;
  /** Invites a user with `role` as the admin and returns an agent signed in as them. */
  user(role: WorkspaceRole, opts?: { name?: string; by?: Agent }): Promise<Agent>;
  close(): Promise<void>;
}

export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomBytes(5).toString('hex')}@example.test`;

export async function createTestEnv(
  dialect: DialectName,
  env: Record<string, string> = {},
): Promise<TestEnv> {
  const database = await createTestDatabase(dialect);
  const clock = new FakeClock();
  const config = loadConfig({ DATABASE_URL: database.url, GLOSS_PUBLIC_URL: 'http://gloss.test', ...env });
  const deps: AppDeps = createDeps(config, database, clock.read);
  const app = await buildApp(deps, { logger: false });
  await app.ready();

  const admin = new Agent(app);
  const setup = await admin.post('/api/v1/setup', {
    workspaceName: 'Test workspace',
    email: uniqueEmail('admin'),
    name: 'First Admin',
    password: PASSWORD,
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${JSON.stringify(setup.body)}`);
  admin.user = setup.body.user;
  // The shared admin signs requests with an API key, so tests that move the clock past the
  // session lifetime (or log sessions out) do not sign the fixture out from under later tests.
  const key = await admin.post('/api/v1/api-keys', { name: 'test fixture' });
  admin.bearer = key.body.token;
  admin.cookie = null;
  admin.csrfToken = null;

  const user = async (role: WorkspaceRole, opts: { name?: string; by?: Agent } = {}) => {
    const email = uniqueEmail(role);
    const invite = await (opts.by ?? admin).post('/api/v1/invites', { email, role });
    if (invite.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
    const agent = new Agent(app);
    const accepted = await agent.post('/api/v1/invites/accept', {
      token: invite.body.token,
      name: opts.name ?? `${role} ${email.slice(0, 12)}`,
      password: PASSWORD,
    });
    if (accepted.status !== 201) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
    agent.user = accepted.body.user;
    return agent;
  };

  return {
    dialect,
    app,
    deps,
    clock,
    admin,
    agent: () => new Agent(app),
    user,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Runs `body` once per available dialect (SQLite always, PostgreSQL when the run has it),
 * each against its own fresh database and a workspace whose first admin is `env.admin`.
 */
export function describeEachDialect(
  title: string,
  body: (env: TestEnv) => void,
  envVars?: Record<string, string>,
) {
  for (const dialect of testDialects()) {
    describe(`${title} [${dialect}]`, () => {
      const ref = { dialect } as TestEnv;
      beforeAll(async () => {
        Object.assign(ref, await createTestEnv(dialect, envVars));
      });
      afterAll(async () => {
        await ref.close?.();
      });
      body(ref);
    });
  }
}

/** The context a service call made by `agent` runs with, for tests that call services directly. */
export async function contextOf(env: Pick<TestEnv, 'deps'>, agent: Agent): Promise<RequestContext> {
  const user = await env.deps.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', agent.user!.id)
    .executeTakeFirstOrThrow();
  return {
    actor: { id: user.id, role: user.role, managedGroupIds: [], memberGroupIds: [] },
    user,
    apiKeyId: null,
    ip: null,
    requestId: null,
  };
}
