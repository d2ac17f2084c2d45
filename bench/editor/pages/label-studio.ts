// Label Studio 1.4.0, the last release that ships its prebuilt editor bundle: loaded as published
// (build/static/js/main.js and css/main.css) and given a task whose one annotation holds every polygon.
import { fetchJson, loadScript, loadStyle, runBench } from './probe.ts';

const BUILD = '/peers/@heartexlabs/label-studio/build/static';
const SHAPES = 2000;

interface KonvaNode {
  find(selector: string): { length: number };
  _waitingForDraw?: boolean;
}
interface KonvaGlobal {
  stages: { getLayers(): KonvaNode[] }[];
}
/** The Image tag's model (mobx-state-tree); these are the fields and actions its own UI uses. */
interface ImageModel {
  zoomScale: number;
  zoomingPositionX: number;
  zoomingPositionY: number;
  stageWidth: number;
  stageHeight: number;
  setZoom(scale: number, x: number, y: number): void;
  handleZoom(direction: number, at?: { x: number; y: number }): void;
}
interface LabelStudioWindow {
  LabelStudio: new (root: HTMLElement, options: object) => unknown;
  Konva?: KonvaGlobal;
  Htx?: { annotationStore: { names: Map<string, ImageModel> } };
}

const w = window as unknown as LabelStudioWindow;
let fixture: { config: string; task: { data: { image: string } } };
let image: HTMLImageElement | null = null;
let decoded = false;

const imageModel = () => w.Htx?.annotationStore.names.get('image');

runBench({
  async prepare() {
    [fixture] = await Promise.all([
      fetchJson<typeof fixture>('/fixtures/label-studio.json'),
      loadStyle(`${BUILD}/css/main.css`),
      loadScript(`${BUILD}/js/main.js`),
    ]);
  },
  handoff(el) {
    new w.LabelStudio(el, {
      config: fixture.config,
      task: fixture.task,
      // The canvas alone, as Gloss's bench hook and Annotorious show it: no region list, no panels.
      interfaces: [],
      user: { id: 1, firstName: 'Bench', lastName: 'Bench' },
    });
  },
  /**
   * LS 1.4 shows the image as an <img> (CSS-transformed) under a Konva stage with the regions.
   * Drawn = that <img> decoded (img.decode() resolved: ready to paint, not merely downloaded),
   * every polygon's Konva Line in the stage, and no Konva layer waiting for its batched redraw.
   */
  drawn() {
    if (!image) {
      image = document.querySelector<HTMLImageElement>(`#editor img[src$="${fixture.task.data.image}"]`);
      image?.decode().then(() => {
        decoded = true;
      });
      return false;
    }
    if (!decoded || !w.Konva) return false;
    let lines = 0;
    for (const stage of w.Konva.stages) {
      for (const layer of stage.getLayers()) {
        if (layer._waitingForDraw) return false;
        lines += layer.find('Line').length;
      }
    }
    return lines >= SHAPES;
  },
  view() {
    const m = imageModel();
    return m ? { zoom: m.zoomScale, x: m.zoomingPositionX, y: m.zoomingPositionY } : { zoom: 1, x: 0, y: 0 };
  },
  zoomIn() {
    const m = imageModel()!;
    m.setZoom(1, 0, 0);
    // Its zoom-in button's step (×1.1) until 2× (2.14), about the centre, as that button does.
    while (m.zoomScale < 2) m.handleZoom(1, { x: m.stageWidth / 2, y: m.stageHeight / 2 });
  },
});
