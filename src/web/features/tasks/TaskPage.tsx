import { Link, useLocation, useParams } from 'react-router';
import { PROJECT_STATUS_LABELS } from '../../../core/roles.ts';
import { STAGE_TYPE_LABELS } from '../../../core/workflow/format.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { editorApplies, LabelEditor } from '../../editor/LazyLabelEditor.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { ScreeningBanner } from '../benchmark/ScreeningBanner.tsx';
import { holderNames, TaskStatusBadge } from '../queue/bits.tsx';
import { useProjectWorkflow } from '../queue/queries.ts';
import { useActiveTime } from './active-time.ts';
import { useHeartbeat } from './heartbeat.ts';
import { type TaskDetail, useTask } from './queries.ts';
import { TaskActions } from './TaskActions.tsx';
import { TaskHistory } from './TaskHistory.tsx';
import { UnitView } from './UnitView.tsx';
import './tasks.css';

/** The queue tab of the task's project, on the task's stage. */
export const queueUrl = (task: Pick<TaskDetail, 'projectId' | 'stageId'>) =>
  `/projects/${task.projectId}?tab=queue&stage=${encodeURIComponent(task.stageId)}`;

/** One task: its data unit, where it stands, and what the signed-in user may do with it now. */
export function TaskPage() {
  const { id = '' } = useParams();
  const task = useTask(id);
  if (task.isPending) return <Loading />;
  if (task.isError) {
    return (
      <>
        <PageHeader title="Task" />
        <ErrorAlert error={task.error} />
        <p>
          <Link to="/projects">Back to projects</Link>
        </p>
      </>
    );
  }
  return <TaskWork key={task.data.id} task={task.data} />;
}

function TaskWork({ task }: { task: TaskDetail }) {
  const workflow = useProjectWorkflow(task.projectId);
  const lease = useHeartbeat(task);
  useActiveTime(task);
  const stageName = (stageId: string | null) =>
    stageId ? (workflow.data?.workflow.stages.find((s) => s.id === stageId)?.name ?? stageId) : null;
  const holders = holderNames(task);
  const notice = (useLocation().state as { notice?: unknown } | null)?.notice;
  // The heartbeat's answer is newer than the loaded task's, until the task is loaded again.
  const leaseUntil = [lease, task.leaseExpiresAt]
    .filter((t): t is string => t !== null)
    .sort()
    .at(-1);

  const facts = (
    <Card title="Task">
      <dl className="summary-list task-facts">
        <div>
          <dt>Stage</dt>
          <dd>{task.stageName}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <TaskStatusBadge status={task.status} />
          </dd>
        </div>
        <div>
          <dt>Priority</dt>
          <dd>{task.priority}</dd>
        </div>
        <div>
          <dt>Holder</dt>
          <dd>{holders.length ? holders.join(', ') : 'Nobody'}</dd>
        </div>
        {leaseUntil ? (
          <div>
            <dt>Lease until</dt>
            <dd>{formatDateTime(leaseUntil)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Dataset</dt>
          <dd>{task.datasetName}</dd>
        </div>
        <div>
          <dt>Open issues</dt>
          <dd>{task.openIssues}</dd>
        </div>
      </dl>
    </Card>
  );

  const plain = (
    <div className="task-layout">
      <section className="task-canvas" aria-label="Data unit">
        <UnitView unit={task.dataUnit} />
      </section>
      <aside className="task-side">
        {facts}
        <TaskActions task={task} />
      </aside>
    </div>
  );

  return (
    <>
      <p className="breadcrumb">
        <Link to={queueUrl(task)}>
          <span aria-hidden="true">← </span>Back to the queue
        </Link>
      </p>
      <PageHeader
        title={task.title}
        description={
          <span className="header-meta">
            <span>
              {task.stageName}
              {task.stageName === STAGE_TYPE_LABELS[task.stageType] ? null : (
                <span className="cell-muted"> ({STAGE_TYPE_LABELS[task.stageType]})</span>
              )}
            </span>
            <TaskStatusBadge status={task.status} />
          </span>
        }
      />
      {typeof notice === 'string' ? <Notice kind="success">{notice}</Notice> : null}
      {task.screening ? <ScreeningBanner screening={task.screening} /> : null}
      {task.status === 'reopened' ? (
        <div className="task-reopened" role="status">
          <strong>Reopened.</strong> This task was sent back; see the history for the reviewer’s note.
        </div>
      ) : null}
      {task.projectStatus !== 'in_progress' ? (
        <Notice kind="info">
          The project is {PROJECT_STATUS_LABELS[task.projectStatus]}: tasks are worked while it is In
          progress.
        </Notice>
      ) : null}
      {editorApplies(task) ? <LabelEditor task={task} facts={facts} fallback={plain} /> : plain}
      <TaskHistory taskId={task.id} stageName={stageName} />
    </>
  );
}
