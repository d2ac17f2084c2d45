import type { Answer, LabelDocument, LabelObject } from '../core/labels/format.ts';
import { answerContent, canonical, objectContent } from './same-labels.ts';

export { sameLabels } from './same-labels.ts';

// Three-way merge of label documents, for an annotator whose unsaved work ("mine") was made from
// a revision ("base") that someone else has since saved over ("theirs", the server's head).
// Objects merge whole, by id; classifications merge whole, per top-level question. A side that
// left a thing as it was in base takes the other side's version (edit, addition or deletion).
// When both sides changed the same thing differently — including one editing what the other
// deleted — mine is kept and the thing is listed as a conflict: the person merging is the one
// looking at the result and can act on the list, while theirs stays in the revision history.

export interface MergeResult {
  document: LabelDocument;
  /** Object ids, or `classification:<featureId>`, changed on both sides: mine kept. */
  conflicts: string[];
}

export function mergeLabels(base: LabelDocument, mine: LabelDocument, theirs: LabelDocument): MergeResult {
  const conflicts: string[] = [];
  const objects = mergeByKey<LabelObject>(base.objects, mine.objects, theirs.objects, {
    key: (o) => o.id,
    exact: canonical,
    content: objectContent,
    conflict: (id) => conflicts.push(id),
  });
  const classifications = mergeByKey<Answer>(
    base.classifications,
    mine.classifications,
    theirs.classifications,
    {
      key: (a) => a.featureId,
      exact: answerContent,
      content: answerContent,
      conflict: (featureId) => conflicts.push(`classification:${featureId}`),
    },
  );
  return { document: { formatVersion: mine.formatVersion, objects, classifications }, conflicts };
}

interface KeyedMerge<T> {
  key(item: T): string;
  /** Everything, stamps included. */
  exact(item: T): string;
  /** What the labels say, stamps aside. */
  content(item: T): string;
  conflict(key: string): void;
}

function mergeByKey<T>(base: readonly T[], mine: readonly T[], theirs: readonly T[], m: KeyedMerge<T>): T[] {
  const b = byKey(base, m.key);
  const my = byKey(mine, m.key);
  const their = byKey(theirs, m.key);
  // Theirs' order, then my new items — unless only I reordered (z-order), then mine, then theirs' new.
  const [first, second] =
    reordered(mine, base, m.key) && !reordered(theirs, base, m.key) ? [mine, theirs] : [theirs, mine];
  const merged: T[] = [];
  const seen = new Set<string>();
  for (const item of [...first, ...second]) {
    const k = m.key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    const { value, conflict } = pick(b.get(k), my.get(k), their.get(k), m);
    if (conflict) m.conflict(k);
    if (value !== undefined) merged.push(value);
  }
  return merged;
}

/** One item's merge; `undefined` stands for absent (never added, or deleted). */
function pick<T>(
  b: T | undefined,
  mine: T | undefined,
  theirs: T | undefined,
  m: KeyedMerge<T>,
): { value: T | undefined; conflict: boolean } {
  const exact = (x: T | undefined) => (x === undefined ? null : m.exact(x));
  const content = (x: T | undefined) => (x === undefined ? null : m.content(x));
  if (exact(theirs) === exact(b)) return { value: mine, conflict: false };
  if (exact(mine) === exact(b)) return { value: theirs, conflict: false };
  // Both touched it. The same change on both sides, or mine differing only in stamps (the editor
  // stamps locally, the server re-stamps on save): theirs, which carries the server's stamps.
  if (content(mine) === content(theirs) || content(mine) === content(b))
    return { value: theirs, conflict: false };
  if (content(theirs) === content(b)) return { value: mine, conflict: false };
  return { value: mine, conflict: true };
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

/** Whether a side changed the order: anything but base's survivors in base's order, then its additions. */
function reordered<T>(side: readonly T[], base: readonly T[], key: (item: T) => string): boolean {
  const keys = side.map(key);
  const present = new Set(keys);
  const inBase = new Set(base.map(key));
  const unchanged = [...base.map(key).filter((k) => present.has(k)), ...keys.filter((k) => !inBase.has(k))];
  return keys.length !== unchanged.length || keys.some((k, i) => k !== unchanged[i]);
}
