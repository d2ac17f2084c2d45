import { lazy, Suspense } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { useOntologyVersion } from '../../editor/queries.ts';
import { useProject } from '../projects/queries.ts';
import { AttemptProgress } from './AttemptProgress.tsx';
import { FeedbackOutcomes } from './FeedbackOutcomes.tsx';
import { GOLD_COLOUR } from './feedback-colours.ts';
import { type FeedbackUnit, queueUrlOf, unitFileUrl } from './links.ts';
import { type GoldFeedback, useGoldFeedback } from './queries.ts';
import { useContinueWork } from './use-continue.ts';
import { WorkError } from './WorkError.tsx';
import './benchmark.css';

// The drawing reuses the consensus view's shapes, which live with the editor: loaded on demand.
const FeedbackPicture = lazy(() => import('./FeedbackPicture.tsx'));

const TITLE = 'Your labels against the gold';

interface Where {
  projectId: string;
  stageId: string;
  unitId: string | null;
}

/**
 * Training feedback after a screening task (/tasks/:id/feedback): the score and what matched, was
 * missed or extra, the gold and the annotator's shapes over the image, and where the attempt
 * stands. "Continue" asks for the stage's next task as "Start labelling" does.
 */
export function GoldFeedbackPage() {
  const { id = '' } = useParams();
  const feedback = useGoldFeedback(id);
  if (feedback.isPending) return <Loading />;
  if (feedback.isError) {
    return (
      <>
        <PageHeader title={TITLE} />
        <ErrorAlert error={feedback.error} />
        <p>
          <Link to="/projects">Back to the projects</Link>
        </p>
      </>
    );
  }
  const { projectId, stageId, dataUnitId } = feedback.data;
  return <Feedback feedback={feedback.data} where={{ projectId, stageId, unitId: dataUnitId }} />;
}

function Feedback({ feedback, where }: { feedback: GoldFeedback; where: Where }) {
  const project = useProject(where.projectId);
  const ontology = useOntologyVersion(project.data?.ontology ?? null);
  const state = useLocation().state as { notice?: unknown; unit?: FeedbackUnit } | null;
  const unit = state?.unit;
  const imageUrl = unit
    ? unit.kind === 'image'
      ? unit.fileUrl
      : null
    : where.unitId
      ? unitFileUrl(where.unitId)
      : null;
  const known = unit?.width && unit.height ? { width: unit.width, height: unit.height } : null;

  return (
    <>
      {where.projectId && where.stageId ? (
        <p className="breadcrumb">
          <Link to={queueUrlOf(where.projectId, where.stageId)}>
            <span aria-hidden="true">← </span>Back to the queue
          </Link>
        </p>
      ) : null}
      <PageHeader title={TITLE} description={unit?.title} />
      {typeof state?.notice === 'string' ? <Notice kind="success">{state.notice}</Notice> : null}
      {feedback.attempt ? <AttemptProgress attempt={feedback.attempt} /> : null}
      {where.projectId && where.stageId ? (
        <ContinueWork projectId={where.projectId} stageId={where.stageId} />
      ) : null}
      <div className="benchmark-feedback">
        <Card title="The gold and your labels">
          {imageUrl ? (
            <Suspense fallback={<Loading label="Loading the picture…" />}>
              <FeedbackPicture
                imageUrl={imageUrl}
                known={known}
                gold={feedback.gold}
                submitted={feedback.submitted}
                ontology={ontology.data ?? null}
                label={`The gold labels (green) and yours (dashed)${unit ? ` over ${unit.title}` : ''}`}
              />
            </Suspense>
          ) : (
            <p className="empty">This data unit has no image to draw the labels over.</p>
          )}
          <ul className="benchmark-legend" aria-label="Legend">
            <li>
              <span className="benchmark-swatch" style={{ borderColor: GOLD_COLOUR }} aria-hidden="true" />
              Gold
            </li>
            <li>
              <span className="benchmark-swatch benchmark-swatch-dashed" aria-hidden="true" />
              Yours (dashed, in your classes’ colours)
            </li>
          </ul>
        </Card>
        <div className="card-stack">
          <FeedbackOutcomes feedback={feedback} ontology={ontology.data ?? null} />
        </div>
      </div>
    </>
  );
}

/** "Continue": the stage's next task (screening may refuse it: a failed attempt offers the next). */
function ContinueWork({ projectId, stageId }: { projectId: string; stageId: string }) {
  const next = useContinueWork(projectId, stageId);
  return (
    <div className="benchmark-continue">
      <button
        type="button"
        className="btn btn-primary"
        disabled={next.isPending}
        aria-busy={next.isPending || undefined}
        onClick={() => next.mutate()}
      >
        Continue
      </button>
      <WorkError projectId={projectId} error={next.error} onRetried={() => next.mutate()} />
    </div>
  );
}
