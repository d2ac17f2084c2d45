import type { Question } from '../../../core/ontology/index.ts';

// Answers as the reviewer reads them: the round compares canonical answer trees (JSON of option
// ids and text, see core/consensus/answers.ts); these turn one back into the ontology's names.

interface Tree {
  featureId: string;
  optionIds?: string[];
  text?: string;
  answers?: Tree[];
}

/** Ten colours told apart easily, none of them the red or amber that mark disagreements. */
export const ANNOTATOR_COLOURS = [
  '#4363d8',
  '#3cb44b',
  '#911eb4',
  '#42d4f4',
  '#f032e6',
  '#469990',
  '#9a6324',
  '#000075',
  '#808000',
  '#a9a9a9',
] as const;

/** The colour of the annotator at `index` in branch order (the palette repeats beyond ten). */
export const annotatorColour = (index: number): string =>
  ANNOTATOR_COLOURS[
    ((index % ANNOTATOR_COLOURS.length) + ANNOTATOR_COLOURS.length) % ANNOTATOR_COLOURS.length
  ]!;

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A canonical answer in words: option labels (ids of options the ontology lacks), quoted text, sub-answers in brackets. */
export function describeAnswer(canonical: string | null, questions: readonly Question[]): string {
  if (canonical === null) return 'No answer';
  let tree: Tree;
  try {
    tree = JSON.parse(canonical) as Tree;
  } catch {
    return canonical;
  }
  return describeTree(tree, questions);
}

function describeTree(tree: Tree, questions: readonly Question[]): string {
  const question = questions.find((q) => q.featureId === tree.featureId);
  const options = (tree.optionIds ?? []).map((id) => question?.options?.find((o) => o.featureId === id));
  const parts = [
    ...options.map((o, i) => o?.label || tree.optionIds?.[i] || ''),
    ...(tree.text !== undefined ? [`“${tree.text}”`] : []),
  ];
  const nested = (tree.answers ?? []).map((sub) => {
    const subQuestions = options.flatMap((o) => o?.questions ?? []);
    const name = subQuestions.find((q) => q.featureId === sub.featureId)?.name ?? sub.featureId;
    return `${name}: ${describeTree(sub, subQuestions)}`;
  });
  const head = parts.join(', ') || 'No answer';
  return nested.length > 0 ? `${head} (${nested.join('; ')})` : head;
}

/** A question's name (its feature id when the ontology lacks it). */
export const questionName = (questions: readonly Question[], featureId: string) =>
  questions.find((q) => q.featureId === featureId)?.name || featureId;
