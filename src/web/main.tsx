import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { isApiError } from './api/client.ts';
import { sessionKey } from './features/auth/session.tsx';
import { router } from './router.tsx';
import './styles.css';

/** A 401 anywhere means the session is over: forget it, and the frame sends the user to sign in. */
const onError = (err: unknown) => {
  if (isApiError(err) && err.status === 401 && queryClient.getQueryData(sessionKey)) {
    queryClient.setQueryData(sessionKey, null);
  }
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // Client errors (4xx) are answers, not hiccups: retry only network and server failures.
      retry: (count, err) => count < 2 && !(isApiError(err) && err.status >= 400 && err.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
