import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { datasetKey, datasetsKey } from './queries.ts';

/** Creates a dataset (its creator becomes its Admin) and opens it, ready for uploads. */
export function NewDatasetDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/datasets', { body: { name, description: description.trim() || undefined } })),
    onSuccess: (dataset) => {
      queryClient.setQueryData(datasetKey(dataset.id), dataset);
      void queryClient.invalidateQueries({ queryKey: [...datasetsKey, 'list'] });
      onClose();
      navigate(`/datasets/${dataset.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Dialog title="New dataset" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={create.error} />
        <TextField
          label="Dataset name"
          name="name"
          required
          maxLength={120}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextAreaField
          label="Description"
          name="description"
          maxLength={2000}
          rows={3}
          hint="Optional."
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <SubmitButton busy={create.isPending}>Create dataset</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
