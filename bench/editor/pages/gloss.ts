// Gloss: the editor's own canvas (engine, Konva drawing, input handling) through the contract's bench
// hook, which resolves once the image and every object have been painted.
import type { LabelDocument } from '../../../src/core/labels/index.ts';
import type { OntologyDocument } from '../../../src/core/ontology/index.ts';
import type { EditorStore } from '../../../src/editor/index.ts';
import { mountBenchEditor } from '../../../src/web/editor/bench-mount.tsx';
import { fetchJson, runBench } from './probe.ts';

interface Fixture {
  imageUrl: string;
  image: { width: number; height: number };
  ontology: OntologyDocument;
  document: LabelDocument;
}

let fixture: Fixture;
let store: EditorStore | null = null;
let fitScale = 1;

runBench({
  async prepare() {
    fixture = await fetchJson<Fixture>('/fixtures/gloss.json');
  },
  handoff(el) {
    return mountBenchEditor(el, fixture).then((mounted) => {
      store = mounted.store;
      fitScale = store.getState().viewport.scale;
    });
  },
  drawn: () => store !== null,
  view() {
    const v = store!.getState().viewport;
    return { zoom: v.scale / fitScale, x: v.x, y: v.y };
  },
  zoomIn() {
    const { view } = store!.getState();
    store!.fit();
    store!.zoomBy(2, { x: view.width / 2, y: view.height / 2 });
  },
});
