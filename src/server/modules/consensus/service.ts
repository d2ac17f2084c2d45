import type { TaskAgreement } from '../../../core/consensus/index.ts';
import { emptyLabels } from '../../../core/labels/index.ts';
import { can } from '../../../core/policy/index.ts';
import { managesQueue, mayWorkIn } from '../../../core/queue/index.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import type { ConsensusRoundsTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { projectGateFor } from '../access/service.ts';
import { MAIN_BRANCH, storedDocument } from '../labels/heads.ts';
import { findRevision, headRevision } from '../labels/queries.ts';
import { appendRevision } from '../labels/write.ts';
import { requireNotOwnWork } from '../queue/own-work.ts';
import { finishHeld, heldTask, type TaskScene, visibleTask } from '../queue/work.ts';
import type { RoundBranch } from './close.ts';
import { agreementReport } from './report.ts';
import { type AgreementTable, agreementCsv } from './report-csv.ts';
import { branchDocument, latestRound, recordResolution } from './resolution.ts';
import type { Resolution, ResolveInput } from './schemas.ts';

// A task's consensus round as its reviewer sees it (every branch, the measurement, the
// consensus labels), and the reviewer's resolution: the labels they settled on become the main
// branch's next revision, each annotator's branch is scored against them, and the task goes on
// as approved.

/**
 * Annotators never see each other's branches; the round is for managers, for whoever may work
 * in the consensus review stage the task is in, and for the reviewer who resolved it.
 */
function mayCompare(ts: TaskScene, round: ConsensusRoundsTable) {
  if (managesQueue(ts.worker.role)) return true;
  if (ts.stage.type === 'consensus_review' && mayWorkIn(ts.stage, ts.worker)) return true;
  return round.resolved_by === ts.worker.userId;
}

const noRound = () =>
  new AppError(404, 'no_consensus', 'This task has not been through a consensus stage yet.');

async function presentRound(db: Executor, round: ConsensusRoundsTable) {
  const refs = JSON.parse(round.branches) as RoundBranch[];
  const agreement = JSON.parse(round.agreement) as TaskAgreement;
  const users = new Map(
    refs.length === 0
      ? []
      : (
          await db
            .selectFrom('users')
            .select(['id', 'name'])
            .where(
              'id',
              'in',
              refs.map((r) => r.annotatorId),
            )
            .execute()
        ).map((u) => [u.id, u.name]),
  );
  const byAnnotator = new Map(agreement.annotators.map((a) => [a.annotatorId, a.agreement]));
  const branches = [];
  for (const ref of refs) {
    branches.push({
      ...ref,
      name: users.get(ref.annotatorId) ?? null,
      agreement: byAnnotator.get(ref.annotatorId) ?? 1,
      document: await branchDocument(db, round.task_id, ref),
    });
  }
  const consensus = await findRevision(db, round.task_id, MAIN_BRANCH, round.consensus_revision);
  const head = await headRevision(db, round.task_id, MAIN_BRANCH);
  let resolution: Resolution | null = null;
  if (round.resolution && round.resolved_by && round.resolved_at) {
    const by = await db
      .selectFrom('users')
      .select('name')
      .where('id', '=', round.resolved_by)
      .executeTakeFirst();
    resolution = {
      ...(JSON.parse(round.resolution) as Omit<Resolution, 'resolvedBy' | 'resolvedAt'>),
      resolvedBy: { id: round.resolved_by, name: by?.name ?? null },
      resolvedAt: round.resolved_at,
    };
  }
  return {
    roundId: round.id,
    taskId: round.task_id,
    stageId: round.stage_id,
    closedAt: round.closed_at,
    closedBy: round.closed_by,
    state: round.state,
    score: round.score,
    branches,
    agreement,
    consensus: consensus ? storedDocument(consensus.document) : emptyLabels(),
    consensusRevision: round.consensus_revision,
    mainRevision: head?.revision ?? 0,
    resolution,
  };
}

/** The task's latest consensus round: 404 no_consensus before its first, 403 for its annotators. */
export async function getConsensus(deps: AppDeps, ctx: RequestContext, taskId: string) {
  const { ts } = await visibleTask(deps, ctx, taskId, deps.clock());
  const round = await latestRound(deps.db, taskId);
  if (!round) throw noRound();
  if (!mayCompare(ts, round)) throw forbidden('compare the annotators’ labels of this task');
  return presentRound(deps.db, round);
}

/**
 * Refuses a resolution record that does not fit the round (400 naming the field): `base` and
 * every `taken.from` must be its annotators, and what was taken one of its objects (from one of
 * that object's annotators) or questions — the record is what analytics reads as who won.
 */
function requireRoundChoices(
  input: ResolveInput,
  annotatorIds: ReadonlySet<string>,
  agreement: TaskAgreement,
) {
  if (!annotatorIds.has(input.base)) throw invalid('base', 'must be one of the round’s annotators');
  const clusters = new Map(agreement.objects.map((c) => [c.key, c]));
  const questions = new Set(agreement.questions.map((q) => q.featureId));
  input.taken.forEach((t, i) => {
    const at = `taken.${i}`;
    if (!annotatorIds.has(t.from)) throw invalid(`${at}.from`, 'must be one of the round’s annotators');
    if (t.kind === 'question') {
      if (!questions.has(t.featureId)) throw invalid(`${at}.featureId`, 'must be a question of the round');
      return;
    }
    const cluster = clusters.get(t.clusterKey);
    if (!cluster) throw invalid(`${at}.clusterKey`, 'must be an object of the round');
    if (!cluster.members.some((m) => m.annotatorId === t.from)) {
      throw invalid(`${at}.from`, 'must be an annotator who drew that object');
    }
  });
}

/**
 * Settles a task held in a consensus review stage: `document` becomes the main branch's next
 * revision (checked like any save; 409 revision_conflict unless made from the head), every
 * annotator's branch is scored against it, and the task is approved onward.
 */
export async function resolveConsensus(
  deps: AppDeps,
  ctx: RequestContext,
  taskId: string,
  input: ResolveInput,
) {
  const now = deps.clock();
  const at = nowIso(now);
  return deps.db.transaction().execute(async (trx) => {
    const ts = await heldTask(trx, deps, ctx, taskId, now, 'project.review');
    if (ts.stage.type !== 'consensus_review') {
      throw conflict(
        'wrong_action_for_stage',
        `Consensus is resolved in consensus review stages; “${ts.stage.name}” is a ${ts.stage.type} stage.`,
      );
    }
    await requireNotOwnWork(trx, ts.stage, taskId, ts.worker.userId);
    const round = await latestRound(trx, taskId);
    if (!round) throw noRound();
    if (round.id !== input.roundId) {
      throw conflict(
        'round_changed',
        'The task has been through its consensus stage again since you opened it; reload to compare the new labels.',
        'roundId',
      );
    }
    const refs = JSON.parse(round.branches) as RoundBranch[];
    const agreement = JSON.parse(round.agreement) as TaskAgreement;
    requireRoundChoices(input, new Set(refs.map((r) => r.annotatorId)), agreement);
    const branches = await Promise.all(refs.map((r) => branchDocument(trx, taskId, r)));
    const { row, document } = await appendRevision(trx, {
      projectId: ts.row.project_id,
      taskId,
      dataUnitId: ts.row.data_unit_id,
      branch: MAIN_BRANCH,
      baseRevision: input.baseRevision,
      document: input.document,
      author: { userId: ts.worker.userId },
      known: branches,
      at,
    });
    await recordResolution(
      trx,
      round,
      branches,
      {
        projectId: ts.row.project_id,
        taskId,
        stageId: ts.stage.id,
        reviewerId: ts.worker.userId,
        document,
        revision: row.revision,
        base: input.base,
        taken: input.taken,
        note: input.note ?? null,
      },
      now,
    );
    const { note, nextHolderId, keepHolder } = input;
    return finishHeld(trx, deps, ts, 'approved', { note, nextHolderId, keepHolder }, now);
  });
}

/** 404 for an unknown project, 403 unless the caller may see its agreement report. */
async function requireReportAccess(deps: AppDeps, ctx: RequestContext, projectId: string) {
  const project = await projectGateFor(deps.db, deps.dialect, ctx.actor, projectId);
  if (!project) throw notFound('Project');
  if (!can(ctx.actor, 'project.view_agreement', project.resource)) {
    throw forbidden('see this project’s agreement report');
  }
}

export async function projectAgreement(
  deps: AppDeps,
  ctx: RequestContext,
  projectId: string,
  stageId?: string,
) {
  await requireReportAccess(deps, ctx, projectId);
  return agreementReport(deps.db, projectId, stageId);
}

export async function projectAgreementCsv(
  deps: AppDeps,
  ctx: RequestContext,
  projectId: string,
  stageId: string | undefined,
  table: AgreementTable,
) {
  await requireReportAccess(deps, ctx, projectId);
  return agreementCsv(deps.db, projectId, stageId, table);
}
