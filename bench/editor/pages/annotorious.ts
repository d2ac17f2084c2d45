// Annotorious 3 on OpenSeadragon: its image annotator alone (createImageAnnotator) has no pan or
// zoom, so the zoomable set-up its authors ship, @annotorious/openseadragon, is the one measured.
// It draws the shapes with PixiJS (WebGL) over OpenSeadragon's viewer. Both load as published
// (UMD bundles), with drawing switched off so a drag pans as it does in a viewer.
import { fetchJson, loadScript, loadStyle, runBench } from './probe.ts';

const OSD = '/peers/openseadragon/build/openseadragon';
const A9S = '/peers/@annotorious/openseadragon/dist';

interface Rect {
  x: number;
  y: number;
  width: number;
}
interface Viewer {
  world: { getItemCount(): number; getItemAt(i: number): { getFullyLoaded(): boolean } };
  viewport: {
    getBounds(current?: boolean): Rect;
    getContainerSize(): { x: number; y: number };
    getZoom(current?: boolean): number;
    getHomeZoom(): number;
    goHome(immediately?: boolean): void;
    zoomBy(factor: number, at?: unknown, immediately?: boolean): void;
    applyConstraints(immediately?: boolean): void;
  };
  drawer?: { getType?(): string };
  addHandler(event: string, handler: () => void): void;
}
interface Annotator {
  setAnnotations(annotations: unknown[], replace?: boolean): void;
  getAnnotations(): unknown[];
}
interface OsdWindow {
  OpenSeadragon: (options: object) => Viewer;
  AnnotoriousOSD: { createOSDAnnotator(viewer: Viewer, options?: object): Annotator };
}

const w = window as unknown as OsdWindow;
let fixture: { imageUrl: string; annotations: unknown[] };
let viewer: Viewer | null = null;
let annotator: Annotator | null = null;
let paintedLoaded = false;

runBench({
  async prepare() {
    await loadScript(`${OSD}/openseadragon.min.js`);
    [fixture] = await Promise.all([
      fetchJson<typeof fixture>('/fixtures/annotorious.json'),
      loadStyle(`${A9S}/annotorious-openseadragon.css`),
      loadScript(`${A9S}/annotorious-openseadragon.js`),
    ]);
  },
  handoff(el) {
    const v = w.OpenSeadragon({
      element: el,
      tileSources: { type: 'image', url: fixture.imageUrl },
      prefixUrl: `${OSD}/images/`,
      showNavigationControl: false,
    });
    viewer = v;
    annotator = w.AnnotoriousOSD.createOSDAnnotator(v, { drawingEnabled: false });
    annotator.setAnnotations(fixture.annotations, true);
    // The PixiJS layer re-renders on every viewer redraw ('update-viewport'); the first redraw after
    // the image is fully loaded is the first with both the image and the shapes.
    v.addHandler('update-viewport', () => {
      if (v.world.getItemCount() > 0 && v.world.getItemAt(0).getFullyLoaded()) paintedLoaded = true;
    });
  },
  drawn: () => paintedLoaded && annotator!.getAnnotations().length === fixture.annotations.length,
  view() {
    const vp = viewer!.viewport;
    // Viewport units (the image is 1 wide) to screen px, as the other editors report.
    const b = vp.getBounds(true);
    const px = vp.getContainerSize().x / b.width;
    return { zoom: vp.getZoom(true) / vp.getHomeZoom(), x: -b.x * px, y: -b.y * px };
  },
  zoomIn() {
    const vp = viewer!.viewport;
    vp.goHome(true);
    vp.zoomBy(2, undefined, true);
    vp.applyConstraints(true);
  },
  describe: () => `OpenSeadragon drawer: ${viewer?.drawer?.getType?.() ?? 'unknown'}`,
});
