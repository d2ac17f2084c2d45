import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Loading } from '../../components/States.tsx';
import { CurrentUserProvider, useSession } from '../auth/session.tsx';

/** Renders its children for a signed-in user; sends anyone else to sign in and back here after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) {
    return (
      <div className="center-screen">
        <Loading />
      </div>
    );
  }
  if (session.isError) {
    return (
      <div className="center-screen">
        <div className="stack">
          <ErrorAlert error={session.error} />
          <button type="button" className="btn" onClick={() => session.refetch()}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  if (!session.data) {
    const here = location.pathname + location.search;
    const to = here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  return <CurrentUserProvider user={session.data.user}>{children}</CurrentUserProvider>;
}
