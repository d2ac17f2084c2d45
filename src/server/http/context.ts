import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/policy/index.ts';
import type { UserRow } from '../db/schema.ts';
import { unauthenticated } from './errors.ts';

export interface Authentication {
  user: UserRow;
  actor: Actor;
  via: 'session' | 'api_key';
  sessionId: string | null;
  apiKeyId: string | null;
  csrfToken: string | null;
}

/** What a service needs to know about the caller: who (for the policy) and where from (for audit). */
export interface RequestContext {
  actor: Actor;
  user: UserRow;
  apiKeyId: string | null;
  ip: string | null;
  requestId: string | null;
}

/** The caller of a public route, who may not be signed in. */
export interface AnonymousContext {
  ip: string | null;
  requestId: string | null;
  userAgent: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authentication | null;
  }
  interface FastifyContextConfig {
    /** The policy action a route performs, or 'public' for routes open without signing in. */
    action?: string;
  }
}

export function anonymousContext(req: FastifyRequest): AnonymousContext {
  return { ip: req.ip ?? null, requestId: req.id, userAgent: req.headers['user-agent'] ?? null };
}

export function requireAuth(req: FastifyRequest): RequestContext {
  if (!req.auth) throw unauthenticated();
  return {
    actor: req.auth.actor,
    user: req.auth.user,
    apiKeyId: req.auth.apiKeyId,
    ip: req.ip ?? null,
    requestId: req.id,
  };
}
