import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/States.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { safeNext, useSession, useSetupStatus, useSignedIn } from './session.tsx';

export function LoginPage() {
  const setup = useSetupStatus();
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const login = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/login', { body: { email, password } })),
    onSuccess: (result) => {
      signedIn(result);
      navigate(next, { replace: true });
    },
  });

  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (session.data) return <Navigate to={next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };

  return (
    <AuthLayout title="Sign in">
      {setup.isPending || session.isPending ? (
        <Loading />
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <ErrorAlert error={login.error ?? setup.error} />
          <TextField
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <SubmitButton busy={login.isPending} className="btn btn-primary btn-block">
            Sign in
          </SubmitButton>
        </form>
      )}
    </AuthLayout>
  );
}
