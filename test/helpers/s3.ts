import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** GLOSS_* settings that point the app's S3 backend at this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** s3rver accepts these (and only these) credentials by default. */
const KEY = 'S3RVER';

/** A real S3-compatible server (s3rver), in-process on a free port, with one empty bucket. */
export async function startTestS3(bucket = 'gloss-test'): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'gloss-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      GLOSS_STORAGE: 's3',
      GLOSS_S3_BUCKET: bucket,
      GLOSS_S3_PREFIX: 'media/',
      GLOSS_S3_ENDPOINT: endpoint,
      GLOSS_S3_REGION: 'us-east-1',
      GLOSS_S3_ACCESS_KEY_ID: KEY,
      GLOSS_S3_SECRET_ACCESS_KEY: KEY,
      GLOSS_S3_FORCE_PATH_STYLE: 'true',
    },
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
