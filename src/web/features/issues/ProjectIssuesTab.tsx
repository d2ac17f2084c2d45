import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/Alert.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Card } from '../../components/Page.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { useCurrentUser } from '../auth/session.tsx';
import type { Project } from '../projects/queries.ts';
import { useProjectWorkflow } from '../workflows/queries.ts';
import { IssueDialog } from './IssueDetail.tsx';
import { IssueTable } from './IssueTable.tsx';
import { IssueTagsCard } from './IssueTagsCard.tsx';
import { useIssuePeople, withSeen } from './people.ts';
import { mayManageIssueTags } from './permissions.ts';
import { type IssueStatus, type ProjectIssueFilters, useProjectIssues } from './queries.ts';
import './issues.css';

/** The status filter: open by default; 'all' shows both. */
export type StatusChoice = IssueStatus | 'all';
export const statusChoice = (value: string | null): StatusChoice =>
  value === 'resolved' || value === 'all' ? value : 'open';

/** Keys of the tab's filters in the URL (`?tab=issues&status=…&assignee=…`), and the open issue. */
const PARAMS = ['status', 'assignee', 'author', 'stage', 'task', 'issue'] as const;
type Param = (typeof PARAMS)[number];

/**
 * The project's issues: filtered by status, assignee, author, stage and task (all kept in the URL),
 * newest first, a page at a time; an issue opens in a dialog with its thread. Managers also edit
 * the project's issue tags here.
 */
export function ProjectIssuesTab({ project }: { project: Project }) {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const get = (key: Param) => params.get(key) ?? '';
  const status = statusChoice(params.get('status'));
  const filters: ProjectIssueFilters = {
    status: status === 'all' ? '' : status,
    assigneeId: get('assignee'),
    authorId: get('author'),
    stageId: get('stage'),
    taskId: get('task'),
  };
  const issues = useProjectIssues(project.id, filters);
  const items = issues.data?.pages.flatMap((p) => p.items) ?? [];
  const workflow = useProjectWorkflow(project.id);
  const { people } = useIssuePeople(project.id);
  const shownPeople = withSeen(
    people,
    items.flatMap((i) => [i.author, i.assignee]),
  ).filter((p) => p.id !== me.id);
  const stages = (workflow.data?.workflow.stages ?? []).filter((s) => s.type !== 'router');

  const change = (key: Param, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'issue') next.delete('issue');
    setParams(next, { replace: true });
  };
  const hrefWith = (key: Param, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    return `?${next.toString()}`;
  };
  const openIssue = get('issue');
  const taskTitle = items.find((i) => i.taskId === filters.taskId)?.taskTitle;
  const filtered =
    status !== 'open' || Boolean(filters.assigneeId || filters.authorId || filters.stageId || filters.taskId);

  return (
    <div className="card-stack">
      {mayManageIssueTags(me, project) ? (
        <IssueTagsCard projectId={project.id} readOnly={project.status === 'archived'} />
      ) : null}
      <Card title="Issues">
        <search className="filters issue-filters" aria-label="Filter issues">
          <SelectField
            label="Status"
            value={status}
            onChange={(e) => change('status', e.target.value === 'open' ? '' : e.target.value)}
          >
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
            <option value="all">All</option>
          </SelectField>
          <SelectField
            label="Assignee"
            value={get('assignee')}
            onChange={(e) => change('assignee', e.target.value)}
          >
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Unassigned</option>
            {shownPeople.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Raised by"
            value={get('author')}
            onChange={(e) => change('author', e.target.value)}
          >
            <option value="">Anyone</option>
            <option value="me">Me</option>
            {shownPeople.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Stage" value={get('stage')} onChange={(e) => change('stage', e.target.value)}>
            <option value="">All stages</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        </search>
        {filters.taskId ? (
          <p className="issue-task-filter">
            Only issues of <strong>{taskTitle ?? 'one task'}</strong>{' '}
            <button type="button" className="btn btn-small" onClick={() => change('task', '')}>
              Show every task
            </button>
          </p>
        ) : null}
        <ErrorAlert error={issues.error} />
        {issues.isPending ? (
          <Loading />
        ) : issues.isError && !issues.data ? null : items.length === 0 ? (
          <Empty>
            {filtered ? 'No issues match these filters.' : 'No open issues. Nothing to fix right now.'}
          </Empty>
        ) : (
          <IssueTable
            caption="Issues of this project"
            items={items}
            busy={issues.isPlaceholderData}
            openHref={(issue) => hrefWith('issue', issue.id)}
            taskCell={(issue) =>
              filters.taskId ? null : (
                <button
                  type="button"
                  className="btn btn-small btn-ghost issue-only-task"
                  onClick={() => change('task', issue.taskId)}
                >
                  Only this task<span className="visually-hidden"> ({issue.taskTitle})</span>
                </button>
              )
            }
          />
        )}
        <LoadMore
          hasMore={issues.hasNextPage}
          loading={issues.isFetchingNextPage}
          onLoad={() => issues.fetchNextPage()}
        />
      </Card>
      {openIssue ? <IssueDialog issueId={openIssue} onClose={() => change('issue', '')} /> : null}
    </div>
  );
}
