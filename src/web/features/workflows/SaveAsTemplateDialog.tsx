import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Workflow } from '../../../core/workflow/index.ts';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { TextField } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { type WorkflowTemplate, workflowTemplatesKey } from './queries.ts';

/** Saves a copy of `workflow` as a workspace template. */
export function SaveAsTemplateDialog({
  workflow,
  onClose,
  onSaved,
}: {
  workflow: Workflow;
  onClose: () => void;
  onSaved: (template: WorkflowTemplate) => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workflow-templates', {
          body: { name, description: description.trim() || undefined, definition: workflow as never },
        }),
      ),
    onSuccess: (t) => {
      void queryClient.invalidateQueries({ queryKey: [...workflowTemplatesKey, 'list'] });
      onSaved(t as WorkflowTemplate);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) save.mutate();
  };
  return (
    <Dialog title="Save as template" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Template name"
          required
          maxLength={80}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label="Description"
          maxLength={500}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <ErrorAlert error={save.error} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <SubmitButton busy={save.isPending} disabled={!name.trim()}>
            Save template
          </SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
