import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Group, isApiError, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { NameDescriptionForm } from '../../components/NameDescriptionForm.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { mayOnGroup } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { ManagersCard } from './ManagersCard.tsx';
import { MembersCard } from './MembersCard.tsx';
import { groupKey, groupsKey, membersKey, useGroup } from './queries.ts';

export function GroupDetailPage() {
  const { id = '' } = useParams();
  const group = useGroup(id);
  if (group.isPending) return <Loading />;
  if (group.isError) {
    return (
      <>
        <PageHeader title="Group" />
        <ErrorAlert error={group.error} />
        <p>
          <Link to="/settings/groups">Back to group list</Link>
        </p>
      </>
    );
  }
  return <GroupDetail group={group.data} />;
}

function GroupDetail({ group }: { group: Group }) {
  const me = useCurrentUser();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/settings/groups">
          <span aria-hidden="true">← </span>Back to group list
        </Link>
      </p>
      <PageHeader
        title={group.name}
        description={group.description || undefined}
        actions={mayOnGroup(me, group, 'group.delete') ? <DeleteGroup group={group} /> : null}
      />
      <div className="card-stack">
        {mayOnGroup(me, group, 'group.update') ? <DetailsCard group={group} /> : null}
        <MembersCard group={group} />
        {group.managers !== null ? <ManagersCard group={group} managers={group.managers} /> : null}
      </div>
    </>
  );
}

function DetailsCard({ group }: { group: Group }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (change: { name: string; description: string }) =>
      unwrap(
        api.PATCH('/api/v1/groups/{id}', {
          params: { path: { id: group.id } },
          body: { ...change, revision: group.revision },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(groupKey(group.id), updated);
      void queryClient.invalidateQueries({ queryKey: [...groupsKey, 'list'] });
    },
    onError: (err) => {
      if (isApiError(err, 'revision_conflict'))
        void queryClient.invalidateQueries({ queryKey: groupKey(group.id) });
    },
  });
  return (
    <Card title="Details">
      <ErrorAlert error={save.error} />
      {save.isSuccess ? <Notice kind="success">The group was saved.</Notice> : null}
      {/* Re-created when the group changes, so the fields show the current revision. */}
      <NameDescriptionForm
        key={group.revision}
        initial={group}
        nameLabel="Group name"
        nameMaxLength={80}
        descriptionMaxLength={500}
        busy={save.isPending}
        onSave={(change) => save.mutate(change)}
        onEdit={() => save.isSuccess && save.reset()}
      />
    </Card>
  );
}

function DeleteGroup({ group }: { group: Group }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/groups/{id}', { params: { path: { id: group.id } } })),
    onSuccess: () => {
      // Leave first, so nothing on this page asks for the deleted group again.
      navigate('/settings/groups', { replace: true });
      queryClient.removeQueries({ queryKey: groupKey(group.id) });
      queryClient.removeQueries({ queryKey: membersKey(group.id) });
      void queryClient.invalidateQueries({ queryKey: [...groupsKey, 'list'] });
    },
  });
  return (
    <div className="stack-tight">
      <ConfirmButton
        label="Delete group"
        question="Delete this group? Its members keep their accounts."
        confirmLabel="Confirm"
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
      <ErrorAlert error={remove.error} />
    </div>
  );
}
