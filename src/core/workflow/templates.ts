import { WORKFLOW_FORMAT_VERSION, type Workflow } from './format.ts';

// The workflows Gloss ships: the four patterns most projects start from. A project created from
// one gets a copy (stage ids included); workspace templates saved by users sit beside these.

export interface WorkflowTemplate {
  /** Stable key, e.g. for `POST /projects {workflowTemplate: 'annotate_review'}`. */
  key: string;
  name: string;
  description: string;
  workflow: Workflow;
}

const v = WORKFLOW_FORMAT_VERSION;

export const BUILT_IN_TEMPLATES: readonly WorkflowTemplate[] = [
  {
    key: 'annotate',
    name: 'Annotate',
    description: 'Annotate → Complete: one person labels each task, no review.',
    workflow: {
      formatVersion: v,
      stages: [
        { id: 'annotate', name: 'Annotate', type: 'annotate', start: true, settings: {} },
        { id: 'complete', name: 'Complete', type: 'complete', settings: {} },
      ],
      edges: [{ from: 'annotate', to: 'complete', kind: 'done' }],
    },
  },
  {
    key: 'annotate_review',
    name: 'Annotate and review',
    description: 'Annotate → Review → Complete; a rejected task goes back to Annotate.',
    workflow: {
      formatVersion: v,
      stages: [
        { id: 'annotate', name: 'Annotate', type: 'annotate', start: true, settings: {} },
        { id: 'review', name: 'Review', type: 'review', settings: {} },
        { id: 'complete', name: 'Complete', type: 'complete', settings: {} },
      ],
      edges: [
        { from: 'annotate', to: 'review', kind: 'done' },
        { from: 'review', to: 'complete', kind: 'approved' },
        { from: 'review', to: 'annotate', kind: 'rejected' },
      ],
    },
  },
  {
    key: 'annotate_review_rework',
    name: 'Annotate, review and rework',
    description:
      'Annotate → Review → Complete; a rejected task goes to a separate Rework stage and then back to Review.',
    workflow: {
      formatVersion: v,
      stages: [
        { id: 'annotate', name: 'Annotate', type: 'annotate', start: true, settings: {} },
        { id: 'review', name: 'Review', type: 'review', settings: {} },
        // The annotator who labelled the task in Annotate reworks it: reassessment is on.
        { id: 'rework', name: 'Rework', type: 'annotate', settings: { allowReassessment: true } },
        { id: 'complete', name: 'Complete', type: 'complete', settings: {} },
      ],
      edges: [
        { from: 'annotate', to: 'review', kind: 'done' },
        { from: 'review', to: 'complete', kind: 'approved' },
        { from: 'review', to: 'rework', kind: 'rejected' },
        { from: 'rework', to: 'review', kind: 'done' },
      ],
    },
  },
  {
    key: 'consensus',
    name: 'Consensus',
    description:
      'Consensus (3 independent annotators) → Consensus review → Complete; a rejected task is labelled again.',
    workflow: {
      formatVersion: v,
      stages: [
        {
          id: 'consensus',
          name: 'Consensus',
          type: 'consensus',
          start: true,
          settings: { annotatorCount: 3 },
        },
        { id: 'consensus_review', name: 'Consensus review', type: 'consensus_review', settings: {} },
        { id: 'complete', name: 'Complete', type: 'complete', settings: {} },
      ],
      edges: [
        { from: 'consensus', to: 'consensus_review', kind: 'done' },
        { from: 'consensus_review', to: 'complete', kind: 'approved' },
        { from: 'consensus_review', to: 'consensus', kind: 'rejected' },
      ],
    },
  },
];

/** A fresh copy of a built-in template's workflow, or undefined for an unknown key. */
export function builtInWorkflow(key: string): Workflow | undefined {
  const t = BUILT_IN_TEMPLATES.find((x) => x.key === key);
  return t ? structuredClone(t.workflow) : undefined;
}
