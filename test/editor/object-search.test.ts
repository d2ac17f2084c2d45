import { describe, expect, it } from 'vitest';
import type { LabelObject } from '../../src/core/labels/format.ts';
import type { OntologyDocument } from '../../src/core/ontology/format.ts';
import { rowWindow, scrollToReveal } from '../../src/web/editor/list-window.ts';
import { filterObjects, queryTerms, searchIndex } from '../../src/web/editor/object-search.ts';
import { labelObject } from '../helpers/label-fixtures.ts';

// The object list: its search box (class names, id prefixes and chosen attribute options, every
// word of the query matching somewhere) and which of its rows are rendered. Pure: no DOM.

const ontology: OntologyDocument = {
  formatVersion: 1,
  objects: [
    {
      featureId: 'car-feature',
      name: 'Car',
      shape: 'bounding_box',
      color: '#e6194b',
      attributes: [
        {
          featureId: 'colour-question',
          name: 'Colour',
          kind: 'radio',
          options: [
            { featureId: 'red-option', label: 'Red' },
            {
              featureId: 'blue-option',
              label: 'Blue',
              questions: [
                {
                  featureId: 'shade-question',
                  name: 'Shade',
                  kind: 'radio',
                  options: [{ featureId: 'navy-option', label: 'Navy' }],
                },
              ],
            },
          ],
        },
      ],
    },
    { featureId: 'light-feature', name: 'Traffic light', shape: 'point', color: '#3cb44b', attributes: [] },
  ],
  classifications: [],
};

const box = { type: 'bounding_box', x: 0, y: 0, w: 10, h: 10 };
const object = (id: string, featureId: string, attributes: object[] = []) =>
  labelObject(id, featureId, box, { attributes }) as LabelObject;

const redCar = object('AbC123redcar', 'car-feature', [
  { featureId: 'colour-question', optionIds: ['red-option'] },
]);
const navyCar = object('xyz789navycar', 'car-feature', [
  {
    featureId: 'colour-question',
    optionIds: ['blue-option'],
    answers: [{ featureId: 'shade-question', optionIds: ['navy-option'] }],
  },
]);
const light = object('light0001', 'light-feature');
const objects = [redCar, navyCar, light];
const index = searchIndex(ontology);
const ids = (query: string) => filterObjects(objects, query, index).map((o) => o.id);

describe('object search', () => {
  it('returns the very same array for a blank query', () => {
    expect(filterObjects(objects, '', index)).toBe(objects);
    expect(filterObjects(objects, '   ', index)).toBe(objects);
  });

  it('matches class names anywhere in the name, ignoring case', () => {
    expect(ids('car')).toEqual([redCar.id, navyCar.id]);
    expect(ids('LIGHT')).toEqual([light.id]);
    expect(ids('raff')).toEqual([light.id]);
  });

  it('matches ids by their start only, ignoring case', () => {
    expect(ids('abc1')).toEqual([redCar.id]);
    expect(ids('123')).toEqual([]);
  });

  it('matches the labels of chosen options, nested ones included', () => {
    expect(ids('red')).toEqual([redCar.id]);
    expect(ids('navy')).toEqual([navyCar.id]);
    expect(ids('blue')).toEqual([navyCar.id]);
  });

  it('needs every word of the query to match', () => {
    expect(ids('car navy')).toEqual([navyCar.id]);
    expect(ids('traffic light')).toEqual([light.id]);
    expect(ids('light red')).toEqual([]);
  });

  it('keeps the order it was given', () => {
    expect(filterObjects([...objects].reverse(), 'car', index).map((o) => o.id)).toEqual([
      navyCar.id,
      redCar.id,
    ]);
  });

  it('tolerates objects of classes the ontology does not have', () => {
    expect(filterObjects([object('ghost0001', 'gone-feature')], 'ghost', index)).toHaveLength(1);
    expect(filterObjects([object('ghost0001', 'gone-feature')], 'car', index)).toHaveLength(0);
  });

  it('splits queries into lower-case words', () => {
    expect(queryTerms('  Red  CAR ')).toEqual(['red', 'car']);
    expect(queryTerms('')).toEqual([]);
  });
});

describe('object list window', () => {
  it('renders the rows in view plus the overscan either side', () => {
    expect(rowWindow(2000, 30, 0, 300, 5)).toEqual({ start: 0, end: 15 });
    expect(rowWindow(2000, 30, 3000, 300, 5)).toEqual({ start: 95, end: 115 });
    expect(rowWindow(2000, 30, 59_700, 300, 5)).toEqual({ start: 1985, end: 2000 });
  });

  it('renders nothing for an empty list and stays in range when scrolled past the end', () => {
    expect(rowWindow(0, 30, 0, 300, 5)).toEqual({ start: 0, end: 0 });
    expect(rowWindow(10, 30, 10_000, 300, 5)).toEqual({ start: 10, end: 10 });
  });

  it('scrolls only as far as it must to reveal a row', () => {
    expect(scrollToReveal(5, 30, 0, 300)).toBe(0);
    expect(scrollToReveal(20, 30, 0, 300)).toBe(330);
    expect(scrollToReveal(2, 30, 300, 300)).toBe(60);
  });
});
