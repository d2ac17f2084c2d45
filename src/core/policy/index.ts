export {
  ACTIONS,
  type Action,
  can,
  type Grant,
  grantOf,
  POLICY,
  type ResourceOf,
  WORKSPACE_ACTIONS,
  type WorkspaceAction,
} from './policy.ts';
export { renderPermissionsMarkdown } from './render.ts';
export {
  DATASET_POLICY,
  ONTOLOGY_POLICY,
  PROJECT_POLICY,
  type ResourceAction,
  roleOn,
} from './resource-policy.ts';
export * from './scopes.ts';
export type * from './types.ts';
