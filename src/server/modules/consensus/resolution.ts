import { compareWithResolved, type TaskAgreement } from '../../../core/consensus/index.ts';
import { emptyLabels, type LabelDocument } from '../../../core/labels/index.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import type { ConsensusRoundsTable } from '../../db/schema.ts';
import { MAIN_BRANCH, storedDocument } from '../labels/heads.ts';
import { findRevision, headRevision } from '../labels/queries.ts';
import { recordTaskEvent } from '../queue/events.ts';
import type { RoundBranch } from './close.ts';
import type { Resolution, ResolveInput } from './schemas.ts';

// Settling a consensus round: each annotator's branch scored against the labels the reviewer
// kept (who won, who was overruled), the round marked resolved, and a `consensus_resolved`
// event. A reviewer resolving with their own labels and one approving the consensus as it
// stands both end here, so the report and analytics count every settled round alike.

export const latestRound = (db: Executor, taskId: string) =>
  db
    .selectFrom('consensus_rounds')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('latest', '=', 1)
    .executeTakeFirst();

export const roundBranches = (round: ConsensusRoundsTable) => JSON.parse(round.branches) as RoundBranch[];

/** A branch as the round compared it (its revision then, not its head now). */
export async function branchDocument(db: Executor, taskId: string, ref: RoundBranch): Promise<LabelDocument> {
  if (ref.revision === 0) return emptyLabels();
  const row = await findRevision(db, taskId, ref.branch, ref.revision);
  return row ? storedDocument(row.document) : emptyLabels();
}

export interface Settlement {
  projectId: string;
  taskId: string;
  /** The consensus review stage. */
  stageId: string;
  reviewerId: string;
  /** The resolved labels and the main branch revision that holds them. */
  document: LabelDocument;
  revision: number;
  base: string;
  taken: ResolveInput['taken'];
  note: string | null;
}

export async function recordResolution(
  trx: Executor,
  round: ConsensusRoundsTable,
  branches: readonly LabelDocument[],
  s: Settlement,
  now: number,
) {
  const at = nowIso(now);
  const annotators = roundBranches(round).map((r, i) => ({
    annotatorId: r.annotatorId,
    ...compareWithResolved(branches[i]!, s.document),
  }));
  const resolution: Omit<Resolution, 'resolvedBy' | 'resolvedAt'> = {
    base: s.base,
    taken: s.taken,
    note: s.note,
    revision: s.revision,
    annotators,
  };
  await trx
    .updateTable('consensus_rounds')
    .set({
      state: 'resolved',
      resolved_at: at,
      resolved_by: s.reviewerId,
      resolution: JSON.stringify(resolution),
    })
    .where('id', '=', round.id)
    .execute();
  for (const a of annotators) {
    await trx
      .updateTable('consensus_scores')
      .set({ resolved_agreement: a.agreement, won: a.won, overruled: a.overruled })
      .where('round_id', '=', round.id)
      .where('user_id', '=', a.annotatorId)
      .execute();
  }
  await recordTaskEvent(
    trx,
    {
      projectId: s.projectId,
      taskId: s.taskId,
      kind: 'consensus_resolved',
      stageId: s.stageId,
      actorId: s.reviewerId,
      data: {
        roundId: round.id,
        base: s.base,
        taken: s.taken.length,
        mainRevision: s.revision,
        annotators: annotators.map(({ annotatorId, won, overruled }) => ({ annotatorId, won, overruled })),
      },
    },
    now,
  );
}

/**
 * A consensus review approved without a resolution (plain approve; a project without an
 * ontology has nothing else): the labels on main as they stand are the resolution, based on the
 * best-agreeing annotator. Rounds already settled (resolved, or auto-accepted) are left alone.
 */
export async function settleAsItStands(
  trx: Executor,
  ref: { projectId: string; taskId: string; stageId: string; reviewerId: string; note: string | null },
  now: number,
) {
  const round = await latestRound(trx, ref.taskId);
  if (round?.state !== 'review') return;
  const refs = roundBranches(round);
  const branches = await Promise.all(refs.map((r) => branchDocument(trx, ref.taskId, r)));
  const head = await headRevision(trx, ref.taskId, MAIN_BRANCH);
  const agreement = JSON.parse(round.agreement) as TaskAgreement;
  const best = [...agreement.annotators].sort((a, b) => b.agreement - a.agreement)[0];
  await recordResolution(
    trx,
    round,
    branches,
    {
      ...ref,
      document: head ? storedDocument(head.document) : emptyLabels(),
      revision: head?.revision ?? 0,
      base: best?.annotatorId ?? refs[0]?.annotatorId ?? '',
      taken: [],
    },
    now,
  );
}
