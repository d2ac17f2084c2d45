import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { migrateToLatest, openDatabase } from '../src/server/db/database.ts';
import { createDeps } from '../src/server/deps.ts';

export const SCHEMA_FILE = new URL('../src/web/api/schema.d.ts', import.meta.url);

const HEADER =
  '// Generated from the server’s OpenAPI document by `npm run gen:api`; do not edit.\n' +
  '// test/api-types.test.ts fails when this file no longer matches the server.\n\n';

/** The server's OpenAPI document, from an app built in memory (no port, no files). */
export async function openApiDocument(): Promise<OpenAPI3> {
  const config = loadConfig({ GLOSS_PUBLIC_URL: 'http://localhost:8080', GLOSS_LOG_LEVEL: 'silent' });
  const database = openDatabase('sqlite::memory:');
  try {
    await migrateToLatest(database.db);
    const app = await buildApp(createDeps(config, database), { logger: false });
    try {
      await app.ready();
      return app.swagger() as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

/** The TypeScript types of every path, operation and schema the API serves. */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocument(), { alphabetize: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(SCHEMA_FILE, await generateApiTypes());
  console.log('wrote src/web/api/schema.d.ts');
}
