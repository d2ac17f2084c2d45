import { describe, expect, it } from 'vitest';
import type { LabelDocument } from '../../src/core/labels/format.ts';
import { emptyLabels } from '../../src/core/labels/format.ts';
import { validateLabels } from '../../src/core/labels/validate.ts';
import type { OntologyDocument } from '../../src/core/ontology/format.ts';
import { EditorStore } from '../../src/editor/index.ts';
import { at, click, drag, rounded } from './scripted-input.ts';

const IMAGE = { width: 1000, height: 800 };
const NOW = '2026-02-03T04:05:06.000Z';

const ontology: OntologyDocument = {
  formatVersion: 1,
  objects: [
    { featureId: 'feat-box', name: 'Car', shape: 'bounding_box', color: '#ff0000', attributes: [] },
    { featureId: 'feat-rbox', name: 'Ship', shape: 'rotatable_box', color: '#00ff00', attributes: [] },
    { featureId: 'feat-poly', name: 'Road', shape: 'polygon', color: '#0000ff', attributes: [] },
    { featureId: 'feat-line', name: 'Lane', shape: 'polyline', color: '#ffff00', attributes: [] },
    { featureId: 'feat-point', name: 'Sign', shape: 'point', color: '#ff00ff', attributes: [] },
    {
      featureId: 'feat-skel',
      name: 'Person',
      shape: 'keypoint_skeleton',
      color: '#00ffff',
      attributes: [],
      skeleton: {
        points: [
          { id: 'nose', name: 'Nose' },
          { id: 'lhand', name: 'Left hand' },
          { id: 'rhand', name: 'Right hand' },
        ],
        edges: [
          ['nose', 'lhand'],
          ['nose', 'rhand'],
        ],
      },
    },
  ],
  classifications: [],
};

function editor(opts: { document?: LabelDocument; readOnly?: boolean } = {}) {
  return new EditorStore({
    ontology,
    document: opts.document ?? emptyLabels(),
    image: IMAGE,
    view: { width: 1200, height: 900 },
    userId: 'alice',
    now: () => new Date(NOW),
    readOnly: opts.readOnly ?? false,
  });
}

function expectValid(s: EditorStore) {
  const result = validateLabels(s.getState().document, ontology, { mode: 'save', image: IMAGE });
  expect(result).toMatchObject({ ok: true });
}

function onlyObject(s: EditorStore) {
  const objects = s.getState().document.objects;
  expect(objects).toHaveLength(1);
  return objects[0]!;
}

describe('drawing tools', () => {
  it('a bounding box is drawn by press, drag and release, stamped, selected, and the tool stays', () => {
    const s = editor();
    s.setTool('bounding_box');
    drag(s, [100, 100], [300, 250]);
    const o = onlyObject(s);
    expect(o.featureId).toBe('feat-box');
    expect(rounded(o.geometry)).toEqual({ type: 'bounding_box', x: 100, y: 100, w: 200, h: 150 });
    expect(o).toMatchObject({ createdBy: 'alice', createdAt: NOW, updatedBy: 'alice', updatedAt: NOW });
    expect(s.getState().selection).toEqual([o.id]);
    expect(s.getState().tool).toBe('bounding_box');
    expect(s.getState().draft).toBeNull();
    expect(s.getState().revisionOfChange).toBe(1);
    expectValid(s);
  });

  it('a box being dragged shows as the draft, and boxes under 2 image pixels are discarded', () => {
    const s = editor();
    s.setTool('bounding_box');
    s.pointerDown(at(s, 100, 100));
    s.pointerMove(at(s, 150, 120));
    expect(rounded(s.getState().draft!.geometry)).toEqual({
      type: 'bounding_box',
      x: 100,
      y: 100,
      w: 50,
      h: 20,
    });
    s.pointerUp(at(s, 101, 120));
    expect(s.getState().document.objects).toEqual([]);
    expect(s.getState().draft).toBeNull();
  });

  it('a box dragged past the image edge is clamped to the image', () => {
    const s = editor();
    s.setTool('bounding_box');
    drag(s, [900, 700], [1300, 1000]);
    expect(rounded(onlyObject(s).geometry)).toEqual({ type: 'bounding_box', x: 900, y: 700, w: 100, h: 100 });
    expectValid(s);
  });

  it('a rotatable box is drawn axis-aligned', () => {
    const s = editor();
    s.setTool('rotatable_box');
    drag(s, [300, 250], [100, 100]);
    expect(rounded(onlyObject(s).geometry)).toEqual({
      type: 'rotatable_box',
      cx: 200,
      cy: 175,
      w: 200,
      h: 150,
      angle: 0,
    });
    expectValid(s);
  });

  it('a point is placed by a click', () => {
    const s = editor();
    s.setTool('point');
    click(s, 321, 123);
    expect(rounded(onlyObject(s).geometry)).toEqual({ type: 'point', x: 321, y: 123 });
    click(s, 400, 400);
    expect(s.getState().document.objects).toHaveLength(2);
    expectValid(s);
  });

  describe('polygon', () => {
    it('closes on a click near its first vertex', () => {
      const s = editor();
      s.setTool('polygon');
      click(s, 100, 100);
      click(s, 300, 100);
      s.pointerMove(at(s, 310, 290));
      expect(s.getState().draft?.cursor?.map(Math.round)).toEqual([310, 290]);
      click(s, 300, 300);
      expect(s.getState().draft?.geometry).toMatchObject({ type: 'polygon' });
      click(s, 103, 102);
      expect(rounded(onlyObject(s).geometry)).toEqual({
        type: 'polygon',
        points: [
          [100, 100],
          [300, 100],
          [300, 300],
        ],
      });
      expect(s.getState().draft).toBeNull();
      expect(s.getState().tool).toBe('polygon');
      expectValid(s);
    });

    it('closes on a double-click, which places the last vertex once', () => {
      const s = editor();
      s.setTool('polygon');
      click(s, 100, 100);
      click(s, 300, 100);
      click(s, 300, 300);
      click(s, 300, 300);
      s.doubleClick(at(s, 300, 300));
      expect((onlyObject(s).geometry as { points: unknown[] }).points).toHaveLength(3);
    });

    it('closes on Enter, but only with 3 points', () => {
      const s = editor();
      s.setTool('polygon');
      click(s, 100, 100);
      click(s, 300, 100);
      expect(s.key({ key: 'Enter' })).toBe(true);
      expect(s.getState().document.objects).toHaveLength(0);
      click(s, 200, 300);
      s.key({ key: 'Enter' });
      expect((onlyObject(s).geometry as { points: unknown[] }).points).toHaveLength(3);
    });

    it('Backspace removes the last vertex, and the draft when none is left', () => {
      const s = editor();
      s.setTool('polygon');
      click(s, 100, 100);
      click(s, 300, 100);
      click(s, 300, 300);
      expect(s.key({ key: 'Backspace' })).toBe(true);
      expect(rounded(s.getState().draft!.geometry)).toEqual({
        type: 'polygon',
        points: [
          [100, 100],
          [300, 100],
        ],
      });
      click(s, 100, 300);
      s.key({ key: 'Enter' });
      expect(rounded(onlyObject(s).geometry)).toMatchObject({
        points: [
          [100, 100],
          [300, 100],
          [100, 300],
        ],
      });
      s.setTool('polygon');
      click(s, 500, 500);
      s.key({ key: 'Backspace' });
      expect(s.getState().draft).toBeNull();
    });

    it('Escape cancels the polygon being drawn', () => {
      const s = editor();
      s.setTool('polygon');
      click(s, 100, 100);
      click(s, 300, 100);
      expect(s.key({ key: 'Escape' })).toBe(true);
      expect(s.getState().draft).toBeNull();
      expect(s.getState().document.objects).toEqual([]);
      expect(s.getState().canUndo).toBe(false);
    });

    it('undo while drawing takes back the last vertex, not the previous object', () => {
      const s = editor();
      s.setTool('point');
      click(s, 10, 10);
      s.setTool('polygon');
      click(s, 100, 100);
      click(s, 300, 100);
      s.undo();
      expect(s.getState().draft?.geometry).toMatchObject({
        points: [[expect.any(Number), expect.any(Number)]],
      });
      expect(s.getState().document.objects).toHaveLength(1);
    });

    it('collinear points do not make a polygon', () => {
      const s = editor();
      s.setTool('polygon');
      click(s, 100, 100);
      click(s, 200, 100);
      click(s, 300, 100);
      s.key({ key: 'Enter' });
      expect(s.getState().document.objects).toEqual([]);
      expect(s.getState().draft).not.toBeNull();
    });
  });

  describe('polyline', () => {
    it('finishes on Enter with 2 points', () => {
      const s = editor();
      s.setTool('polyline');
      click(s, 100, 100);
      s.key({ key: 'Enter' });
      expect(s.getState().document.objects).toEqual([]);
      click(s, 400, 300);
      s.key({ key: 'Enter' });
      expect(rounded(onlyObject(s).geometry)).toEqual({
        type: 'polyline',
        points: [
          [100, 100],
          [400, 300],
        ],
      });
      expectValid(s);
    });

    it('finishes on a double-click; a click on its first vertex does not close it', () => {
      const s = editor();
      s.setTool('polyline');
      click(s, 100, 100);
      click(s, 300, 100);
      click(s, 102, 101);
      expect(s.getState().draft?.geometry).toMatchObject({ type: 'polyline' });
      expect(s.getState().document.objects).toEqual([]);
      click(s, 300, 300);
      click(s, 300, 300);
      s.doubleClick(at(s, 300, 300));
      expect((onlyObject(s).geometry as { points: unknown[] }).points).toHaveLength(4);
    });
  });

  describe('keypoint skeleton', () => {
    it('places the skeleton points in order, Shift-click as not visible, and finishes after the last', () => {
      const s = editor();
      s.setTool('keypoint_skeleton');
      expect(s.getState().draft).toBeNull();
      click(s, 100, 100);
      expect(s.getState().draft?.nextKeypoint).toBe('Left hand');
      click(s, 150, 200, { shift: true });
      expect(s.getState().draft?.nextKeypoint).toBe('Right hand');
      click(s, 50, 200);
      expect(rounded(onlyObject(s).geometry)).toEqual({
        type: 'keypoint_skeleton',
        keypoints: [
          { pointId: 'nose', x: 100, y: 100, visible: true },
          { pointId: 'lhand', x: 150, y: 200, visible: false },
          { pointId: 'rhand', x: 50, y: 200, visible: true },
        ],
      });
      expect(s.getState().draft).toBeNull();
      expectValid(s);
    });

    it('N skips a point (it is left out), even the first', () => {
      const s = editor();
      s.setTool('keypoint_skeleton');
      expect(s.key({ key: 'n' })).toBe(true);
      expect(s.getState().draft?.nextKeypoint).toBe('Left hand');
      click(s, 150, 200);
      click(s, 50, 200);
      const g = onlyObject(s).geometry;
      expect(g.type === 'keypoint_skeleton' && g.keypoints.map((k) => k.pointId)).toEqual(['lhand', 'rhand']);
    });

    it('Enter finishes early; Backspace takes back the last point; Escape cancels', () => {
      const s = editor();
      s.setTool('keypoint_skeleton');
      click(s, 100, 100);
      click(s, 150, 200);
      s.key({ key: 'Backspace' });
      expect(s.getState().draft?.nextKeypoint).toBe('Left hand');
      s.key({ key: 'Enter' });
      const g = onlyObject(s).geometry;
      expect(g.type === 'keypoint_skeleton' && g.keypoints.map((k) => k.pointId)).toEqual(['nose']);
      click(s, 300, 300);
      s.key({ key: 'Escape' });
      expect(s.getState().draft).toBeNull();
      expect(s.getState().document.objects).toHaveLength(1);
    });
  });

  it('drawing tools follow the active class: a tool picks a class of its shape, a class picks its tool', () => {
    const s = editor();
    expect(s.getState().activeFeatureId).toBe('feat-box');
    s.setTool('polygon');
    expect(s.getState().activeFeatureId).toBe('feat-poly');
    s.setActiveFeature('feat-point');
    expect(s.getState().tool).toBe('point');
    click(s, 10, 10);
    expect(onlyObject(s).featureId).toBe('feat-point');
  });

  it('a tool whose shape the ontology lacks cannot be chosen', () => {
    const s = new EditorStore({
      ontology: { ...ontology, objects: ontology.objects.filter((f) => f.shape !== 'polygon') },
      document: emptyLabels(),
      image: IMAGE,
      view: { width: 800, height: 600 },
      userId: 'alice',
    });
    s.setTool('polygon');
    expect(s.getState().tool).toBe('select');
    expect(s.key({ key: 'p' })).toBe(false);
  });

  it('the right button draws nothing', () => {
    const s = editor();
    s.setTool('point');
    click(s, 10, 10, { button: 2 });
    expect(s.getState().document.objects).toEqual([]);
  });

  it('read-only editors draw nothing', () => {
    const s = editor({ readOnly: true });
    s.setTool('bounding_box');
    expect(s.getState().tool).toBe('select');
    expect(s.key({ key: 'b' })).toBe(false);
    drag(s, [100, 100], [300, 300]);
    expect(s.getState().document.objects).toEqual([]);
  });
});
