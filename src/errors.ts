import { z } from 'zod';

/** Where a problem is, as precisely as known: a person can open the file and find it. */
export const WhereSchema = z.object({
  file: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  value: z.string().optional(),
});
export type Where = z.infer<typeof WhereSchema>;

export const ErrorCodeSchema = z.enum([
  'BAD_REQUEST',
  'NOT_FOUND',
  'WORKSPACE_TOO_NEW',
  'WORKSPACE_IN_USE',
  'WORKSPACE_UNREADABLE',
  'DISK_FULL',
  'FILE_UNREADABLE',
  'UNSUPPORTED_FORMAT',
  'MAPPING_INVALID',
  'VALIDATION_FAILED',
  'NEEDS_DATA',
  'MODEL_FAILED',
  'FORBIDDEN',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorInfoSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  where: WhereSchema.optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/** Errors are values with a code, a sentence for people and a place; they cross IPC and HTTP as data. */
export class PathwaysError extends Error {
  readonly code: ErrorCode;
  readonly where?: Where;
  constructor(code: ErrorCode, message: string, where?: Where) {
    super(message);
    this.name = 'PathwaysError';
    this.code = code;
    this.where = where;
  }
  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message, ...(this.where ? { where: this.where } : {}) };
  }
}

/** Any thrown value as an ErrorInfo; unknown errors keep their message but not their stack. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof PathwaysError) return err.toInfo();
  if (err instanceof z.ZodError) {
    return { code: 'BAD_REQUEST', message: `invalid request: ${err.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}` };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}
