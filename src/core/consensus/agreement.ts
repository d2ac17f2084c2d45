import type { LabelDocument } from '../labels/format.ts';
import { answeredFeatureIds, answerTo, canonicalAnswer, equalShare, majorityValue } from './answers.ts';
import { type BuiltCluster, buildClusters } from './clusters.ts';
import {
  type AnnotatorAgreement,
  type Branch,
  type ClassAgreement,
  type ConsensusOptions,
  DEFAULT_POINT_TOLERANCE,
  DEFAULT_THRESHOLD,
  type ObjectCluster,
  type QuestionAgreement,
  type TaskAgreement,
} from './types.ts';

/** One unit's agreement between each pair of branches: pairs[i][j] for i < j. */
type PairScores = number[][];

/**
 * How far the annotators of one task agree, unit by unit: every object cluster and every
 * classification question is a unit, scored over all annotator pairs so that an object only one
 * annotator drew counts against both. See ObjectCluster and QuestionAgreement for the unit scores.
 */
export function taskAgreement(branches: Branch[], opts: ConsensusOptions = {}): TaskAgreement {
  const annotatorIds = branches.map((b) => b.annotatorId);
  const repeated = annotatorIds.find((id, i) => annotatorIds.indexOf(id) !== i);
  if (repeated !== undefined) {
    // Results are keyed by annotator id, so a repeat would silently merge two people.
    throw new RangeError(`taskAgreement: annotator ${repeated} has more than one branch`);
  }
  const n = branches.length;
  const built = buildClusters(branches, {
    threshold: opts.threshold ?? DEFAULT_THRESHOLD,
    pointTolerance: opts.pointTolerance ?? DEFAULT_POINT_TOLERANCE,
  });
  const questionIds = answeredFeatureIds(branches.map((b) => b.document.classifications));
  const questionValues = questionIds.map((featureId) =>
    branches.map((b) => canonicalAnswer(answerTo(b.document.classifications, featureId))),
  );
  const units = [...built.map((c) => clusterPairs(c, n)), ...questionValues.map(equalityPairs)];
  const unitAgreements = units.map(meanOverPairs);

  const annotators: AnnotatorAgreement[] = annotatorIds.map((annotatorId, a) => ({
    annotatorId,
    agreement: annotatorMean(units, a, n),
  }));
  const preference = preferenceOrder(annotators);

  const objects = built.map((c, u) => objectCluster(c, branches, unitAgreements[u]!, preference));
  const questions: QuestionAgreement[] = questionIds.map((featureId, q) => {
    const values = questionValues[q]!;
    return {
      featureId,
      values: Object.fromEntries(annotatorIds.map((id, i) => [id, values[i]!])),
      agreement: unitAgreements[built.length + q]!,
      majority: majorityValue(preference.map((i) => values[i]!)),
    };
  });
  return {
    annotatorIds,
    score: mean(unitAgreements) ?? 1,
    objects,
    classes: classAgreements(objects),
    questions,
    annotators,
  };
}

/**
 * One annotator's branch against the resolved labels. A unit counts as won when the two agree on
 * it: both have the object (similar enough to match, since the resolver may have taken a mean
 * geometry) with equal attributes, or both gave the same answer; every other unit is overruled.
 */
export function compareWithResolved(
  branch: LabelDocument,
  resolved: LabelDocument,
  opts?: ConsensusOptions,
): { agreement: number; won: number; overruled: number } {
  const t = taskAgreement(
    [
      { annotatorId: 'branch', document: branch },
      { annotatorId: 'resolved', document: resolved },
    ],
    opts,
  );
  let won = 0;
  for (const c of t.objects)
    if (c.members.length === 2 && c.attributes.every((a) => a.agreement === 1)) won++;
  for (const q of t.questions) if (q.agreement === 1) won++;
  return { agreement: t.score, won, overruled: t.objects.length + t.questions.length - won };
}

/** Branch indices, highest task agreement first; ties keep branch order. */
export function preferenceOrder(annotators: readonly AnnotatorAgreement[]): number[] {
  return annotators
    .map((a, i) => ({ i, agreement: a.agreement }))
    .sort((x, y) => y.agreement - x.agreement || x.i - y.i)
    .map((x) => x.i);
}

function clusterPairs(c: BuiltCluster, n: number): PairScores {
  const memberOf = new Array<number>(n).fill(-1);
  c.members.forEach((m, k) => {
    memberOf[m.branch] = k;
  });
  return pairs(n, (i, j) => {
    const mi = memberOf[i]!;
    const mj = memberOf[j]!;
    if (mi >= 0 && mj >= 0) return c.similarities[Math.max(mi, mj)]![Math.min(mi, mj)]!;
    // Both leaving it out is agreement; only one drawing it is not.
    return mi < 0 && mj < 0 ? 1 : 0;
  });
}

const equalityPairs = (values: readonly (string | null)[]): PairScores =>
  pairs(values.length, (i, j) => (values[i] === values[j] ? 1 : 0));

function pairs(n: number, score: (i: number, j: number) => number): PairScores {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i < j ? score(i, j) : 0)));
}

/** Mean over pairs; 1 with fewer than two branches, as there is nobody to disagree with. */
function meanOverPairs(p: PairScores): number {
  const n = p.length;
  if (n < 2) return 1;
  let total = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) total += p[i]![j]!;
  return total / ((n * (n - 1)) / 2);
}

function annotatorMean(units: readonly PairScores[], a: number, n: number): number {
  if (n < 2 || units.length === 0) return 1;
  let total = 0;
  for (const p of units) {
    for (let b = 0; b < n; b++) if (b !== a) total += a < b ? p[a]![b]! : p[b]![a]!;
  }
  return total / (units.length * (n - 1));
}

function objectCluster(
  c: BuiltCluster,
  branches: readonly Branch[],
  agreement: number,
  preference: readonly number[],
): ObjectCluster {
  const memberBranches = new Set(c.members.map((m) => m.branch));
  const similarities = c.similarities.flat();
  return {
    key: c.key,
    featureId: c.featureId,
    members: c.members.map((m) => ({ annotatorId: branches[m.branch]!.annotatorId, objectId: m.object.id })),
    missing: branches.filter((_, i) => !memberBranches.has(i)).map((b) => b.annotatorId),
    agreement,
    meanSimilarity: mean(similarities),
    attributes: attributeAgreements(c, branches, preference),
  };
}

function attributeAgreements(
  c: BuiltCluster,
  branches: readonly Branch[],
  preference: readonly number[],
): QuestionAgreement[] {
  const rank = new Map(preference.map((branch, r) => [branch, r]));
  const preferred = [...c.members].sort((x, y) => rank.get(x.branch)! - rank.get(y.branch)!);
  return answeredFeatureIds(c.members.map((m) => m.object.attributes)).map((featureId) => {
    const answerOf = (m: BuiltCluster['members'][number]) =>
      canonicalAnswer(answerTo(m.object.attributes, featureId));
    const values = c.members.map(answerOf);
    return {
      featureId,
      values: Object.fromEntries(c.members.map((m, k) => [branches[m.branch]!.annotatorId, values[k]!])),
      agreement: equalShare(values),
      majority: majorityValue(preferred.map(answerOf)),
    };
  });
}

/** Per class; meanSimilarity averages the clusters' own means, so each object counts once. */
function classAgreements(objects: readonly ObjectCluster[]): ClassAgreement[] {
  const byClass = new Map<string, ObjectCluster[]>();
  for (const o of objects) {
    const list = byClass.get(o.featureId);
    if (list) list.push(o);
    else byClass.set(o.featureId, [o]);
  }
  // Clusters are built class by class in featureId order, so the map is already sorted.
  return [...byClass].map(([featureId, list]) => ({
    featureId,
    clusters: list.length,
    agreement: mean(list.map((o) => o.agreement))!,
    meanSimilarity: mean(list.flatMap((o) => (o.meanSimilarity === null ? [] : [o.meanSimilarity]))),
  }));
}

const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
