import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Branch,
  canonicalAnswer,
  objectSimilarity,
  taskAgreement,
} from '../src/core/consensus/index.ts';
import type { Answer, Geometry, Keypoint, LabelDocument, LabelObject } from '../src/core/labels/format.ts';

const T = '2024-05-01T12:00:00Z';
const box = (x: number, y: number, w: number, h: number): Geometry => ({ type: 'bounding_box', x, y, w, h });
const point = (x: number, y: number): Geometry => ({ type: 'point', x, y });
const line = (...points: [number, number][]): Geometry => ({ type: 'polyline', points });
const skeleton = (...keypoints: [string, number, number][]): Geometry => ({
  type: 'keypoint_skeleton',
  keypoints: keypoints.map(([pointId, x, y]): Keypoint => ({ pointId, x, y, visible: true })),
});
const obj = (
  id: string,
  geometry: Geometry,
  featureId = 'car-class',
  attributes: Answer[] = [],
): LabelObject => ({
  id,
  featureId,
  geometry,
  attributes,
  createdBy: 'user-a',
  createdAt: T,
  updatedBy: 'user-a',
  updatedAt: T,
});
const doc = (objects: LabelObject[], classifications: Answer[] = []): LabelDocument => ({
  formatVersion: 1,
  objects,
  classifications,
});
const branch = (annotatorId: string, objects: LabelObject[], classifications: Answer[] = []): Branch => ({
  annotatorId,
  document: doc(objects, classifications),
});
const radio = (featureId: string, optionId: string): Answer => ({ featureId, optionIds: [optionId] });
const kernel = (d: number, t = 10) => Math.exp(-(d * d) / (2 * t * t));

describe('objectSimilarity', () => {
  it('is the IoU for area shapes, boxes and polygons mixed', () => {
    expect(objectSimilarity(box(0, 0, 10, 10), box(5, 0, 10, 10))).toBeCloseTo(1 / 3, 12);
    expect(objectSimilarity(box(0, 0, 10, 10), box(1, 0, 10, 10))).toBeCloseTo(9 / 11, 12);
    const square: Geometry = {
      type: 'polygon',
      points: [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
      ],
    };
    expect(objectSimilarity(square, box(0, 0, 10, 10))).toBeCloseTo(1, 12);
  });

  it('scores points by a Gaussian kernel on their distance', () => {
    expect(objectSimilarity(point(0, 0), point(0, 0))).toBe(1);
    // At one tolerance apart the kernel is exp(-1/2).
    expect(objectSimilarity(point(0, 0), point(10, 0))).toBeCloseTo(Math.exp(-0.5), 12);
    expect(objectSimilarity(point(0, 0), point(3, 4))).toBeCloseTo(Math.exp(-25 / 200), 12);
    expect(objectSimilarity(point(0, 0), point(3, 4), 5)).toBeCloseTo(Math.exp(-0.5), 12);
  });

  it('scores polylines by the symmetric mean vertex-to-line distance', () => {
    // Parallel lines 5 apart: every vertex is 5 from the other line.
    expect(objectSimilarity(line([0, 0], [10, 0]), line([0, 5], [10, 5]))).toBeCloseTo(kernel(5), 12);
    // The short line lies on the long one (0, 0), but the long one's far end is 10 beyond: mean 5
    // one way, 0 the other, so d = 2.5.
    const short = line([0, 0], [10, 0]);
    const long = line([0, 0], [20, 0]);
    expect(objectSimilarity(short, long)).toBeCloseTo(kernel(2.5), 12);
    expect(objectSimilarity(long, short)).toBe(objectSimilarity(short, long));
    // A vertex measures to the nearest point of a segment, not the nearest vertex: a cross whose
    // arms are 3 (vertical to horizontal) and 5 (horizontal to vertical) apart, so d = 4.
    expect(objectSimilarity(line([5, 3], [5, -3]), line([0, 0], [10, 0]))).toBeCloseTo(kernel(4), 12);
  });

  it('scores skeletons over the union of their points, a point on one side only counting 0', () => {
    const a = skeleton(['head', 0, 0], ['tail', 10, 10]);
    const b = skeleton(['head', 0, 10], ['paw', 50, 50]);
    expect(objectSimilarity(a, b)).toBeCloseTo(kernel(10) / 3, 12);
    expect(objectSimilarity(b, a)).toBe(objectSimilarity(a, b));
    expect(objectSimilarity(a, a)).toBe(1);
  });

  it('is 0 for kinds that cannot be compared', () => {
    expect(objectSimilarity(point(0, 0), line([0, 0], [1, 0]))).toBe(0);
    expect(objectSimilarity(box(0, 0, 10, 10), point(5, 5))).toBe(0);
    expect(objectSimilarity(skeleton(['head', 0, 0]), point(0, 0))).toBe(0);
  });

  it('counts only exact hits with a tolerance of 0', () => {
    expect(objectSimilarity(point(1, 1), point(1, 1), 0)).toBe(1);
    expect(objectSimilarity(point(1, 1), point(1, 2), 0)).toBe(0);
  });
});

describe('canonicalAnswer', () => {
  it('does not depend on the order of checklist options or nested answers', () => {
    const a: Answer = {
      featureId: 'colour',
      optionIds: ['red1', 'blue'],
      answers: [radio('shade', 'dark'), radio('finish', 'matt')],
    };
    const b: Answer = {
      featureId: 'colour',
      optionIds: ['blue', 'red1'],
      answers: [radio('finish', 'matt'), radio('shade', 'dark')],
    };
    expect(canonicalAnswer(a)).toBe(canonicalAnswer(b));
    expect(canonicalAnswer(a)).not.toBe(canonicalAnswer({ ...b, optionIds: ['blue'] }));
  });

  it('trims text and collapses runs of whitespace', () => {
    expect(canonicalAnswer({ featureId: 'note', text: '  a  red\n\tcar ' })).toBe(
      canonicalAnswer({ featureId: 'note', text: 'a red car' }),
    );
    expect(canonicalAnswer({ featureId: 'note', text: 'a red car' })).not.toBe(
      canonicalAnswer({ featureId: 'note', text: 'a Red car' }),
    );
  });

  it('is null for a missing answer and for one that carries nothing', () => {
    expect(canonicalAnswer(undefined)).toBeNull();
    expect(canonicalAnswer({ featureId: 'note', text: '   ' })).toBeNull();
    expect(canonicalAnswer({ featureId: 'tags', optionIds: [], answers: [] })).toBeNull();
  });
});

describe('taskAgreement', () => {
  it('gives score 1 and every annotator 1 when the branches are identical', () => {
    const objects = [
      obj('box1', box(0, 0, 10, 10)),
      obj('pt01', point(50, 50), 'pin-class'),
      obj('box2', box(5, 0, 10, 10)),
    ];
    const answers = [radio('weather', 'rain'), { featureId: 'note', text: 'busy road' }];
    const t = taskAgreement(['ann1', 'ann2', 'ann3'].map((id) => branch(id, objects, answers)));
    expect(t.score).toBe(1);
    expect(t.annotators).toEqual([
      { annotatorId: 'ann1', agreement: 1 },
      { annotatorId: 'ann2', agreement: 1 },
      { annotatorId: 'ann3', agreement: 1 },
    ]);
    expect(t.objects).toHaveLength(3);
    for (const c of t.objects) {
      expect(c.members.map((m) => m.annotatorId)).toEqual(['ann1', 'ann2', 'ann3']);
      expect(c.missing).toEqual([]);
      expect(c.meanSimilarity).toBe(1);
    }
    expect(t.questions.map((q) => q.featureId)).toEqual(['note', 'weather']);
  });

  it('keeps two boxes of IoU 1/3 apart at the 0.5 threshold, scoring 0', () => {
    const t = taskAgreement([
      branch('ann1', [obj('aaaa', box(0, 0, 10, 10))]),
      branch('ann2', [obj('bbbb', box(5, 0, 10, 10))]),
    ]);
    expect(t.objects).toHaveLength(2);
    expect(t.objects.map((c) => [c.key, c.agreement, c.meanSimilarity, c.missing])).toEqual([
      ['car-class:aaaa', 0, null, ['ann2']],
      ['car-class:bbbb', 0, null, ['ann1']],
    ]);
    expect(t.score).toBe(0);
    expect(t.annotators.map((a) => a.agreement)).toEqual([0, 0]);
    expect(t.classes).toEqual([{ featureId: 'car-class', clusters: 2, agreement: 0, meanSimilarity: null }]);
  });

  it('matches boxes of IoU 9/11 and scores the cluster by it', () => {
    const t = taskAgreement([
      branch('ann1', [obj('aaaa', box(0, 0, 10, 10))]),
      branch('ann2', [obj('bbbb', box(1, 0, 10, 10))]),
    ]);
    expect(t.objects).toHaveLength(1);
    const [c] = t.objects;
    expect(c!.members).toEqual([
      { annotatorId: 'ann1', objectId: 'aaaa' },
      { annotatorId: 'ann2', objectId: 'bbbb' },
    ]);
    expect(c!.agreement).toBeCloseTo(9 / 11, 12);
    expect(c!.meanSimilarity).toBeCloseTo(9 / 11, 12);
    expect(t.score).toBeCloseTo(9 / 11, 12);
  });

  it('scores an extra box by one of three at 1/3: the other pair agrees it is not there', () => {
    const shared = obj('same', box(0, 0, 10, 10));
    const t = taskAgreement([
      branch('ann1', [shared]),
      branch('ann2', [shared]),
      branch('ann3', [shared, obj('xtra', box(50, 50, 10, 10))]),
    ]);
    expect(t.objects.map((c) => c.agreement)).toEqual([1, 1 / 3]);
    expect(t.score).toBeCloseTo(2 / 3, 12);
    // ann1: (1 + (1 + 0) / 2) / 2; ann3: (1 + 0) / 2.
    expect(t.annotators.map((a) => a.agreement)).toEqual([0.75, 0.75, 0.5]);
  });

  it('computes per-annotator agreement over objects and questions (three annotators, by hand)', () => {
    // Similarities: ann1–ann3 1, ann1–ann2 and ann2–ann3 9/11. Question: ann1 = ann2 ≠ ann3.
    const t = taskAgreement([
      branch('ann1', [obj('aaaa', box(0, 0, 10, 10))], [radio('weather', 'rain')]),
      branch('ann2', [obj('bbbb', box(1, 0, 10, 10))], [radio('weather', 'rain')]),
      branch('ann3', [obj('cccc', box(0, 0, 10, 10))], [radio('weather', 'snow')]),
    ]);
    expect(t.objects).toHaveLength(1);
    expect(t.objects[0]!.agreement).toBeCloseTo(29 / 33, 12);
    expect(t.questions[0]!.agreement).toBeCloseTo(1 / 3, 12);
    expect(t.score).toBeCloseTo(20 / 33, 12);
    // ann1: (mean(9/11, 1) + mean(1, 0)) / 2 = (10/11 + 1/2) / 2.
    expect(t.annotators[0]!.agreement).toBeCloseTo(31 / 44, 12);
    expect(t.annotators[1]!.agreement).toBeCloseTo(29 / 44, 12);
    expect(t.annotators[2]!.agreement).toBeCloseTo(20 / 44, 12);
  });

  it('takes the majority of a question, 2 against 1', () => {
    const t = taskAgreement([
      branch('ann1', [], [radio('weather', 'rain')]),
      branch('ann2', [], [radio('weather', 'snow')]),
      branch('ann3', [], [radio('weather', 'rain')]),
    ]);
    const [q] = t.questions;
    expect(q!.values).toEqual({
      ann1: canonicalAnswer(radio('weather', 'rain')),
      ann2: canonicalAnswer(radio('weather', 'snow')),
      ann3: canonicalAnswer(radio('weather', 'rain')),
    });
    expect(q!.agreement).toBeCloseTo(1 / 3, 12);
    expect(q!.majority).toBe(canonicalAnswer(radio('weather', 'rain')));
  });

  it('settles a tied majority by the value of the annotator with the highest task agreement', () => {
    // weather ties 1–1–1; on light ann2 and ann3 agree, so they lead ann1 and ann2 leads in branch order.
    const t = taskAgreement([
      branch('ann1', [], [radio('weather', 'rain'), radio('light', 'dawn')]),
      branch('ann2', [], [radio('weather', 'snow'), radio('light', 'dusk')]),
      branch('ann3', [], [radio('light', 'dusk')]),
    ]);
    expect(t.annotators.map((a) => a.agreement)).toEqual([0, 0.25, 0.25]);
    const weather = t.questions.find((q) => q.featureId === 'weather')!;
    expect(weather.values.ann3).toBeNull();
    expect(weather.majority).toBe(canonicalAnswer(radio('weather', 'snow')));
  });

  it('compares object attributes across the members of a cluster', () => {
    const colour = (c: string) => [radio('colour', c)];
    const t = taskAgreement([
      branch('ann1', [obj('aaaa', box(0, 0, 10, 10), 'car-class', colour('red1'))]),
      branch('ann2', [obj('bbbb', box(0, 0, 10, 10), 'car-class', colour('blue'))]),
      branch('ann3', [obj('cccc', box(0, 0, 10, 10), 'car-class', colour('red1'))]),
      branch('ann4', []),
    ]);
    const [attr] = t.objects[0]!.attributes;
    expect(Object.keys(attr!.values)).toEqual(['ann1', 'ann2', 'ann3']);
    expect(attr!.agreement).toBeCloseTo(1 / 3, 12);
    expect(attr!.majority).toBe(canonicalAnswer(radio('colour', 'red1')));
    expect(t.objects[0]!.missing).toEqual(['ann4']);
    // Three pairs with it, three without: 1/2.
    expect(t.objects[0]!.agreement).toBe(0.5);
  });

  it('clusters the same way whatever the order of objects in the documents', () => {
    // Two identical boxes by ann1 compete for ann2's one: the lower id wins either way.
    const a = [
      obj('aaa1', box(0, 0, 10, 10)),
      obj('aaa2', box(0, 0, 10, 10)),
      obj('aaa3', box(40, 0, 10, 10)),
    ];
    const b = [
      obj('bbb1', box(0, 0, 10, 10)),
      obj('bbb2', box(41, 0, 10, 10)),
      obj('bbb3', box(90, 0, 5, 5)),
    ];
    const forward = taskAgreement([branch('ann1', a), branch('ann2', b)]);
    const backward = taskAgreement([branch('ann1', [...a].reverse()), branch('ann2', [b[1]!, b[2]!, b[0]!])]);
    expect(backward).toEqual(forward);
    expect(forward.objects.map((c) => c.members.map((m) => m.objectId))).toEqual([
      ['aaa1', 'bbb1'],
      ['aaa2'],
      ['aaa3', 'bbb2'],
      ['bbb3'],
    ]);
  });

  it('clusters class by class, classes sorted by featureId', () => {
    const t = taskAgreement([
      branch('ann1', [obj('aaaa', box(0, 0, 10, 10), 'zebra'), obj('aaab', box(0, 0, 10, 10), 'ant1')]),
      branch('ann2', [obj('bbbb', box(0, 0, 10, 10), 'zebra')]),
    ]);
    expect(t.objects.map((c) => c.key)).toEqual(['ant1:aaab', 'zebra:aaaa']);
    expect(t.classes.map((c) => [c.featureId, c.clusters, c.agreement])).toEqual([
      ['ant1', 1, 0],
      ['zebra', 1, 1],
    ]);
  });

  it('gives clusters distinct keys when branches share object ids that did not match', () => {
    const t = taskAgreement([
      branch('ann1', [obj('pre1', box(0, 0, 10, 10))]),
      branch('ann2', [obj('pre1', box(50, 0, 10, 10))]),
    ]);
    expect(t.objects.map((c) => c.key)).toEqual(['car-class:pre1', 'car-class:pre1:ann2']);
  });

  it('is 1 with nothing to compare, and refuses two branches of one annotator', () => {
    expect(taskAgreement([]).score).toBe(1);
    expect(taskAgreement([branch('ann1', []), branch('ann2', [])]).score).toBe(1);
    expect(() => taskAgreement([branch('ann1', []), branch('ann1', [])])).toThrow(RangeError);
  });
});

// Random documents: boxes of at least 1 px (a zero-size box has no IoU, even with itself) and
// points in two classes, and a couple of radio questions.
const objectArb = fc
  .tuple(
    fc.boolean(),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 1, max: 30 }),
    fc.integer({ min: 1, max: 30 }),
  )
  .map(([isBox, x, y, w, h]) => ({
    featureId: isBox ? 'box-class' : 'pin-class',
    geometry: isBox ? box(x, y, w, h) : point(x, y),
  }));
const docArb = fc
  .tuple(
    fc.array(objectArb, { maxLength: 6 }),
    fc.option(fc.constantFrom('rain', 'snow'), { nil: undefined }),
    fc.option(fc.constantFrom('dawn', 'dusk', 'noon'), { nil: undefined }),
  )
  .map(([objects, weather, light]) =>
    doc(
      objects.map((o, i) => obj(`obj${i}`, o.geometry, o.featureId)),
      [...(weather ? [radio('weather', weather)] : []), ...(light ? [radio('light', light)] : [])],
    ),
  );
const branchesArb = fc
  .array(docArb, { minLength: 1, maxLength: 4 })
  .map((docs) => docs.map((document, i): Branch => ({ annotatorId: `ann${i}`, document })));

/**
 * Branches whose clustering cannot depend on order: objects sit in cells 100 px apart and are
 * jittered by at most 1 px, so same-cell boxes overlap by IoU ≥ 0.68 and other cells not at all.
 */
const gridBranchesArb = fc
  .array(
    fc.tuple(
      fc.array(
        fc.option(fc.tuple(fc.integer({ min: -1, max: 1 }), fc.integer({ min: -1, max: 1 })), { nil: null }),
        {
          minLength: 5,
          maxLength: 5,
        },
      ),
      fc.option(fc.constantFrom('rain', 'snow'), { nil: undefined }),
    ),
    { minLength: 2, maxLength: 5 },
  )
  .map((rows) =>
    rows.map(
      ([cells, weather], i): Branch =>
        branch(
          `ann${i}`,
          cells.flatMap((c, k) => (c ? [obj(`a${i}c${k}`, box(k * 100 + c[0], c[1], 20, 20))] : [])),
          weather ? [radio('weather', weather)] : [],
        ),
    ),
  );

describe('taskAgreement properties', () => {
  it('keeps the score and every annotator agreement within [0, 1]', () => {
    fc.assert(
      fc.property(branchesArb, (branches) => {
        const t = taskAgreement(branches);
        expect(t.score).toBeGreaterThanOrEqual(0);
        expect(t.score).toBeLessThanOrEqual(1);
        for (const a of t.annotators) {
          expect(a.agreement).toBeGreaterThanOrEqual(0);
          expect(a.agreement).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('scores identical branches 1', () => {
    fc.assert(
      fc.property(docArb, fc.integer({ min: 2, max: 4 }), (document, k) => {
        const t = taskAgreement(Array.from({ length: k }, (_, i) => ({ annotatorId: `ann${i}`, document })));
        expect(t.score).toBeCloseTo(1, 12);
        for (const a of t.annotators) expect(a.agreement).toBeCloseTo(1, 12);
      }),
    );
  });

  it('gives the same score whatever the order of the branches, when clustering is unambiguous', () => {
    fc.assert(
      fc.property(
        gridBranchesArb.chain((branches) =>
          fc.tuple(fc.constant(branches), fc.shuffledSubarray(branches, { minLength: branches.length })),
        ),
        ([branches, shuffled]) => {
          expect(taskAgreement(shuffled).score).toBeCloseTo(taskAgreement(branches).score, 9);
        },
      ),
    );
  });
});
