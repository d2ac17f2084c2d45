import { lazy, Suspense } from 'react';
import { Loading } from '../../components/States.tsx';
import type { WorkflowBuilderProps } from './WorkflowBuilder.tsx';

// React Flow is a large part of the bundle; only screens that draw a workflow load it.
const Builder = lazy(() => import('./WorkflowBuilder.tsx').then((m) => ({ default: m.WorkflowBuilder })));

export function WorkflowBuilder(props: WorkflowBuilderProps) {
  return (
    <Suspense fallback={<Loading label="Loading the workflow…" />}>
      <Builder {...props} />
    </Suspense>
  );
}
