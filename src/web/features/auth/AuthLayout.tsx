import type { ReactNode } from 'react';
import { useTitle } from '../../lib/hooks.ts';

/** The centred card that the sign-in, setup and invite pages share. */
export function AuthLayout({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  useTitle(title);
  return (
    <div className="auth-page">
      <main className="auth-card">
        <p className="auth-brand" aria-hidden="true">
          <span className="brand-mark">G</span> Gloss
        </p>
        <h1>{title}</h1>
        {intro ? <div className="auth-intro">{intro}</div> : null}
        {children}
      </main>
    </div>
  );
}
