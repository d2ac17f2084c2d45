import { PassThrough, type Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Config } from '../config.ts';
import { assertValidKey, type Storage } from './types.ts';

export type S3Settings = NonNullable<Config['storage']['s3']>;

/** Parts of a streamed upload; S3 wants at least 5 MiB per part but the last. */
const PART_SIZE = 8 * 1024 * 1024;

/** A missing object: GetObject says NoSuchKey, HeadObject (which has no body) just 404. */
function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

/** The first `limit` bytes of `source`; the rest is not read. */
function limitBytes(source: Readable, limit: number): Readable {
  let left = limit;
  const out = new PassThrough();
  source.on('data', (chunk: Buffer) => {
    if (left <= 0) return;
    const piece = chunk.length > left ? chunk.subarray(0, left) : chunk;
    left -= piece.length;
    if (!out.write(piece)) source.pause();
    if (left <= 0) {
      out.end();
      source.destroy();
    }
  });
  out.on('drain', () => source.resume());
  source.on('end', () => out.end());
  source.on('error', (error) => out.destroy(error));
  return out;
}

/** `gloss`, `/gloss/` and `gloss/` all mean keys under `gloss/`; an empty prefix means the bucket root. */
export function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return trimmed ? `${trimmed}/` : '';
}

/**
 * Storage in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, …), every key under an optional
 * prefix. The browser fetches media straight from the bucket through short-lived presigned URLs.
 */
export function s3Storage(settings: S3Settings, client: S3Client = s3ClientFor(settings)): Storage {
  const bucket = settings.bucket;
  const prefix = normalisePrefix(settings.prefix);
  const objectKey = (key: string) => {
    assertValidKey(key);
    return `${prefix}${key}`;
  };

  return {
    backend: 's3',
    async put(key, body, contentType) {
      const Key = objectKey(key);
      if (Buffer.isBuffer(body)) {
        await client.send(
          new PutObjectCommand({ Bucket: bucket, Key, Body: body, ContentType: contentType }),
        );
        return;
      }
      // A stream of unknown length: one PutObject when it fits a part, a multipart upload otherwise.
      await new Upload({
        client,
        params: { Bucket: bucket, Key, Body: body, ContentType: contentType },
        partSize: PART_SIZE,
        queueSize: 4,
      }).done();
    },
    async get(key, range) {
      const Key = objectKey(key);
      try {
        const res = await client.send(
          new GetObjectCommand({
            Bucket: bucket,
            Key,
            ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
          }),
        );
        const body = (res.Body as Readable | undefined) ?? null;
        // Some S3-compatible servers answer `bytes=0-0` with the whole object; never pass on more
        // than was asked for.
        const wanted = range ? range.end - range.start + 1 : undefined;
        if (body && wanted !== undefined && (res.ContentLength ?? 0) > wanted)
          return limitBytes(body, wanted);
        return body;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async head(key) {
      const Key = objectKey(key);
      try {
        const res = await client.send(new HeadObjectCommand({ Bucket: bucket, Key }));
        return {
          size: res.ContentLength ?? 0,
          contentType: res.ContentType ?? 'application/octet-stream',
        };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      // Deleting a missing object succeeds in S3, as it does on the local disk.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    },
    async directUrl(key, expiresInSeconds) {
      return getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }), {
        expiresIn: expiresInSeconds,
      });
    },
  };
}

/** A client for the configured bucket; credentials fall back to the SDK's usual chain when unset. */
export function s3ClientFor(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.accessKeyId && settings.secretAccessKey
      ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
      : {}),
    // Checksums only where S3 requires them: many S3-compatible servers reject the newer
    // default (CRC trailers on every upload), and presigned URLs stay plain.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
