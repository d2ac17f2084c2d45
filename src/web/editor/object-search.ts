import type { Answer, LabelObject } from '../../core/labels/format.ts';
import type { OntologyDocument, Question } from '../../core/ontology/format.ts';

// The object list's search: what an annotator types to find an object among hundreds. A query is
// split into words and every word must match the object somewhere: its class name, the start of
// its id, or the label of an option chosen in its attributes (at any depth). Case is ignored.

/** Names looked up while matching, built once per ontology rather than once per object. */
export interface SearchIndex {
  /** Object feature id → class name, lower-cased. */
  className: ReadonlyMap<string, string>;
  /** Option feature id → option label, lower-cased (feature ids are unique across an ontology). */
  optionLabel: ReadonlyMap<string, string>;
}

export function searchIndex(ontology: OntologyDocument): SearchIndex {
  const className = new Map<string, string>();
  const optionLabel = new Map<string, string>();
  const addQuestions = (questions: readonly Question[]) => {
    for (const q of questions) {
      for (const o of q.options ?? []) {
        optionLabel.set(o.featureId, o.label.toLowerCase());
        addQuestions(o.questions ?? []);
      }
    }
  };
  for (const f of ontology.objects) {
    className.set(f.featureId, f.name.toLowerCase());
    addQuestions(f.attributes);
  }
  return { className, optionLabel };
}

/** The words of a query, lower-cased; none for a blank query (which matches everything). */
export const queryTerms = (query: string): string[] => query.toLowerCase().split(/\s+/).filter(Boolean);

function answersMatch(answers: readonly Answer[], term: string, index: SearchIndex): boolean {
  for (const a of answers) {
    for (const id of a.optionIds ?? []) {
      if (index.optionLabel.get(id)?.includes(term)) return true;
    }
    if (a.answers && answersMatch(a.answers, term, index)) return true;
  }
  return false;
}

export function objectMatches(object: LabelObject, terms: readonly string[], index: SearchIndex): boolean {
  return terms.every(
    (term) =>
      index.className.get(object.featureId)?.includes(term) ||
      object.id.toLowerCase().startsWith(term) ||
      answersMatch(object.attributes, term, index),
  );
}

/** The objects matching `query`, in the order given; the same array when the query is blank. */
export function filterObjects(
  objects: readonly LabelObject[],
  query: string,
  index: SearchIndex,
): readonly LabelObject[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return objects;
  return objects.filter((o) => objectMatches(o, terms, index));
}
