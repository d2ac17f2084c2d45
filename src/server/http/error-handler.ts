import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, invalid } from './errors.ts';

interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: Record<string, unknown> };
}

/** Fastify's own 4xx errors mapped to stable codes clients can switch on. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
};

function fieldOf(instancePath: string, params: Record<string, unknown>, context: string | undefined): string {
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
  // Unknown keys are reported on the parent object; name the first offending key instead.
  const keys = params.keys;
  const unknownKey = Array.isArray(keys) && typeof keys[0] === 'string' ? keys[0] : null;
  const name = [path, unknownKey].filter(Boolean).join('.');
  return name || context || 'body';
}

export function renderError(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let status = 500;
    let body: ErrorBody;
    if (err instanceof AppError) {
      status = err.status;
      body = { error: { code: err.code, message: err.message, field: err.field, details: err.details } };
      if (err.code === 'rate_limited' && typeof err.details?.retryAfterSeconds === 'number') {
        reply.header('retry-after', String(err.details.retryAfterSeconds));
      }
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      const first = err.validation[0]!;
      const field = fieldOf(first.instancePath, first.params, err.validationContext);
      body = { error: { code: 'invalid_request', message: `${field}: ${first.message}`, field } };
    } else if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      status = 400;
      body = {
        error: { code: 'invalid_json', message: `body: is not valid JSON (${err.message})`, field: 'body' },
      };
    } else if (
      !isResponseSerializationError(err) &&
      err.statusCode &&
      err.statusCode >= 400 &&
      err.statusCode < 500
    ) {
      status = err.statusCode;
      const code = FASTIFY_CODES[err.code] ?? 'invalid_request';
      body = { error: { code, message: err.message, field: code === 'body_too_large' ? 'body' : undefined } };
    } else {
      req.log.error({ err }, 'unhandled error');
      body = {
        error: { code: 'internal_error', message: `Something went wrong on our side (request ${req.id}).` },
      };
    }
    return reply.status(status).send(body);
  });
}

/**
 * Errors Fastify raises while matching the route (a malformed percent-escape or an over-long
 * path parameter), before any route or the error handler above exists for the request.
 */
export function renderRoutingError(err: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  return reply.status(status).send({
    error: { code: 'invalid_request', message: `path: ${err.message}`, field: 'path' },
  });
}

/**
 * The dotted path of the first string (value or key) holding U+0000, if any. Iterative, so a
 * deeply nested body cannot exhaust the stack.
 */
function nulPath(root: unknown): string | null {
  const pending: [unknown, string][] = [[root, '']];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\0')) return path;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\0')) return childPath;
        pending.push([child, childPath]);
      }
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite can), so it is refused in every input up front,
 * the same on both databases, rather than failing deep inside a query.
 */
export async function refuseNulCharacters(req: FastifyRequest) {
  const field = nulPath(req.params) ?? nulPath(req.query) ?? nulPath(req.body);
  if (field !== null) throw invalid(field || 'body', 'must not contain the NUL character (U+0000)');
}
