import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Group, type GroupMember, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Card } from '../../components/Page.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { formatDate, roleLabel, statusLabel } from '../../lib/format.ts';
import { mayOnGroup } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { groupKey, membersKey, useGroupMembers } from './queries.ts';
import { UserPicker } from './UserPicker.tsx';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function MembersCard({ group }: { group: Group }) {
  const me = useCurrentUser();
  const members = useGroupMembers(group.id);
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const mayManage = mayOnGroup(me, group, 'group.manage_members');
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: membersKey(group.id) }),
      queryClient.invalidateQueries({ queryKey: groupKey(group.id) }),
    ]);

  const add = useMutation({
    mutationFn: (userIds: string[]) =>
      unwrap(
        api.POST('/api/v1/groups/{id}/members', { params: { path: { id: group.id } }, body: { userIds } }),
      ),
    onSuccess: ({ added }) => {
      setNotice(`Added ${plural(added, 'member', 'members')}.`);
      setAdding(false);
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (member: GroupMember) =>
      unwrap(
        api.DELETE('/api/v1/groups/{id}/members/{userId}', {
          params: { path: { id: group.id, userId: member.id } },
        }),
      ),
    onMutate: () => setNotice(null),
    onSuccess: (_ok, member) => {
      setNotice(`Removed ${member.name} from the group.`);
      return refresh();
    },
  });

  return (
    <Card
      title={`Members (${group.memberCount})`}
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
            Add members
          </button>
        ) : null
      }
    >
      {adding ? (
        <Dialog title="Add members" onClose={() => setAdding(false)}>
          <ErrorAlert error={add.error} />
          <UserPicker
            submitLabel="Add selected"
            busy={add.isPending}
            present={new Set(items.map((m) => m.id))}
            onSubmit={(ids) => add.mutate(ids)}
          />
        </Dialog>
      ) : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorAlert error={remove.error ?? members.error} />
      {members.isPending ? (
        <Loading />
      ) : members.isError && !members.data ? null : items.length === 0 ? (
        <Empty>This group has no members yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Added</th>
                {mayManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((member) => (
                <tr key={member.id} className={member.status === 'deactivated' ? 'row-muted' : undefined}>
                  <th scope="row" className="cell-name">
                    {member.name}
                  </th>
                  <td>{member.email}</td>
                  <td>{roleLabel(member.role)}</td>
                  <td>
                    <Badge tone={member.status === 'active' ? 'success' : 'muted'}>
                      {statusLabel(member.status)}
                    </Badge>
                  </td>
                  <td>{formatDate(member.addedAt)}</td>
                  {mayManage ? (
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="btn btn-small btn-danger-outline"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(member)}
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
      <LoadMore
        hasMore={members.hasNextPage}
        loading={members.isFetchingNextPage}
        onLoad={() => members.fetchNextPage()}
      />
    </Card>
  );
}
