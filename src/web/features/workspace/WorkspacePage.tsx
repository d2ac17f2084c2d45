import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api, isApiError, unwrap, type Workspace } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { TextField } from '../../components/Field.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { roleMay } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { useWorkspace, workspaceKey } from '../frame/AppFrame.tsx';

/** Workspace settings: everyone reads them; Admins rename the workspace. */
export function WorkspacePage() {
  const workspace = useWorkspace();
  return (
    <>
      <PageHeader title="Workspace" description="Settings that apply to everyone in this workspace." />
      {workspace.data ? <NameCard workspace={workspace.data} /> : <Loading />}
    </>
  );
}

function NameCard({ workspace }: { workspace: Workspace }) {
  const user = useCurrentUser();
  const mayEdit = roleMay(user.role, 'workspace.update');
  const queryClient = useQueryClient();
  const [name, setName] = useState(workspace.name);
  useEffect(() => setName(workspace.name), [workspace.name]);
  const rename = useMutation({
    mutationFn: () =>
      unwrap(api.PATCH('/api/v1/workspace', { body: { name, revision: workspace.revision } })),
    onSuccess: (updated) => queryClient.setQueryData(workspaceKey, updated),
    onError: (err) => {
      // Someone else renamed it meanwhile: show theirs, and let the user decide again.
      if (isApiError(err, 'revision_conflict'))
        void queryClient.invalidateQueries({ queryKey: workspaceKey });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    rename.mutate();
  };
  return (
    <Card title="General">
      <form className="form form-narrow" onSubmit={submit} noValidate>
        <ErrorAlert error={rename.error} />
        {rename.isSuccess ? <Notice kind="success">The workspace name was saved.</Notice> : null}
        <TextField
          label="Workspace name"
          name="name"
          required
          maxLength={120}
          readOnly={!mayEdit}
          hint={mayEdit ? undefined : 'Only Admins can rename the workspace.'}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            rename.reset();
          }}
        />
        <p className="field-hint">Created {formatDateTime(workspace.createdAt)}</p>
        {mayEdit ? (
          <div className="form-actions">
            <SubmitButton busy={rename.isPending} disabled={name.trim() === workspace.name || !name.trim()}>
              Save workspace name
            </SubmitButton>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
