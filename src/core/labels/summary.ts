import type { LabelDocument } from './format.ts';

/** What changed between two documents, for history lists: objects added/changed/removed (by id), classifications changed. */
export interface LabelChange {
  added: number;
  changed: number;
  removed: number;
  classificationsChanged: boolean;
}

/** `before` is null for a branch's first revision: everything in `after` is new. */
export function diffLabels(before: LabelDocument | null, after: LabelDocument): LabelChange {
  const old = new Map((before?.objects ?? []).map((o) => [o.id, o]));
  let added = 0;
  let changed = 0;
  for (const o of after.objects) {
    const previous = old.get(o.id);
    if (!previous) added++;
    else if (!sameJson(previous, o)) changed++;
  }
  const kept = new Set(after.objects.map((o) => o.id));
  const removed = [...old.keys()].filter((id) => !kept.has(id)).length;
  return {
    added,
    changed,
    removed,
    classificationsChanged: !sameJson(before?.classifications ?? [], after.classifications),
  };
}

const definedKeys = (o: object) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);

/**
 * Equality as JSON sees it: key order and keys set to undefined do not count, because documents
 * loaded from storage and documents built by the editor differ in both without differing in content.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameJson(x, b[i]));
  }
  const ka = definedKeys(a);
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.length === definedKeys(b).length && ka.every((k) => sameJson(ra[k], rb[k]));
}
