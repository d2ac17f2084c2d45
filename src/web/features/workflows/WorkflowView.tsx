import { Link } from 'react-router';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { useProject } from '../projects/queries.ts';
import { WorkflowBuilder } from './LazyBuilder.tsx';
import { mayEditWorkflow } from './permissions.ts';
import { useProjectWorkflow, useStageCounts } from './queries.ts';

const ignore = () => {};

/**
 * The project's current workflow, read-only, with live task counts per stage (refreshed every
 * 5 s), and a link to the editor for those who may change it. For the project page's Workflow tab.
 */
export function WorkflowView({ projectId }: { projectId: string }) {
  const me = useCurrentUser();
  const project = useProject(projectId);
  const workflow = useProjectWorkflow(projectId);
  const counts = useStageCounts(projectId);
  if (workflow.isPending) return <Loading />;
  if (workflow.isError) return <ErrorAlert error={workflow.error} />;
  const mayEdit = project.data
    ? mayEditWorkflow(me, project.data) && project.data.status !== 'archived'
    : false;
  const w = workflow.data;
  return (
    <div className="wf-view" data-testid="workflow-view">
      <div className="wf-view-header">
        <p className="muted">
          Version {w.version}, saved {formatDateTime(w.createdAt)}
          {w.note ? ` — ${w.note}` : ''}
        </p>
        {mayEdit ? (
          <Link className="btn" to={`/projects/${projectId}/workflow/edit`}>
            Edit workflow
          </Link>
        ) : null}
      </div>
      <ErrorAlert error={counts.error} />
      <WorkflowBuilder key={w.version} value={w.workflow} counts={counts.data} readOnly onChange={ignore} />
    </div>
  );
}
