import { describe, expect, it } from 'vitest';
import { consensusDocument, taskAgreement } from '../../src/core/consensus/index.ts';
import type { Answer, LabelDocument, LabelObject } from '../../src/core/labels/format.ts';
import type { Question } from '../../src/core/ontology/format.ts';
import { describeAnswer } from '../../src/web/editor/consensus/describe.ts';
import {
  disagreements,
  draftVersion,
  dropObject,
  initialDraft,
  standingTakes,
  startFrom,
  takeAnswer,
  takeAttribute,
  takeObject,
} from '../../src/web/editor/consensus/draft.ts';
import type { ConsensusRound } from '../../src/web/editor/consensus/queries.ts';

// The consensus reviewer's draft bookkeeping, on a round made by the core from three branches:
// Ann and Bob box the same car (Bob calls it red), Cat boxes something elsewhere; Ann and Cat
// say it is sunny, Bob rainy.

const AT = '2026-01-01T00:00:00.000Z';

const box = (id: string, x: number, attributes: Answer[] = []): LabelObject => ({
  id,
  featureId: 'car',
  geometry: { type: 'bounding_box', x, y: 10, w: 100, h: 80 },
  attributes,
  createdBy: 'x',
  createdAt: AT,
  updatedBy: 'x',
  updatedAt: AT,
});

const weather = (option: string): Answer => ({ featureId: 'weather', optionIds: [option] });
const doc = (objects: LabelObject[], classifications: Answer[] = []): LabelDocument => ({
  formatVersion: 1,
  objects,
  classifications,
});

function round(): ConsensusRound {
  const branches = [
    { annotatorId: 'ann', document: doc([box('a1', 10)], [weather('sun')]) },
    {
      annotatorId: 'bob',
      document: doc([box('b1', 14, [{ featureId: 'colour', optionIds: ['red'] }])], [weather('rain')]),
    },
    { annotatorId: 'cat', document: doc([box('c1', 400)], [weather('sun')]) },
  ];
  const agreement = taskAgreement(branches);
  const consensus = consensusDocument(branches, agreement, { geometry: 'best', at: AT });
  return {
    roundId: 'round-1',
    taskId: 'task-1',
    stageId: 'label',
    closedAt: AT,
    closedBy: 'all_in',
    state: 'review',
    score: agreement.score,
    branches: branches.map((b) => ({
      ...b,
      name: b.annotatorId.toUpperCase(),
      branch: `annotator:${b.annotatorId}`,
      revision: 1,
      agreement: agreement.annotators.find((a) => a.annotatorId === b.annotatorId)?.agreement ?? 0,
    })),
    agreement,
    consensus,
    consensusRevision: 1,
    mainRevision: 1,
    resolution: null,
  };
}

const clusterOf = (r: ConsensusRound, objectId: string) =>
  r.agreement.objects.find((c) => c.members.some((m) => m.objectId === objectId))!;

describe('the consensus draft', () => {
  it('starts as the consensus labels, based on the annotator agreeing most, every object tied to its cluster', () => {
    const r = round();
    const { document, meta } = initialDraft(r);
    expect(document).toBe(r.consensus);
    expect(['ann', 'bob']).toContain(meta.base);
    expect(document.objects).toHaveLength(1);
    const [only] = document.objects;
    expect(meta.origins.get(only!.id)).toBe(clusterOf(r, 'a1').key);
    expect(meta.taken).toEqual([]);
  });

  it('lists what the annotators disagree on, objects some lack first, then questions', () => {
    const r = round();
    const rows = disagreements(r);
    expect(rows.map((d) => (d.kind === 'object' ? d.severity : d.kind))).toEqual([
      'missing',
      'missing',
      'question',
    ]);
    const cat = rows.find((d) => d.kind === 'object' && d.cluster.key === clusterOf(r, 'c1').key);
    expect(cat?.kind === 'object' && cat.cluster.missing).toEqual(['ann', 'bob']);
    const car = rows.find((d) => d.kind === 'object' && d.cluster.key === clusterOf(r, 'a1').key);
    expect(car?.kind === 'object' && car.attributes.map((a) => a.featureId)).toEqual(['colour']);
  });

  it('takes an object in place of the draft’s version of its cluster, records it, and drops it again', () => {
    const r = round();
    const start = initialDraft(r);
    const car = clusterOf(r, 'a1');
    const bob = takeObject(start.document, start.meta, r, car, 'bob')!;
    expect(bob.document.objects.map((o) => o.id)).toEqual(['b1']);
    expect(draftVersion(bob.document, bob.meta, r, car)).toEqual({ present: true, from: 'bob' });
    const cat = takeObject(bob.document, bob.meta, r, clusterOf(r, 'c1'), 'cat')!;
    expect(cat.document.objects.map((o) => o.id)).toEqual(['b1', 'c1']);
    // Taking the same cluster again replaces the earlier take.
    const ann = takeObject(cat.document, cat.meta, r, car, 'ann')!;
    expect(ann.document.objects.map((o) => o.id)).toEqual(['a1', 'c1']);
    expect(ann.meta.taken).toEqual([
      { kind: 'object', clusterKey: clusterOf(r, 'c1').key, from: 'cat' },
      { kind: 'object', clusterKey: car.key, from: 'ann' },
    ]);
    const dropped = dropObject(ann.document, ann.meta, clusterOf(r, 'c1').key);
    expect(dropped.document.objects.map((o) => o.id)).toEqual(['a1']);
    expect(dropped.meta.taken).toEqual([{ kind: 'object', clusterKey: car.key, from: 'ann' }]);
  });

  it('gives a taken object a new id when the draft already has its id for another object', () => {
    const r = round();
    const start = initialDraft(r);
    const clash = { ...start.document, objects: [...start.document.objects, { ...box('c1', 700) }] };
    const step = takeObject(clash, start.meta, r, clusterOf(r, 'c1'), 'cat')!;
    const ids = step.document.objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(3);
    const taken = step.document.objects.at(-1)!;
    expect(taken.id).not.toBe('c1');
    expect(step.meta.origins.get(taken.id)).toBe(clusterOf(r, 'c1').key);
  });

  it('takes an answer, or an attribute on the draft’s object keeping its shape', () => {
    const r = round();
    const start = initialDraft(r);
    const rain = takeAnswer(start.document, start.meta, r, 'weather', 'bob')!;
    expect(rain.document.classifications).toEqual([weather('rain')]);
    expect(rain.meta.taken).toEqual([{ kind: 'question', featureId: 'weather', from: 'bob' }]);
    const car = clusterOf(r, 'a1');
    const red = takeAttribute(rain.document, rain.meta, r, car, 'colour', 'bob')!;
    const [object] = red.document.objects;
    expect(object?.attributes).toEqual([{ featureId: 'colour', optionIds: ['red'] }]);
    expect(object?.geometry).toEqual(start.document.objects[0]?.geometry);
    const attributeTake = { kind: 'attribute', clusterKey: car.key, featureId: 'colour', from: 'bob' };
    expect(red.meta.taken).toContainEqual(attributeTake);
    expect(standingTakes(red.document, red.meta, r)).toContainEqual(attributeTake);
    // Undone (the document back as it was): the attribute take no longer stands.
    expect(standingTakes(rain.document, red.meta, r)).not.toContainEqual(attributeTake);
    // Taking the whole object again replaces the attribute take with the object take.
    const whole = takeObject(red.document, red.meta, r, car, 'ann')!;
    expect(whole.meta.taken.filter((t) => t.kind === 'attribute')).toEqual([]);
  });

  it('starts over from an annotator’s labels, and records only the takes that still stand', () => {
    const r = round();
    const fromCat = startFrom(r, 'cat')!;
    expect(fromCat.document).toEqual(r.branches[2]?.document);
    expect(fromCat.meta).toMatchObject({ base: 'cat', taken: [] });
    const rain = takeAnswer(fromCat.document, fromCat.meta, r, 'weather', 'bob')!;
    const car = takeObject(rain.document, rain.meta, r, clusterOf(r, 'a1'), 'ann')!;
    expect(standingTakes(car.document, car.meta, r)).toHaveLength(2);
    // As if undone: the document goes back while the bookkeeping stays.
    expect(standingTakes(fromCat.document, car.meta, r)).toEqual([]);
  });

  it('names answers by the ontology’s option labels', () => {
    const q: Question[] = [
      {
        featureId: 'weather',
        name: 'Weather',
        kind: 'checklist',
        options: [
          { featureId: 'sun', label: 'Sunny' },
          { featureId: 'rain', label: 'Rainy' },
        ],
      },
    ];
    expect(describeAnswer('{"featureId":"weather","optionIds":["rain","sun"]}', q)).toBe('Rainy, Sunny');
    expect(describeAnswer('{"featureId":"notes","text":"a b"}', q)).toBe('“a b”');
    expect(describeAnswer(null, q)).toBe('No answer');
  });
});
