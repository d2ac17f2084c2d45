import { createRoot } from 'react-dom/client';
import type { LabelDocument } from '../../core/labels/index.ts';
import type { OntologyDocument } from '../../core/ontology/index.ts';
import { EditorStore } from '../../editor/index.ts';
import { Canvas } from './Canvas.tsx';
import './editor.css';
import './layout.css';

/**
 * The editor's canvas alone, for bench/editor: the same engine and drawing code as the task page,
 * without the API around it. Resolves once the image and every object have been painted.
 */
export function mountBenchEditor(
  el: HTMLElement,
  o: {
    imageUrl: string;
    image: { width: number; height: number };
    ontology: OntologyDocument;
    document: LabelDocument;
  },
): Promise<{ store: EditorStore }> {
  const store = new EditorStore({
    ontology: o.ontology,
    document: o.document,
    image: o.image,
    view: { width: el.clientWidth, height: el.clientHeight },
    userId: 'bench',
  });
  store.fit();
  return new Promise((resolve) => {
    createRoot(el).render(
      <Canvas
        store={store}
        ontology={o.ontology}
        imageUrl={o.imageUrl}
        onFirstDraw={() => resolve({ store })}
      />,
    );
  });
}
