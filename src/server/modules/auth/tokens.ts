import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for cookies, invites and API keys: 32 bytes, URL-safe. */
export const randomToken = () => randomBytes(32).toString('base64url');

/** Secrets are stored only as SHA-256 digests; they are high-entropy, so no salt or KDF is needed. */
export const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
