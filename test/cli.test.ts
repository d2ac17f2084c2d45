import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { createDeps } from '../src/server/deps.ts';
import { Agent } from './helpers/agent.ts';
import { createTestDatabase, type TestDatabase, testDialects } from './helpers/databases.ts';
import { gloss } from './helpers/gloss-cli.ts';

for (const dialect of testDialects()) {
  describe(`the gloss command [${dialect}]`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(() => database.close());

    it('reports an up-to-date database on migrate', async () => {
      const res = await gloss(['migrate'], { DATABASE_URL: database.url });
      expect(res.code).toBe(0);
      expect(res.stdout).toContain('database is up to date');
    });

    it('creates an Admin who can then sign in', async () => {
      const res = await gloss(
        [
          'create-admin',
          '--email',
          'Ops@Example.test',
          '--password',
          'a long enough secret',
          '--name',
          'Ops',
        ],
        { DATABASE_URL: database.url },
      );
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain('created Admin ops@example.test');

      const config = loadConfig({ DATABASE_URL: database.url });
      const app = await buildApp(createDeps(config, database), { logger: false });
      const admin = await new Agent(app).login('ops@example.test', 'a long enough secret');
      expect(admin.user!.role).toBe('admin');
      const audit = await admin.get('/api/v1/audit?action=user.create_admin');
      expect(audit.body.items[0]).toMatchObject({ actorKind: 'system', targetId: admin.user!.id });
      await app.close();
    });

    it('refuses a duplicate email and a short password, naming the problem', async () => {
      const dup = await gloss(
        ['create-admin', '--email', 'ops@example.test', '--password', 'a long enough secret'],
        {
          DATABASE_URL: database.url,
        },
      );
      expect(dup.code).toBe(1);
      expect(dup.stderr).toContain('already exists');
      const short = await gloss(['create-admin', '--email', 'x@example.test', '--password', 'short'], {
        DATABASE_URL: database.url,
      });
      expect(short.code).toBe(1);
      expect(short.stderr).toContain('--password');
    });
  });
}

describe('the gloss command', () => {
  it('rejects an unknown command with usage', async () => {
    const res = await gloss(['frobnicate'], {});
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Unknown command "frobnicate"');
  });
});
