import type { ErrorCode, ErrorInfo, Where } from '../../../src/errors';

/** A failed call, as the core reported it: a code to branch on and a sentence for people. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly where?: Where;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
    this.where = info.where;
  }
}

/** Any thrown value as an ApiError, so screens only ever handle one kind of error. */
export const asApiError = (err: unknown): ApiError =>
  err instanceof ApiError ? err : new ApiError({ code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) });
