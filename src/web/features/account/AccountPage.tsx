import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, isApiError, type Session, type User, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { TextField } from '../../components/Field.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { roleLabel } from '../../lib/format.ts';
import { PASSWORD_HINT, PASSWORD_MIN_LENGTH } from '../auth/passwords.ts';
import { sessionKey, useCurrentUser } from '../auth/session.tsx';

type AccountChange = { name?: string; currentPassword?: string; newPassword?: string };

/** PATCH /account with the revision we hold; keeps the session's copy of the user current. */
function useUpdateAccount() {
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  return useMutation({
    mutationFn: (change: AccountChange) =>
      unwrap(api.PATCH('/api/v1/account', { body: { revision: user.revision, ...change } })),
    onSuccess: (updated: User) => {
      queryClient.setQueryData<Session | null>(sessionKey, (s) => (s ? { ...s, user: updated } : s));
    },
    onError: (err) => {
      if (isApiError(err, 'revision_conflict')) void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function AccountPage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title="Account" description={`${user.email} · ${roleLabel(user.role)}`} />
      <div className="card-stack">
        <NameCard />
        <PasswordCard />
      </div>
    </>
  );
}

function NameCard() {
  const user = useCurrentUser();
  const [name, setName] = useState(user.name);
  const update = useUpdateAccount();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ name });
  };
  return (
    <Card title="Profile">
      <form className="form form-narrow" onSubmit={submit} noValidate>
        <ErrorAlert error={update.error} />
        {update.isSuccess ? <Notice kind="success">Your name was saved.</Notice> : null}
        <TextField
          label="Name"
          name="name"
          required
          maxLength={120}
          autoComplete="name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            update.reset();
          }}
        />
        <div className="form-actions">
          <SubmitButton busy={update.isPending} disabled={name.trim() === user.name}>
            Save name
          </SubmitButton>
        </div>
      </form>
    </Card>
  );
}

function PasswordCard() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const update = useUpdateAccount();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    update.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
        },
      },
    );
  };
  const edit = (set: (v: string) => void) => (e: { target: { value: string } }) => {
    set(e.target.value);
    update.reset();
  };

  return (
    <Card title="Password">
      <form className="form form-narrow" onSubmit={submit} noValidate>
        {mismatch ? <Notice kind="error">The new passwords do not match.</Notice> : null}
        <ErrorAlert error={update.error} />
        {update.isSuccess ? (
          <Notice kind="success">Your password was changed. Your other sessions were signed out.</Notice>
        ) : null}
        <TextField
          label="Current password"
          type="password"
          name="currentPassword"
          required
          autoComplete="current-password"
          value={current}
          onChange={edit(setCurrent)}
        />
        <TextField
          label="New password"
          type="password"
          name="newPassword"
          required
          minLength={PASSWORD_MIN_LENGTH}
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          value={next}
          onChange={edit(setNext)}
        />
        <TextField
          label="Confirm new password"
          type="password"
          name="confirmPassword"
          required
          autoComplete="new-password"
          aria-invalid={mismatch || undefined}
          value={confirm}
          onChange={edit(setConfirm)}
        />
        <div className="form-actions">
          <SubmitButton busy={update.isPending}>Change password</SubmitButton>
        </div>
      </form>
    </Card>
  );
}
