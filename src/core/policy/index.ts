export { ACTIONS, type Action, can, type Grant, grantOf, POLICY } from './policy.ts';
export { renderPermissionsMarkdown } from './render.ts';
export * from './scopes.ts';
export type * from './types.ts';
