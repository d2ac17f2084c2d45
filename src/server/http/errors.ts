/**
 * The one error type. `code` is a stable machine id clients switch on; `field` names the input
 * at fault. The error handler renders it as `{error: {code, message, field?}}`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (field: string, message: string) =>
  new AppError(400, 'invalid_request', `${field}: ${message}`, field);

export const unauthenticated = (message = 'Sign in first (session cookie or API key).') =>
  new AppError(401, 'unauthenticated', message);

export const forbidden = (action: string) =>
  new AppError(403, 'forbidden', `You do not have permission to ${action}.`, undefined, { action });

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found.`);

export const conflict = (code: string, message: string, field?: string) =>
  new AppError(409, code, message, field);

export const revisionConflict = (what: string, currentRevision: number) =>
  new AppError(
    409,
    'revision_conflict',
    `${what} was changed by someone else (now at revision ${currentRevision}); reload and try again.`,
    'revision',
    { currentRevision },
  );

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', `Too many attempts; try again in ${retryAfterSeconds} s.`, undefined, {
    retryAfterSeconds,
  });
