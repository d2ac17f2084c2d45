import {
  canonicalAnswer,
  type ObjectCluster,
  type QuestionAgreement,
} from '../../../core/consensus/index.ts';
import {
  type Answer,
  type LabelDocument,
  type LabelObject,
  newObjectId,
} from '../../../core/labels/index.ts';
import type { ConsensusRound, RoundBranch, Taken } from './queries.ts';

// The consensus reviewer's draft, apart from the document itself (which the EditorStore holds):
// whose labels it started from, what was taken from whom, and which object cluster each draft
// object stands for. Pure functions: each returns the next document and bookkeeping together, so
// the panel applies both at once (the document as one undo step).

export interface DraftMeta {
  /** The annotator whose labels the draft started from. */
  base: string;
  /** In the order taken; a later take of the same cluster or question replaces the earlier. */
  taken: readonly Taken[];
  /** Draft object id → the key of the cluster it stands for. */
  origins: ReadonlyMap<string, string>;
}

export interface DraftStep {
  document: LabelDocument;
  meta: DraftMeta;
}

/** How bad a disagreement is: some annotators lack the object, or they drew it far apart. */
export type Severity = 'missing' | 'low' | 'minor';

/** Matched objects whose mean similarity (IoU for areas) is below this are flagged as far apart. */
export const LOW_SIMILARITY = 0.75;

/** The annotator the round's consensus labels lean on: the highest agreement (ties: branch order). */
export function preferredAnnotator(branches: readonly RoundBranch[]): string {
  let best = branches[0];
  for (const b of branches) if (best && b.agreement > best.agreement) best = b;
  return best?.annotatorId ?? '';
}

/**
 * Which cluster each of `doc`'s objects stands for, by id: the consensus labels keep the id of
 * the member they copied, and a branch's objects are the members themselves. With `annotatorId`,
 * only that annotator's members count (their own branch).
 */
export function clusterOrigins(
  doc: LabelDocument,
  clusters: readonly ObjectCluster[],
  annotatorId?: string,
): Map<string, string> {
  const byId = new Map<string, string>();
  for (const c of clusters) {
    for (const m of c.members) {
      if (annotatorId !== undefined && m.annotatorId !== annotatorId) continue;
      if (!byId.has(m.objectId)) byId.set(m.objectId, c.key);
    }
  }
  const origins = new Map<string, string>();
  for (const o of doc.objects) {
    const key = byId.get(o.id);
    if (key !== undefined) origins.set(o.id, key);
  }
  return origins;
}

/** The draft a review starts with: the round's consensus labels, based on the preferred annotator. */
export function initialDraft(round: ConsensusRound): DraftStep {
  return {
    document: round.consensus,
    meta: {
      base: preferredAnnotator(round.branches),
      taken: [],
      origins: clusterOrigins(round.consensus, round.agreement.objects),
    },
  };
}

/** Starts over from one annotator's labels: nothing taken yet. */
export function startFrom(round: ConsensusRound, annotatorId: string): DraftStep | null {
  const branch = round.branches.find((b) => b.annotatorId === annotatorId);
  if (!branch) return null;
  const document = structuredClone(branch.document);
  return {
    document,
    meta: {
      base: annotatorId,
      taken: [],
      origins: clusterOrigins(document, round.agreement.objects, annotatorId),
    },
  };
}

/** The annotator's object in a cluster, if they drew it. */
export function memberObject(
  round: ConsensusRound,
  cluster: ObjectCluster,
  annotatorId: string,
): LabelObject | undefined {
  const member = cluster.members.find((m) => m.annotatorId === annotatorId);
  const branch = round.branches.find((b) => b.annotatorId === annotatorId);
  return member && branch?.document.objects.find((o) => o.id === member.objectId);
}

const withoutTake = (taken: readonly Taken[], match: (t: Taken) => boolean) => taken.filter((t) => !match(t));
/** A take of the cluster's object, or of one of its attributes (replaced along with the object). */
const takesObject = (key: string) => (t: Taken) =>
  (t.kind === 'object' || t.kind === 'attribute') && t.clusterKey === key;
const takesAttribute = (key: string, featureId: string) => (t: Taken) =>
  t.kind === 'attribute' && t.clusterKey === key && t.featureId === featureId;
const takesQuestion = (featureId: string) => (t: Taken) => t.kind === 'question' && t.featureId === featureId;

/**
 * Puts the annotator's object for a cluster in the draft, in place of the draft's version of it
 * (where that was, else at the end). It keeps its id unless another draft object has that id.
 */
export function takeObject(
  doc: LabelDocument,
  meta: DraftMeta,
  round: ConsensusRound,
  cluster: ObjectCluster,
  from: string,
): DraftStep | null {
  const source = memberObject(round, cluster, from);
  if (!source) return null;
  const objects: LabelObject[] = [];
  let at = -1;
  for (const o of doc.objects) {
    if (meta.origins.get(o.id) === cluster.key) {
      if (at < 0) at = objects.length;
    } else objects.push(o);
  }
  const taken = structuredClone(source);
  if (objects.some((o) => o.id === taken.id)) taken.id = newObjectId();
  objects.splice(at < 0 ? objects.length : at, 0, taken);
  const origins = new Map(meta.origins);
  origins.set(taken.id, cluster.key);
  return {
    document: { ...doc, objects },
    meta: {
      ...meta,
      origins,
      taken: [
        ...withoutTake(meta.taken, takesObject(cluster.key)),
        { kind: 'object', clusterKey: cluster.key, from },
      ],
    },
  };
}

/** Removes the draft's version of a cluster (and forgets any take of it). */
export function dropObject(doc: LabelDocument, meta: DraftMeta, clusterKey: string): DraftStep {
  const objects = doc.objects.filter((o) => meta.origins.get(o.id) !== clusterKey);
  return {
    document: objects.length === doc.objects.length ? doc : { ...doc, objects },
    meta: { ...meta, taken: withoutTake(meta.taken, takesObject(clusterKey)) },
  };
}

/** Replaces the draft's answer to a question with the annotator's (none, when they gave none). */
export function takeAnswer(
  doc: LabelDocument,
  meta: DraftMeta,
  round: ConsensusRound,
  featureId: string,
  from: string,
): DraftStep | null {
  const branch = round.branches.find((b) => b.annotatorId === from);
  if (!branch) return null;
  const answer = branch.document.classifications.find((a) => a.featureId === featureId);
  return {
    document: { ...doc, classifications: replaceAnswer(doc.classifications, featureId, answer) },
    meta: {
      ...meta,
      taken: [...withoutTake(meta.taken, takesQuestion(featureId)), { kind: 'question', featureId, from }],
    },
  };
}

/**
 * Gives the draft's version of a cluster the annotator's answer to one attribute, keeping its
 * shape. Without a draft version, the annotator's whole object is taken instead.
 */
export function takeAttribute(
  doc: LabelDocument,
  meta: DraftMeta,
  round: ConsensusRound,
  cluster: ObjectCluster,
  attributeId: string,
  from: string,
): DraftStep | null {
  const source = memberObject(round, cluster, from);
  if (!source) return null;
  if (!doc.objects.some((o) => meta.origins.get(o.id) === cluster.key)) {
    return takeObject(doc, meta, round, cluster, from);
  }
  const answer = source.attributes.find((a) => a.featureId === attributeId);
  const objects = doc.objects.map((o) =>
    meta.origins.get(o.id) === cluster.key
      ? { ...o, attributes: replaceAnswer(o.attributes, attributeId, answer) }
      : o,
  );
  const take: Taken = { kind: 'attribute', clusterKey: cluster.key, featureId: attributeId, from };
  return {
    document: { ...doc, objects },
    meta: { ...meta, taken: [...withoutTake(meta.taken, takesAttribute(cluster.key, attributeId)), take] },
  };
}

function replaceAnswer(answers: readonly Answer[], featureId: string, answer: Answer | undefined): Answer[] {
  const rest = answers.filter((a) => a.featureId !== featureId);
  if (!answer) return rest;
  const at = answers.findIndex((a) => a.featureId === featureId);
  const copy = structuredClone(answer);
  if (at < 0) return [...rest, copy];
  return [...rest.slice(0, at), copy, ...rest.slice(at)];
}

/** The draft's objects standing for a cluster. */
export const draftObjects = (doc: LabelDocument, meta: DraftMeta, clusterKey: string): LabelObject[] =>
  doc.objects.filter((o) => meta.origins.get(o.id) === clusterKey);

const sameShape = (a: LabelObject, b: LabelObject) =>
  JSON.stringify(a.geometry) === JSON.stringify(b.geometry);

/** Whose drawing the draft's version of a cluster is (null: none in the draft, or changed by hand). */
export function draftVersion(
  doc: LabelDocument,
  meta: DraftMeta,
  round: ConsensusRound,
  cluster: ObjectCluster,
): { present: boolean; from: string | null } {
  const [object] = draftObjects(doc, meta, cluster.key);
  if (!object) return { present: false, from: null };
  const member = cluster.members.find((m) => {
    const o = memberObject(round, cluster, m.annotatorId);
    return o !== undefined && sameShape(o, object);
  });
  return { present: true, from: member?.annotatorId ?? null };
}

/** The canonical value of the draft's answer to a question. */
export const draftValue = (doc: LabelDocument, featureId: string): string | null =>
  canonicalAnswer(doc.classifications.find((a) => a.featureId === featureId));

/**
 * The takes that still stand in the draft, for the resolution's record: undo (and hand edits)
 * can take back what the bookkeeping says was taken. An object take stands while the draft has
 * a version of that cluster; a question take while the draft's answer is the annotator's.
 */
export function standingTakes(doc: LabelDocument, meta: DraftMeta, round: ConsensusRound): Taken[] {
  const present = new Set(doc.objects.flatMap((o) => meta.origins.get(o.id) ?? []));
  return meta.taken.filter((t) => {
    if (t.kind === 'object') return present.has(t.clusterKey);
    if (t.kind === 'attribute') {
      const cluster = round.agreement.objects.find((c) => c.key === t.clusterKey);
      const theirs = cluster?.attributes.find((a) => a.featureId === t.featureId)?.values[t.from] ?? null;
      const draft = doc.objects.find((o) => meta.origins.get(o.id) === t.clusterKey);
      return (
        draft !== undefined &&
        canonicalAnswer(draft.attributes.find((a) => a.featureId === t.featureId)) === theirs
      );
    }
    const q = round.agreement.questions.find((x) => x.featureId === t.featureId);
    return q !== undefined && (q.values[t.from] ?? null) === draftValue(doc, t.featureId);
  });
}

/** Attributes of a cluster whose members answered differently. */
export const attributeDisagreements = (cluster: ObjectCluster): QuestionAgreement[] =>
  cluster.attributes.filter((a) => a.agreement < 1);

export const severityOf = (cluster: ObjectCluster): Severity =>
  cluster.missing.length > 0
    ? 'missing'
    : cluster.meanSimilarity !== null && cluster.meanSimilarity < LOW_SIMILARITY
      ? 'low'
      : 'minor';

export type Disagreement =
  | { kind: 'object'; cluster: ObjectCluster; severity: Severity; attributes: QuestionAgreement[] }
  | { kind: 'question'; question: QuestionAgreement };

const SEVERITY_RANK: Record<Severity, number> = { missing: 0, low: 1, minor: 2 };

/**
 * What the annotators disagree on, worst first: objects some of them lack, objects drawn far
 * apart, other objects not drawn alike (shape or attributes), then questions answered differently.
 */
export function disagreements(round: ConsensusRound): Disagreement[] {
  const objects = round.agreement.objects
    .map((cluster) => ({
      kind: 'object' as const,
      cluster,
      severity: severityOf(cluster),
      attributes: attributeDisagreements(cluster),
    }))
    .filter((d) => d.cluster.agreement < 1 || d.attributes.length > 0)
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.cluster.agreement - b.cluster.agreement,
    );
  const questions = round.agreement.questions
    .filter((q) => q.agreement < 1)
    .map((question) => ({ kind: 'question' as const, question }));
  return [...objects, ...questions];
}
