import { Link, useSearchParams } from 'react-router';
import type { User } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { useCurrentUser } from '../auth/session.tsx';
import { useProject } from '../projects/queries.ts';
import { IssueDialog } from './IssueDetail.tsx';
import { IssueTable } from './IssueTable.tsx';
import { statusChoice } from './ProjectIssuesTab.tsx';
import { type Involvement, type Issue, useMyIssues } from './queries.ts';
import './issues.css';

const INVOLVEMENTS: { value: Involvement; label: string }[] = [
  { value: 'assigned', label: 'Assigned to me' },
  { value: 'authored', label: 'Raised by me' },
  { value: 'mentioned', label: 'Mentioning me' },
];

const involvementOf = (value: string | null): Involvement | '' =>
  INVOLVEMENTS.find((i) => i.value === value)?.value ?? '';

/** How the signed-in user is involved in an issue, in words ("Assigned, mentioned"). */
function involvementText(issue: Issue, me: User): string {
  const ways = [
    issue.assignee?.id === me.id ? 'Assigned' : null,
    issue.author?.id === me.id ? 'Raised' : null,
    issue.mentions.some((m) => m.id === me.id) ? 'Mentioned' : null,
  ].filter((w): w is string => w !== null);
  return ways.join(', ') || '—';
}

/** A project's name, linked to its Issues tab (the project is cached once for all its rows). */
function ProjectName({ id }: { id: string }) {
  const project = useProject(id);
  if (!project.data) return <span className="cell-muted">{project.isError ? 'Unavailable' : '…'}</span>;
  return <Link to={`/projects/${id}?tab=issues`}>{project.data.name}</Link>;
}

/**
 * The signed-in user's issues across projects: assigned to them, raised by them or mentioning
 * them, open by default. Filters and the open issue are kept in the URL.
 */
export function MyIssuesPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const involvement = involvementOf(params.get('involvement'));
  const status = statusChoice(params.get('status'));
  const issues = useMyIssues({ involvement, status: status === 'all' ? '' : status });
  const items = issues.data?.pages.flatMap((p) => p.items) ?? [];
  const openIssue = params.get('issue') ?? '';
  const change = (key: 'involvement' | 'status' | 'issue', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'issue') next.delete('issue');
    setParams(next, { replace: true });
  };
  const hrefOf = (issue: Issue) => {
    const next = new URLSearchParams(params);
    next.set('issue', issue.id);
    return `?${next.toString()}`;
  };

  return (
    <>
      <PageHeader
        title="My issues"
        description="Issues assigned to you, raised by you or mentioning you, in every project."
      />
      <Card>
        <search className="filters issue-filters" aria-label="Filter issues">
          <SelectField
            label="Involvement"
            value={involvement}
            onChange={(e) => change('involvement', e.target.value)}
          >
            <option value="">Any</option>
            {INVOLVEMENTS.map((i) => (
              <option key={i.value} value={i.value}>
                {i.label}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Status"
            value={status}
            onChange={(e) => change('status', e.target.value === 'open' ? '' : e.target.value)}
          >
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
            <option value="all">All</option>
          </SelectField>
        </search>
        <ErrorAlert error={issues.error} />
        {issues.isPending ? (
          <Loading />
        ) : issues.isError && !issues.data ? null : items.length === 0 ? (
          <Empty>
            {involvement || status !== 'open' ? 'No issues match these filters.' : 'No open issues for you.'}
          </Empty>
        ) : (
          <IssueTable
            caption="Your issues"
            items={items}
            busy={issues.isPlaceholderData}
            openHref={hrefOf}
            extras={[
              { header: 'Project', cell: (issue) => <ProjectName id={issue.projectId} /> },
              { header: 'You are', cell: (issue) => involvementText(issue, me) },
            ]}
          />
        )}
        <LoadMore
          hasMore={issues.hasNextPage}
          loading={issues.isFetchingNextPage}
          onLoad={() => issues.fetchNextPage()}
        />
      </Card>
      {openIssue ? <IssueDialog issueId={openIssue} onClose={() => change('issue', '')} /> : null}
    </>
  );
}
