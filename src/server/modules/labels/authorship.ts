import type { LabelDocument, LabelObject } from '../../../core/labels/index.ts';

// Who made each object and who changed it last is the server's to say, not the client's: a save
// stamps new objects with their author and time, changed ones with who changed them, and leaves
// objects that did not change as they were — whatever the client sent in those fields.

/** JSON with object keys sorted, so that equal content compares equal whatever the key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** An object's content: everything but who made or changed it, and when. */
export const contentOf = ({ createdBy, createdAt, updatedBy, updatedAt, ...content }: LabelObject) =>
  canonical(content);

export function stampAuthorship(
  base: LabelDocument | null,
  next: LabelDocument,
  author: string,
  at: string,
): LabelDocument {
  const before = new Map((base?.objects ?? []).map((o) => [o.id, o]));
  const objects = next.objects.map((o): LabelObject => {
    const was = before.get(o.id);
    if (!was) return { ...o, createdBy: author, createdAt: at, updatedBy: author, updatedAt: at };
    const kept = { createdBy: was.createdBy, createdAt: was.createdAt };
    if (contentOf(was) === contentOf(o))
      return { ...o, ...kept, updatedBy: was.updatedBy, updatedAt: was.updatedAt };
    return { ...o, ...kept, updatedBy: author, updatedAt: at };
  });
  return { ...next, objects };
}

/** What a save did, per ontology feature: objects created, edited and deleted. */
export function changesByFeature(base: LabelDocument | null, next: LabelDocument) {
  const before = new Map((base?.objects ?? []).map((o) => [o.id, o]));
  const after = new Set(next.objects.map((o) => o.id));
  const count = (into: Record<string, number>, featureId: string) => {
    into[featureId] = (into[featureId] ?? 0) + 1;
  };
  const created: Record<string, number> = {};
  const edited: Record<string, number> = {};
  const deleted: Record<string, number> = {};
  for (const o of next.objects) {
    const was = before.get(o.id);
    if (!was) count(created, o.featureId);
    else if (contentOf(was) !== contentOf(o)) count(edited, o.featureId);
  }
  for (const [id, o] of before) if (!after.has(id)) count(deleted, o.featureId);
  return { created, edited, deleted };
}
