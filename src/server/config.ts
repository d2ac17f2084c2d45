import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Every setting Gloss reads from the environment; the README's configuration table mirrors this. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  GLOSS_DATA_DIR: z.string().default('./data'),
  GLOSS_PUBLIC_URL: z.url().optional(),
  GLOSS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GLOSS_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  GLOSS_SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 14),
  GLOSS_INVITE_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  GLOSS_SECURE_COOKIES: bool.optional(),
  GLOSS_TRUST_PROXY: bool.default(false),
  GLOSS_LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  GLOSS_LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(50),
  GLOSS_LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  GLOSS_SMTP_URL: z.string().optional(),
  GLOSS_SMTP_FROM: z.string().default('Gloss <gloss@localhost>'),
  GLOSS_STORAGE: z.enum(['local', 's3']).default('local'),
  GLOSS_MEDIA_DIR: z.string().optional(),
  GLOSS_S3_BUCKET: z.string().optional(),
  GLOSS_S3_PREFIX: z.string().default(''),
  GLOSS_S3_ENDPOINT: z.url().optional(),
  GLOSS_S3_REGION: z.string().default('us-east-1'),
  GLOSS_S3_ACCESS_KEY_ID: z.string().optional(),
  GLOSS_S3_SECRET_ACCESS_KEY: z.string().optional(),
  GLOSS_S3_FORCE_PATH_STYLE: bool.default(false),
  GLOSS_MANIFEST_KEY_PREFIXES: z.string().optional(),
  GLOSS_UPLOAD_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(512 * 1024 * 1024),
  GLOSS_UPLOAD_MAX_FILES: z.coerce.number().int().min(1).default(1000),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  publicUrl: string;
  logLevel: z.infer<typeof EnvSchema>['GLOSS_LOG_LEVEL'];
  bodyLimitBytes: number;
  sessionTtlMs: number;
  inviteTtlMs: number;
  secureCookies: boolean;
  trustProxy: boolean;
  login: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowMs: number };
  smtp: { url: string; from: string } | null;
  webRoot: string;
  /** Browser uploads of media: the size of one file, and how many files one request may carry. */
  upload: { maxFileBytes: number; maxFiles: number };
  storage: {
    backend: 'local' | 's3';
    /** Root directory of the local backend. */
    localRoot: string;
    /**
     * When set, manifests may register only storage keys starting with one of these prefixes, so
     * one dataset's managers cannot reach objects in the bucket that belong to other teams.
     */
    manifestKeyPrefixes: string[] | null;
    s3: {
      bucket: string;
      prefix: string;
      endpoint: string | undefined;
      region: string;
      accessKeyId: string | undefined;
      secretAccessKey: string | undefined;
      forcePathStyle: boolean;
    } | null;
  };
}

export class ConfigError extends Error {}

function requireSetting(value: string | undefined, name: string, because: string): string {
  if (!value) throw new ConfigError(`Invalid setting ${name}: required when ${because}`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid setting ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.GLOSS_DATA_DIR);
  const publicUrl = (e.GLOSS_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'gloss.db')}`,
    dataDir,
    publicUrl,
    logLevel: e.GLOSS_LOG_LEVEL,
    bodyLimitBytes: e.GLOSS_BODY_LIMIT_BYTES,
    sessionTtlMs: e.GLOSS_SESSION_TTL_HOURS * 3_600_000,
    inviteTtlMs: e.GLOSS_INVITE_TTL_HOURS * 3_600_000,
    secureCookies: e.GLOSS_SECURE_COOKIES ?? publicUrl.startsWith('https:'),
    trustProxy: e.GLOSS_TRUST_PROXY,
    login: {
      maxFailuresPerAccount: e.GLOSS_LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: e.GLOSS_LOGIN_MAX_FAILURES_PER_IP,
      windowMs: e.GLOSS_LOGIN_WINDOW_MINUTES * 60_000,
    },
    smtp: e.GLOSS_SMTP_URL ? { url: e.GLOSS_SMTP_URL, from: e.GLOSS_SMTP_FROM } : null,
    webRoot: resolve(import.meta.dirname, '../../dist/web'),
    upload: { maxFileBytes: e.GLOSS_UPLOAD_MAX_FILE_BYTES, maxFiles: e.GLOSS_UPLOAD_MAX_FILES },
    storage: {
      backend: e.GLOSS_STORAGE,
      localRoot: resolve(e.GLOSS_MEDIA_DIR ?? resolve(dataDir, 'media')),
      manifestKeyPrefixes: e.GLOSS_MANIFEST_KEY_PREFIXES
        ? e.GLOSS_MANIFEST_KEY_PREFIXES.split(',')
            .map((p) => p.trim())
            .filter(Boolean)
        : null,
      s3:
        e.GLOSS_STORAGE === 's3'
          ? {
              bucket: requireSetting(e.GLOSS_S3_BUCKET, 'GLOSS_S3_BUCKET', 'GLOSS_STORAGE=s3'),
              prefix: e.GLOSS_S3_PREFIX,
              endpoint: e.GLOSS_S3_ENDPOINT,
              region: e.GLOSS_S3_REGION,
              accessKeyId: e.GLOSS_S3_ACCESS_KEY_ID,
              secretAccessKey: e.GLOSS_S3_SECRET_ACCESS_KEY,
              forcePathStyle: e.GLOSS_S3_FORCE_PATH_STYLE,
            }
          : null,
    },
  };
}
