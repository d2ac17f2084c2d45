import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, SCHEMA_FILE } from '../scripts/gen-api-types.ts';

describe('the web app’s typed API client', () => {
  it('is generated from the server’s current OpenAPI document (regenerate with npm run gen:api)', async () => {
    const checkedIn = readFileSync(SCHEMA_FILE, 'utf8');
    expect(await generateApiTypes()).toBe(checkedIn);
  });
});
