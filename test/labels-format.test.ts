import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Answer,
  boundsOf,
  degenerateReason,
  diffLabels,
  emptyLabels,
  type Geometry,
  LABEL_FORMAT_VERSION,
  LABEL_MIGRATIONS,
  type LabelCheckMode,
  type LabelDocument,
  LabelFormatError,
  type LabelObject,
  labelIssueText,
  migrateLabels,
  modelNameOf,
  newObjectId,
  type Point,
  polygonArea,
  validateLabels,
} from '../src/core/labels/index.ts';
import type { OntologyDocument } from '../src/core/ontology/index.ts';

// The label document format: what validation accepts and refuses against an ontology (with the
// path of each problem), the geometry helpers, migration, diffs, and properties over generated
// documents. Pure: no database.

const ontology: OntologyDocument = {
  formatVersion: 1,
  objects: [
    {
      featureId: 'car0',
      name: 'Car',
      shape: 'bounding_box',
      color: '#1f77b4',
      required: true,
      attributes: [
        {
          featureId: 'colour',
          name: 'Colour',
          kind: 'radio',
          required: true,
          options: [
            { featureId: 'red0', label: 'Red' },
            {
              featureId: 'blue',
              label: 'Blue',
              questions: [{ featureId: 'shade', name: 'Shade', kind: 'text', required: true }],
            },
          ],
        },
        {
          featureId: 'tags',
          name: 'Tags',
          kind: 'checklist',
          options: [
            { featureId: 'tag1', label: 'Parked' },
            { featureId: 'tag2', label: 'Damaged' },
          ],
        },
        { featureId: 'plate', name: 'Plate', kind: 'text' },
      ],
    },
    { featureId: 'rbox', name: 'Ship', shape: 'rotatable_box', color: '#ff7f0e', attributes: [] },
    { featureId: 'area', name: 'Field', shape: 'polygon', color: '#2ca02c', attributes: [] },
    { featureId: 'lane', name: 'Lane', shape: 'polyline', color: '#d62728', attributes: [] },
    { featureId: 'pin0', name: 'Pin', shape: 'point', color: '#9467bd', attributes: [] },
    {
      featureId: 'pers',
      name: 'Person',
      shape: 'keypoint_skeleton',
      color: '#8c564b',
      skeleton: {
        points: [
          { id: 'head', name: 'Head' },
          { id: 'neck', name: 'Neck' },
        ],
        edges: [['head', 'neck']],
      },
      attributes: [],
    },
    {
      featureId: 'old0',
      name: 'Old',
      shape: 'point',
      color: '#7f7f7f',
      required: true,
      archived: true,
      attributes: [],
    },
  ],
  classifications: [
    {
      featureId: 'weather',
      name: 'Weather',
      kind: 'radio',
      required: true,
      options: [
        {
          featureId: 'rain',
          label: 'Rain',
          questions: [
            {
              featureId: 'intensity',
              name: 'Intensity',
              kind: 'radio',
              required: true,
              options: [
                { featureId: 'light', label: 'Light' },
                { featureId: 'heavy', label: 'Heavy' },
              ],
            },
          ],
        },
        { featureId: 'sun0', label: 'Sun' },
      ],
    },
    { featureId: 'notes', name: 'Notes', kind: 'text' },
    {
      featureId: 'flags',
      name: 'Flags',
      kind: 'checklist',
      options: [
        { featureId: 'blur', label: 'Blurry' },
        { featureId: 'dark', label: 'Dark' },
      ],
    },
    { featureId: 'retired', name: 'Retired', kind: 'text', required: true, archived: true },
  ],
};

const at = '2024-05-01T12:00:00Z';
const image = { width: 640, height: 480 };

const box: Geometry = { type: 'bounding_box', x: 10, y: 20, w: 100, h: 50 };
const rotated: Geometry = { type: 'rotatable_box', cx: 200, cy: 200, w: 80, h: 40, angle: 30 };
const polygon: Geometry = {
  type: 'polygon',
  points: [
    [0, 0],
    [100, 0],
    [100, 100],
  ],
};
const polyline: Geometry = {
  type: 'polyline',
  points: [
    [5, 5],
    [50, 60],
  ],
};
const point: Geometry = { type: 'point', x: 320, y: 240 };
const skeleton: Geometry = {
  type: 'keypoint_skeleton',
  keypoints: [
    { pointId: 'head', x: 100, y: 50, visible: true },
    { pointId: 'neck', x: 100, y: 80, visible: false },
  ],
};

const shapes: [featureId: string, geometry: Geometry][] = [
  ['car0', box],
  ['rbox', rotated],
  ['area', polygon],
  ['lane', polyline],
  ['pin0', point],
  ['pers', skeleton],
];

const object = (featureId: string, geometry: Geometry, over: Partial<LabelObject> = {}): LabelObject => ({
  id: newObjectId(),
  featureId,
  geometry,
  attributes: [],
  createdBy: 'user-1',
  createdAt: at,
  updatedBy: 'user-1',
  updatedAt: at,
  ...over,
});

const labels = (over: Partial<LabelDocument> = {}): LabelDocument => ({ ...emptyLabels(), ...over });

/** A car with its required colour answered, so only what a test adds is wrong. */
const car = (over: Partial<LabelObject> = {}) =>
  object('car0', box, { attributes: [{ featureId: 'colour', optionIds: ['red0'] }], ...over });

const sunny: Answer = { featureId: 'weather', optionIds: ['sun0'] };

const check = (input: unknown, mode: LabelCheckMode = 'save', img?: { width: number; height: number }) =>
  validateLabels(input, ontology, img ? { mode, image: img } : { mode });

const problems = (input: unknown, mode: LabelCheckMode = 'save', img?: { width: number; height: number }) => {
  const result = check(input, mode, img);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
};

/** Problems of a document holding only `o`, in save mode. */
const objectProblems = (o: LabelObject, img?: { width: number; height: number }) =>
  problems(labels({ objects: [o] }), 'save', img);

/** Problems of a document whose classifications are `answers`, in save mode. */
const answerProblems = (answers: Answer[]) => problems(labels({ classifications: answers }));

describe('validating label geometry', () => {
  it('accepts a valid geometry of every shape, inside the image or with no image given', () => {
    const doc = labels({ objects: shapes.map(([f, g]) => object(f, g)) });
    expect(problems(doc)).toEqual([]);
    expect(problems(doc, 'save', image)).toEqual([]);
  });

  it('refuses a geometry whose type is not the feature’s shape', () => {
    const o = object('car0', polygon);
    const result = check(labels({ objects: [o] }));
    expect(result.ok ? [] : result.issues).toEqual([
      {
        path: 'objects[0].geometry.type',
        message: 'is a polygon, but “Car” is drawn as a bounding box',
        objectId: o.id,
      },
    ]);
  });

  it('refuses unknown object features', () => {
    expect(objectProblems(object('nope', box))).toEqual([
      'objects[0].featureId: nope is not an object of the ontology',
    ]);
  });

  it('refuses zero-size boxes', () => {
    expect(objectProblems(object('car0', { ...box, w: 0 }))).toEqual([
      'objects[0].geometry.w: is 0: a box needs a width',
    ]);
    expect(objectProblems(object('rbox', { ...rotated, h: 0 }))).toEqual([
      'objects[0].geometry.h: is 0: a box needs a height',
    ]);
  });

  it('refuses polygons with fewer than 3 distinct points or no area', () => {
    const two: Point[] = [
      [0, 0],
      [10, 10],
    ];
    expect(objectProblems(object('area', { type: 'polygon', points: two }))).toEqual([
      'objects[0].geometry.points: has 2 distinct points; a polygon needs at least 3',
    ]);
    expect(objectProblems(object('area', { type: 'polygon', points: [...two, [0, 0]] }))).toEqual([
      'objects[0].geometry.points: has 2 distinct points; a polygon needs at least 3',
    ]);
    const collinear: Point[] = [
      [0, 0],
      [10, 10],
      [20, 20],
    ];
    expect(objectProblems(object('area', { type: 'polygon', points: collinear }))).toEqual([
      'objects[0].geometry.points: encloses no area: its points lie on one line or its edges cancel out',
    ]);
    // Float rounding must not turn a line into a sliver with area.
    const floats: Point[] = [
      [0.1, 0.1],
      [0.2, 0.2],
      [0.3, 0.3],
    ];
    expect(degenerateReason({ type: 'polygon', points: floats })).toMatch(/encloses no area/);
  });

  it('refuses polylines with fewer than 2 distinct points', () => {
    expect(objectProblems(object('lane', { type: 'polyline', points: [[3, 4]] }))).toEqual([
      'objects[0].geometry.points: has 1 distinct points; a polyline needs at least 2',
    ]);
    const same: Point[] = [
      [3, 4],
      [3, 4],
    ];
    expect(objectProblems(object('lane', { type: 'polyline', points: same }))).toEqual([
      'objects[0].geometry.points: has 1 distinct points; a polyline needs at least 2',
    ]);
  });

  it('refuses skeletons with a repeated, unknown or no keypoint', () => {
    const head = { pointId: 'head', x: 1, y: 1, visible: true };
    expect(objectProblems(object('pers', { type: 'keypoint_skeleton', keypoints: [head, head] }))).toEqual([
      'objects[0].geometry.keypoints[1].pointId: repeats the skeleton point head',
    ]);
    const tail = { pointId: 'tail', x: 2, y: 2, visible: true };
    expect(objectProblems(object('pers', { type: 'keypoint_skeleton', keypoints: [head, tail] }))).toEqual([
      'objects[0].geometry.keypoints[1].pointId: tail is not a point of the “Person” skeleton',
    ]);
    expect(objectProblems(object('pers', { type: 'keypoint_skeleton', keypoints: [] }))).toEqual([
      'objects[0].geometry.keypoints: has no keypoints',
    ]);
  });

  it('refuses geometry outside the image only when the image is given, allowing half a pixel', () => {
    const edge = object('car0', { type: 'bounding_box', x: -0.5, y: 0, w: 641, h: 480.5 });
    expect(objectProblems(edge, image)).toEqual([]);
    const over = object('car0', { type: 'bounding_box', x: 600, y: 0, w: 41, h: 10 });
    expect(objectProblems(over)).toEqual([]);
    expect(objectProblems(over, image)).toEqual(['objects[0].geometry: reaches outside the 640×480 image']);
    // Axis-aligned it fits; turned 90° its 200 px width no longer does vertically.
    const ship = object('rbox', { type: 'rotatable_box', cx: 320, cy: 80, w: 200, h: 20, angle: 0 });
    expect(objectProblems(ship, image)).toEqual([]);
    const turned = object('rbox', { type: 'rotatable_box', cx: 320, cy: 80, w: 200, h: 20, angle: 90 });
    expect(objectProblems(turned, image)).toEqual(['objects[0].geometry: reaches outside the 640×480 image']);
    const field = object('area', {
      type: 'polygon',
      points: [
        [0, 0],
        [10, 0],
        [10, -3],
      ],
    });
    expect(objectProblems(field, image)).toEqual([
      'objects[0].geometry.points[2]: reaches outside the 640×480 image',
    ]);
    const pin = object('pin0', { type: 'point', x: 641, y: 0 });
    expect(objectProblems(pin, image)).toEqual(['objects[0].geometry: reaches outside the 640×480 image']);
    const person = object('pers', {
      type: 'keypoint_skeleton',
      keypoints: [{ pointId: 'neck', x: 10, y: 481, visible: false }],
    });
    expect(objectProblems(person, image)).toEqual([
      'objects[0].geometry.keypoints[0]: reaches outside the 640×480 image',
    ]);
  });

  it('refuses duplicate object ids, naming the repeat', () => {
    const first = car();
    const result = check(labels({ objects: [first, car({ id: first.id })] }));
    expect(result.ok ? [] : result.issues).toEqual([
      { path: 'objects[1].id', message: 'repeats the id of objects[0]', objectId: first.id },
    ]);
  });
});

describe('validating answers', () => {
  it('accepts answers of every kind, with sub-answers under chosen options', () => {
    expect(
      answerProblems([
        {
          featureId: 'weather',
          optionIds: ['rain'],
          answers: [{ featureId: 'intensity', optionIds: ['heavy'] }],
        },
        { featureId: 'notes', text: 'foggy' },
        { featureId: 'flags', optionIds: ['blur', 'dark'] },
      ]),
    ).toEqual([]);
  });

  it('refuses unknown questions and options', () => {
    expect(answerProblems([{ featureId: 'nope', optionIds: ['rain'] }])).toEqual([
      'classifications[0].featureId: nope is not a classification of the ontology',
    ]);
    expect(answerProblems([{ featureId: 'weather', optionIds: ['snow'] }])).toEqual([
      'classifications[0].optionIds[0]: snow is not an option of “Weather”',
    ]);
    // An attribute of Car is not a classification, and a classification is not an attribute.
    expect(answerProblems([{ featureId: 'colour', optionIds: ['red0'] }])).toEqual([
      'classifications[0].featureId: colour is not a classification of the ontology',
    ]);
    expect(objectProblems(car({ attributes: [{ featureId: 'notes', text: 'x' }] }))).toEqual([
      'objects[0].attributes[0].featureId: notes is not an attribute of “Car”',
    ]);
  });

  it('refuses a radio answer with other than one option and a checklist answer with none', () => {
    expect(answerProblems([{ featureId: 'weather', optionIds: ['rain', 'sun0'] }])).toEqual([
      'classifications[0].optionIds: “Weather” is a radio question: choose exactly one option, not 2',
    ]);
    expect(answerProblems([{ featureId: 'weather' }])).toEqual([
      'classifications[0].optionIds: “Weather” is a radio question: choose exactly one option, not 0',
    ]);
    expect(answerProblems([{ featureId: 'flags', optionIds: [] }])).toEqual([
      'classifications[0].optionIds: “Flags” is a checklist question: choose at least one option',
    ]);
    expect(answerProblems([{ featureId: 'flags', optionIds: ['blur', 'blur'] }])).toEqual([
      'classifications[0].optionIds[1]: repeats the option “Blurry”',
    ]);
  });

  it('refuses text on a choice question and options on a text question', () => {
    expect(answerProblems([{ featureId: 'weather', optionIds: ['sun0'], text: 'sunny' }])).toEqual([
      'classifications[0].text: “Weather” is a radio question: it takes options, not text',
    ]);
    expect(answerProblems([{ featureId: 'notes', optionIds: ['rain'], text: 'x' }])).toEqual([
      'classifications[0].optionIds: “Notes” is a text question: it takes text, not options',
    ]);
    expect(answerProblems([{ featureId: 'notes' }])).toEqual([
      'classifications[0].text: “Notes” is a text question: give the text',
    ]);
  });

  it('refuses sub-answers under an option that is not chosen, or to questions that are nowhere below', () => {
    expect(
      answerProblems([
        {
          featureId: 'weather',
          optionIds: ['sun0'],
          answers: [{ featureId: 'intensity', optionIds: ['light'] }],
        },
      ]),
    ).toEqual([
      'classifications[0].answers[0].featureId: intensity is a question of the option “Rain”, which is not chosen',
    ]);
    expect(
      answerProblems([
        { featureId: 'weather', optionIds: ['rain'], answers: [{ featureId: 'notes', text: 'x' }] },
      ]),
    ).toEqual([
      'classifications[0].answers[0].featureId: notes is not a question under the chosen options of “Weather”',
    ]);
    expect(
      objectProblems(
        car({
          attributes: [
            {
              featureId: 'colour',
              optionIds: ['blue'],
              answers: [{ featureId: 'shade', optionIds: ['red0'], text: 'navy' }],
            },
          ],
        }),
      ),
    ).toEqual([
      'objects[0].attributes[0].answers[0].optionIds: “Shade” is a text question: it takes text, not options',
    ]);
  });

  it('refuses a second answer to the same question', () => {
    expect(answerProblems([sunny, { featureId: 'weather', optionIds: ['rain'] }])).toEqual([
      'classifications[1].featureId: answers “Weather” again; each question is answered once',
    ]);
  });

  it('allows archived features, so old labels stay loadable', () => {
    const doc = labels({
      objects: [object('old0', { type: 'point', x: 1, y: 1 })],
      classifications: [{ featureId: 'retired', text: 'kept' }],
    });
    expect(problems(doc)).toEqual([]);
  });
});

describe('save and submit checks', () => {
  const complete = () =>
    labels({
      objects: [
        object('car0', box, {
          attributes: [
            { featureId: 'colour', optionIds: ['blue'], answers: [{ featureId: 'shade', text: 'navy' }] },
          ],
        }),
      ],
      classifications: [
        {
          featureId: 'weather',
          optionIds: ['rain'],
          answers: [{ featureId: 'intensity', optionIds: ['light'] }],
        },
      ],
    });

  it('accepts complete labels in both modes; archived required features are not required', () => {
    expect(problems(complete(), 'save')).toEqual([]);
    expect(problems(complete(), 'submit')).toEqual([]);
  });

  it('lets a draft miss required answers and objects, but not a submission', () => {
    const draft = labels({
      objects: [object('car0', box, { attributes: [{ featureId: 'colour', optionIds: ['blue'] }] })],
      classifications: [{ featureId: 'weather', optionIds: ['rain'] }],
    });
    expect(problems(draft, 'save')).toEqual([]);
    expect(problems(draft, 'submit')).toEqual([
      'objects[0].attributes[0].answers: misses the required question “Shade” (shade)',
      'classifications[0].answers: misses the required question “Intensity” (intensity)',
    ]);
    const empty = labels({ objects: [object('pin0', point)] });
    expect(problems(empty, 'save')).toEqual([]);
    expect(problems(empty, 'submit')).toEqual([
      'classifications: misses the required question “Weather” (weather)',
      'objects: needs at least one “Car” (car0): it is required',
    ]);
    const bare = labels({ objects: [object('car0', box)], classifications: [sunny] });
    const result = check(bare, 'submit');
    expect(result.ok ? [] : result.issues).toEqual([
      {
        path: 'objects[0].attributes',
        message: 'misses the required question “Colour” (colour)',
        objectId: bare.objects[0]!.id,
      },
    ]);
  });

  it('counts blank text as no answer to a required text question on submit', () => {
    const doc = complete();
    doc.objects[0]!.attributes = [
      { featureId: 'colour', optionIds: ['blue'], answers: [{ featureId: 'shade', text: '  ' }] },
    ];
    expect(problems(doc, 'save')).toEqual([]);
    expect(problems(doc, 'submit')).toEqual([
      'objects[0].attributes[0].answers[0].text: must not be blank: “Shade” is required',
    ]);
  });

  it('asks nothing of sub-questions under options that are not chosen', () => {
    const doc = complete();
    doc.classifications = [sunny];
    expect(problems(doc, 'submit')).toEqual([]);
  });
});

describe('structure', () => {
  it('refuses non-finite coordinates, naming the field and the object', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const o = object('pin0', { type: 'point', x: bad, y: 0 });
      const result = check(labels({ objects: [o] }));
      expect(result.ok ? [] : result.issues).toEqual([
        { path: 'objects[0].geometry.x', message: 'must be a finite number', objectId: o.id },
      ]);
    }
    const line = object('lane', {
      type: 'polyline',
      points: [
        [0, 0],
        [1, Number.NaN],
      ],
    });
    expect(objectProblems(line)).toEqual(['objects[0].geometry.points[1][1]: must be a finite number']);
  });

  it('refuses unknown keys at every level', () => {
    const notAField = (path: string) => [`${path}: is not a field of the label format`];
    expect(problems({ ...labels(), extra: 1 })).toEqual(notAField('extra'));
    expect(objectProblems({ ...car(), colour: 'red' } as LabelObject)).toEqual(
      notAField('objects[0].colour'),
    );
    expect(objectProblems(car({ geometry: { ...box, angle: 0 } as Geometry }))).toEqual(
      notAField('objects[0].geometry.angle'),
    );
    expect(answerProblems([{ ...sunny, note: 'x' } as Answer])).toEqual(notAField('classifications[0].note'));
  });

  it('refuses values out of range', () => {
    expect(objectProblems(object('rbox', { ...rotated, angle: 180 }))).toEqual([
      'objects[0].geometry.angle: must be from -180 up to (not including) 180 degrees',
    ]);
    expect(objectProblems(object('rbox', { ...rotated, angle: -180 }))).toEqual([]);
    expect(objectProblems(object('car0', { ...box, w: -1 }))).toEqual([
      'objects[0].geometry.w: must not be negative',
    ]);
    expect(objectProblems(car({ confidence: 1.5 }))).toEqual(['objects[0].confidence: must be from 0 to 1']);
    expect(objectProblems(car({ id: 'x' }))).toEqual(['objects[0].id: must be 4–64 letters, digits, - or _']);
    expect(objectProblems(car({ createdAt: 'yesterday' }))[0]).toMatch(
      /^objects\[0\]\.createdAt: must be an ISO-8601/,
    );
    expect(objectProblems(car({ geometry: { type: 'circle' } as unknown as Geometry }))[0]).toMatch(
      /^objects\[0\]\.geometry\.type: /,
    );
    expect(problems({ ...labels(), formatVersion: 2 })[0]).toMatch(/^formatVersion: /);
  });

  it('takes a user id or model:<name> as author', () => {
    expect(objectProblems(car({ createdBy: 'model:yolo-v8@2024.1', confidence: 0.8 }))).toEqual([]);
    expect(objectProblems(car({ updatedBy: 'model:' }))).toEqual([
      'objects[0].updatedBy: must be a user id or model:<name>',
    ]);
    expect(modelNameOf('model:yolo')).toBe('yolo');
    expect(modelNameOf('0190a1b2-0000-7000-8000-000000000000')).toBeNull();
  });

  it('bounds answer nesting to the ontology’s question depth', () => {
    let nested: Answer = { featureId: 'weather', optionIds: ['rain'] };
    for (let i = 0; i < 4; i++) nested = { featureId: 'weather', optionIds: ['rain'], answers: [nested] };
    expect(answerProblems([nested])).toEqual([
      'classifications[0].answers[0].answers[0].answers[0].answers: answers may nest at most 4 levels deep',
    ]);
  });

  it('sets objectId on every issue inside an object, and prints it', () => {
    const o = car({ geometry: { ...box, w: 0 }, attributes: [{ featureId: 'colour', optionIds: ['x123'] }] });
    const result = check(labels({ objects: [o], classifications: [{ featureId: 'nope' }] }), 'submit');
    if (result.ok) throw new Error('expected issues');
    for (const issue of result.issues) {
      expect(issue.path).not.toBe('');
      expect(issue.objectId).toBe(issue.path.startsWith('objects[') ? o.id : undefined);
    }
    expect(result.issues.map(labelIssueText)).toEqual([
      `objects[0] (${o.id}): geometry.w: is 0: a box needs a width`,
      `objects[0] (${o.id}): attributes[0].optionIds[0]: x123 is not an option of “Colour”`,
      'classifications[0].featureId: nope is not a classification of the ontology',
      'classifications: misses the required question “Weather” (weather)',
    ]);
  });
});

describe('geometry helpers', () => {
  it('computes polygon areas and bounds', () => {
    expect(
      polygonArea([
        [0, 0],
        [4, 0],
        [4, 3],
        [0, 3],
      ]),
    ).toBe(12);
    expect(polygonArea((polygon as { points: Point[] }).points)).toBe(5000);
    expect(boundsOf(box)).toEqual({ minX: 10, minY: 20, maxX: 110, maxY: 70 });
    const b = boundsOf({ type: 'rotatable_box', cx: 0, cy: 0, w: 4, h: 2, angle: -90 });
    expect([b.minX, b.maxX, b.minY, b.maxY].map((n) => Math.round(n * 1e9) / 1e9)).toEqual([-1, 1, -2, 2]);
    expect(boundsOf(skeleton)).toEqual({ minX: 100, minY: 50, maxX: 100, maxY: 80 });
  });

  it('says why a geometry is degenerate, or null', () => {
    expect(degenerateReason(box)).toBeNull();
    expect(degenerateReason(point)).toBeNull();
    expect(degenerateReason({ ...box, h: 0 })).toBe('h: is 0: a box needs a height');
  });
});

describe('migrating label documents', () => {
  it('passes version 1 through and refuses newer or unknown versions', () => {
    const doc = labels({ objects: [car()] });
    expect(LABEL_FORMAT_VERSION).toBe(1);
    expect(LABEL_MIGRATIONS).toEqual({});
    expect(migrateLabels(doc)).toEqual(doc);
    expect(() => migrateLabels({ ...doc, formatVersion: 2 })).toThrow(LabelFormatError);
    expect(() => migrateLabels({ ...doc, formatVersion: 2 })).toThrow(/newer than this Gloss understands/);
    expect(() => migrateLabels({ ...doc, formatVersion: 0 })).toThrow(LabelFormatError);
    expect(() => migrateLabels({ ...doc, formatVersion: '1' })).toThrow(LabelFormatError);
    expect(() => migrateLabels({ objects: [] })).toThrow(/formatVersion must be a whole number/);
    expect(() => migrateLabels([])).toThrow(/a label document must be a JSON object/);
    expect(() => migrateLabels(null)).toThrow(LabelFormatError);
  });
});

describe('diffing label documents', () => {
  it('counts every object and the classifications of a first revision as new', () => {
    const after = labels({ objects: [car(), car()], classifications: [sunny] });
    expect(diffLabels(null, after)).toEqual({
      added: 2,
      changed: 0,
      removed: 0,
      classificationsChanged: true,
    });
    expect(diffLabels(null, emptyLabels())).toEqual({
      added: 0,
      changed: 0,
      removed: 0,
      classificationsChanged: false,
    });
  });

  it('counts added, changed and removed objects by id, and classification changes', () => {
    const kept = car();
    const moved = car();
    const gone = car();
    const before = labels({ objects: [kept, moved, gone], classifications: [sunny] });
    const after = labels({
      objects: [{ ...moved, geometry: { ...box, x: 11 } }, { ...kept }, car()],
      classifications: [sunny],
    });
    expect(diffLabels(before, after)).toEqual({
      added: 1,
      changed: 1,
      removed: 1,
      classificationsChanged: false,
    });
    const rainy = { ...after, classifications: [{ featureId: 'weather', optionIds: ['rain'] }] };
    expect(diffLabels(after, rainy).classificationsChanged).toBe(true);
  });

  it('ignores key order and keys set to undefined', () => {
    const o = car();
    const reordered = JSON.parse(JSON.stringify({ ...o, featureId: undefined })) as LabelObject;
    const same = { ...reordered, confidence: undefined, featureId: o.featureId };
    expect(diffLabels(labels({ objects: [o] }), labels({ objects: [same] })).changed).toBe(0);
  });
});

// ---- Properties over generated documents --------------------------------------------------

const coordArb = fc.integer({ min: -10_000, max: 10_000 });
const pointsArb = fc.array(fc.tuple(coordArb, coordArb), { minLength: 3, maxLength: 30 }) as fc.Arbitrary<
  Point[]
>;

/** A box well inside the 640×480 test image. */
const boxArb: fc.Arbitrary<Geometry> = fc
  .record({
    x: fc.double({ min: 0, max: 500, noNaN: true }),
    y: fc.double({ min: 0, max: 400, noNaN: true }),
    w: fc.double({ min: 0.01, max: 100, noNaN: true }),
    h: fc.double({ min: 0.01, max: 60, noNaN: true }),
  })
  .map((b) => ({ type: 'bounding_box', ...b }));

/** A star-shaped polygon: points at increasing angles around a centre, so it always encloses area. */
const polygonArb: fc.Arbitrary<Geometry> = fc
  .record({
    cx: fc.double({ min: 100, max: 540, noNaN: true }),
    cy: fc.double({ min: 100, max: 380, noNaN: true }),
    radii: fc.array(fc.double({ min: 1, max: 90, noNaN: true }), { minLength: 3, maxLength: 40 }),
  })
  .map(({ cx, cy, radii }) => ({
    type: 'polygon',
    points: radii.map((r, i): Point => {
      const a = (2 * Math.PI * i) / radii.length;
      return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    }),
  }));

describe('properties of the format', () => {
  it('keeps a polygon’s area when its points are rotated or reversed', () => {
    fc.assert(
      fc.property(pointsArb, fc.nat(), (points, shift) => {
        const k = shift % points.length;
        const area = polygonArea(points);
        expect(polygonArea([...points.slice(k), ...points.slice(0, k)])).toBe(area);
        expect(polygonArea([...points].reverse())).toBe(area);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts every generated document of valid boxes and polygons, in both modes', () => {
    const shapesArb = fc.array(
      fc.oneof(
        boxArb.map((g) => ['car0', g] as const),
        polygonArb.map((g) => ['area', g] as const),
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(shapesArb, (drawn) => {
        const doc = labels({
          objects: [car(), ...drawn.map(([f, g]) => (f === 'car0' ? car({ geometry: g }) : object(f, g)))],
          classifications: [sunny],
        });
        expect(problems(doc, 'save', image)).toEqual([]);
        expect(problems(JSON.parse(JSON.stringify(doc)), 'submit', image)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
