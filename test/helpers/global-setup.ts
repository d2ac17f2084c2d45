import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

/**
 * Decides once per run whether the PostgreSQL half of the suite runs. With GLOSS_REQUIRE_PG=1
 * (CI) a missing or unreachable server fails the run instead of being skipped.
 */
export default async function setup(project: TestProject) {
  const url = process.env.GLOSS_TEST_PG_URL || null;
  const required = process.env.GLOSS_REQUIRE_PG === '1';
  if (!url) {
    if (required) throw new Error('GLOSS_REQUIRE_PG=1 but GLOSS_TEST_PG_URL is not set');
    console.warn('\n*** PostgreSQL tests SKIPPED: set GLOSS_TEST_PG_URL to run them on PostgreSQL too ***\n');
    project.provide('pgUrl', null);
    return;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('pgUrl', url);
  } catch (err) {
    if (required)
      throw new Error(`GLOSS_REQUIRE_PG=1 but PostgreSQL at ${url} is unreachable: ${String(err)}`);
    console.warn(`\n*** PostgreSQL tests SKIPPED: ${url} is unreachable (${String(err)}) ***\n`);
    project.provide('pgUrl', null);
  } finally {
    await client.end().catch(() => {});
  }
}
