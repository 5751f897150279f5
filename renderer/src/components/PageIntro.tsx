import type { ReactNode } from 'react';

/** The page's heading and what it answers, above its charts. */
export function PageIntro({ title, children }: { title: string; children: ReactNode }) {
  return (
    <header className="page-intro">
      <h1 className="page-title">{title}</h1>
      <p className="page-lead">{children}</p>
    </header>
  );
}
