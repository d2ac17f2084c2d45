import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { CreateNamedDialog } from '../../components/CreateNamedDialog.tsx';
import { groupKey, groupsKey } from './queries.ts';

/** Creates a group (its creator becomes a manager) and opens it. */
export function NewGroupDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <CreateNamedDialog
      title="New group"
      nameLabel="Group name"
      nameMaxLength={80}
      descriptionMaxLength={500}
      submitLabel="Create group"
      create={(body) => unwrap(api.POST('/api/v1/groups', { body }))}
      onCreated={(group) => {
        queryClient.setQueryData(groupKey(group.id), group);
        void queryClient.invalidateQueries({ queryKey: groupsKey });
        navigate(`/settings/groups/${group.id}`);
      }}
      onClose={onClose}
    />
  );
}
