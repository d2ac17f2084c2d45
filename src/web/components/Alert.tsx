import type { ReactNode } from 'react';
import { errorMessage } from '../lib/format.ts';

/** An error, announced as soon as it appears. Renders nothing when there is none. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div role="alert" className="alert alert-error">
      {errorMessage(error)}
    </div>
  );
}

/** A short message in the page flow; `alert` for problems, `status` (polite) for news. */
export function Notice({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div role={kind === 'error' ? 'alert' : 'status'} className={`alert alert-${kind}`}>
      {children}
    </div>
  );
}
