import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, LabelDocument, LabelObject } from '../../src/core/labels/index.ts';
import { mergeLabels, sameLabels } from '../../src/editor/merge.ts';

// Three-way merge of label documents (the editor's "Merge" after a save conflict) and the
// stamp-blind comparison the save queue uses. Pure.

const T0 = '2024-05-01T10:00:00.000Z';
const T1 = '2024-05-01T11:00:00.000Z';

function box(id: string, x: number, extra: Partial<LabelObject> = {}): LabelObject {
  return {
    id,
    featureId: 'car0',
    geometry: { type: 'bounding_box', x, y: 10, w: 20, h: 20 },
    attributes: [],
    createdBy: 'alice',
    createdAt: T0,
    updatedBy: 'alice',
    updatedAt: T0,
    ...extra,
  };
}

const doc = (objects: LabelObject[], classifications: Answer[] = []): LabelDocument => ({
  formatVersion: 1,
  objects,
  classifications,
});

const ids = (d: LabelDocument) => d.objects.map((o) => o.id);
const moved = (o: LabelObject, x: number, by = 'bob'): LabelObject => ({
  ...o,
  geometry: { type: 'bounding_box', x, y: 10, w: 20, h: 20 },
  updatedBy: by,
  updatedAt: T1,
});

describe('mergeLabels', () => {
  const a = box('aaaa', 0);
  const b = box('bbbb', 100);
  const c = box('cccc', 200);
  const base = doc([a, b, c]);

  it('returns base when neither side changed anything', () => {
    expect(mergeLabels(base, base, base)).toEqual({ document: base, conflicts: [] });
  });

  it('keeps objects both sides added: theirs in their order, then mine', () => {
    const mine = doc([a, b, c, box('mine', 1), box('min2', 2)]);
    const theirs = doc([a, box('thr1', 3), b, c]);
    const { document, conflicts } = mergeLabels(base, mine, theirs);
    expect(ids(document)).toEqual(['aaaa', 'thr1', 'bbbb', 'cccc', 'mine', 'min2']);
    expect(conflicts).toEqual([]);
  });

  it('takes each side’s edits and deletions of different objects', () => {
    const mine = doc([moved(a, 5), c]); // moved a, deleted b
    const theirs = doc([a, b, moved(c, 250)]); // moved c
    const { document, conflicts } = mergeLabels(base, mine, theirs);
    expect(document.objects).toEqual([moved(a, 5), moved(c, 250)]);
    expect(conflicts).toEqual([]);
  });

  // An edit on one side and a deletion on the other are changes to the same object on both sides:
  // like any such conflict, mine wins and the object is listed. The annotator merging is the one
  // who sees the result (and the list); the other side's version stays in the revision history.
  it('keeps my deletion of an object they edited, and lists it', () => {
    const mine = doc([a, c]);
    const theirs = doc([a, moved(b, 150), c]);
    const { document, conflicts } = mergeLabels(base, mine, theirs);
    expect(ids(document)).toEqual(['aaaa', 'cccc']);
    expect(conflicts).toEqual(['bbbb']);
  });

  it('keeps my edit of an object they deleted, and lists it', () => {
    const mine = doc([a, moved(b, 150, 'me'), c]);
    const theirs = doc([a, c]);
    const { document, conflicts } = mergeLabels(base, mine, theirs);
    expect(document.objects).toEqual([a, c, moved(b, 150, 'me')]);
    expect(conflicts).toEqual(['bbbb']);
  });

  it('keeps my version of an object both sides edited differently, and lists it', () => {
    const mine = doc([moved(a, 7, 'me'), b, c]);
    const theirs = doc([moved(a, 9, 'bob'), b, c]);
    const { document, conflicts } = mergeLabels(base, mine, theirs);
    expect(document.objects[0]).toEqual(moved(a, 7, 'me'));
    expect(conflicts).toEqual(['aaaa']);
  });

  it('does not call the same edit on both sides a conflict, and keeps the server’s stamps', () => {
    const mine = doc([moved(a, 7, 'me'), b, c]);
    const theirs = doc([moved(a, 7, 'bob'), b, c]);
    const { document, conflicts } = mergeLabels(base, mine, theirs);
    expect(document.objects[0]!.updatedBy).toBe('bob');
    expect(conflicts).toEqual([]);
  });

  it('lets their edit through where mine only carries other stamps', () => {
    const mine = doc([{ ...a, updatedBy: 'me', updatedAt: T1 }, b, c]);
    const theirs = doc([moved(a, 9), b, c]);
    const { document, conflicts } = mergeLabels(base, mine, theirs);
    expect(document.objects[0]).toEqual(moved(a, 9));
    expect(conflicts).toEqual([]);
  });

  it('keeps my z-order when only I reordered', () => {
    const mine = doc([c, a, b]);
    const theirs = doc([a, moved(b, 150), c, box('thr1', 3)]);
    const { document } = mergeLabels(base, mine, theirs);
    expect(ids(document)).toEqual(['cccc', 'aaaa', 'bbbb', 'thr1']);
    expect(document.objects[2]).toEqual(moved(b, 150));
  });

  it('merges classifications per top-level question', () => {
    const weather: Answer = { featureId: 'wthr', optionIds: ['sun0'] };
    const time: Answer = { featureId: 'time', optionIds: ['day0'] };
    const note: Answer = { featureId: 'note', text: 'x' };
    const cBase = doc([], [weather, time, note]);
    const mine = doc([], [{ ...weather, optionIds: ['rain'] }, { ...time, optionIds: ['ngt0'] }, note]);
    const theirs = doc([], [weather, { ...time, optionIds: ['dusk'] }, { ...note, text: 'y' }]);
    const { document, conflicts } = mergeLabels(cBase, mine, theirs);
    expect(document.classifications).toEqual([
      { featureId: 'wthr', optionIds: ['rain'] },
      { featureId: 'time', optionIds: ['ngt0'] },
      { featureId: 'note', text: 'y' },
    ]);
    expect(conflicts).toEqual(['classification:time']);
  });
});

describe('sameLabels', () => {
  const a = box('aaaa', 0);

  it('ignores who made or changed objects and when', () => {
    const restamped = { ...a, createdBy: 'srv', createdAt: T1, updatedBy: 'srv', updatedAt: T1 };
    expect(sameLabels(doc([a]), doc([restamped]))).toBe(true);
  });

  it('ignores key order and keys left undefined, as JSON does', () => {
    const { id, featureId, ...rest } = a;
    expect(sameLabels(doc([a]), doc([{ ...rest, featureId, id, confidence: undefined }]))).toBe(true);
  });

  it('sees geometry, attributes, confidence, order and classifications', () => {
    const b = box('bbbb', 1);
    expect(sameLabels(doc([a]), doc([box('aaaa', 1)]))).toBe(false);
    expect(
      sameLabels(doc([a]), doc([{ ...a, attributes: [{ featureId: 'tags', optionIds: ['tag1'] }] }])),
    ).toBe(false);
    expect(sameLabels(doc([a]), doc([{ ...a, confidence: 0.5 }]))).toBe(false);
    expect(sameLabels(doc([a, b]), doc([b, a]))).toBe(false);
    expect(sameLabels(doc([a]), doc([a, b]))).toBe(false);
    expect(sameLabels(doc([], [{ featureId: 'note', text: 'x' }]), doc([], []))).toBe(false);
  });
});

describe('mergeLabels properties', () => {
  // Ids from a small pool so that generated documents share objects with each other.
  const idPool = ['id00', 'id01', 'id02', 'id03', 'id04', 'id05', 'id06', 'id07'];
  const stamp = fc.constantFrom(T0, T1);
  const author = fc.constantFrom('alice', 'bob', 'model:yolo');
  const object = fc.record({
    id: fc.constantFrom(...idPool),
    featureId: fc.constantFrom('car0', 'bike'),
    geometry: fc.record({
      type: fc.constant('bounding_box' as const),
      x: fc.integer({ min: 0, max: 3 }),
      y: fc.constant(0),
      w: fc.constant(5),
      h: fc.constant(5),
    }),
    attributes: fc.constantFrom<Answer[]>([], [{ featureId: 'tags', optionIds: ['tag1'] }]),
    createdBy: author,
    createdAt: stamp,
    updatedBy: author,
    updatedAt: stamp,
  });
  const answer = fc.record({
    featureId: fc.constantFrom('wthr', 'time', 'note'),
    optionIds: fc.constantFrom<string[]>(['opt1'], ['opt2']),
  });
  const document = fc
    .record({
      formatVersion: fc.constant(1 as const),
      objects: fc.uniqueArray(object, { selector: (o) => o.id, maxLength: idPool.length }),
      classifications: fc.uniqueArray(answer, { selector: (a) => a.featureId, maxLength: 3 }),
    })
    .map((d): LabelDocument => d);

  it('mergeLabels(base, x, base) is x', () => {
    fc.assert(
      fc.property(document, document, (base, x) => {
        expect(mergeLabels(base, x, base)).toEqual({ document: x, conflicts: [] });
      }),
    );
  });

  it('mergeLabels(base, base, y) is y', () => {
    fc.assert(
      fc.property(document, document, (base, y) => {
        expect(mergeLabels(base, base, y)).toEqual({ document: y, conflicts: [] });
      }),
    );
  });

  it('mergeLabels(base, x, x) is x, without conflicts', () => {
    fc.assert(
      fc.property(document, document, (base, x) => {
        expect(mergeLabels(base, x, x)).toEqual({ document: x, conflicts: [] });
      }),
    );
  });
});
