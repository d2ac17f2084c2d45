import type { Answer, LabelDocument, LabelObject } from '../labels/format.ts';
import { LABEL_FORMAT_VERSION } from '../labels/format.ts';
import { preferenceOrder } from './agreement.ts';
import { canonicalAnswer } from './answers.ts';
import { meanGeometry } from './mean-geometry.ts';
import type { Branch, QuestionAgreement, TaskAgreement } from './types.ts';

export const CONSENSUS_AUTHOR = 'model:consensus';

/**
 * The labels the annotators agree on: objects more than half of them drew, attributes and
 * classification answers by majority. Geometry is the drawing of the annotator who agrees most
 * with the others ('best'), or the members' mean where one is defined ('mean').
 */
export function consensusDocument(
  branches: Branch[],
  agreement: TaskAgreement,
  opts: { geometry: 'best' | 'mean'; at: string },
): LabelDocument {
  // Preference follows agreement.annotators; branches missing from it rank last, in branch order.
  const rank = new Map(
    preferenceOrder(agreement.annotators).map((i, r) => [agreement.annotators[i]!.annotatorId, r]),
  );
  const preferred = branches
    .map((b, i) => ({ b, r: rank.get(b.annotatorId) ?? branches.length + i }))
    .sort((x, y) => x.r - y.r)
    .map((x) => x.b);

  const usedIds = new Set<string>();
  const objects: LabelObject[] = [];
  for (const cluster of agreement.objects) {
    if (2 * cluster.members.length <= branches.length) continue;
    const members: LabelObject[] = [];
    for (const b of preferred) {
      const m = cluster.members.find((x) => x.annotatorId === b.annotatorId);
      const o = m && b.document.objects.find((x) => x.id === m.objectId);
      if (o) members.push(o);
    }
    const best = members[0];
    if (!best) continue;
    const geometry =
      (opts.geometry === 'mean' && meanGeometry(members.map((m) => m.geometry))) || best.geometry;
    objects.push({
      ...structuredClone(best),
      id: freeId(members, usedIds),
      geometry: structuredClone(geometry),
      attributes: majorityAnswers(
        cluster.attributes,
        members.map((m) => m.attributes),
      ),
      updatedBy: CONSENSUS_AUTHOR,
      updatedAt: opts.at,
    });
  }
  return {
    formatVersion: LABEL_FORMAT_VERSION,
    objects,
    classifications: majorityAnswers(
      agreement.questions,
      preferred.map((b) => b.document.classifications),
    ),
  };
}

/** For each question with a majority, the answer tree of the first list whose answer has that value. */
function majorityAnswers(
  questions: readonly QuestionAgreement[],
  lists: readonly (readonly Answer[])[],
): Answer[] {
  const answers: Answer[] = [];
  for (const q of questions) {
    if (q.majority === null) continue;
    for (const list of lists) {
      const a = list.find((x) => x.featureId === q.featureId && canonicalAnswer(x) === q.majority);
      if (a) {
        answers.push(structuredClone(a));
        break;
      }
    }
  }
  return answers;
}

/**
 * The preferred member's id, unless an earlier merged object took it: branches made from the same
 * pre-labels share ids, and two kept clusters can start from objects with one id.
 */
function freeId(members: readonly LabelObject[], used: Set<string>): string {
  let id = members.find((m) => !used.has(m.id))?.id;
  const base = members[0]!.id;
  for (let n = 2; id === undefined || used.has(id); n++) {
    const suffix = `-${n}`;
    id = base.slice(0, 64 - suffix.length) + suffix;
  }
  used.add(id);
  return id;
}
