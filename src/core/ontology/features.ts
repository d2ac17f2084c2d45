import type { OntologyDocument, Question } from './format.ts';

export type FeatureKind = 'object' | 'question' | 'option';

export interface FeatureRef {
  featureId: string;
  kind: FeatureKind;
  /** The object's or question's name, or the option's label. */
  name: string;
  archived: boolean;
}

/** Every feature of a document (objects, questions at every depth, options), in document order. */
export function listFeatures(doc: OntologyDocument): FeatureRef[] {
  const out: FeatureRef[] = [];
  const walk = (questions: readonly Question[]) => {
    for (const q of questions) {
      out.push({ featureId: q.featureId, kind: 'question', name: q.name, archived: q.archived === true });
      for (const o of q.options ?? []) {
        out.push({ featureId: o.featureId, kind: 'option', name: o.label, archived: false });
        walk(o.questions ?? []);
      }
    }
  };
  for (const o of doc.objects) {
    out.push({ featureId: o.featureId, kind: 'object', name: o.name, archived: o.archived === true });
    walk(o.attributes);
  }
  walk(doc.classifications);
  return out;
}

export const featureIdsOf = (doc: OntologyDocument) => new Set(listFeatures(doc).map((f) => f.featureId));

/**
 * The features of `old` that `next` no longer has. An archived feature is still present: archiving
 * is how a feature that labels use is retired without breaking them.
 */
export function removedFeatures(old: OntologyDocument, next: OntologyDocument): FeatureRef[] {
  const kept = featureIdsOf(next);
  return listFeatures(old).filter((f) => !kept.has(f.featureId));
}
