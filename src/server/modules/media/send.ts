import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { MEDIA_MAX_AGE_SECONDS, type MediaAnswer } from './service.ts';

/**
 * The Cache-Control each media answer wants. The app marks every API answer `no-store` as it
 * goes out; the media routes put this back afterwards (see routes.ts).
 */
export const cachePolicy = new WeakMap<FastifyReply, string>();

export type ByteRange = { start: number; end: number };

/**
 * Reads a `Range` header against an object of `size` bytes (RFC 9110 §14): one range of the
 * `bytes` unit, `a-b`, `a-` or `-n`. Null means "send everything" (no header, another unit,
 * several ranges or a malformed one, all of which a server may ignore); 'unsatisfiable' means
 * the range starts past the end.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const first = m[1] === '' ? null : Number(m[1]);
  const last = m[2] === '' ? null : Number(m[2]);
  if ((first !== null && !Number.isSafeInteger(first)) || (last !== null && !Number.isSafeInteger(last))) {
    return null;
  }
  if (first === null) {
    // A suffix: the last `last` bytes.
    if (last === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - last!), end: size - 1 };
  }
  if (last !== null && last < first) return null;
  if (first >= size) return 'unsatisfiable';
  return { start: first, end: Math.min(last ?? size - 1, size - 1) };
}

/** A Range is honoured only when If-Range (if sent) still names this version of the object. */
function rangeStillValid(req: FastifyRequest, answer: { etag: string; lastModified: string }) {
  const ifRange = req.headers['if-range'];
  if (ifRange === undefined) return true;
  if (typeof ifRange !== 'string') return false;
  // Our ETags are weak, and a weak ETag never matches If-Range; a date must match exactly.
  return !ifRange.startsWith('"') && !ifRange.startsWith('W/') && ifRange === answer.lastModified;
}

const noneMatch = (header: string | undefined, etag: string) =>
  header !== undefined &&
  (header.trim() === '*' ||
    header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag.replace(/^W\//, '')));

/** Streams an object from storage (whole, or the one range asked for), or redirects to it. */
export async function sendMedia(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  answer: MediaAnswer,
): Promise<FastifyReply> {
  if (answer.kind === 'redirect') {
    cachePolicy.set(reply, `private, max-age=${answer.maxAgeSeconds}`);
    return reply.redirect(answer.url, 302);
  }

  cachePolicy.set(reply, `private, max-age=${MEDIA_MAX_AGE_SECONDS}`);
  reply
    .header('etag', answer.etag)
    .header('last-modified', answer.lastModified)
    .header('accept-ranges', 'bytes');
  if (noneMatch(req.headers['if-none-match'], answer.etag)) return reply.status(304).send();

  const range = rangeStillValid(req, answer) ? parseRange(req.headers.range, answer.size) : null;
  if (range === 'unsatisfiable') {
    cachePolicy.delete(reply);
    reply.header('content-range', `bytes */${answer.size}`);
    throw new AppError(
      416,
      'range_not_satisfiable',
      `The file has ${answer.size} bytes; that range is outside it.`,
      'range',
    );
  }
  const body = await deps.storage.get(answer.key, range ?? undefined);
  if (!body) throw notFound('File');
  reply
    .header('content-type', answer.contentType)
    .header('content-disposition', 'inline')
    .header('content-length', String(range ? range.end - range.start + 1 : answer.size));
  if (range) {
    reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${answer.size}`);
  }
  return reply.send(body);
}
