import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/States.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { roleLabel } from '../../lib/format.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { PASSWORD_HINT, PASSWORD_MIN_LENGTH } from './passwords.ts';
import { useSignedIn } from './session.tsx';

/** An invite link: who it is for, then a name and password to create the account. */
export function InvitePage() {
  const { token = '' } = useParams();
  const invite = useQuery({
    queryKey: ['invite', token],
    queryFn: () => unwrap(api.POST('/api/v1/invites/lookup', { body: { token } })),
    retry: false,
    staleTime: Infinity,
  });

  if (invite.isPending) {
    return (
      <AuthLayout title="Accept your invite">
        <Loading label="Checking your invite…" />
      </AuthLayout>
    );
  }
  if (invite.isError) {
    const dead = isApiError(invite.error) && invite.error.status >= 400 && invite.error.status < 500;
    return (
      <AuthLayout title={dead ? 'This invite link is not valid' : 'Could not check this invite'}>
        {dead ? (
          <Notice kind="error">
            This invite link is invalid, used, revoked or expired. Ask whoever invited you for a new one.
          </Notice>
        ) : (
          <ErrorAlert error={invite.error} />
        )}
        <p className="auth-footer">
          Already have an account? <Link to="/login">Sign in</Link>
        </p>
      </AuthLayout>
    );
  }
  const { workspaceName, role, email } = invite.data;
  return (
    <AuthLayout
      title={`You're invited to ${workspaceName} as ${roleLabel(role)}`}
      intro={
        <p>
          Your account will use the email <strong>{email}</strong>.
        </p>
      }
    >
      <AcceptForm token={token} />
    </AuthLayout>
  );
}

function AcceptForm({ token }: { token: string }) {
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const accept = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/invites/accept', { body: { token, name, password } })),
    onSuccess: (result) => {
      signedIn(result);
      navigate('/', { replace: true });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    accept.mutate();
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {mismatch ? <Notice kind="error">The passwords do not match.</Notice> : null}
      <ErrorAlert error={accept.error} />
      <TextField
        label="Your name"
        name="name"
        required
        maxLength={120}
        autoComplete="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        autoComplete="new-password"
        hint={PASSWORD_HINT}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <TextField
        label="Confirm password"
        type="password"
        name="confirmPassword"
        required
        autoComplete="new-password"
        aria-invalid={mismatch || undefined}
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
      />
      <SubmitButton busy={accept.isPending} className="btn btn-primary btn-block">
        Accept invite
      </SubmitButton>
    </form>
  );
}
