import type { OntologyDocument } from '../../../core/ontology/index.ts';
import { describeAnswer, questionName } from '../../editor/consensus/describe.ts';
import type { ObjectOutcome, QuestionOutcome } from './queries.ts';

// A scored task's outcomes in words, for the training feedback ("Car: matched, IoU 0.82,
// attribute colour wrong"). Pure, so it is testable without a browser.

const AREA_SHAPES = new Set(['bounding_box', 'rotatable_box', 'polygon']);

const className = (ontology: OntologyDocument | null, featureId: string) =>
  ontology?.objects.find((o) => o.featureId === featureId)?.name ?? featureId;

/** IoU for areas; for points, lines and skeletons the distance-based similarity. */
const closeness = (o: { shape: string; similarity?: number | undefined }) =>
  o.similarity === undefined
    ? ''
    : `${AREA_SHAPES.has(o.shape) ? 'IoU' : 'similarity'} ${o.similarity.toFixed(2)}`;

export function describeObject(o: ObjectOutcome, ontology: OntologyDocument | null): string {
  const name = className(ontology, o.featureId);
  switch (o.kind) {
    case 'matched': {
      const feature = ontology?.objects.find((f) => f.featureId === o.featureId);
      const wrong = (o.wrongAttributes ?? []).map(
        (id) => feature?.attributes.find((a) => a.featureId === id)?.name ?? id,
      );
      const attributes =
        wrong.length === 0
          ? []
          : [`${wrong.length === 1 ? 'attribute' : 'attributes'} ${wrong.join(', ')} wrong`];
      return [`${name}: matched`, closeness(o), ...attributes].filter(Boolean).join(', ');
    }
    case 'wrong_class':
      return [`${name}: drawn as ${className(ontology, o.submittedFeatureId ?? '')}`, closeness(o)]
        .filter(Boolean)
        .join(', ');
    case 'missed':
      return `${name}: missed`;
    case 'extra':
      return `${name}: extra`;
  }
}

export function describeQuestion(q: QuestionOutcome, ontology: OntologyDocument | null): string {
  const questions = ontology?.classifications ?? [];
  const name = questionName(questions, q.featureId);
  if (q.correct) return `${name}: right (${describeAnswer(q.gold, questions)})`;
  return `${name}: wrong — you answered ${describeAnswer(q.submitted, questions)}, the gold is ${describeAnswer(q.gold, questions)}`;
}
