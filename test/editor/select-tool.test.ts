import { describe, expect, it } from 'vitest';
import type { Geometry, LabelDocument, LabelObject } from '../../src/core/labels/format.ts';
import { rotatedBoxCorners } from '../../src/core/labels/geometry.ts';
import type { OntologyDocument } from '../../src/core/ontology/format.ts';
import { EditorStore, type Handle } from '../../src/editor/index.ts';
import { at, click, drag, rounded } from './scripted-input.ts';

const IMAGE = { width: 1000, height: 800 };
const OLD = '2026-01-01T00:00:00.000Z';
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
      skeleton: { points: [{ id: 'nose', name: 'Nose' }], edges: [] },
    },
  ],
  classifications: [],
};

const object = (id: string, featureId: string, geometry: Geometry): LabelObject => ({
  id,
  featureId,
  geometry,
  attributes: [],
  createdBy: 'bob',
  createdAt: OLD,
  updatedBy: 'bob',
  updatedAt: OLD,
});

const fixture = (): LabelDocument => ({
  formatVersion: 1,
  objects: [
    object('a-box', 'feat-box', { type: 'bounding_box', x: 100, y: 100, w: 200, h: 100 }),
    object('b-rbox', 'feat-rbox', { type: 'rotatable_box', cx: 600, cy: 200, w: 200, h: 100, angle: 0 }),
    object('c-poly', 'feat-poly', {
      type: 'polygon',
      points: [
        [100, 400],
        [300, 400],
        [300, 600],
        [100, 600],
      ],
    }),
    object('d-line', 'feat-line', {
      type: 'polyline',
      points: [
        [500, 500],
        [700, 500],
        [700, 700],
      ],
    }),
    object('e-point', 'feat-point', { type: 'point', x: 800, y: 100 }),
    object('f-skel', 'feat-skel', {
      type: 'keypoint_skeleton',
      keypoints: [{ pointId: 'nose', x: 850, y: 500, visible: true }],
    }),
  ],
  classifications: [],
});

function editor(document = fixture(), readOnly = false) {
  return new EditorStore({
    ontology,
    document,
    image: IMAGE,
    view: { width: 1200, height: 900 },
    userId: 'alice',
    now: () => new Date(NOW),
    readOnly,
  });
}

const find = (s: EditorStore, id: string) => s.getState().document.objects.find((o) => o.id === id)!;

function handle(s: EditorStore, kind: Handle['kind'], index?: number): Handle {
  const h = s
    .getState()
    .handles.find((x) => x.kind === kind && (index === undefined || ('index' in x && x.index === index)));
  if (!h) throw new Error(`no ${kind} handle ${index}`);
  return h;
}

/** The change is one undo step, and undo and redo restore exactly the documents before and after. */
function expectOneStep(s: EditorStore, before: LabelDocument) {
  const after = s.getState().document;
  expect(after).not.toBe(before);
  s.undo();
  expect(s.getState().document).toBe(before);
  expect(s.getState().canUndo).toBe(false);
  s.redo();
  expect(s.getState().document).toBe(after);
  expect(s.getState().canRedo).toBe(false);
}

describe('select tool: picking', () => {
  it('a click selects the topmost object under it, a click on nothing clears', () => {
    const s = editor();
    click(s, 150, 150);
    expect(s.getState().selection).toEqual(['a-box']);
    click(s, 450, 300);
    expect(s.getState().selection).toEqual([]);
    click(s, 801, 101);
    expect(s.getState().selection).toEqual(['e-point']);
    click(s, 600, 498);
    expect(s.getState().selection).toEqual(['d-line']);
    click(s, 600, 550);
    expect(s.getState().selection).toEqual([]);
  });

  it('shift-click adds to and removes from the selection', () => {
    const s = editor();
    click(s, 150, 150);
    click(s, 200, 500, { shift: true });
    expect(s.getState().selection).toEqual(['a-box', 'c-poly']);
    click(s, 150, 150, { shift: true });
    expect(s.getState().selection).toEqual(['c-poly']);
    click(s, 450, 300, { shift: true });
    expect(s.getState().selection).toEqual(['c-poly']);
  });

  it('the last object in the document is on top; hidden and locked objects cannot be picked', () => {
    const doc = fixture();
    doc.objects.push(object('top-box', 'feat-box', { type: 'bounding_box', x: 120, y: 120, w: 50, h: 50 }));
    const s = editor(doc);
    click(s, 140, 140);
    expect(s.getState().selection).toEqual(['top-box']);
    s.toggleHidden('top-box');
    click(s, 140, 140);
    expect(s.getState().selection).toEqual(['a-box']);
    s.toggleLocked('a-box');
    click(s, 140, 140);
    expect(s.getState().selection).toEqual([]);
    s.toggleLocked('a-box');
    s.toggleHidden('top-box');
    click(s, 140, 140);
    expect(s.getState().selection).toEqual(['top-box']);
  });

  it('hovering reports the object under the pointer', () => {
    const s = editor();
    s.pointerMove(at(s, 200, 500));
    expect(s.getState().hoverId).toBe('c-poly');
    s.pointerMove(at(s, 450, 300));
    expect(s.getState().hoverId).toBeNull();
  });
});

describe('select tool: editing (each drag one undo step, undone and redone exactly)', () => {
  it('dragging an object moves it; the others keep their identity', () => {
    const s = editor();
    const before = s.getState().document;
    drag(s, [150, 150], [200, 180]);
    expect(s.getState().selection).toEqual(['a-box']);
    const moved = find(s, 'a-box');
    expect(rounded(moved.geometry)).toEqual({ type: 'bounding_box', x: 150, y: 130, w: 200, h: 100 });
    expect(moved).toMatchObject({ updatedBy: 'alice', updatedAt: NOW, createdBy: 'bob', createdAt: OLD });
    s.getState()
      .document.objects.slice(1)
      .forEach((o, i) => {
        expect(o).toBe(before.objects[i + 1]);
      });
    expect(s.getState().revisionOfChange).toBe(1);
    expectOneStep(s, before);
  });

  it('the whole selection moves together, as far as the image allows', () => {
    const s = editor();
    click(s, 150, 150);
    click(s, 200, 500, { shift: true });
    const before = s.getState().document;
    drag(s, [200, 500], [-400, 480]);
    expect(rounded(find(s, 'a-box').geometry)).toMatchObject({ x: 0, y: 80 });
    expect(rounded(find(s, 'c-poly').geometry)).toMatchObject({
      points: [
        [0, 380],
        [200, 380],
        [200, 580],
        [0, 580],
      ],
    });
    expect(s.getState().selection).toEqual(['a-box', 'c-poly']);
    expectOneStep(s, before);
  });

  it('a press that moves under 3 screen pixels is a click', () => {
    const s = editor();
    const before = s.getState().document;
    const p = at(s, 150, 150);
    s.pointerDown(p);
    s.pointerMove({ ...p, x: p.x + 2 });
    s.pointerUp({ ...p, x: p.x + 2 });
    expect(s.getState().document).toBe(before);
    expect(s.getState().selection).toEqual(['a-box']);
    expect(s.getState().canUndo).toBe(false);
  });

  it('Escape during a drag puts the object back', () => {
    const s = editor();
    const before = s.getState().document;
    s.pointerDown(at(s, 150, 150));
    s.pointerMove(at(s, 250, 250));
    expect(s.getState().document).not.toBe(before);
    expect(s.key({ key: 'Escape' })).toBe(true);
    expect(s.getState().document).toBe(before);
    s.pointerUp(at(s, 250, 250));
    expect(s.getState().canUndo).toBe(false);
  });

  it('box corners and edges resize', () => {
    const s = editor();
    click(s, 150, 150);
    const before = s.getState().document;
    const corner = handle(s, 'corner', 2);
    expect([corner.x, corner.y]).toEqual([300, 200]);
    drag(s, [300, 200], [350, 260]);
    expect(rounded(find(s, 'a-box').geometry)).toEqual({
      type: 'bounding_box',
      x: 100,
      y: 100,
      w: 250,
      h: 160,
    });
    expectOneStep(s, before);
    const edge = handle(s, 'edge', 3);
    expect([edge.x, edge.y]).toEqual([100, 180]);
    drag(s, [100, 180], [400, 100]);
    // Dragged past the opposite side, the box flips instead of taking a negative width.
    expect(rounded(find(s, 'a-box').geometry)).toEqual({
      type: 'bounding_box',
      x: 350,
      y: 100,
      w: 50,
      h: 160,
    });
  });

  it('the rotate handle turns a rotatable box, Shift snapping to 15°', () => {
    const s = editor();
    click(s, 600, 200);
    const before = s.getState().document;
    const grip = handle(s, 'rotate');
    expect(grip.x).toBeCloseTo(600);
    expect(grip.y).toBeLessThan(150);
    drag(s, [grip.x, grip.y], [800, 210]);
    const turned = find(s, 'b-rbox').geometry;
    expect(turned.type === 'rotatable_box' && turned.angle).toBeCloseTo(92.862, 2);
    expectOneStep(s, before);
    s.undo();
    drag(s, [grip.x, grip.y], [800, 210], { shift: true });
    expect(rounded(find(s, 'b-rbox').geometry)).toEqual({
      type: 'rotatable_box',
      cx: 600,
      cy: 200,
      w: 200,
      h: 100,
      angle: 90,
    });
  });

  it('resizing a turned box keeps the opposite corner where it was', () => {
    const doc = fixture();
    doc.objects[1] = object('b-rbox', 'feat-rbox', {
      type: 'rotatable_box',
      cx: 600,
      cy: 300,
      w: 200,
      h: 100,
      angle: 30,
    });
    const s = editor(doc);
    click(s, 600, 300);
    const before = s.getState().document;
    const corner = handle(s, 'corner', 2);
    drag(s, [corner.x, corner.y], [corner.x + 20, corner.y + 30]);
    const g = find(s, 'b-rbox').geometry;
    if (g.type !== 'rotatable_box') throw new Error('shape changed');
    const [fixedBefore] = rotatedBoxCorners(600, 300, 200, 100, 30);
    const [fixedAfter, , moved] = rotatedBoxCorners(g.cx, g.cy, g.w, g.h, g.angle);
    expect(fixedAfter![0]).toBeCloseTo(fixedBefore![0]);
    expect(fixedAfter![1]).toBeCloseTo(fixedBefore![1]);
    expect(moved![0]).toBeCloseTo(corner.x + 20);
    expect(moved![1]).toBeCloseTo(corner.y + 30);
    expect(g.angle).toBe(30);
    expectOneStep(s, before);
  });

  it('a turn that would take the box out of the image stops at the last position inside', () => {
    const doc = fixture();
    doc.objects[1] = object('b-rbox', 'feat-rbox', {
      type: 'rotatable_box',
      cx: 500,
      cy: 60,
      w: 400,
      h: 100,
      angle: 0,
    });
    const s = editor(doc);
    click(s, 500, 60);
    const grip = handle(s, 'rotate');
    drag(s, [grip.x, grip.y], [700, 60]);
    expect(find(s, 'b-rbox').geometry).toMatchObject({ angle: 0 });
  });

  it('dragging a vertex moves it and leaves it selected', () => {
    const s = editor();
    click(s, 200, 500);
    const before = s.getState().document;
    drag(s, [100, 400], [50, 350]);
    expect(rounded(find(s, 'c-poly').geometry)).toMatchObject({
      points: [
        [50, 350],
        [300, 400],
        [300, 600],
        [100, 600],
      ],
    });
    expect(s.getState().selectedVertex).toEqual({ objectId: 'c-poly', index: 0 });
    expectOneStep(s, before);
  });

  it('dragging a midpoint inserts a vertex there', () => {
    const s = editor();
    click(s, 200, 500);
    const before = s.getState().document;
    const mid = handle(s, 'midpoint', 0);
    expect([mid.x, mid.y]).toEqual([200, 400]);
    drag(s, [200, 400], [200, 350]);
    expect(rounded(find(s, 'c-poly').geometry)).toMatchObject({
      points: [
        [100, 400],
        [200, 350],
        [300, 400],
        [300, 600],
        [100, 600],
      ],
    });
    expect(s.getState().selectedVertex).toEqual({ objectId: 'c-poly', index: 1 });
    expectOneStep(s, before);
  });

  it('alt-click deletes a vertex, but never below 3 polygon points', () => {
    const s = editor();
    click(s, 200, 500);
    const before = s.getState().document;
    click(s, 300, 600, { alt: true });
    expect(rounded(find(s, 'c-poly').geometry)).toMatchObject({
      points: [
        [100, 400],
        [300, 400],
        [100, 600],
      ],
    });
    expectOneStep(s, before);
    const three = s.getState().document;
    click(s, 100, 600, { alt: true });
    expect(s.getState().document).toBe(three);
  });

  it('alt-click keeps a polyline at 2 points at least', () => {
    const s = editor();
    click(s, 600, 500);
    click(s, 700, 700, { alt: true });
    expect(rounded(find(s, 'd-line').geometry)).toMatchObject({
      points: [
        [500, 500],
        [700, 500],
      ],
    });
    const two = s.getState().document;
    click(s, 500, 500, { alt: true });
    expect(s.getState().document).toBe(two);
  });

  it('Delete removes the selected vertex rather than the object', () => {
    const s = editor();
    click(s, 200, 500);
    click(s, 300, 600);
    expect(s.getState().selectedVertex).toEqual({ objectId: 'c-poly', index: 2 });
    const before = s.getState().document;
    expect(s.key({ key: 'Delete' })).toBe(true);
    expect(find(s, 'c-poly').geometry).toMatchObject({
      points: [
        [100, 400],
        [300, 400],
        [100, 600],
      ],
    });
    expectOneStep(s, before);
  });

  it('double-click on a polyline or polygon edge inserts a vertex there', () => {
    const s = editor();
    click(s, 600, 500);
    const before = s.getState().document;
    s.doubleClick(at(s, 640, 501));
    expect(rounded(find(s, 'd-line').geometry)).toMatchObject({
      points: [
        [500, 500],
        [640, 500],
        [700, 500],
        [700, 700],
      ],
    });
    expect(s.getState().selectedVertex).toEqual({ objectId: 'd-line', index: 1 });
    expectOneStep(s, before);
    s.doubleClick(at(s, 300, 450));
    expect((find(s, 'c-poly').geometry as { points: unknown[] }).points).toHaveLength(5);
    s.doubleClick(at(s, 200, 500));
    expect((find(s, 'c-poly').geometry as { points: unknown[] }).points).toHaveLength(5);
  });

  it('keypoints are dragged one by one, points moved whole', () => {
    const s = editor();
    click(s, 850, 500);
    drag(s, [850, 500], [860, 520]);
    expect(rounded(find(s, 'f-skel').geometry)).toMatchObject({
      keypoints: [{ pointId: 'nose', x: 860, y: 520 }],
    });
    drag(s, [800, 100], [810, 90]);
    expect(rounded(find(s, 'e-point').geometry)).toEqual({ type: 'point', x: 810, y: 90 });
  });

  it('locked objects show no handles and do not move; hidden ones do not move with the selection', () => {
    const s = editor();
    click(s, 150, 150);
    expect(s.getState().handles.length).toBeGreaterThan(0);
    s.toggleLocked('a-box');
    expect(s.getState().handles).toEqual([]);
    s.select(['a-box', 'c-poly']);
    const before = s.getState().document;
    drag(s, [200, 500], [250, 500]);
    expect(find(s, 'a-box')).toBe(before.objects[0]);
    expect(find(s, 'c-poly')).not.toBe(before.objects[2]);
  });

  it('read-only editors select but do not move, resize or delete', () => {
    const s = editor(fixture(), true);
    const before = s.getState().document;
    drag(s, [150, 150], [250, 250]);
    expect(s.getState().selection).toEqual(['a-box']);
    expect(s.getState().handles).toEqual([]);
    expect(s.getState().document).toBe(before);
    expect(s.key({ key: 'Delete' })).toBe(false);
    s.deleteSelected();
    s.doubleClick(at(s, 600, 500));
    expect(s.getState().document).toBe(before);
  });
});
