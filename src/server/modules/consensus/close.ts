import {
  type Branch,
  CONSENSUS_AUTHOR,
  consensusDocument,
  taskAgreement,
} from '../../../core/consensus/index.ts';
import { emptyLabels, type LabelDocument, modelNameOf } from '../../../core/labels/index.ts';
import { resolveSettings, type Stage } from '../../../core/workflow/index.ts';
import type { Executor } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import { annotatorBranch, MAIN_BRANCH, storedDocument } from '../labels/heads.ts';
import { headRevision } from '../labels/queries.ts';
import { appendRevision } from '../labels/write.ts';
import type { TaskEvent } from '../queue/events.ts';

// Closing a consensus stage on a task: its annotators' branches are compared (src/core/consensus),
// the labels they agree on become the main branch's next revision, and the round is kept — the
// whole measurement for the consensus reviewer and the report, one score row per annotator for
// per-person numbers. Whether the task then skips consensus review is the caller's to act on.

/** The model name consensus labels are saved under (label_revisions.model_name). */
const CONSENSUS_MODEL = modelNameOf(CONSENSUS_AUTHOR)!;

export interface ClosingTask {
  id: string;
  project_id: string;
  data_unit_id: string;
}

export interface ClosedRound {
  roundId: string;
  score: number;
  /** At or above the stage's auto-accept threshold (with at least two branches to compare). */
  accepted: boolean;
  /** The `consensus_closed` event, for the caller to write in order with the transition. */
  event: TaskEvent;
}

export interface RoundBranch {
  annotatorId: string;
  branch: string;
  revision: number;
}

/** Whether a consensus stage's deadline has passed for a task that entered it at `enteredAt`. */
export function pastDeadline(stage: Stage, enteredAt: string | null, now: number): boolean {
  const { deadlineHours } = resolveSettings(stage);
  if (deadlineHours === null || !enteredAt) return false;
  return Date.parse(enteredAt) + deadlineHours * 3_600_000 <= now;
}

/** The submitted branches of the task in its consensus stage, in annotator id order (so rounds are reproducible). */
async function submittedBranches(trx: Executor, taskId: string) {
  const holds = await trx
    .selectFrom('task_holds')
    .select('user_id')
    .where('task_id', '=', taskId)
    .where('state', '=', 'submitted')
    .orderBy('user_id')
    .execute();
  const out: { ref: RoundBranch; branch: Branch }[] = [];
  for (const { user_id } of holds) {
    const name = annotatorBranch(user_id);
    const head = await headRevision(trx, taskId, name);
    out.push({
      ref: { annotatorId: user_id, branch: name, revision: head?.revision ?? 0 },
      branch: { annotatorId: user_id, document: head ? storedDocument(head.document) : emptyLabels() },
    });
  }
  return out;
}

/** Writes the consensus labels as the main branch's next revision; returns that revision. */
async function keepConsensusLabels(
  trx: Executor,
  task: ClosingTask,
  document: LabelDocument,
  known: readonly LabelDocument[],
  at: string,
): Promise<number> {
  try {
    const { row } = await appendRevision(trx, {
      projectId: task.project_id,
      taskId: task.id,
      dataUnitId: task.data_unit_id,
      branch: MAIN_BRANCH,
      baseRevision: null,
      document,
      author: { model: CONSENSUS_MODEL },
      known,
      at,
    });
    return row.revision;
  } catch (err) {
    // Every part came from a saved, checked branch, so this means the ontology changed under
    // the branches; the round is still worth keeping, and the reviewer starts from main as it is.
    if (err instanceof AppError && (err.code === 'invalid_labels' || err.code === 'no_ontology')) {
      return (await headRevision(trx, task.id, MAIN_BRANCH))?.revision ?? 0;
    }
    throw err;
  }
}

export async function closeConsensusRound(
  trx: Executor,
  task: ClosingTask,
  stage: Stage,
  closedBy: 'all_in' | 'deadline',
  actorId: string | null,
  now: number,
): Promise<ClosedRound> {
  const at = nowIso(now);
  const settings = resolveSettings(stage);
  const branches = await submittedBranches(trx, task.id);
  const docs = branches.map((b) => b.branch);
  const agreement = taskAgreement(docs);
  const consensus = consensusDocument(docs, agreement, { geometry: settings.consensusGeometry, at });
  const consensusRevision = await keepConsensusLabels(
    trx,
    task,
    consensus,
    docs.map((d) => d.document),
    at,
  );
  const threshold = settings.autoAcceptThreshold;
  const accepted = threshold !== null && branches.length >= 2 && agreement.score >= threshold;

  await trx.updateTable('consensus_rounds').set({ latest: 0 }).where('task_id', '=', task.id).execute();
  await trx
    .updateTable('consensus_scores')
    .set({ latest: 0 })
    .where('round_id', 'in', (eb) =>
      eb.selectFrom('consensus_rounds').select('id').where('task_id', '=', task.id),
    )
    .execute();
  const roundId = newId(now);
  await trx
    .insertInto('consensus_rounds')
    .values({
      id: roundId,
      project_id: task.project_id,
      task_id: task.id,
      stage_id: stage.id,
      closed_at: at,
      closed_by: closedBy,
      branches: JSON.stringify(branches.map((b) => b.ref)),
      score: agreement.score,
      agreement: JSON.stringify(agreement),
      state: accepted ? 'accepted' : 'review',
      latest: 1,
      consensus_revision: consensusRevision,
      resolved_at: null,
      resolved_by: null,
      resolution: null,
    })
    .execute();
  if (agreement.annotators.length > 0) {
    await trx
      .insertInto('consensus_scores')
      .values(
        agreement.annotators.map((a) => ({
          round_id: roundId,
          project_id: task.project_id,
          stage_id: stage.id,
          user_id: a.annotatorId,
          latest: 1,
          agreement: a.agreement,
          resolved_agreement: null,
          won: null,
          overruled: null,
        })),
      )
      .execute();
  }
  const event: TaskEvent = {
    projectId: task.project_id,
    taskId: task.id,
    kind: 'consensus_closed',
    stageId: stage.id,
    actorId,
    data: {
      roundId,
      score: agreement.score,
      closedBy,
      branches: branches.length,
      accepted,
      mainRevision: consensusRevision,
    },
  };
  return { roundId, score: agreement.score, accepted, event };
}
