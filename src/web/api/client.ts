import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

export type Schemas = components['schemas'];
export type User = Schemas['User'];
export type Session = paths['/api/v1/auth/session']['get']['responses'][200]['content']['application/json'];
export type Invite = Schemas['Invite'];
export type ApiKey = Schemas['ApiKey'];
export type AuditEntry = Schemas['AuditEntry'];
export type Group = Schemas['Group'];
export type GroupMember = Schemas['GroupMember'];
export type Workspace = Schemas['Workspace'];

/** An error response of the API (`{error: {code, message, field?}}`), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | undefined,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (err: unknown, code?: string): err is ApiError =>
  err instanceof ApiError && (code === undefined || err.code === code);

const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Responses that carry the session's CSRF token (`{user, csrfToken}`). */
const SESSION_RESPONSES = new Set([
  '/api/v1/auth/session',
  '/api/v1/auth/login',
  '/api/v1/setup',
  '/api/v1/invites/accept',
]);

/** The CSRF token of the current cookie session, kept in memory only (never in storage). */
let csrfToken: string | null = null;

export function forgetSession() {
  csrfToken = null;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !SAFE_METHODS.has(request.method)) request.headers.set(CSRF_HEADER, csrfToken);
    return request;
  },
  async onResponse({ response, schemaPath }) {
    if (response.status === 401) {
      csrfToken = null;
    } else if (response.ok && SESSION_RESPONSES.has(schemaPath)) {
      const body: unknown = await response.clone().json();
      if (body && typeof body === 'object' && 'csrfToken' in body) {
        csrfToken = typeof body.csrfToken === 'string' ? body.csrfToken : null;
      }
    } else if (response.ok && schemaPath === '/api/v1/auth/logout') {
      csrfToken = null;
    }
    return response;
  },
};

/** The one typed client of the Gloss API (types generated from the server's OpenAPI document). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

const isErrorBody = (body: unknown): body is ErrorBody =>
  typeof body === 'object' &&
  body !== null &&
  'error' in body &&
  typeof body.error === 'object' &&
  body.error !== null &&
  'message' in body.error;

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError built from the
 * response's `{error: {code, message, field}}`.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(
      'network_error',
      'Could not reach the Gloss server. Check your connection.',
      undefined,
      0,
    );
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  if (isErrorBody(error)) {
    throw new ApiError(error.error.code, error.error.message, error.error.field, response.status);
  }
  throw new ApiError(
    'http_error',
    `The server answered ${response.status} ${response.statusText}.`,
    undefined,
    response.status,
  );
}
