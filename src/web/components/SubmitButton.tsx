import type { ReactNode } from 'react';

/**
 * A form's submit button. Its text stays the same while the request runs (so it is always found
 * by the same name); it is disabled and shows a spinner instead.
 */
export function SubmitButton({
  busy,
  children,
  className = 'btn btn-primary',
  disabled,
}: {
  busy: boolean;
  children: ReactNode;
  className?: string;
  disabled?: boolean;
}) {
  return (
    <button type="submit" className={className} disabled={busy || disabled} aria-busy={busy || undefined}>
      {busy ? <span className="spinner spinner-inline" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
