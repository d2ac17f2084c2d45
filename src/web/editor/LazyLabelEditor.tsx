import { type ComponentProps, lazy, Suspense } from 'react';
import { Loading } from '../components/States.tsx';
import type { TaskDetail } from '../features/tasks/queries.ts';

// The editor (Konva, the engine, its panels) is the largest part of the web app; only task pages
// that label an image load it.
const Editor = lazy(() => import('./LabelEditor.tsx').then((m) => ({ default: m.LabelEditor })));

export type ImageTask = TaskDetail & { dataUnit: { kind: 'image'; fileUrl: string } };

/** Whether the task is one the editor can show: an image with its media (the project's ontology is checked inside). */
export const editorApplies = (task: TaskDetail): task is ImageTask =>
  task.dataUnit.kind === 'image' && task.dataUnit.fileUrl !== null;

export function LabelEditor(props: ComponentProps<typeof Editor>) {
  return (
    <Suspense fallback={<Loading label="Loading the editor…" />}>
      <Editor {...props} />
    </Suspense>
  );
}
