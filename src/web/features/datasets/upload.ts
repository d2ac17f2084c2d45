import { ApiError } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';

export type UploadAnswer =
  paths['/api/v1/datasets/{id}/units']['post']['responses'][200]['content']['application/json'];
export type UploadFailure = UploadAnswer['failed'][number];

/** Files per request: small enough that one request never takes long, large enough to be quick. */
export const FILES_PER_REQUEST = 20;
/** Bytes per request (a single larger file still goes, alone). */
export const BYTES_PER_REQUEST = 32 * 1024 * 1024;

/** Splits the files into the requests they will be sent in, keeping their order. */
export function chunkFiles(
  files: readonly File[],
  maxFiles = FILES_PER_REQUEST,
  maxBytes = BYTES_PER_REQUEST,
) {
  const chunks: File[][] = [];
  let current: File[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= maxFiles || bytes + file.size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

const errorOf = (status: number, body: unknown): ApiError => {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: { code?: unknown; message?: unknown; field?: unknown } }).error;
    if (typeof error?.message === 'string') {
      return new ApiError(
        typeof error.code === 'string' ? error.code : 'http_error',
        error.message,
        typeof error.field === 'string' ? error.field : undefined,
        status,
      );
    }
  }
  return new ApiError('http_error', `The server answered ${status}.`, undefined, status);
};

/**
 * POSTs files as multipart/form-data (field `files`) with XMLHttpRequest, the one browser API that
 * reports upload progress. `onProgress` gets the fraction of this request's body sent so far.
 */
export function postFiles({
  url,
  files,
  csrfToken,
  groupTitle,
  onProgress,
  signal,
}: {
  url: string;
  files: readonly File[];
  csrfToken: string | null;
  groupTitle?: string;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (groupTitle) form.append('groupTitle', groupTitle);
    for (const file of files) form.append('files', file, file.name);

    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === 'object' && 'created' in body) {
        onProgress(1);
        resolve(body as UploadAnswer);
      } else {
        reject(errorOf(xhr.status, body));
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          'network_error',
          'Could not reach the Gloss server. Check your connection.',
          undefined,
          0,
        ),
      );
    xhr.onabort = () => reject(new ApiError('aborted', 'The upload was cancelled.', undefined, 0));
    if (signal) {
      if (signal.aborted) {
        reject(new ApiError('aborted', 'The upload was cancelled.', undefined, 0));
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(form);
  });
}

export const formatBytes = (n: number) => {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
};
