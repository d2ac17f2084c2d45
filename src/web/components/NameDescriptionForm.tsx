import { type FormEvent, useState } from 'react';
import { TextAreaField, TextField } from './Field.tsx';
import { SubmitButton } from './SubmitButton.tsx';

export interface NameDescription {
  name: string;
  description: string;
}

/**
 * Renaming a record and editing its description (groups, datasets). Mount it with
 * `key={record.revision}` so the fields start from the revision being edited.
 */
export function NameDescriptionForm({
  initial,
  nameLabel,
  nameMaxLength,
  descriptionMaxLength,
  busy,
  onSave,
  onEdit,
}: {
  initial: NameDescription;
  nameLabel: string;
  nameMaxLength: number;
  descriptionMaxLength: number;
  busy: boolean;
  onSave: (change: NameDescription) => void;
  onEdit: () => void;
}) {
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const unchanged = name.trim() === initial.name && description.trim() === initial.description;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({ name, description });
  };
  return (
    <form className="form form-narrow" onSubmit={submit} noValidate>
      <TextField
        label={nameLabel}
        name="name"
        required
        maxLength={nameMaxLength}
        autoComplete="off"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          onEdit();
        }}
      />
      <TextAreaField
        label="Description"
        name="description"
        maxLength={descriptionMaxLength}
        rows={3}
        value={description}
        onChange={(e) => {
          setDescription(e.target.value);
          onEdit();
        }}
      />
      <div className="form-actions">
        <SubmitButton busy={busy} disabled={unchanged}>
          Save changes
        </SubmitButton>
      </div>
    </form>
  );
}
