import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { api, isApiError, type Session, type User, unwrap } from '../../api/client.ts';

export const sessionKey = ['session'] as const;
export const setupKey = ['setup'] as const;

/** Who is signed in, or null when nobody is (a 401 is an answer here, not an error). */
async function fetchSession(): Promise<Session | null> {
  try {
    return await unwrap(api.GET('/api/v1/auth/session'));
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => unwrap(api.GET('/api/v1/setup')),
    staleTime: 60_000,
  });
}

/** Records a fresh sign-in (from setup, login or an accepted invite) without another round trip. */
export function useSignedIn() {
  const queryClient = useQueryClient();
  return (result: { user: User; csrfToken: string }) => {
    queryClient.setQueryData<Session>(sessionKey, { ...result, via: 'session' });
    queryClient.setQueryData(setupKey, { needsSetup: false });
  };
}

/** Where to go after signing in: a path inside the app from `?next=`, never another site. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/^\/(login|setup|invite)(\/|$|\?)/.test(next)) return '/';
  return next;
}

const CurrentUser = createContext<User | null>(null);

export function CurrentUserProvider({ user, children }: { user: User; children: ReactNode }) {
  return <CurrentUser.Provider value={user}>{children}</CurrentUser.Provider>;
}

/** The signed-in user; only inside the signed-in frame. */
export function useCurrentUser(): User {
  const user = useContext(CurrentUser);
  if (!user) throw new Error('useCurrentUser() is only available inside the signed-in frame');
  return user;
}
