/** A call the user (or a newer view) abandoned: not a failure, so screens say "cancelled", not "error". */
export const cancelledError = (): DOMException => new DOMException('The request was cancelled.', 'AbortError');

export const isCancelled = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
