import { describe, expect, it } from 'vitest';
import type { Geometry, LabelDocument, LabelObject } from '../../src/core/labels/format.ts';
import type { OntologyDocument, Question } from '../../src/core/ontology/format.ts';
import {
  createMemoryClipboard,
  type EditorOptions,
  EditorStore,
  type PointerInput,
  SHORTCUTS,
  setText,
  shortcutFor,
  toggleOption,
  toImage,
  toScreen,
} from '../../src/editor/index.ts';

const IMAGE = { width: 1000, height: 800 };
const OLD = '2026-01-01T00:00:00.000Z';
const NOW = '2026-02-03T04:05:06.000Z';

const colour: Question = {
  featureId: 'q-colour',
  name: 'Colour',
  kind: 'radio',
  options: [
    { featureId: 'o-red', label: 'Red' },
    { featureId: 'o-blue', label: 'Blue' },
  ],
};
const notes: Question = { featureId: 'q-notes', name: 'Notes', kind: 'text' };
const plate: Question = { featureId: 'q-plate', name: 'Plate', kind: 'text' };

const ontology: OntologyDocument = {
  formatVersion: 1,
  objects: [
    {
      featureId: 'feat-car',
      name: 'Car',
      shape: 'bounding_box',
      color: '#ff0000',
      hotkey: '1',
      attributes: [colour, plate],
    },
    {
      featureId: 'feat-truck',
      name: 'Truck',
      shape: 'bounding_box',
      color: '#00ff00',
      hotkey: '2',
      attributes: [],
    },
    { featureId: 'feat-road', name: 'Road', shape: 'polygon', color: '#0000ff', hotkey: '3', attributes: [] },
    { featureId: 'feat-sign', name: 'Sign', shape: 'point', color: '#ff00ff', hotkey: 'b', attributes: [] },
    {
      featureId: 'feat-old',
      name: 'Old',
      shape: 'bounding_box',
      color: '#888888',
      archived: true,
      attributes: [],
    },
  ],
  classifications: [notes],
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

const box = (x: number, y: number): Geometry => ({ type: 'bounding_box', x, y, w: 50, h: 50 });

const fixture = (): LabelDocument => ({
  formatVersion: 1,
  objects: [
    object('obj-a', 'feat-car', box(100, 100)),
    object('obj-b', 'feat-car', box(200, 100)),
    object('obj-c', 'feat-truck', box(300, 100)),
    object('obj-d', 'feat-road', {
      type: 'polygon',
      points: [
        [500, 500],
        [600, 500],
        [600, 600],
      ],
    }),
  ],
  classifications: [],
});

function editor(over: Partial<EditorOptions> = {}) {
  return new EditorStore({
    ontology,
    document: fixture(),
    image: IMAGE,
    view: { width: 1200, height: 900 },
    userId: 'alice',
    now: () => new Date(NOW),
    ...over,
  });
}

const ids = (s: EditorStore) => s.getState().document.objects.map((o) => o.id);
const find = (s: EditorStore, id: string) => s.getState().document.objects.find((o) => o.id === id)!;
const at = (s: EditorStore, x: number, y: number, extra: Partial<PointerInput> = {}): PointerInput => ({
  ...toScreen(s.getState().viewport, [x, y]),
  ...extra,
});

describe('copy and paste', () => {
  it('pastes into another store sharing the clipboard: new ids, same place, the paster as author', () => {
    const clipboard = createMemoryClipboard();
    const source = editor({ clipboard });
    const target = editor({ clipboard, document: { formatVersion: 1, objects: [], classifications: [] } });
    source.select(['obj-a', 'obj-d']);
    expect(source.key({ key: 'c', ctrl: true })).toBe(true);
    expect(target.key({ key: 'v', ctrl: true })).toBe(true);
    const pasted = target.getState().document.objects;
    expect(pasted.map((o) => o.featureId)).toEqual(['feat-car', 'feat-road']);
    expect(pasted.map((o) => o.geometry)).toEqual([
      fixture().objects[0]!.geometry,
      fixture().objects[3]!.geometry,
    ]);
    expect(pasted.map((o) => o.id)).not.toContain('obj-a');
    expect(pasted[0]).toMatchObject({ createdBy: 'alice', createdAt: NOW, updatedBy: 'alice' });
    expect(target.getState().selection).toEqual(pasted.map((o) => o.id));
    target.undo();
    expect(target.getState().document.objects).toEqual([]);
  });

  it('takes only classes of this ontology with the same shape', () => {
    const clipboard = createMemoryClipboard();
    const source = editor({ clipboard });
    const other: OntologyDocument = {
      ...ontology,
      objects: [
        { featureId: 'feat-car', name: 'Car', shape: 'bounding_box', color: '#ff0000', attributes: [] },
        { featureId: 'feat-road', name: 'Road', shape: 'polyline', color: '#0000ff', attributes: [] },
      ],
    };
    const target = new EditorStore({
      ontology: other,
      document: { formatVersion: 1, objects: [], classifications: [] },
      image: IMAGE,
      view: IMAGE,
      userId: 'carol',
      clipboard,
    });
    source.selectAll();
    source.copy();
    target.paste();
    expect(target.getState().document.objects.map((o) => o.featureId)).toEqual(['feat-car', 'feat-car']);
  });

  it('pasting onto identical geometry offsets the copy by 10 px each time', () => {
    const s = editor();
    s.select(['obj-a']);
    s.copy();
    s.paste();
    s.paste();
    const objects = s.getState().document.objects;
    expect(objects).toHaveLength(6);
    expect(objects[4]!.geometry).toEqual(box(110, 110));
    expect(objects[5]!.geometry).toEqual(box(120, 120));
    expect(new Set(objects.map((o) => o.id)).size).toBe(6);
  });

  it('the clipboard holds copies, not the document objects', () => {
    const clipboard = createMemoryClipboard();
    const s = editor({ clipboard });
    s.select(['obj-a']);
    s.copy();
    const read = clipboard.read()!;
    expect(read[0]).toEqual(find(s, 'obj-a'));
    expect(read[0]).not.toBe(find(s, 'obj-a'));
  });
});

describe('z-order', () => {
  it('forward, backward, front and back move the selection through document order', () => {
    const s = editor();
    s.select(['obj-b']);
    s.bringForward();
    expect(ids(s)).toEqual(['obj-a', 'obj-c', 'obj-b', 'obj-d']);
    s.bringToFront();
    expect(ids(s)).toEqual(['obj-a', 'obj-c', 'obj-d', 'obj-b']);
    s.sendBackward();
    expect(ids(s)).toEqual(['obj-a', 'obj-c', 'obj-b', 'obj-d']);
    s.sendToBack();
    expect(ids(s)).toEqual(['obj-b', 'obj-a', 'obj-c', 'obj-d']);
    s.sendToBack();
    expect(s.getState().revisionOfChange).toBe(4);
    s.undo();
    expect(ids(s)).toEqual(['obj-a', 'obj-c', 'obj-b', 'obj-d']);
  });

  it('by keys ] [ Shift+] Shift+[, keeping objects by identity', () => {
    const s = editor();
    const before = s.getState().document.objects;
    s.select(['obj-a', 'obj-b']);
    s.key({ key: ']' });
    expect(ids(s)).toEqual(['obj-c', 'obj-a', 'obj-b', 'obj-d']);
    s.key({ key: '}', code: 'BracketRight', shift: true });
    expect(ids(s)).toEqual(['obj-c', 'obj-d', 'obj-a', 'obj-b']);
    s.key({ key: '{', code: 'BracketLeft', shift: true });
    expect(ids(s)).toEqual(['obj-a', 'obj-b', 'obj-c', 'obj-d']);
    s.key({ key: ']' });
    s.key({ key: '[' });
    expect(ids(s)).toEqual(['obj-a', 'obj-b', 'obj-c', 'obj-d']);
    s.getState().document.objects.forEach((o, i) => {
      expect(o).toBe(before[i]);
    });
  });
});

describe('classes and attributes', () => {
  it('changing class keeps the id and drops answers the new class does not ask', () => {
    const s = editor();
    s.setObjectAttributes('obj-a', toggleOption([], ontology.objects[0]!.attributes, ['q-colour'], 'o-red'));
    s.setObjectFeature('obj-a', 'feat-truck');
    expect(find(s, 'obj-a')).toMatchObject({
      id: 'obj-a',
      featureId: 'feat-truck',
      attributes: [],
      updatedBy: 'alice',
    });
    s.setObjectFeature('obj-a', 'feat-road');
    s.setObjectFeature('obj-a', 'feat-old');
    expect(find(s, 'obj-a').featureId).toBe('feat-truck');
  });

  it('typing with a coalesce key is one undo step; another key or a selection change starts a new one', () => {
    const s = editor();
    const questions = ontology.classifications;
    for (const text of ['h', 'he', 'hel'])
      s.setClassifications(setText([], questions, ['q-notes'], text), 'text:q-notes');
    expect(s.getState().document.classifications).toEqual([{ featureId: 'q-notes', text: 'hel' }]);
    expect(s.getState().revisionOfChange).toBe(3);
    s.undo();
    expect(s.getState().document.classifications).toEqual([]);
    expect(s.getState().canUndo).toBe(false);
    s.redo();
    expect(s.getState().document.classifications).toEqual([{ featureId: 'q-notes', text: 'hel' }]);

    const attrs = ontology.objects[0]!.attributes;
    s.setObjectAttributes('obj-a', setText([], attrs, ['q-plate'], 'A'), 'text:q-plate');
    s.setObjectAttributes('obj-a', setText([], attrs, ['q-plate'], 'AB'), 'text:q-plate');
    s.setObjectAttributes('obj-b', setText([], attrs, ['q-plate'], 'X'), 'text:q-plate');
    s.select(['obj-a']);
    s.setObjectAttributes('obj-a', setText([], attrs, ['q-plate'], 'ABC'), 'text:q-plate');
    s.undo();
    expect(find(s, 'obj-a').attributes).toEqual([{ featureId: 'q-plate', text: 'AB' }]);
    s.undo();
    expect(find(s, 'obj-b').attributes).toEqual([]);
    s.undo();
    expect(find(s, 'obj-a').attributes).toEqual([]);
    expect(s.getState().document.classifications).toEqual([{ featureId: 'q-notes', text: 'hel' }]);
  });

  it('edits without a key are each their own step', () => {
    const s = editor();
    const questions = ontology.classifications;
    s.setClassifications(setText([], questions, ['q-notes'], 'a'));
    s.setClassifications(setText([], questions, ['q-notes'], 'ab'));
    s.undo();
    expect(s.getState().document.classifications).toEqual([{ featureId: 'q-notes', text: 'a' }]);
  });

  it('locked objects refuse edits from panels too', () => {
    const s = editor();
    s.toggleLocked('obj-a');
    const before = s.getState().document;
    s.setObjectFeature('obj-a', 'feat-truck');
    s.setObjectAttributes('obj-a', [{ featureId: 'q-plate', text: 'x' }]);
    s.select(['obj-a']);
    s.deleteSelected();
    s.bringToFront();
    expect(s.getState().document).toBe(before);
  });
});

describe('keyboard', () => {
  it('tool letters pick tools the ontology has', () => {
    const s = editor({
      ontology: { ...ontology, objects: ontology.objects.filter((f) => f.hotkey !== 'b') },
    });
    expect(s.key({ key: 'b' })).toBe(true);
    expect(s.getState().tool).toBe('bounding_box');
    expect(s.key({ key: 'P' })).toBe(true);
    expect(s.getState()).toMatchObject({ tool: 'polygon', activeFeatureId: 'feat-road' });
    expect(s.key({ key: 'o' })).toBe(false);
    expect(s.key({ key: 'v' })).toBe(true);
    expect(s.getState().tool).toBe('select');
  });

  it('an ontology hotkey picks its class and its tool, before the tool letters', () => {
    const s = editor();
    expect(s.key({ key: '3' })).toBe(true);
    expect(s.getState()).toMatchObject({ tool: 'polygon', activeFeatureId: 'feat-road' });
    expect(s.key({ key: '2' })).toBe(true);
    expect(s.getState()).toMatchObject({ tool: 'bounding_box', activeFeatureId: 'feat-truck' });
    expect(s.key({ key: 'B' })).toBe(true);
    expect(s.getState()).toMatchObject({ tool: 'point', activeFeatureId: 'feat-sign' });
  });

  it('undo and redo: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y', () => {
    const s = editor();
    const original = s.getState().document;
    s.select(['obj-a']);
    s.key({ key: 'Delete' });
    const deleted = s.getState().document;
    expect(ids(s)).toEqual(['obj-b', 'obj-c', 'obj-d']);
    expect(s.getState().selection).toEqual([]);
    s.key({ key: 'z', ctrl: true });
    expect(s.getState().document).toBe(original);
    expect(s.getState().selection).toEqual(['obj-a']);
    s.key({ key: 'Z', meta: true, shift: true });
    expect(s.getState().document).toBe(deleted);
    s.key({ key: 'z', meta: true });
    s.key({ key: 'y', ctrl: true });
    expect(s.getState().document).toBe(deleted);
  });

  it('Ctrl+A selects every visible unlocked object; Tab and Shift+Tab step through them', () => {
    const s = editor();
    s.toggleHidden('obj-c');
    s.key({ key: 'a', ctrl: true });
    expect(s.getState().selection).toEqual(['obj-a', 'obj-b', 'obj-d']);
    s.clearSelection();
    s.key({ key: 'Tab' });
    expect(s.getState().selection).toEqual(['obj-a']);
    s.key({ key: 'Tab' });
    s.key({ key: 'Tab' });
    expect(s.getState().selection).toEqual(['obj-d']);
    s.key({ key: 'Tab' });
    expect(s.getState().selection).toEqual(['obj-a']);
    s.key({ key: 'Tab', shift: true });
    expect(s.getState().selection).toEqual(['obj-d']);
  });

  it('arrow keys nudge 1 px, with Shift 10 px; a run of nudges is one undo step', () => {
    const s = editor();
    const before = s.getState().document;
    s.select(['obj-a', 'obj-b']);
    expect(s.key({ key: 'ArrowRight' })).toBe(true);
    s.key({ key: 'ArrowDown', shift: true });
    s.key({ key: 'ArrowLeft' });
    s.key({ key: 'ArrowLeft' });
    expect(find(s, 'obj-a').geometry).toEqual(box(99, 110));
    expect(find(s, 'obj-b').geometry).toEqual(box(199, 110));
    s.undo();
    expect(s.getState().document).toBe(before);
  });

  it('Escape clears the selection; H hides and shows it; Ctrl+L locks and unlocks it', () => {
    const s = editor();
    s.select(['obj-a', 'obj-b']);
    s.key({ key: 'h' });
    expect([...s.getState().hidden]).toEqual(['obj-a', 'obj-b']);
    s.key({ key: 'h' });
    expect(s.getState().hidden.size).toBe(0);
    s.key({ key: 'l', ctrl: true });
    expect([...s.getState().locked]).toEqual(['obj-a', 'obj-b']);
    expect(s.key({ key: 'Escape' })).toBe(true);
    expect(s.getState().selection).toEqual([]);
    expect(s.key({ key: 'Escape' })).toBe(false);
  });

  it('? toggles help, F and 0 fit, + and - zoom at the centre', () => {
    const s = editor();
    s.key({ key: '?', shift: true });
    expect(s.getState().showHelp).toBe(true);
    const fitted = s.getState().viewport;
    const centre = { x: 600, y: 450 };
    const imageCentre = toImage(fitted, centre);
    s.key({ key: '+' });
    expect(s.getState().viewport.scale).toBeGreaterThan(fitted.scale);
    expect(toImage(s.getState().viewport, centre)[0]).toBeCloseTo(imageCentre[0]);
    s.key({ key: '-' });
    s.key({ key: '-' });
    expect(s.getState().viewport.scale).toBeLessThan(fitted.scale);
    s.key({ key: '0' });
    expect(s.getState().viewport).toEqual(fitted);
    s.zoomBy(3);
    s.key({ key: 'f' });
    expect(s.getState().viewport).toEqual(fitted);
  });

  it('Space held turns drags into pans; the middle button always pans', () => {
    const s = editor();
    const before = s.getState().document;
    const v0 = s.getState().viewport;
    expect(s.key({ key: ' ', code: 'Space' })).toBe(true);
    expect(s.getState().panning).toBe(true);
    const p = at(s, 120, 120);
    s.pointerDown(p);
    s.pointerMove({ x: p.x + 30, y: p.y - 10 });
    s.pointerUp({ x: p.x + 30, y: p.y - 10 });
    s.keyUp({ key: ' ', code: 'Space' });
    expect(s.getState().panning).toBe(false);
    expect(s.getState().viewport).toEqual({ scale: v0.scale, x: v0.x + 30, y: v0.y - 10 });
    expect(s.getState().document).toBe(before);
    expect(s.getState().selection).toEqual([]);
    s.pointerDown({ ...p, button: 1 });
    s.pointerMove({ x: p.x + 40, y: p.y });
    s.pointerUp({ x: p.x + 40, y: p.y, button: 1 });
    expect(s.getState().viewport.x).toBeCloseTo(v0.x + 70);
    expect(s.getState().selection).toEqual([]);
  });

  it('task keys are left to the page', () => {
    const s = editor();
    expect(shortcutFor({ key: 'Enter', ctrl: true })).toBe('submit');
    expect(shortcutFor({ key: 'K', ctrl: true, shift: true })).toBe('skip');
    expect(shortcutFor({ key: 's', meta: true })).toBe('save');
    expect(s.key({ key: 'Enter', ctrl: true })).toBe(false);
    expect(s.key({ key: 's', ctrl: true })).toBe(false);
  });

  it('every action the keys map to is listed in SHORTCUTS', () => {
    const keys = [
      ...'vbrplokhf0+=-_?[]{}'.split(''),
      'Escape',
      'Enter',
      'Delete',
      'Backspace',
      'Tab',
      'ArrowLeft',
      'ArrowUp',
    ];
    const listed = new Set(SHORTCUTS.map((s) => s.action));
    for (const key of keys) {
      for (const mods of [{}, { shift: true }, { ctrl: true }, { ctrl: true, shift: true }]) {
        const action = shortcutFor({ key, ...mods });
        if (action) expect(listed, `${key} ${JSON.stringify(mods)}`).toContain(action);
      }
    }
    expect(SHORTCUTS.filter((s) => s.group === 'Task').map((s) => s.action)).toEqual([
      'submit',
      'skip',
      'save',
    ]);
  });

  it('read-only editors refuse every edit but still select and view', () => {
    const s = editor({ readOnly: true });
    const before = s.getState().document;
    s.select(['obj-a']);
    expect(s.key({ key: 'Delete' })).toBe(false);
    expect(s.key({ key: 'ArrowLeft' })).toBe(false);
    expect(s.key({ key: ']' })).toBe(false);
    expect(s.key({ key: '1' })).toBe(false);
    s.copy();
    s.paste();
    s.setClassifications([{ featureId: 'q-notes', text: 'x' }]);
    s.setObjectAttributes('obj-a', [{ featureId: 'q-plate', text: 'x' }]);
    s.setObjectFeature('obj-a', 'feat-truck');
    s.bringToFront();
    s.deleteSelected();
    expect(s.getState().document).toBe(before);
    expect(s.getState().revisionOfChange).toBe(0);
    expect(s.getState().selection).toEqual(['obj-a']);
    expect(s.key({ key: 'f' })).toBe(true);
  });
});

describe('state', () => {
  it('notifies subscribers on change only, and a new state object each time', () => {
    const s = editor();
    let calls = 0;
    const stop = s.subscribe(() => calls++);
    const first = s.getState();
    s.select(['obj-a']);
    expect(calls).toBe(1);
    expect(s.getState()).not.toBe(first);
    const second = s.getState();
    s.select(['obj-a']);
    s.setAdjust({ brightness: 1 });
    expect(calls).toBe(1);
    expect(s.getState()).toBe(second);
    s.setAdjust({ brightness: 9, contrast: 0 });
    expect(s.getState().adjust).toEqual({ brightness: 3, contrast: 0.2 });
    stop();
    s.toggleHelp();
    expect(calls).toBe(2);
  });

  it('replaceDocument clears history, keeps the view and drops vanished selections', () => {
    const s = editor();
    s.zoomBy(2);
    s.select(['obj-a', 'obj-b']);
    s.deleteSelected();
    s.select(['obj-c', 'obj-d']);
    const viewport = s.getState().viewport;
    const revision = s.getState().revisionOfChange;
    const server = fixture();
    server.objects = server.objects.filter((o) => o.id !== 'obj-d');
    s.replaceDocument(server);
    expect(s.getState()).toMatchObject({ document: server, selection: ['obj-c'], viewport, canUndo: false });
    expect(s.getState().revisionOfChange).toBe(revision);
  });

  it('setDocument puts a whole document in place as one undo step, keeping the view', () => {
    const s = editor();
    s.zoomBy(2);
    s.select(['obj-a', 'obj-d']);
    const viewport = s.getState().viewport;
    const before = s.getState().document;
    const revision = s.getState().revisionOfChange;
    const other = fixture();
    other.objects = other.objects.filter((o) => o.id !== 'obj-d');
    s.setDocument(other);
    expect(s.getState()).toMatchObject({ document: other, selection: ['obj-a'], viewport, canUndo: true });
    expect(s.getState().revisionOfChange).toBe(revision + 1);
    s.undo();
    expect(s.getState().document).toBe(before);
    s.redo();
    expect(s.getState().document).toBe(other);
  });

  it('setDocument works in a read-only store, whose hand edits stay refused, and may be undone there', () => {
    const s = editor({ readOnly: true });
    const before = s.getState().document;
    s.select(['obj-a']);
    s.deleteSelected();
    expect(s.getState()).toMatchObject({ document: before, canUndo: false });
    const other = { ...fixture(), objects: [] };
    s.setDocument(other);
    expect(s.getState()).toMatchObject({ document: other, selection: [], canUndo: true });
    s.undo();
    expect(s.getState()).toMatchObject({ document: before, canUndo: false, canRedo: true });
    s.redo();
    expect(s.getState().document).toBe(other);
  });

  it('setDocument with the current document changes nothing', () => {
    const s = editor();
    const state = s.getState();
    s.setDocument(state.document);
    expect(s.getState()).toBe(state);
  });

  it('history keeps at most 500 steps', () => {
    const s = editor();
    for (let i = 0; i < 510; i++) s.setClassifications([{ featureId: 'q-notes', text: `v${i}` }]);
    let undone = 0;
    while (s.getState().canUndo) {
      s.undo();
      undone++;
    }
    expect(undone).toBe(500);
    expect(s.getState().document.classifications).toEqual([{ featureId: 'q-notes', text: 'v9' }]);
  });
});
