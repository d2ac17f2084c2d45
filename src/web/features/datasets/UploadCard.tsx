import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { Notice } from '../../components/Alert.tsx';
import { TextField } from '../../components/Field.tsx';
import { Card } from '../../components/Page.tsx';
import { useSession } from '../auth/session.tsx';
import { type Dataset, datasetKey, datasetsKey, unitsKey } from './queries.ts';
import { chunkFiles, formatBytes, postFiles, type UploadFailure } from './upload.ts';

const ACCEPT =
  'image/jpeg,image/png,image/webp,video/mp4,video/webm,text/plain,text/markdown,.md,.markdown,.txt';

interface Outcome {
  uploaded: number;
  failed: UploadFailure[];
  cancelled: boolean;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Browser upload: pick or drop files, send them in requests of a few files each (so hundreds of
 * files work and one bad request loses little), with a progress bar and a per-file report.
 */
export function UploadCard({ dataset }: { dataset: Dataset }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [asGroup, setAsGroup] = useState(false);
  const [groupTitle, setGroupTitle] = useState('');
  const [percent, setPercent] = useState<number | null>(null);
  const [sent, setSent] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Leaving the page stops an upload in flight.
  useEffect(() => () => abortRef.current?.abort(), []);

  const totalBytes = files.reduce((n, f) => n + f.size, 0);

  const addFiles = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const added = [...list];
    setFiles((current) => [...current, ...added]);
    setOutcome(null);
    setPercent(null);
    setProblem(null);
  };

  const clear = () => {
    setFiles([]);
    if (inputRef.current) inputRef.current.value = '';
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!busy) addFiles(e.dataTransfer.files);
  };

  const upload = async (e: FormEvent) => {
    e.preventDefault();
    if (files.length === 0 || busy) return;
    if (asGroup && !groupTitle.trim()) {
      setProblem('Give the image group a title.');
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setBusy(true);
    setProblem(null);
    setOutcome(null);
    setPercent(0);
    setSent(0);

    const chunks = asGroup ? [files] : chunkFiles(files);
    const total = Math.max(1, totalBytes);
    let doneBytes = 0;
    let uploaded = 0;
    let cancelled = false;
    const failed: UploadFailure[] = [];
    const failAll = (chunk: File[], code: string, message: string) => {
      for (const file of chunk) failed.push({ file: file.name, code, message });
    };

    for (const [i, chunk] of chunks.entries()) {
      const chunkBytes = chunk.reduce((n, f) => n + f.size, 0);
      if (cancelled) {
        failAll(chunk, 'aborted', 'Not sent: the upload was cancelled.');
        continue;
      }
      try {
        const answer = await postFiles({
          url: `/api/v1/datasets/${encodeURIComponent(dataset.id)}/units`,
          files: chunk,
          csrfToken: session.data?.csrfToken ?? null,
          groupTitle: asGroup ? groupTitle.trim() : undefined,
          signal: controller.signal,
          // The bar reaches 100% only once every answer is in.
          onProgress: (fraction) =>
            setPercent(Math.min(99, Math.floor(((doneBytes + fraction * chunkBytes) / total) * 100))),
        });
        uploaded += chunk.length - answer.failed.length;
        failed.push(...answer.failed);
      } catch (err) {
        const message = err instanceof Error ? err.message : 'The upload failed.';
        const code = isApiError(err) ? err.code : 'upload_failed';
        failAll(chunk, code, message);
        // Nothing later can succeed when the session or the permission is gone, or on cancel.
        if (code === 'aborted' || (isApiError(err) && [401, 403, 404].includes(err.status))) {
          cancelled = true;
          for (const rest of chunks.slice(i + 1)) failAll(rest, code, `Not sent: ${message}`);
          break;
        }
      }
      doneBytes += chunkBytes;
      setSent((n) => n + chunk.length);
      setPercent(Math.min(99, Math.floor((doneBytes / total) * 100)));
    }

    abortRef.current = null;
    setPercent(cancelled ? Math.floor((doneBytes / total) * 100) : 100);
    setBusy(false);
    setOutcome({ uploaded, failed, cancelled });
    clear();
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: unitsKey(dataset.id) }),
      queryClient.invalidateQueries({ queryKey: datasetKey(dataset.id) }),
      queryClient.invalidateQueries({ queryKey: [...datasetsKey, 'list'] }),
    ]);
  };

  return (
    <Card title="Upload">
      <p className="card-description">
        Images (JPEG, PNG, WebP), videos (MP4, WebM) and text (plain or Markdown). Files are checked by their
        content; a file that cannot be read is reported and the others still go in.
      </p>
      <form className="form" onSubmit={upload} noValidate>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for pointer users; the keyboard path is the file input inside it */}
        <div
          className={`dropzone${dragging ? ' dropzone-active' : ''}`}
          onDragEnter={(e) => {
            e.preventDefault();
            if (!busy) setDragging(true);
          }}
          onDragOver={(e) => {
            e.preventDefault();
            e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
          }}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
          }}
          onDrop={onDrop}
        >
          <input
            ref={inputRef}
            id={inputId}
            className="visually-hidden"
            type="file"
            multiple
            accept={ACCEPT}
            disabled={busy}
            onChange={(e) => addFiles(e.currentTarget.files)}
          />
          <label htmlFor={inputId} className="btn">
            Choose files
          </label>
          <span className="dropzone-hint">or drop them here</span>
        </div>
        {files.length > 0 ? (
          <div className="upload-selection">
            <span>
              {plural(files.length, 'file', 'files')} selected · {formatBytes(totalBytes)}
            </span>
            <button type="button" className="btn btn-small" onClick={clear} disabled={busy}>
              Clear selection
            </button>
          </div>
        ) : null}
        <label className="check">
          <input
            type="checkbox"
            checked={asGroup}
            disabled={busy}
            onChange={(e) => setAsGroup(e.currentTarget.checked)}
          />
          Upload the images as one image group
        </label>
        {asGroup ? (
          <TextField
            label="Group title"
            required
            maxLength={200}
            autoComplete="off"
            value={groupTitle}
            disabled={busy}
            onChange={(e) => setGroupTitle(e.target.value)}
          />
        ) : null}
        {problem ? <Notice kind="error">{problem}</Notice> : null}
        <div className="form-actions form-actions-start">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || files.length === 0}
            aria-busy={busy || undefined}
          >
            {busy ? <span className="spinner spinner-inline" aria-hidden="true" /> : null}
            Upload
          </button>
          {busy ? (
            <button type="button" className="btn" onClick={() => abortRef.current?.abort()}>
              Cancel upload
            </button>
          ) : null}
        </div>
      </form>
      {percent !== null ? (
        <div className="upload-progress">
          <progress aria-label="Upload progress" max={100} value={percent} />
          <span className="upload-percent">{percent}%</span>
          {busy ? (
            <span className="upload-sent">
              {sent} of {files.length} files sent
            </span>
          ) : null}
        </div>
      ) : null}
      {outcome ? <UploadSummary outcome={outcome} /> : null}
    </Card>
  );
}

function UploadSummary({ outcome }: { outcome: Outcome }) {
  const { uploaded, failed, cancelled } = outcome;
  return (
    <div className="stack">
      <Notice kind={failed.length === 0 ? 'success' : uploaded === 0 ? 'error' : 'info'}>
        {uploaded} uploaded, {failed.length} failed{cancelled ? ' (the upload stopped early)' : ''}.
      </Notice>
      {failed.length > 0 ? (
        <div className="upload-failures">
          <h3>Not uploaded</h3>
          <ul>
            {failed.map((f, i) => (
              // Two files may share a name; the position keeps the keys apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
              <li key={`${i}-${f.file}`}>
                <span className="upload-failure-file">{f.file}</span>: {f.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
