import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/labels/format.ts';
import type { Question } from '../../src/core/ontology/format.ts';
import { answerAt, findQuestion, missingRequired, setText, toggleOption } from '../../src/editor/index.ts';

// weather (radio, required): sunny | rainy → intensity (radio, required): light | heavy → notes (text, required)
// tags (checklist): night | blurry → reason (text)
// comment (text)
const questions: Question[] = [
  {
    featureId: 'q-weather',
    name: 'Weather',
    kind: 'radio',
    required: true,
    options: [
      { featureId: 'o-sunny', label: 'Sunny' },
      {
        featureId: 'o-rainy',
        label: 'Rainy',
        questions: [
          {
            featureId: 'q-intensity',
            name: 'Intensity',
            kind: 'radio',
            required: true,
            options: [
              { featureId: 'o-light', label: 'Light' },
              {
                featureId: 'o-heavy',
                label: 'Heavy',
                questions: [{ featureId: 'q-flood', name: 'Flooding', kind: 'text', required: true }],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    featureId: 'q-tags',
    name: 'Tags',
    kind: 'checklist',
    options: [
      { featureId: 'o-night', label: 'Night' },
      {
        featureId: 'o-blurry',
        label: 'Blurry',
        questions: [{ featureId: 'q-reason', name: 'Reason', kind: 'text' }],
      },
    ],
  },
  { featureId: 'q-comment', name: 'Comment', kind: 'text' },
  { featureId: 'q-retired', name: 'Retired', kind: 'text', required: true, archived: true },
];

const INTENSITY = ['q-weather', 'o-rainy', 'q-intensity'] as const;
const FLOOD = [...INTENSITY, 'o-heavy', 'q-flood'] as const;

describe('answers', () => {
  it('finds questions and answers by path', () => {
    expect(findQuestion(questions, FLOOD)?.name).toBe('Flooding');
    expect(findQuestion(questions, ['q-weather', 'o-sunny', 'q-intensity'])).toBeUndefined();
    let a = toggleOption([], questions, ['q-weather'], 'o-rainy');
    a = toggleOption(a, questions, INTENSITY, 'o-heavy');
    a = setText(a, questions, FLOOD, 'knee deep');
    expect(answerAt(a, FLOOD)).toEqual({ featureId: 'q-flood', text: 'knee deep' });
    expect(answerAt(a, ['q-weather', 'o-sunny', 'q-intensity'])).toBeUndefined();
  });

  it('radio: choosing another option replaces the choice and drops its sub-answers', () => {
    let a = toggleOption([], questions, ['q-weather'], 'o-rainy');
    a = toggleOption(a, questions, INTENSITY, 'o-light');
    expect(a).toEqual([
      {
        featureId: 'q-weather',
        optionIds: ['o-rainy'],
        answers: [{ featureId: 'q-intensity', optionIds: ['o-light'] }],
      },
    ]);
    const sunny = toggleOption(a, questions, ['q-weather'], 'o-sunny');
    expect(sunny).toEqual([{ featureId: 'q-weather', optionIds: ['o-sunny'] }]);
    expect(toggleOption(sunny, questions, ['q-weather'], 'o-sunny')).toEqual([]);
  });

  it('checklist: toggles options in ontology order; unchecking drops that option’s sub-answers; none left removes it', () => {
    let a = toggleOption([], questions, ['q-tags'], 'o-blurry');
    a = setText(a, questions, ['q-tags', 'o-blurry', 'q-reason'], 'motion');
    a = toggleOption(a, questions, ['q-tags'], 'o-night');
    expect(a).toEqual([
      {
        featureId: 'q-tags',
        optionIds: ['o-night', 'o-blurry'],
        answers: [{ featureId: 'q-reason', text: 'motion' }],
      },
    ]);
    a = toggleOption(a, questions, ['q-tags'], 'o-blurry');
    expect(a).toEqual([{ featureId: 'q-tags', optionIds: ['o-night'] }]);
    expect(toggleOption(a, questions, ['q-tags'], 'o-night')).toEqual([]);
  });

  it('text: sets, replaces, and removes on empty', () => {
    let a = setText([], questions, ['q-comment'], 'hi');
    a = setText(a, questions, ['q-comment'], 'hello');
    expect(a).toEqual([{ featureId: 'q-comment', text: 'hello' }]);
    expect(setText(a, questions, ['q-comment'], '')).toEqual([]);
  });

  it('new answers go in question order; inputs are not mutated', () => {
    const start: Answer[] = [{ featureId: 'q-comment', text: 'x' }];
    const frozen = structuredClone(start);
    const a = toggleOption(start, questions, ['q-weather'], 'o-sunny');
    expect(a.map((x) => x.featureId)).toEqual(['q-weather', 'q-comment']);
    expect(start).toEqual(frozen);
  });

  it('edits under an option that is not chosen, or of unknown questions or options, change nothing', () => {
    const a = toggleOption([], questions, ['q-weather'], 'o-sunny');
    expect(toggleOption(a, questions, INTENSITY, 'o-light')).toEqual(a);
    expect(toggleOption(a, questions, ['q-nope'], 'o-light')).toEqual(a);
    expect(toggleOption(a, questions, ['q-weather'], 'o-nope')).toEqual(a);
    expect(setText(a, questions, ['q-weather'], 'text on a radio')).toEqual(a);
  });

  it('missingRequired finds unanswered required questions at every level of the chosen options', () => {
    expect(missingRequired([], questions)).toEqual([['q-weather']]);
    let a = toggleOption([], questions, ['q-weather'], 'o-sunny');
    expect(missingRequired(a, questions)).toEqual([]);
    a = toggleOption(a, questions, ['q-weather'], 'o-rainy');
    expect(missingRequired(a, questions)).toEqual([INTENSITY]);
    a = toggleOption(a, questions, INTENSITY, 'o-heavy');
    expect(missingRequired(a, questions)).toEqual([FLOOD]);
    a = setText(a, questions, FLOOD, '   ');
    expect(missingRequired(a, questions)).toEqual([FLOOD]);
    a = setText(a, questions, FLOOD, 'yes');
    expect(missingRequired(a, questions)).toEqual([]);
  });
});
