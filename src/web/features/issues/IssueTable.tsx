import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Age, excerpt, IssueStatusBadge, IssueTagChips, IssueTargetMark, personName } from './bits.tsx';
import type { Issue } from './queries.ts';

/**
 * Issues as table rows: what each says (a link opening it), its tags and what it is pinned to, its
 * task, who raised it, who has it, its status, its comment count and age. `openHref` gives the
 * link that opens an issue (the page shows it in a dialog); `extras` add columns after the task.
 */
export function IssueTable({
  caption,
  items,
  busy,
  openHref,
  taskCell,
  extras = [],
}: {
  caption: string;
  items: readonly Issue[];
  busy: boolean;
  openHref: (issue: Issue) => string;
  /** More in the task cell (e.g. a "only this task" button). */
  taskCell?: (issue: Issue) => ReactNode;
  extras?: readonly { header: string; cell: (issue: Issue) => ReactNode }[];
}) {
  return (
    <div className="table-wrap" aria-busy={busy || undefined}>
      <table className="table issue-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Task</th>
            {extras.map((x) => (
              <th key={x.header} scope="col">
                {x.header}
              </th>
            ))}
            <th scope="col">Raised by</th>
            <th scope="col">Assignee</th>
            <th scope="col">Status</th>
            <th scope="col" className="cell-number">
              Comments
            </th>
            <th scope="col">Age</th>
          </tr>
        </thead>
        <tbody>
          {items.map((issue) => (
            <tr key={issue.id} data-testid={`issue-row-${issue.id}`}>
              <th scope="row" className="cell-name issue-cell">
                <Link to={openHref(issue)} className="issue-link">
                  {excerpt(issue.body)}
                </Link>
                <span className="issue-cell-meta">
                  <IssueTargetMark issue={issue} />
                  <IssueTagChips tags={issue.tags} />
                </span>
              </th>
              <td>
                <Link to={`/tasks/${issue.taskId}`}>{issue.taskTitle}</Link>
                {taskCell?.(issue)}
              </td>
              {extras.map((x) => (
                <td key={x.header}>{x.cell(issue)}</td>
              ))}
              <td>{personName(issue.author, 'Someone')}</td>
              <td>{issue.assignee ? issue.assignee.name : <span className="cell-muted">Unassigned</span>}</td>
              <td>
                <IssueStatusBadge status={issue.status} />
              </td>
              <td className="cell-number">{issue.commentCount}</td>
              <td className="cell-nowrap">
                <Age iso={issue.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
