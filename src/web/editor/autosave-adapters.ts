import { createStore, del, get, set } from 'idb-keyval';
import type { LabelDocument } from '../../core/labels/index.ts';
import { type AutosaveTransport, type Outbox, type OutboxStorage, SaveRejected } from '../../editor/index.ts';
import { ApiError, api, unwrap } from '../api/client.ts';
import { fetchLabels } from './queries.ts';

/** Saves through the labels API, sorting failures into what the autosave queue must do about them. */
export function apiTransport(taskId: string): AutosaveTransport {
  return {
    async save(baseRevision: number, document: LabelDocument) {
      try {
        const head = await unwrap(
          api.PUT('/api/v1/tasks/{id}/labels', {
            params: { path: { id: taskId } },
            body: { baseRevision, document },
          }),
        );
        return { revision: head.revision, document: head.document as LabelDocument };
      } catch (err) {
        throw rejection(err);
      }
    },
    head: () => fetchLabels(taskId),
  };
}

/** A network failure stays as it is (the queue retries); an answer from the server is final. */
function rejection(err: unknown): unknown {
  if (!(err instanceof ApiError) || err.status === 0) return err;
  if (err.code === 'revision_conflict') return new SaveRejected('conflict', err.message);
  if (err.status === 400) return new SaveRejected('invalid', err.message);
  // A 5xx may pass (a restart, an overloaded proxy): retried like a dropped network.
  if (err.status >= 500) return err;
  return new SaveRejected('gone', err.message);
}

// One IndexedDB database for every task's outbox: it survives reloads and crashes, and holds
// documents far larger than localStorage's few megabytes.
const outboxes = createStore('gloss-editor', 'outboxes');

/** The task's unsaved label snapshots, kept per user and branch so a shared browser mixes nothing. */
export function indexedDbOutbox(key: { taskId: string; userId: string }): OutboxStorage {
  const id = `${key.userId}/${key.taskId}`;
  return {
    load: async () => (await get<Outbox>(id, outboxes)) ?? null,
    store: (outbox) => set(id, outbox, outboxes),
    clear: () => del(id, outboxes),
  };
}
