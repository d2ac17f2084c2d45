import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCORING,
  type ObjectOutcome,
  outcomeBreakdown,
  resolveScoring,
  type ScoringConfigInput,
  scoreAgainstGold,
} from '../src/core/benchmark/index.ts';
import type { Answer, Geometry, LabelDocument, LabelObject } from '../src/core/labels/format.ts';
import { labelDoc, labelObject } from './helpers/label-fixtures.ts';

const box = (x: number, y: number, w: number, h: number): Geometry => ({ type: 'bounding_box', x, y, w, h });
const point = (x: number, y: number): Geometry => ({ type: 'point', x, y });
const line = (...points: [number, number][]): Geometry => ({ type: 'polyline', points });
const radio = (featureId: string, optionId: string): Answer => ({ featureId, optionIds: [optionId] });
const kernel = (d: number, t = 10) => Math.exp(-(d * d) / (2 * t * t));

const obj = (id: string, featureId: string, geometry: Geometry, attributes: Answer[] = []) =>
  labelObject(id, featureId, geometry, { attributes }) as LabelObject;
const doc = (objects: LabelObject[], classifications: Answer[] = []): LabelDocument => ({
  ...(labelDoc(...objects) as LabelDocument),
  classifications,
});
const score = (gold: LabelDocument, submitted: LabelDocument, config?: ScoringConfigInput) =>
  scoreAgainstGold(gold, submitted, resolveScoring(config));
const kinds = (objects: ObjectOutcome[]) => objects.map((o) => o.kind);

describe('resolveScoring', () => {
  it('fills every default', () => {
    const expected = {
      thresholds: {
        bounding_box: 0.5,
        rotatable_box: 0.5,
        polygon: 0.5,
        polyline: 0.5,
        point: 0.5,
        keypoint_skeleton: 0.5,
      },
      pointTolerance: 10,
      weights: { localisation: 1, class: 1, attributes: 1 },
      classWeights: {},
      questionWeights: {},
    };
    expect(resolveScoring()).toEqual(expected);
    expect(resolveScoring(null)).toEqual(expected);
    expect(DEFAULT_SCORING).toEqual(expected);
  });

  it('merges partial thresholds and weights over the defaults, ignoring undefined entries', () => {
    const c = resolveScoring({
      thresholds: { point: 0.3, polygon: undefined },
      weights: { attributes: 0 },
      pointTolerance: 4,
      classWeights: { 'car-class': 2 },
    });
    expect(c.thresholds).toMatchObject({ point: 0.3, polygon: 0.5, bounding_box: 0.5 });
    expect(c.weights).toEqual({ localisation: 1, class: 1, attributes: 0 });
    expect(c.pointTolerance).toBe(4);
    expect(c.classWeights).toEqual({ 'car-class': 2 });
    expect(c.questionWeights).toEqual({});
  });

  it('returns fresh objects, so changing one never changes the defaults', () => {
    const c = resolveScoring();
    c.thresholds.point = 0.9;
    c.classWeights.x = 3;
    expect(DEFAULT_SCORING.thresholds.point).toBe(0.5);
    expect(DEFAULT_SCORING.classWeights).toEqual({});
    expect(Object.isFrozen(DEFAULT_SCORING.weights)).toBe(true);
  });
});

describe('scoreAgainstGold: objects', () => {
  it('scores identical documents 1, every object matched with similarity 1', () => {
    const d = doc(
      [
        obj('obj-box1', 'car-class', box(0, 0, 50, 20), [radio('colour', 'red')]),
        obj('obj-pin1', 'pin-class', point(200, 200)),
        obj('obj-line', 'lane-class', line([0, 300], [100, 300], [200, 320])),
        obj('obj-poly', 'road-class', {
          type: 'polygon',
          points: [
            [400, 0],
            [500, 0],
            [450, 80],
          ],
        }),
      ],
      [radio('weather', 'rain')],
    );
    const s = scoreAgainstGold(d, d);
    expect(s.score).toBe(1);
    expect(s.objects.map((o) => o.kind === 'matched' && o.similarity)).toEqual([1, 1, 1, 1]);
    expect(s.counts).toEqual({
      gold: 4,
      submitted: 4,
      matched: 4,
      missed: 0,
      extra: 0,
      wrongClass: 0,
      wrongAttribute: 0,
      questions: 1,
      questionsCorrect: 1,
    });
  });

  it('scores a box shifted to IoU 0.5 exactly (1·0.5 + 1)/2 = 0.75', () => {
    // Intersection 200 × 100 = 20000, union 2 × 30000 − 20000 = 40000.
    const s = score(
      doc([obj('gold-a', 'car-class', box(0, 0, 300, 100))]),
      doc([obj('sub-a', 'car-class', box(100, 0, 300, 100))]),
    );
    expect(s.objects).toEqual([
      {
        kind: 'matched',
        goldId: 'gold-a',
        submittedId: 'sub-a',
        featureId: 'car-class',
        shape: 'bounding_box',
        similarity: 0.5,
        attributes: null,
        wrongAttributes: [],
        score: 0.75,
        weight: 1,
      },
    ]);
    expect(s.score).toBeCloseTo(0.75, 12);
  });

  it('pairs nothing under the threshold of the gold shape, not even class-blind', () => {
    const s = score(
      doc([obj('gold-a', 'car-class', box(0, 0, 300, 100))]),
      doc([obj('sub-a', 'car-class', box(100, 0, 300, 100))]),
      { thresholds: { bounding_box: 0.6 } },
    );
    expect(kinds(s.objects)).toEqual(['missed', 'extra']);
    expect(s.score).toBe(0);
    expect(s.counts).toMatchObject({ matched: 0, missed: 1, extra: 1, wrongClass: 0 });
  });

  it('scores a missed object 0: two gold boxes, one drawn exactly → 0.5', () => {
    const s = score(
      doc([obj('gold-a', 'car-class', box(0, 0, 10, 10)), obj('gold-b', 'car-class', box(100, 0, 10, 10))]),
      doc([obj('sub-b', 'car-class', box(100, 0, 10, 10))]),
    );
    expect(kinds(s.objects)).toEqual(['missed', 'matched']);
    expect(s.objects[0]).toEqual({
      kind: 'missed',
      goldId: 'gold-a',
      featureId: 'car-class',
      shape: 'bounding_box',
      score: 0,
      weight: 1,
    });
    expect(s.score).toBe(0.5);
  });

  it('scores an extra object 0: one gold box, drawn exactly and once elsewhere → 0.5', () => {
    const s = score(
      doc([obj('gold-a', 'car-class', box(0, 0, 10, 10))]),
      doc([obj('sub-far', 'car-class', box(500, 500, 10, 10)), obj('sub-a', 'car-class', box(0, 0, 10, 10))]),
    );
    expect(kinds(s.objects)).toEqual(['matched', 'extra']);
    expect(s.objects[1]).toEqual({
      kind: 'extra',
      submittedId: 'sub-far',
      featureId: 'car-class',
      shape: 'bounding_box',
      score: 0,
      weight: 1,
    });
    expect(s.score).toBe(0.5);
  });

  it('weighs outcomes by class: a missed class of weight 3 beside a matched one of weight 1 → 0.25', () => {
    const s = score(
      doc([obj('gold-a', 'car-class', box(0, 0, 10, 10)), obj('gold-b', 'bus-class', box(100, 0, 10, 10))]),
      doc([obj('sub-a', 'car-class', box(0, 0, 10, 10))]),
      { classWeights: { 'bus-class': 3 } },
    );
    expect(s.objects.map((o) => o.weight)).toEqual([1, 3]);
    expect(s.score).toBe(0.25);
  });

  it('gives an extra the weight of its own class', () => {
    const s = score(doc([]), doc([obj('sub-a', 'bus-class', box(0, 0, 10, 10))]), {
      classWeights: { 'bus-class': 3 },
    });
    expect(s.objects[0]!.weight).toBe(3);
  });

  it('does not take Object.prototype members for class weights', () => {
    const s = score(doc([obj('gold-a', 'constructor', box(0, 0, 10, 10))]), doc([]));
    expect(s.objects[0]!.weight).toBe(1);
  });

  it('scores an exactly drawn box of the wrong class wL·1/(wL + wC) = 0.5', () => {
    const s = score(
      doc([obj('gold-a', 'car-class', box(0, 0, 10, 10))]),
      doc([obj('sub-a', 'bus-class', box(0, 0, 10, 10))]),
    );
    expect(s.objects).toEqual([
      {
        kind: 'wrong_class',
        goldId: 'gold-a',
        submittedId: 'sub-a',
        featureId: 'car-class',
        submittedFeatureId: 'bus-class',
        shape: 'bounding_box',
        similarity: 1,
        score: 0.5,
        weight: 1,
      },
    ]);
    expect(s.score).toBe(0.5);
    expect(s.counts).toMatchObject({ matched: 0, wrongClass: 1, missed: 0, extra: 0 });
  });

  it('counts the attribute component against a wrong class when the gold object had attributes: 1/3', () => {
    const s = score(
      doc([obj('gold-a', 'car-class', box(0, 0, 10, 10), [radio('colour', 'red')])]),
      doc([obj('sub-a', 'bus-class', box(0, 0, 10, 10), [radio('colour', 'red')])]),
    );
    expect(s.score).toBeCloseTo(1 / 3, 12);
  });

  it('matches within the class before pairing class-blind', () => {
    // The bus lies exactly on the gold car, the submitted car only at IoU 0.6; the car still wins.
    const s = score(
      doc([obj('gold-a', 'car-class', box(0, 0, 100, 100))]),
      doc([
        obj('sub-bus', 'bus-class', box(0, 0, 100, 100)),
        obj('sub-car', 'car-class', box(25, 0, 100, 100)),
      ]),
    );
    expect(kinds(s.objects)).toEqual(['matched', 'extra']);
    expect(s.objects[0]).toMatchObject({ submittedId: 'sub-car', similarity: 0.6 });
    expect(s.objects[1]).toMatchObject({ submittedId: 'sub-bus' });
    expect(s.score).toBeCloseTo((0.6 + 1) / 2 / 2, 12);
  });

  it('pairs one-to-one for the largest total similarity, not greedily', () => {
    // IoUs: a–x 90/110, b–x 80/120, a–y 85/115, b–y 55/145 (under 0.5). Greedy would give sub-x
    // to gold-a and leave gold-b without a partner; a–y + b–x has the larger total.
    const s = score(
      doc([
        obj('gold-a', 'car-class', box(0, 0, 100, 100)),
        obj('gold-b', 'car-class', box(30, 0, 100, 100)),
      ]),
      doc([
        obj('sub-x', 'car-class', box(10, 0, 100, 100)),
        obj('sub-y', 'car-class', box(-15, 0, 100, 100)),
      ]),
    );
    expect(s.objects.map((o) => o.kind === 'matched' && o.submittedId)).toEqual(['sub-y', 'sub-x']);
  });

  it('settles ties by id: identical boxes pair with the ids in the same order', () => {
    const twins = (...ids: string[]) =>
      doc(ids.map((id, i) => obj(id, 'car-class', box(0, 0, 10, 10), [radio('colour', `c${i}`)])));
    const s = score(twins('g-1', 'g-2', 'g-3'), twins('s-1', 's-2', 's-3'));
    expect(s.objects.map((o) => o.kind === 'matched' && o.submittedId)).toEqual(['s-1', 's-2', 's-3']);
    expect(s.score).toBe(1);
  });

  it('lists gold outcomes in gold order, then extras in submitted order', () => {
    const s = score(
      doc([
        obj('gold-z', 'car-class', box(0, 0, 10, 10)),
        obj('gold-a', 'car-class', box(100, 0, 10, 10)),
        obj('gold-m', 'bus-class', box(200, 0, 10, 10)),
      ]),
      doc([
        obj('sub-q', 'car-class', box(900, 0, 10, 10)),
        obj('sub-b', 'car-class', box(200, 0, 10, 10)),
        obj('sub-a', 'car-class', box(100, 0, 10, 10)),
        obj('sub-c', 'car-class', box(800, 0, 10, 10)),
      ]),
    );
    expect(s.objects.map((o) => [o.kind, 'goldId' in o ? o.goldId : o.submittedId])).toEqual([
      ['missed', 'gold-z'],
      ['matched', 'gold-a'],
      ['wrong_class', 'gold-m'],
      ['extra', 'sub-q'],
      ['extra', 'sub-c'],
    ]);
  });

  it('scores points within tolerance by the kernel: 5 px off → (e^(−25/200) + 1)/2', () => {
    const s = score(
      doc([obj('gold-p', 'pin-class', point(0, 0))]),
      doc([obj('sub-p', 'pin-class', point(3, 4))]),
    );
    expect(s.objects[0]).toMatchObject({ kind: 'matched', shape: 'point' });
    expect((s.objects[0] as { similarity: number }).similarity).toBeCloseTo(kernel(5), 12);
    expect(s.score).toBeCloseTo((kernel(5) + 1) / 2, 12);
  });

  it('leaves points unmatched past the threshold, and honours the point tolerance', () => {
    const gold = doc([obj('gold-p', 'pin-class', point(0, 0))]);
    const far = doc([obj('sub-p', 'pin-class', point(15, 0))]);
    // kernel(15) = e^(−1.125) ≈ 0.32 < 0.5.
    expect(score(gold, far).score).toBe(0);
    // With a tolerance of 30, 15 px is e^(−1/8) ≈ 0.88.
    expect(score(gold, far, { pointTolerance: 30 }).score).toBeCloseTo((kernel(15, 30) + 1) / 2, 12);
  });

  it('matches any pair of similarity above 0 when the threshold is 0, however far apart', () => {
    const s = score(
      doc([obj('gold-p', 'pin-class', point(0, 0))]),
      doc([obj('sub-p', 'pin-class', point(100, 0))]),
      {
        thresholds: { point: 0 },
      },
    );
    expect(kinds(s.objects)).toEqual(['matched']);
    expect(s.score).toBeCloseTo(0.5, 12);
  });

  it('scores polylines by the kernel on the mean distance: parallel 5 px apart', () => {
    const s = score(
      doc([obj('gold-l', 'lane-class', line([0, 0], [100, 0]))]),
      doc([obj('sub-l', 'lane-class', line([0, 5], [100, 5]))]),
    );
    expect(s.objects[0]).toMatchObject({ kind: 'matched', shape: 'polyline' });
    expect(s.score).toBeCloseTo((kernel(5) + 1) / 2, 12);
  });
});

describe('scoreAgainstGold: attributes', () => {
  const gold = doc([
    obj('gold-a', 'car-class', box(0, 0, 10, 10), [radio('colour', 'red'), radio('size', 'big')]),
  ]);

  it('scores one of two attributes answered differently (1 + 1 + 0.5)/3', () => {
    const s = score(
      gold,
      doc([obj('sub-a', 'car-class', box(0, 0, 10, 10), [radio('size', 'big'), radio('colour', 'blue')])]),
    );
    expect(s.objects[0]).toMatchObject({ kind: 'matched', attributes: 0.5, wrongAttributes: ['colour'] });
    expect(s.score).toBeCloseTo(2.5 / 3, 12);
    expect(s.counts.wrongAttribute).toBe(1);
  });

  it('compares over the attributes answered on either side', () => {
    const s = score(gold, doc([obj('sub-a', 'car-class', box(0, 0, 10, 10), [radio('colour', 'red')])]));
    expect(s.objects[0]).toMatchObject({ attributes: 0.5, wrongAttributes: ['size'] });
  });

  it('compares canonical answers: option order and blank answers do not matter', () => {
    const g = doc([
      obj('gold-a', 'car-class', box(0, 0, 10, 10), [{ featureId: 'tags', optionIds: ['a1', 'b2'] }]),
    ]);
    const s = score(
      g,
      doc([
        obj('sub-a', 'car-class', box(0, 0, 10, 10), [
          { featureId: 'tags', optionIds: ['b2', 'a1'] },
          { featureId: 'note', text: '  ' },
        ]),
      ]),
    );
    expect(s.objects[0]).toMatchObject({ attributes: 1, wrongAttributes: [] });
    expect(s.score).toBe(1);
  });

  it('leaves out a component weighted 0, and scores a match 1 when every weight is 0', () => {
    const sub = doc([obj('sub-a', 'car-class', box(100, 0, 300, 100), [radio('colour', 'blue')])]);
    const g = doc([obj('gold-a', 'car-class', box(0, 0, 300, 100), [radio('colour', 'red')])]);
    // Similarity 0.5, attributes 0: (0.5 + 1 + 0)/3, then without attributes (0.5 + 1)/2, without localisation (1 + 0)/2.
    expect(score(g, sub).score).toBeCloseTo(1.5 / 3, 12);
    expect(score(g, sub, { weights: { attributes: 0 } }).score).toBeCloseTo(0.75, 12);
    expect(score(g, sub, { weights: { localisation: 0 } }).score).toBeCloseTo(0.5, 12);
    expect(score(g, sub, { weights: { localisation: 2, class: 1, attributes: 1 } }).score).toBeCloseTo(
      0.5,
      12,
    );
    expect(score(g, sub, { weights: { localisation: 0, class: 0, attributes: 0 } }).score).toBe(1);
  });
});

describe('scoreAgainstGold: questions', () => {
  const exact = [obj('gold-a', 'car-class', box(0, 0, 10, 10))];

  it('scores a wrong radio answer beside an exact box (1 + 0)/2', () => {
    const s = score(doc(exact, [radio('weather', 'rain')]), doc(exact, [radio('weather', 'snow')]));
    expect(s.questions).toEqual([
      {
        featureId: 'weather',
        gold: '{"featureId":"weather","optionIds":["rain"]}',
        submitted: '{"featureId":"weather","optionIds":["snow"]}',
        correct: false,
        score: 0,
        weight: 1,
      },
    ]);
    expect(s.score).toBe(0.5);
    expect(s.counts).toMatchObject({ questions: 1, questionsCorrect: 0 });
  });

  it('scores questions answered on one side only as wrong, sorted by feature id, weighted', () => {
    const s = score(
      doc(exact, [radio('weather', 'rain'), radio('light', 'dusk')]),
      doc(exact, [radio('weather', 'rain'), radio('animal', 'deer')]),
      { questionWeights: { light: 2 } },
    );
    expect(
      s.questions.map((q) => [q.featureId, q.gold === null, q.submitted === null, q.score, q.weight]),
    ).toEqual([
      ['animal', true, false, 0, 1],
      ['light', false, true, 0, 2],
      ['weather', false, false, 1, 1],
    ]);
    // (box 1 + animal 0 + 2 · light 0 + weather 1) / 5.
    expect(s.score).toBeCloseTo(2 / 5, 12);
  });

  it('is 1 with nothing to score', () => {
    const empty = doc([]);
    expect(scoreAgainstGold(empty, empty)).toEqual({
      score: 1,
      counts: {
        gold: 0,
        submitted: 0,
        matched: 0,
        missed: 0,
        extra: 0,
        wrongClass: 0,
        wrongAttribute: 0,
        questions: 0,
        questionsCorrect: 0,
      },
      objects: [],
      questions: [],
    });
    expect(
      score(doc([obj('gold-a', 'car-class', box(0, 0, 1, 1))]), empty, { classWeights: { 'car-class': 0 } })
        .score,
    ).toBe(1);
  });
});

describe('outcomeBreakdown', () => {
  it('gives the mean item score and counts per class and per shape, sorted by key', () => {
    const t1 = score(
      doc([obj('gold-a', 'car-class', box(0, 0, 300, 100)), obj('gold-p', 'pin-class', point(500, 500))]),
      doc([obj('sub-a', 'car-class', box(100, 0, 300, 100)), obj('sub-b', 'bus-class', box(900, 0, 10, 10))]),
    );
    const t2 = score(
      doc([obj('gold-a', 'car-class', box(0, 0, 10, 10))]),
      doc([obj('sub-a', 'bus-class', box(0, 0, 10, 10))]),
    );
    expect(outcomeBreakdown([t1, t2], 'class')).toEqual([
      { key: 'bus-class', items: 1, meanScore: 0, missed: 0, extra: 1, wrongClass: 0 },
      // matched 0.75 and wrong class 0.5.
      { key: 'car-class', items: 2, meanScore: 0.625, missed: 0, extra: 0, wrongClass: 1 },
      { key: 'pin-class', items: 1, meanScore: 0, missed: 1, extra: 0, wrongClass: 0 },
    ]);
    expect(outcomeBreakdown([t1, t2], 'shape')).toEqual([
      { key: 'bounding_box', items: 3, meanScore: 1.25 / 3, missed: 0, extra: 1, wrongClass: 1 },
      { key: 'point', items: 1, meanScore: 0, missed: 1, extra: 0, wrongClass: 0 },
    ]);
    expect(outcomeBreakdown([], 'class')).toEqual([]);
  });
});

// Random documents: boxes of at least 1 px and points, in two classes each, on a small canvas so
// that objects overlap often; a radio attribute and a couple of radio questions.
const objectArb = fc
  .tuple(
    fc.boolean(),
    fc.boolean(),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 1, max: 30 }),
    fc.integer({ min: 1, max: 30 }),
    fc.option(fc.constantFrom('red', 'blue'), { nil: undefined }),
  )
  .map(([isBox, first, x, y, w, h, colour]) => ({
    featureId: isBox ? (first ? 'car-class' : 'bus-class') : first ? 'pin-class' : 'dot-class',
    geometry: isBox ? box(x, y, w, h) : point(x, y),
    attributes: colour ? [radio('colour', colour)] : [],
  }));
const docArb = (prefix: string) =>
  fc
    .tuple(
      fc.array(objectArb, { maxLength: 6 }),
      fc.option(fc.constantFrom('rain', 'snow'), { nil: undefined }),
      fc.option(fc.constantFrom('dawn', 'dusk'), { nil: undefined }),
    )
    .map(([objects, weather, light]) =>
      doc(
        objects.map((o, i) => obj(`${prefix}${i}`, o.featureId, o.geometry, o.attributes)),
        [...(weather ? [radio('weather', weather)] : []), ...(light ? [radio('light', light)] : [])],
      ),
    );
const configArb = fc.record({
  thresholds: fc.record({ bounding_box: fc.double({ min: 0, max: 1, noNaN: true }) }),
  weights: fc.record({
    localisation: fc.integer({ min: 0, max: 3 }),
    class: fc.integer({ min: 0, max: 3 }),
    attributes: fc.integer({ min: 0, max: 3 }),
  }),
  classWeights: fc.record({ 'car-class': fc.integer({ min: 0, max: 5 }) }),
  questionWeights: fc.record({ weather: fc.integer({ min: 0, max: 5 }) }),
});
const shuffled = (d: LabelDocument) =>
  fc.shuffledSubarray(d.objects, { minLength: d.objects.length }).map((objects) => ({ ...d, objects }));

describe('scoreAgainstGold properties', () => {
  it('keeps every score within [0, 1]', () => {
    fc.assert(
      fc.property(docArb('g'), docArb('s'), configArb, (gold, submitted, config) => {
        const s = score(gold, submitted, config);
        for (const x of [s.score, ...s.objects.map((o) => o.score)]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('scores a document against itself 1', () => {
    fc.assert(
      fc.property(docArb('g'), configArb, (d, config) => {
        const s = score(d, d, config);
        expect(s.score).toBeCloseTo(1, 12);
        expect(s.counts.matched).toBe(d.objects.length);
      }),
    );
  });

  it('never raises the score for an extra far-away object', () => {
    fc.assert(
      fc.property(docArb('g'), docArb('s'), objectArb, configArb, (gold, submitted, extra, config) => {
        const far = obj(
          'far-away',
          extra.featureId,
          extra.geometry.type === 'point' ? point(9000, 9000) : box(9000, 9000, 5, 5),
        );
        const more = { ...submitted, objects: [...submitted.objects, far] };
        expect(score(gold, more, config).score).toBeLessThanOrEqual(
          score(gold, submitted, config).score + 1e-12,
        );
      }),
    );
  });

  it('does not depend on the order of the objects', () => {
    fc.assert(
      fc.property(
        docArb('g').chain((g) => fc.tuple(fc.constant(g), shuffled(g))),
        docArb('s').chain((s) => fc.tuple(fc.constant(s), shuffled(s))),
        configArb,
        ([gold, gold2], [submitted, submitted2], config) => {
          const a = score(gold, submitted, config);
          const b = score(gold2, submitted2, config);
          expect(b.score).toBeCloseTo(a.score, 12);
          expect(b.counts).toEqual(a.counts);
        },
      ),
    );
  });
});
