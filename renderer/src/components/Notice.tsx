import type { ReactNode } from 'react';
import type { ApiError } from '../api/apiError';

export type NoticeKind = 'loading' | 'empty' | 'needs-data' | 'error';

/** A message in place of content: loading, nothing to show, data missing, or a failure. */
export function Notice({ kind, title, children }: { kind: NoticeKind; title?: string; children: ReactNode }) {
  const live = kind === 'error' ? { role: 'alert' } : { role: 'status', 'aria-live': 'polite' as const };
  return (
    <div className={`notice notice-${kind}`} data-testid={`notice-${kind}`} {...live}>
      {title ? <p className="notice-title">{title}</p> : null}
      <p className="notice-body">{children}</p>
    </div>
  );
}

/**
 * A failed call, in the core's own words. NEEDS_DATA is not a failure but a missing import:
 * its message already says what is needed ("Participation rate needs sessions data (import
 * a sessions file…)"), so it is shown as guidance rather than as an alarm.
 */
export function ErrorNotice({ error, title }: { error: ApiError; title?: string }) {
  if (error.code === 'NEEDS_DATA') {
    return <Notice kind="needs-data" title="More data needed">{error.message}</Notice>;
  }
  return (
    <Notice kind="error" title={title ?? 'Something went wrong'}>
      {error.message}
    </Notice>
  );
}
