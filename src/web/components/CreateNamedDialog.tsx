import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from './Alert.tsx';
import { Dialog } from './Dialog.tsx';
import { TextAreaField, TextField } from './Field.tsx';
import { SubmitButton } from './SubmitButton.tsx';

/**
 * A dialog creating a record from a name and an optional description (groups, datasets). The
 * caller sends the request and decides what happens once the record exists.
 */
export function CreateNamedDialog<T>({
  title,
  nameLabel,
  nameMaxLength,
  descriptionMaxLength,
  submitLabel,
  create,
  onCreated,
  onClose,
}: {
  title: string;
  nameLabel: string;
  nameMaxLength: number;
  descriptionMaxLength: number;
  submitLabel: string;
  create: (input: { name: string; description: string | undefined }) => Promise<T>;
  onCreated: (record: T) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const mutation = useMutation({
    mutationFn: () => create({ name, description: description.trim() || undefined }),
    onSuccess: (record) => {
      onClose();
      onCreated(record);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={mutation.error} />
        <TextField
          label={nameLabel}
          name="name"
          required
          maxLength={nameMaxLength}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextAreaField
          label="Description"
          name="description"
          maxLength={descriptionMaxLength}
          rows={3}
          hint="Optional."
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <SubmitButton busy={mutation.isPending}>{submitLabel}</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
