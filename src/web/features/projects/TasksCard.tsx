import { ErrorAlert } from '../../components/Alert.tsx';
import { Card } from '../../components/Page.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { KIND_LABELS } from '../datasets/labels.ts';
import { type Project, useProjectTasks } from './queries.ts';

/** The project's tasks (one per data unit of its datasets), for its managers. */
export function TasksCard({ project }: { project: Project }) {
  const tasks = useProjectTasks(project.id);
  const items = tasks.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={`Tasks (${project.taskCount.toLocaleString()})`}>
      <ErrorAlert error={tasks.error} />
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError && !tasks.data ? null : items.length === 0 ? (
        <Empty>No tasks yet. Attach a dataset with data units to create them.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Data unit</th>
                <th scope="col">Kind</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {items.map((task) => (
                <tr key={task.id}>
                  <th scope="row">{task.title}</th>
                  <td>{KIND_LABELS[task.kind]}</td>
                  <td className="cell-nowrap">{formatDateTime(task.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        hasMore={tasks.hasNextPage}
        loading={tasks.isFetchingNextPage}
        onLoad={() => tasks.fetchNextPage()}
      />
    </Card>
  );
}
