import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { groupKey, groupsKey } from './queries.ts';

/** Creates a group (its creator becomes a manager) and opens it. */
export function NewGroupDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/groups', { body: { name, description: description.trim() || undefined } })),
    onSuccess: (group) => {
      queryClient.setQueryData(groupKey(group.id), group);
      void queryClient.invalidateQueries({ queryKey: groupsKey });
      onClose();
      navigate(`/settings/groups/${group.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Dialog title="New group" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={create.error} />
        <TextField
          label="Group name"
          name="name"
          required
          maxLength={80}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextAreaField
          label="Description"
          name="description"
          maxLength={500}
          rows={3}
          hint="Optional."
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <SubmitButton busy={create.isPending}>Create group</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
