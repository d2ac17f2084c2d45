#!/usr/bin/env node
// Gloss runs its TypeScript sources through tsx, so there is no separate server build to go stale.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
