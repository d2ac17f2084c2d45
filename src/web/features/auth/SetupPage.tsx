import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/States.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { PASSWORD_HINT, PASSWORD_MIN_LENGTH } from './passwords.ts';
import { useSetupStatus, useSignedIn } from './session.tsx';

/** First run: name the workspace and create its first Admin (only while no user exists). */
export function SetupPage() {
  const setup = useSetupStatus();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const [form, setForm] = useState({ workspaceName: '', name: '', email: '', password: '' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/setup', { body: form })),
    onSuccess: (result) => {
      signedIn(result);
      navigate('/', { replace: true });
    },
  });

  if (setup.isPending) {
    return (
      <AuthLayout title="Set up Gloss">
        <Loading />
      </AuthLayout>
    );
  }
  if (setup.data && !setup.data.needsSetup && !create.isSuccess) return <Navigate to="/login" replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <AuthLayout
      title="Set up Gloss"
      intro={
        <p>Name your workspace and create the first Admin account. You can invite everyone else next.</p>
      }
    >
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={create.error ?? setup.error} />
        <TextField
          label="Workspace name"
          name="workspaceName"
          required
          maxLength={120}
          autoComplete="organization"
          value={form.workspaceName}
          onChange={set('workspaceName')}
        />
        <TextField
          label="Your name"
          name="name"
          required
          maxLength={120}
          autoComplete="name"
          value={form.name}
          onChange={set('name')}
        />
        <TextField
          label="Email"
          type="email"
          name="email"
          required
          autoComplete="username"
          value={form.email}
          onChange={set('email')}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          value={form.password}
          onChange={set('password')}
        />
        <SubmitButton busy={create.isPending} className="btn btn-primary btn-block">
          Create workspace
        </SubmitButton>
      </form>
    </AuthLayout>
  );
}
