import type { ReactNode } from 'react';

/** The sticky bar under a builder: what is left to fix (or unsaved), and the save buttons. */
export function SaveBar({
  problems,
  dirty,
  children,
}: {
  problems: number;
  dirty: boolean;
  children: ReactNode;
}) {
  return (
    <div className="wf-savebar">
      <div className="wf-status" aria-live="polite" data-testid="workflow-status">
        {problems > 0 ? (
          <span className="wf-status-problems">
            {problems === 1 ? '1 problem to fix' : `${problems} problems to fix`}
          </span>
        ) : dirty ? (
          <span>Unsaved changes</span>
        ) : (
          <span className="muted">No unsaved changes</span>
        )}
      </div>
      {children}
    </div>
  );
}
