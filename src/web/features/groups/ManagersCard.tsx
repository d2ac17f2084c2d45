import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { GROUP_MANAGER_ROLES } from '../../../core/roles.ts';
import { api, type Group, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Card } from '../../components/Page.tsx';
import { Empty } from '../../components/States.tsx';
import { mayOnGroup } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { groupKey } from './queries.ts';
import { UserPicker } from './UserPicker.tsx';

type Manager = NonNullable<Group['managers']>[number];

/** Who manages the group; shown only when the API tells us (managers is not null). */
export function ManagersCard({ group, managers }: { group: Group; managers: Manager[] }) {
  const me = useCurrentUser();
  const mayManage = mayOnGroup(me, group, 'group.manage_managers');
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: groupKey(group.id) });

  const add = useMutation({
    mutationFn: (userIds: string[]) =>
      unwrap(
        api.POST('/api/v1/groups/{id}/managers', { params: { path: { id: group.id } }, body: { userIds } }),
      ),
    onSuccess: ({ added }) => {
      setNotice(added === 1 ? 'Added 1 manager.' : `Added ${added} managers.`);
      setAdding(false);
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (manager: Manager) =>
      unwrap(
        api.DELETE('/api/v1/groups/{id}/managers/{userId}', {
          params: { path: { id: group.id, userId: manager.id } },
        }),
      ),
    onMutate: () => setNotice(null),
    onSuccess: (_ok, manager) => {
      setNotice(`${manager.name} no longer manages this group.`);
      return refresh();
    },
  });

  return (
    <Card
      title="Managers"
      actions={
        mayManage ? (
          <button
            type="button"
            className="btn"
            onClick={() => {
              add.reset();
              setNotice(null);
              setAdding(true);
            }}
          >
            Add managers
          </button>
        ) : null
      }
    >
      <p className="card-description">Managers are Admins or Workforce Managers who look after this group.</p>
      {adding ? (
        <Dialog title="Add managers" onClose={() => setAdding(false)}>
          <ErrorAlert error={add.error} />
          <UserPicker
            submitLabel="Add selected"
            busy={add.isPending}
            present={new Set(managers.map((m) => m.id))}
            eligible={(u) => GROUP_MANAGER_ROLES.includes(u.role)}
            onSubmit={(ids) => add.mutate(ids)}
          />
        </Dialog>
      ) : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorAlert error={remove.error} />
      {managers.length === 0 ? (
        <Empty>Nobody manages this group; Admins can still manage it.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                {mayManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {managers.map((manager) => (
                <tr key={manager.id}>
                  <th scope="row" className="cell-name">
                    {manager.name}
                    {manager.id === me.id ? <span className="you"> (you)</span> : null}
                  </th>
                  <td>{manager.email}</td>
                  {mayManage ? (
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="btn btn-small btn-danger-outline"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(manager)}
                      >
                        Remove
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
