// What other features use of the workflow builder.

export { WorkflowBuilder } from './LazyBuilder.tsx';
export type { WorkflowTemplate } from './queries.ts';
export { DEFAULT_WORKFLOW_TEMPLATE_ID, useWorkflowTemplates, workflowTemplatesKey } from './queries.ts';
export { WorkflowTemplateSelect } from './WorkflowTemplateSelect.tsx';
export { WorkflowView } from './WorkflowView.tsx';
