import { writeFileSync } from 'node:fs';
import { renderPermissionsMarkdown } from '../src/core/policy/index.ts';

writeFileSync(new URL('../docs/permissions.md', import.meta.url), renderPermissionsMarkdown());
console.log('wrote docs/permissions.md');
