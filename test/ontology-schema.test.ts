import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyOntology,
  exportOntology,
  listFeatures,
  migrateOntologyDocument,
  migrateWith,
  newFeatureId,
  type ObjectFeature,
  ONTOLOGY_FORMAT_VERSION,
  type OntologyDocument,
  OntologyExportSchema,
  OntologyFormatError,
  QUESTION_KINDS,
  type Question,
  removedFeatures,
  SHAPES,
  validateOntology,
} from '../src/core/ontology/index.ts';

// The ontology document format: what validation accepts and refuses (with the path of each
// problem), the helpers over it, and properties over generated documents.

const question = (over: Partial<Question> = {}): Question => ({
  featureId: newFeatureId(),
  name: 'Colour',
  kind: 'radio',
  options: [{ featureId: newFeatureId(), label: 'Red' }],
  ...over,
});

const object = (over: Partial<ObjectFeature> = {}): ObjectFeature => ({
  featureId: newFeatureId(),
  name: 'Car',
  shape: 'bounding_box',
  color: '#1f77b4',
  attributes: [],
  ...over,
});

const doc = (over: Partial<OntologyDocument> = {}): OntologyDocument => ({ ...emptyOntology(), ...over });

const problems = (input: unknown) => {
  const result = validateOntology(input);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('validating an ontology document', () => {
  it('accepts an empty document and a rich one', () => {
    expect(problems(emptyOntology())).toEqual([]);
    const rich = doc({
      objects: [
        object({ hotkey: 'c', attributes: [question({ dynamic: true, required: true })] }),
        object({
          name: 'Person',
          shape: 'keypoint_skeleton',
          hotkey: 'p',
          skeleton: {
            points: [
              { id: 'head', name: 'Head' },
              { id: 'neck', name: 'Neck' },
            ],
            edges: [['head', 'neck']],
          },
        }),
      ],
      classifications: [
        question({
          name: 'Weather',
          options: [
            {
              featureId: newFeatureId(),
              label: 'Rain',
              questions: [question({ name: 'Intensity', kind: 'text', options: undefined })],
            },
          ],
        }),
      ],
    });
    expect(problems(rich)).toEqual([]);
  });

  it('names the path of an option list that is empty', () => {
    const d = doc({
      objects: [
        object(),
        object({ name: 'Bus' }),
        object({ name: 'Van', attributes: [question({ options: [] })] }),
      ],
    });
    expect(problems(d)).toEqual(['objects[2].attributes[0].options: must have at least one option']);
  });

  it('refuses a feature id used twice anywhere in the document', () => {
    const id = newFeatureId();
    const d = doc({ objects: [object({ featureId: id })], classifications: [question({ featureId: id })] });
    expect(problems(d)).toEqual([`classifications[0].featureId: repeats the feature id ${id} of objects[0]`]);
  });

  it('refuses empty and repeated names, labels and hotkeys, and bad colours', () => {
    const d = doc({
      objects: [
        object({ hotkey: 'a' }),
        object({ name: ' car ', hotkey: 'A' }),
        object({ name: ' ', hotkey: 'ab' }),
        object({ name: 'Tree', color: 'green' }),
      ],
      classifications: [question({ options: [{ featureId: newFeatureId(), label: '' }] })],
    });
    expect(problems(d)).toEqual(['objects[3].color: must be a colour like #1f77b4']);
    const fixed = { ...d, objects: d.objects.map((o) => ({ ...o, color: '#00aa00' })) };
    expect(problems(fixed)).toEqual([
      'objects[1].name: repeats the object “car”',
      'objects[1].hotkey: is already the hotkey of objects[0]',
      'objects[2].name: must not be empty',
      'objects[2].hotkey: must be a single key',
      'classifications[0].options[0].label: must not be empty',
    ]);
  });

  it('refuses options on a text question and dynamic classifications', () => {
    const d = doc({
      classifications: [question({ kind: 'text' }), question({ name: 'Other', dynamic: true })],
    });
    expect(problems(d)).toEqual([
      'classifications[0].options: a text question has no options',
      'classifications[1].dynamic: only object attributes can be dynamic',
    ]);
  });

  it('checks skeletons: points required, edges between existing distinct points, once', () => {
    expect(problems(doc({ objects: [object({ shape: 'keypoint_skeleton' })] }))).toEqual([
      'objects[0].skeleton: a keypoint skeleton needs its points',
    ]);
    const skeleton = {
      points: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      edges: [
        ['a', 'b'],
        ['b', 'a'],
        ['a', 'a'],
        ['a', 'z'],
      ] as [string, string][],
    };
    expect(problems(doc({ objects: [object({ shape: 'keypoint_skeleton', skeleton })] }))).toEqual([
      'objects[0].skeleton.edges[1]: repeats an edge',
      'objects[0].skeleton.edges[2]: connects a point to itself',
      'objects[0].skeleton.edges[3]: refers to a point that does not exist (z)',
    ]);
    expect(
      problems(
        doc({ objects: [object({ shape: 'keypoint_skeleton', skeleton: { points: [], edges: [] } })] }),
      ),
    ).toEqual(['objects[0].skeleton.points: must have at least one point']);
  });

  it('bounds the nesting depth of questions at four levels', () => {
    const nest = (depth: number): Question =>
      depth === 1
        ? question({ name: `Level ${depth}` })
        : question({
            name: `Level ${depth}`,
            options: [{ featureId: newFeatureId(), label: 'Yes', questions: [nest(depth - 1)] }],
          });
    expect(problems(doc({ classifications: [nest(4)] }))).toEqual([]);
    expect(problems(doc({ classifications: [nest(5)] }))).toEqual([
      'classifications[0].options[0].questions[0].options[0].questions[0].options[0].questions[0].options[0].questions: questions may nest at most 4 levels deep',
    ]);
  });

  it('refuses unknown fields and shapes, naming them', () => {
    expect(problems({ ...emptyOntology(), extra: 1 })).toEqual([
      'extra: is not a field of the ontology format',
    ]);
    expect(problems(doc({ objects: [{ ...object(), shape: 'circle' as never }] }))[0]).toMatch(
      /^objects\[0\]\.shape: /,
    );
    expect(problems({ formatVersion: 2, objects: [], classifications: [] })[0]).toMatch(/^formatVersion: /);
  });

  it('accepts the reserved bitmask shape with a warning', () => {
    const result = validateOntology(doc({ objects: [object({ shape: 'bitmask' })] }));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      { path: 'objects[0].shape', message: expect.stringContaining('reserved') },
    ]);
  });
});

describe('helpers over documents', () => {
  it('lists the features removed between two documents; archived ones are kept', () => {
    const car = object();
    const colour = question();
    const old = doc({
      objects: [{ ...car, attributes: [colour] }],
      classifications: [question({ name: 'Q' })],
    });
    const next = doc({ objects: [{ ...car, archived: true, attributes: [] }] });
    const removed = removedFeatures(old, next).map((f) => f.kind);
    expect(removed).toEqual(['question', 'option', 'question', 'option']);
    expect(removedFeatures(old, old)).toEqual([]);
    expect(listFeatures(old)).toHaveLength(5);
  });

  it('migrates documents through registered format upgrades, refusing newer and unknown versions', () => {
    const v1 = emptyOntology();
    expect(migrateOntologyDocument(v1)).toEqual(v1);
    // A future format 2 that renames `classifications` to `questions`, run through the same mechanism.
    const upgrades = {
      1: (d: Record<string, unknown>) => {
        const { classifications, ...rest } = d;
        return { ...rest, formatVersion: 2, questions: classifications };
      },
    };
    const classified = doc({ classifications: [question()] });
    expect(migrateWith(classified, upgrades, 2)).toEqual({
      formatVersion: 2,
      objects: [],
      questions: classified.classifications,
    });
    expect(() => migrateWith({ formatVersion: 3 }, upgrades, 2)).toThrow(OntologyFormatError);
    expect(() => migrateWith({ formatVersion: 1 }, {}, 2)).toThrow(/no upgrade from formatVersion 1/);
    expect(() => migrateOntologyDocument({ formatVersion: 'one' })).toThrow(OntologyFormatError);
    expect(() => migrateOntologyDocument([])).toThrow(OntologyFormatError);
  });

  it('makes feature ids the format accepts, different each time', () => {
    const ids = new Set(Array.from({ length: 1000 }, newFeatureId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{12}$/);
  });
});

// ---- Properties over generated documents --------------------------------------------------

const nameArb = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0);

/** Question shapes to a bounded depth; ids and names are made unique afterwards. */
const questionArb = (depth: number): fc.Arbitrary<Question> =>
  fc
    .record({
      kind: fc.constantFrom(...QUESTION_KINDS),
      required: fc.option(fc.boolean(), { nil: undefined }),
      archived: fc.option(fc.boolean(), { nil: undefined }),
      options: fc.array(
        depth > 1
          ? fc.array(
              fc.constant(null).chain(() => questionArb(depth - 1)),
              { maxLength: 2 },
            )
          : fc.constant([] as Question[]),
        { minLength: 1, maxLength: 3 },
      ),
    })
    .map(({ kind, required, archived, options }) => ({
      featureId: '',
      name: '',
      kind,
      ...(required === undefined ? {} : { required }),
      ...(archived === undefined ? {} : { archived }),
      ...(kind === 'text'
        ? {}
        : {
            options: options.map((questions) => ({
              featureId: '',
              label: '',
              ...(questions.length > 0 ? { questions } : {}),
            })),
          }),
    }));

const objectArb: fc.Arbitrary<ObjectFeature> = fc
  .record({
    shape: fc.constantFrom(...SHAPES),
    color: fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
    required: fc.option(fc.boolean(), { nil: undefined }),
    points: fc.integer({ min: 1, max: 5 }),
    attributes: fc.array(questionArb(3), { maxLength: 3 }),
    dynamic: fc.boolean(),
  })
  .map(({ shape, color, required, points, attributes, dynamic }) => ({
    featureId: '',
    name: '',
    shape,
    color,
    ...(required === undefined ? {} : { required }),
    ...(shape === 'keypoint_skeleton'
      ? {
          skeleton: {
            points: Array.from({ length: points }, (_, i) => ({ id: `p${i}`, name: `Point ${i}` })),
            edges: Array.from({ length: points - 1 }, (_, i) => [`p${i}`, `p${i + 1}`] as [string, string]),
          },
        }
      : {}),
    attributes: attributes.map((a) => (dynamic ? { ...a, dynamic: true } : a)),
  }));

/** Valid documents: generated shapes with unique ids, names and hotkeys filled in. */
const documentArb: fc.Arbitrary<OntologyDocument> = fc
  .record({
    objects: fc.array(objectArb, { maxLength: 5 }),
    classifications: fc.array(questionArb(4), { maxLength: 3 }),
    names: fc.array(nameArb, { minLength: 1, maxLength: 5 }),
  })
  .map(({ objects, classifications, names }) => {
    let n = 0;
    const id = () => `feat${String(n++).padStart(6, '0')}`;
    const named = (i: number) => `${names[i % names.length]!.trim()} ${i}`;
    const fill = (qs: Question[]) =>
      qs.forEach((q, i) => {
        q.featureId = id();
        q.name = named(i);
        q.options?.forEach((o, j) => {
          o.featureId = id();
          o.label = named(j);
          if (o.questions) fill(o.questions);
        });
      });
    objects.forEach((o, i) => {
      o.featureId = id();
      o.name = named(i);
      o.hotkey = String(i);
      fill(o.attributes);
    });
    fill(classifications);
    return { formatVersion: ONTOLOGY_FORMAT_VERSION, objects, classifications };
  });

describe('properties of the format', () => {
  it('accepts every generated valid document', () => {
    fc.assert(
      fc.property(documentArb, (d) => {
        expect(problems(d)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips every document through export and import unchanged', () => {
    fc.assert(
      fc.property(documentArb, nameArb, (d, name) => {
        const file = JSON.parse(
          JSON.stringify(exportOntology({ name: name.trim(), description: '', schema: d })),
        );
        const imported = OntologyExportSchema.parse(file);
        expect(imported.schema).toEqual(d);
        expect(imported.name).toBe(name.trim());
        expect(migrateOntologyDocument(imported.schema)).toEqual(d);
      }),
      { numRuns: 100 },
    );
  });

  it('removes nothing when a document is compared with itself, everything against an empty one', () => {
    fc.assert(
      fc.property(documentArb, (d) => {
        expect(removedFeatures(d, d)).toEqual([]);
        expect(removedFeatures(d, emptyOntology())).toHaveLength(listFeatures(d).length);
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        expect(typeof validateOntology(x).ok).toBe('boolean');
      }),
    );
  });
});
