import { describe, expect, it } from 'vitest';
import {
  type Branch,
  CONSENSUS_AUTHOR,
  compareWithResolved,
  consensusDocument,
  taskAgreement,
} from '../src/core/consensus/index.ts';
import {
  type Answer,
  type Geometry,
  type LabelDocument,
  LabelDocumentSchema,
  type LabelObject,
} from '../src/core/labels/format.ts';

const T = '2024-05-01T12:00:00Z';
const AT = '2024-06-01T09:30:00Z';
const box = (x: number, y: number, w: number, h: number): Geometry => ({ type: 'bounding_box', x, y, w, h });
const rbox = (cx: number, cy: number, w: number, h: number, angle: number): Geometry => ({
  type: 'rotatable_box',
  cx,
  cy,
  w,
  h,
  angle,
});
const obj = (id: string, geometry: Geometry, author: string, attributes: Answer[] = []): LabelObject => ({
  id,
  featureId: 'car-class',
  geometry,
  attributes,
  createdBy: author,
  createdAt: T,
  updatedBy: author,
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

function merge(branches: Branch[], geometry: 'best' | 'mean' = 'best'): LabelDocument {
  const result = consensusDocument(branches, taskAgreement(branches), { geometry, at: AT });
  // Whatever is merged must still be a valid label document.
  LabelDocumentSchema.parse(result);
  return result;
}

describe('consensusDocument', () => {
  it('keeps an object more than half of the annotators drew', () => {
    const all = box(0, 0, 10, 10);
    const two = box(50, 0, 10, 10);
    const one = box(100, 0, 10, 10);
    const three = merge([
      branch('ann1', [obj('a-all', all, 'ann1'), obj('a-two', two, 'ann1')]),
      branch('ann2', [obj('b-all', all, 'ann2'), obj('b-two', two, 'ann2')]),
      branch('ann3', [obj('c-all', all, 'ann3'), obj('c-one', one, 'ann3')]),
    ]);
    expect(three.objects.map((o) => o.geometry)).toEqual([all, two]);

    // One of two is not a majority.
    const pair = merge([
      branch('ann1', [obj('a-all', all, 'ann1'), obj('a-one', one, 'ann1')]),
      branch('ann2', [obj('b-all', all, 'ann2')]),
    ]);
    expect(pair.objects.map((o) => o.geometry)).toEqual([all]);
  });

  it("takes the geometry of the annotator who agrees most ('best'), stamped as merged", () => {
    // ann2 and ann3 drew the same box, ann1 one shifted by 1: ann2 and ann3 lead, ann2 first by branch order.
    const result = merge([
      branch('ann1', [obj('aaaa', box(1, 0, 10, 10), 'ann1')]),
      branch('ann2', [obj('bbbb', box(0, 0, 10, 10), 'ann2')]),
      branch('ann3', [obj('cccc', box(0, 0, 10, 10), 'ann3')]),
    ]);
    expect(result.objects).toEqual([
      {
        id: 'bbbb',
        featureId: 'car-class',
        geometry: box(0, 0, 10, 10),
        attributes: [],
        createdBy: 'ann2',
        createdAt: T,
        updatedBy: CONSENSUS_AUTHOR,
        updatedAt: AT,
      },
    ]);
  });

  it("averages boxes ('mean')", () => {
    const result = merge(
      [
        branch('ann1', [obj('aaaa', box(0, 0, 10, 10), 'ann1')]),
        branch('ann2', [obj('bbbb', box(2, 0, 10, 12), 'ann2')]),
        branch('ann3', [obj('cccc', box(1, 0, 10, 11), 'ann3')]),
      ],
      'mean',
    );
    expect(result.objects.map((o) => o.geometry)).toEqual([box(1, 0, 10, 11)]);
  });

  it('averages rotation angles on the circle: 170° and -170° give -180°', () => {
    const result = merge(
      [
        branch('ann1', [obj('aaaa', rbox(10, 10, 10, 10, 170), 'ann1')]),
        branch('ann2', [obj('bbbb', rbox(12, 10, 10, 10, -170), 'ann2')]),
      ],
      'mean',
    );
    const g = result.objects[0]!.geometry as Extract<Geometry, { type: 'rotatable_box' }>;
    expect(g.cx).toBe(11);
    expect(g.angle).toBeCloseTo(-180, 9);
    expect(g.angle).toBeGreaterThanOrEqual(-180);
  });

  it('averages points, keypoints and equal-length polylines; falls back to best otherwise', () => {
    const pin = (x: number, y: number): Geometry => ({ type: 'point', x, y });
    const pose = (hx: number, hidden: boolean): Geometry => ({
      type: 'keypoint_skeleton',
      keypoints: [
        { pointId: 'head', x: hx, y: 0, visible: true },
        { pointId: 'tail', x: 20, y: 0, visible: !hidden },
      ],
    });
    const road = (...points: [number, number][]): Geometry => ({ type: 'polyline', points });
    const shape = (...points: [number, number][]): Geometry => ({ type: 'polygon', points });
    const square = shape([0, 0], [10, 0], [10, 10], [0, 10]);
    const square5 = shape([0, 0], [10, 0], [10, 10], [0, 10], [0, 5]);
    const result = merge(
      [
        branch('ann1', [
          obj('pin1', pin(0, 0), 'ann1'),
          obj('pose', pose(0, true), 'ann1'),
          obj('road', road([0, 200], [100, 200]), 'ann1'),
          obj('poly', square, 'ann1'),
        ]),
        branch('ann2', [
          obj('pin1', pin(2, 4), 'ann2'),
          obj('pose', pose(2, false), 'ann2'),
          obj('road', road([0, 202], [100, 204]), 'ann2'),
          obj('poly', square5, 'ann2'),
        ]),
      ],
      'mean',
    );
    const byId = new Map(result.objects.map((o) => [o.id, o.geometry]));
    expect(byId.get('pin1')).toEqual(pin(1, 2));
    // One of two calls the tail visible: not most of them.
    expect(byId.get('pose')).toEqual({
      type: 'keypoint_skeleton',
      keypoints: [
        { pointId: 'head', x: 1, y: 0, visible: true },
        { pointId: 'tail', x: 20, y: 0, visible: false },
      ],
    });
    expect(byId.get('road')).toEqual(road([0, 201], [100, 202]));
    // Different point counts have no pointwise mean: the preferred drawing (ann1, by branch order).
    expect(byId.get('poly')).toEqual(square);
  });

  it('replaces attributes by the members’ majority per attribute', () => {
    const attrs = (colour: string, extra?: string): Answer[] => [
      radio('colour', colour),
      ...(extra ? [{ featureId: 'note', text: extra }] : []),
    ];
    const result = merge([
      branch('ann1', [obj('aaaa', box(0, 0, 10, 10), 'ann1', attrs('blue'))]),
      branch('ann2', [obj('bbbb', box(0, 0, 10, 10), 'ann2', attrs('red1', 'dented'))]),
      branch('ann3', [obj('cccc', box(0, 0, 10, 10), 'ann3', attrs('red1'))]),
    ]);
    // Everyone agrees on the box, so ann1 is preferred, but red wins 2 to 1 and the note 1 to 2 (unanswered).
    expect(result.objects[0]!.id).toBe('aaaa');
    expect(result.objects[0]!.attributes).toEqual([radio('colour', 'red1')]);
  });

  it('answers each question by its majority and leaves out one most left unanswered', () => {
    const result = merge([
      branch('ann1', [], [radio('weather', 'rain'), { featureId: 'note', text: ' wet  road' }]),
      branch('ann2', [], [radio('weather', 'snow')]),
      branch('ann3', [], [radio('weather', 'rain')]),
    ]);
    expect(result.classifications).toEqual([radio('weather', 'rain')]);
  });

  it('gives merged objects distinct ids when branches share ids', () => {
    // Both branches started from a pre-label `pre1`; ann1 kept it at the left, ann2 moved it right
    // and drew a new box at the left.
    const result = merge([
      branch('ann1', [obj('pre1', box(0, 0, 10, 10), 'ann1'), obj('new1', box(50, 0, 10, 10), 'ann1')]),
      branch('ann2', [obj('new2', box(0, 0, 10, 10), 'ann2'), obj('pre1', box(50, 0, 10, 10), 'ann2')]),
    ]);
    expect(result.objects.map((o) => o.id)).toEqual(['new1', 'pre1']);
    expect(new Set(result.objects.map((o) => o.id)).size).toBe(2);
  });
});

describe('compareWithResolved', () => {
  it('counts the units the resolution kept as won and the others as overruled', () => {
    const mine = doc(
      [
        obj('keep', box(0, 0, 10, 10), 'ann1', [radio('colour', 'red1')]),
        obj('gone', box(50, 0, 10, 10), 'ann1'),
        obj('recol', box(100, 0, 10, 10), 'ann1', [radio('colour', 'red1')]),
      ],
      [radio('weather', 'rain'), radio('light', 'dawn')],
    );
    const resolved = doc(
      [
        obj('keep', box(1, 0, 10, 10), 'ann1', [radio('colour', 'red1')]),
        obj('recol', box(100, 0, 10, 10), 'ann1', [radio('colour', 'blue')]),
        obj('added', box(200, 0, 10, 10), 'ann2'),
      ],
      [radio('weather', 'rain'), radio('light', 'dusk')],
    );
    const r = compareWithResolved(mine, resolved);
    // Won: keep (moved slightly), weather. Overruled: gone, recol (attribute), added, light.
    expect(r.won).toBe(2);
    expect(r.overruled).toBe(4);
    // Units: keep 9/11, recol 1, gone 0, added 0, weather 1, light 0.
    expect(r.agreement).toBeCloseTo((9 / 11 + 1 + 1) / 6, 12);
  });

  it('is all won for an untouched branch', () => {
    const mine = doc([obj('keep', box(0, 0, 10, 10), 'ann1')], [radio('weather', 'rain')]);
    expect(compareWithResolved(mine, mine)).toEqual({ agreement: 1, won: 2, overruled: 0 });
  });
});
