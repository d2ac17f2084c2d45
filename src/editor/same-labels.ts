import type { Answer, LabelDocument, LabelObject } from '../core/labels/format.ts';

// Comparing labels the way the server does (src/server/modules/labels/authorship.ts): who made or
// changed an object, and when, is the server's to stamp, so two documents that differ only there
// hold the same labels. Key order and keys set to undefined don't count either: neither survives
// the trip through JSON.

/** JSON with object keys sorted and undefined values left out, so equal content compares equal. */
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
export const objectContent = ({ createdBy, createdAt, updatedBy, updatedAt, ...content }: LabelObject) =>
  canonical(content);

export const answerContent = (answer: Answer) => canonical(answer);

/** The same labels: same objects in the same (z-)order and the same classifications, stamps aside. */
export function sameLabels(a: LabelDocument, b: LabelDocument): boolean {
  if (a === b) return true;
  if (a.formatVersion !== b.formatVersion) return false;
  if (a.objects.length !== b.objects.length || a.classifications.length !== b.classifications.length) {
    return false;
  }
  for (let i = 0; i < a.objects.length; i++) {
    if (objectContent(a.objects[i]!) !== objectContent(b.objects[i]!)) return false;
  }
  return canonical(a.classifications) === canonical(b.classifications);
}
