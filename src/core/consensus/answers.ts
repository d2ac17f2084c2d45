import type { Answer } from '../labels/format.ts';

/** The parts of an answer that carry meaning, in a fixed key order so JSON.stringify is canonical. */
interface CanonicalTree {
  featureId: string;
  optionIds?: string[];
  text?: string;
  answers?: CanonicalTree[];
}

/**
 * One string per meaning of an answer tree, so answers compare with `===`: option ids sorted,
 * nested answers sorted by featureId, text trimmed with runs of whitespace collapsed. An answer
 * that carries nothing (no options, blank text, no non-empty sub-answers) is null like a missing
 * one: the editor can leave such a shell behind when a choice is cleared.
 */
export function canonicalAnswer(a: Answer | undefined): string | null {
  const tree = a === undefined ? null : canonicalTree(a);
  return tree === null ? null : JSON.stringify(tree);
}

function canonicalTree(a: Answer): CanonicalTree | null {
  const optionIds = [...new Set(a.optionIds ?? [])].sort();
  const text = (a.text ?? '').trim().replace(/\s+/g, ' ');
  const answers = (a.answers ?? [])
    .map(canonicalTree)
    .filter((x): x is CanonicalTree => x !== null)
    .map((tree) => ({ tree, json: JSON.stringify(tree) }))
    // The JSON breaks ties between repeated feature ids so input order never shows through.
    .sort((x, y) => compare(x.tree.featureId, y.tree.featureId) || compare(x.json, y.json))
    .map((x) => x.tree);
  if (optionIds.length === 0 && text === '' && answers.length === 0) return null;
  const tree: CanonicalTree = { featureId: a.featureId };
  if (optionIds.length > 0) tree.optionIds = optionIds;
  if (text !== '') tree.text = text;
  if (answers.length > 0) tree.answers = answers;
  return tree;
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The answer to `featureId` in a list of answers (the first, should a document repeat one). */
export const answerTo = (answers: readonly Answer[], featureId: string): Answer | undefined =>
  answers.find((a) => a.featureId === featureId);

/** Feature ids with a non-empty answer in any of the lists, sorted. */
export function answeredFeatureIds(lists: Iterable<readonly Answer[]>): string[] {
  const ids = new Set<string>();
  for (const list of lists) {
    for (const a of list) if (canonicalAnswer(a) !== null) ids.add(a.featureId);
  }
  return [...ids].sort(compare);
}

/** Share of pairs with equal values; 1 with fewer than two values, as there is nothing to disagree on. */
export function equalShare(values: readonly (string | null)[]): number {
  const n = values.length;
  if (n < 2) return 1;
  let equal = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (values[i] === values[j]) equal++;
  return equal / ((n * (n - 1)) / 2);
}

/**
 * The most common value, null included. `values` come in order of preference (highest task
 * agreement first), and only a strictly larger count displaces the leader, so a tie goes to
 * the value of the most preferred annotator.
 */
export function majorityValue(values: readonly (string | null)[]): string | null {
  const counts = new Map<string | null, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const v of values) {
    const c = counts.get(v)!;
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}
