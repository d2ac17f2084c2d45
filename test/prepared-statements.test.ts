import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepared } from '../src/server/db/prepared.ts';
import { reusingStatements } from '../src/server/db/sqlite-statements.ts';
import { createTestDatabase, type TestDatabase, testDialects } from './helpers/databases.ts';

// Statements built once and run with new values (db/prepared.ts), on both databases, and the
// SQLite statement cache under Kysely (db/sqlite-statements.ts).

const at = '2026-11-30T00:00:00.000Z';

const userNamed = prepared((db, p: { email: string }) =>
  db.selectFrom('users').select(['id', 'name']).where('email', '=', p.email),
);

const usersByRole = prepared(
  (db, p: { role: 'admin' | 'member'; after: string }, shape: { newestFirst: boolean }) =>
    db
      .selectFrom('users')
      .select('email')
      .where('role', '=', p.role)
      .where('email', '>', p.after)
      .orderBy('email', shape.newestFirst ? 'desc' : 'asc'),
);

for (const dialect of testDialects()) {
  describe(`prepared statements (${dialect})`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      await database.db
        .insertInto('users')
        .values(
          ['ann', 'bob', 'cy'].map((n, i) => ({
            id: `u${i}`,
            email: `${n}@x.test`,
            name: n.toUpperCase(),
            role: i === 0 ? 'admin' : 'member',
            status: 'active',
            password_hash: null,
            invited_by: null,
            created_at: at,
            updated_at: at,
            deactivated_at: null,
            last_login_at: null,
            revision: 1,
          })),
        )
        .execute();
    });
    afterAll(() => database.close());

    it('binds each run’s values into the statement built the first time', async () => {
      const { db } = database;
      expect(await userNamed(db, dialect, { email: 'bob@x.test' })).toEqual([{ id: 'u1', name: 'BOB' }]);
      expect(await userNamed(db, dialect, { email: 'cy@x.test' })).toEqual([{ id: 'u2', name: 'CY' }]);
      expect(await userNamed(db, dialect, { email: 'nobody@x.test' })).toEqual([]);
    });

    it('builds one statement per shape, and the shape changes the SQL', async () => {
      const { db } = database;
      const asc = await usersByRole(db, dialect, { role: 'member', after: 'a' }, { newestFirst: false });
      const desc = await usersByRole(db, dialect, { role: 'member', after: 'a' }, { newestFirst: true });
      expect(asc.map((r) => r.email)).toEqual(['bob@x.test', 'cy@x.test']);
      expect(desc.map((r) => r.email)).toEqual(['cy@x.test', 'bob@x.test']);
      const later = await usersByRole(db, dialect, { role: 'member', after: 'c' }, { newestFirst: false });
      expect(later.map((r) => r.email)).toEqual(['cy@x.test']);
    });

    it('runs writes in the caller’s transaction', async () => {
      const rename = prepared((db, p: { id: string; name: string }) =>
        db.updateTable('users').set({ name: p.name }).where('id', '=', p.id),
      );
      await expect(
        database.db.transaction().execute(async (trx) => {
          await rename(trx, dialect, { id: 'u2', name: 'Changed' });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await userNamed(database.db, dialect, { email: 'cy@x.test' })).toEqual([
        { id: 'u2', name: 'CY' },
      ]);
      await rename(database.db, dialect, { id: 'u2', name: 'Cy' });
      expect(await userNamed(database.db, dialect, { email: 'cy@x.test' })).toEqual([
        { id: 'u2', name: 'Cy' },
      ]);
    });

    it.runIf(dialect === 'postgres')(
      'sends them to PostgreSQL as named statements, parsed once',
      async () => {
        const names = await database.db.transaction().execute(async (trx) => {
          await userNamed(trx, dialect, { email: 'ann@x.test' });
          await userNamed(trx, dialect, { email: 'bob@x.test' });
          // Same transaction, same connection: its prepared statements are visible here.
          const { rows } = await sql<{ name: string; statement: string }>`
          select name, statement from pg_prepared_statements`.execute(trx);
          return rows;
        });
        const mine = names.filter((r) => r.statement.includes('"email" = $1'));
        expect(mine).toHaveLength(1);
        expect(mine[0]!.name).toMatch(/^gloss_[0-9a-f]{24}$/);
      },
    );

    it('refuses a build that leaves a value unbound or writes it into the SQL text', async () => {
      const ignoresRole = prepared((db, _p: { role: string }) => db.selectFrom('users').select('id'));
      await expect(ignoresRole(database.db, dialect, { role: 'admin' })).rejects.toThrow(
        'values not bound: role',
      );
      const inlined = prepared((db, p: { column: string }) =>
        db.selectFrom('users').select(sql.ref(p.column).as('c')),
      );
      await expect(inlined(database.db, dialect, { column: 'email' })).rejects.toThrow(
        'placeholder is part of the SQL text',
      );
    });
  });
}

describe('SQLite statement cache', () => {
  it('prepares each SQL text once, keeps at most its size, and never hands out a busy statement', () => {
    const sqlite = new SqliteDatabase(':memory:');
    const cache = reusingStatements(sqlite, 2);
    const a = cache.prepare('select 1 as one');
    expect(cache.prepare('select 1 as one')).toBe(a);
    cache.prepare('select 2 as two');
    cache.prepare('select 1 as one'); // now the most recently used
    cache.prepare('select 3 as three'); // evicts `select 2`
    expect(cache.cachedStatements()).toBe(2);
    expect(cache.prepare('select 1 as one')).toBe(a);

    sqlite.exec('create table t (n integer); insert into t values (1), (2), (3)');
    const scan = cache.prepare('select n from t order by n');
    const rows = scan.iterate([]);
    rows.next(); // mid-iteration: the statement is busy
    const second = cache.prepare('select n from t order by n');
    expect(second).not.toBe(scan);
    expect(second.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    rows.return?.();
    cache.close();
  });
});
