import { Link, useNavigate } from 'react-router';
import { STAGE_TYPE_LABELS, type Workflow } from '../../../core/workflow/index.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Empty, Loading } from '../../components/States.tsx';
import { formatDate } from '../../lib/format.ts';
import { roleMay } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { useWorkflowTemplates } from './queries.ts';

/** "Annotate → Review → Complete": the stages in document order, by name. */
export const stageSummary = (w: Workflow) =>
  w.stages.map((s) => s.name.trim() || STAGE_TYPE_LABELS[s.type]).join(' → ');

export function TemplatesPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const templates = useWorkflowTemplates();
  const mayCreate = roleMay(me.role, 'workflow_template.create');
  return (
    <>
      <PageHeader
        title="Workflow templates"
        description="Workflows new projects can start from: the built-in patterns and the ones saved in this workspace."
        actions={
          mayCreate ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => navigate('/workflow-templates/new')}
            >
              New template
            </button>
          ) : null
        }
      />
      <Card>
        <ErrorAlert error={templates.error} />
        {templates.isPending ? (
          <Loading />
        ) : !templates.data ? null : templates.data.length === 0 ? (
          <Empty>No templates.</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Stages</th>
                  <th scope="col">Description</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {templates.data.map((t) => (
                  <tr key={t.id}>
                    <th scope="row" className="cell-name">
                      <Link to={`/workflow-templates/${encodeURIComponent(t.id)}`}>{t.name}</Link>{' '}
                      {t.builtIn ? <Badge tone="muted">Built-in</Badge> : null}
                    </th>
                    <td>{stageSummary(t.definition)}</td>
                    <td className="cell-muted">{t.description || '—'}</td>
                    <td className="cell-nowrap">{t.updatedAt ? formatDate(t.updatedAt) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
