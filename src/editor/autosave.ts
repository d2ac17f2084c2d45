import type { LabelDocument } from '../core/labels/format.ts';
import { mergeLabels } from './merge.ts';
import { sameLabels } from './same-labels.ts';

// The editor's save queue. Edits become whole-document snapshots (one per debounce window), kept
// in an outbox that is written to local storage before the server sees them, so neither a dropped
// connection nor a page reload loses work. Snapshots are replayed strictly in order, each on the
// revision the previous save returned, so the server's history matches what the annotator did.
// The server refuses a save made from anything but its head; that refusal is either an answer we
// lost (the head already is our snapshot) or someone else's save, which we never overwrite: the
// queue stops until the annotator reloads or merges.

export type SaveState = 'saved' | 'pending' | 'saving' | 'offline' | 'conflict' | 'error';

/** The server's head after a save. */
export interface SaveOutcome {
  revision: number;
  document: LabelDocument;
}

/**
 * The server said no. `conflict`: 409 revision_conflict (someone saved since our base);
 * `invalid`: 400 (the document does not fit the ontology); `gone`: 403/404/other 409 (the task is
 * no longer ours to label). Any other rejection from the transport is taken as a network failure.
 */
export class SaveRejected extends Error {
  override readonly name = 'SaveRejected';
  readonly kind: 'conflict' | 'invalid' | 'gone';
  readonly headRevision: number | undefined;

  constructor(kind: 'conflict' | 'invalid' | 'gone', message: string, headRevision?: number) {
    super(message);
    this.kind = kind;
    this.headRevision = headRevision;
  }
}

export interface AutosaveTransport {
  /** PUT the labels. Network failure: rejects with any error other than SaveRejected (retried). */
  save(baseRevision: number, document: LabelDocument): Promise<SaveOutcome>;
  /** The current head, for conflict checks and resolution. */
  head(): Promise<SaveOutcome>;
}

/** A persistent queue of snapshots for one task and branch (browser: IndexedDB; tests: memory). */
export interface OutboxStorage {
  load(): Promise<Outbox | null>;
  store(outbox: Outbox): Promise<void>;
  clear(): Promise<void>;
}

export interface Outbox {
  /** The server revision the first pending snapshot is to be saved on, and its document. */
  baseRevision: number;
  baseDocument: LabelDocument;
  /** Oldest first. */
  pending: LabelDocument[];
}

export interface AutosaveTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions {
  transport: AutosaveTransport;
  storage: OutboxStorage;
  /** The server head the editor was loaded from. */
  baseRevision: number;
  baseDocument: LabelDocument;
  /** Quiet time after the last change before a snapshot is taken (800). */
  delayMs?: number;
  /** Longest a stream of changes goes without a snapshot (5 × delayMs), so steady typing is kept too. */
  maxWaitMs?: number;
  /** Waits between retries after network failures; the last repeats ([1000, 2000, 5000, 10000]). */
  retryMs?: readonly number[];
  /** Most snapshots kept; beyond it the oldest are merged away (100). */
  maxPending?: number;
  timers?: AutosaveTimers;
  onChange?: (status: AutosaveStatus) => void;
}

export interface AutosaveStatus {
  state: SaveState;
  /** The last server revision known to hold our work (the base of the next save). */
  revision: number;
  /** Snapshots not yet saved, plus one for a change still in its debounce window. */
  pendingCount: number;
  lastSavedAt: Date | null;
  error: string | null;
  conflict: { headRevision: number } | null;
}

const defaultTimers: AutosaveTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

interface Timer {
  handle: unknown;
}

interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

export class Autosave {
  readonly #transport: AutosaveTransport;
  readonly #storage: OutboxStorage;
  readonly #timers: AutosaveTimers;
  readonly #delayMs: number;
  readonly #maxWaitMs: number;
  readonly #retryMs: readonly number[];
  readonly #maxPending: number;
  readonly #onChange: ((status: AutosaveStatus) => void) | undefined;

  #revision: number;
  #baseDocument: LabelDocument;
  /** Snapshots not yet saved, oldest first; while sending, the first is the one in flight. */
  #pending: LabelDocument[] = [];
  /** The newest change, not yet a snapshot (its debounce window is open). */
  #latest: LabelDocument | null = null;
  #debounce: Timer | null = null;
  #maxWait: Timer | null = null;
  #retry: Timer | null = null;
  #retryAttempt = 0;
  #sending = false;
  #offline = false;
  #conflict: { headRevision: number } | null = null;
  #error: { kind: 'invalid' | 'gone'; message: string } | null = null;
  #lastSavedAt: Date | null = null;
  #waiters: Waiter[] = [];
  /** Outbox writes, chained so they land in order; a send waits for the writes before it. */
  #writes: Promise<void> = Promise.resolve();
  /** Bumped when reload/merge/dispose replace the queue, so answers to older sends are ignored. */
  #epoch = 0;
  #disposed = false;
  #lastStatus: AutosaveStatus | null = null;

  constructor(o: AutosaveOptions) {
    this.#transport = o.transport;
    this.#storage = o.storage;
    this.#timers = o.timers ?? defaultTimers;
    this.#delayMs = o.delayMs ?? 800;
    this.#maxWaitMs = o.maxWaitMs ?? this.#delayMs * 5;
    this.#retryMs = o.retryMs?.length ? o.retryMs : [1000, 2000, 5000, 10000];
    this.#maxPending = Math.max(1, o.maxPending ?? 100);
    this.#onChange = o.onChange;
    this.#revision = o.baseRevision;
    this.#baseDocument = o.baseDocument;
    this.#lastStatus = this.status();
  }

  /**
   * Picks up where an earlier page left off. `o.baseRevision`/`o.baseDocument` are the head the
   * page just loaded; unsaved work in the outbox wins over them: its newest snapshot is returned
   * for the editor to show and the outbox is replayed from its own base (a head that moved on in
   * between is met by the conflict rules, lost answers included).
   */
  static async restore(o: AutosaveOptions): Promise<{ autosave: Autosave; restored: LabelDocument | null }> {
    const outbox = await o.storage.load();
    const newest = outbox?.pending.at(-1);
    if (!outbox || !newest || sameLabels(newest, o.baseDocument)) {
      // Nothing unsaved, or the server already holds it (the outbox write after the save was lost).
      if (outbox) await o.storage.clear();
      return { autosave: new Autosave(o), restored: null };
    }
    const autosave = new Autosave({
      ...o,
      baseRevision: outbox.baseRevision,
      baseDocument: outbox.baseDocument,
    });
    autosave.#pending = [...outbox.pending];
    autosave.#compact();
    autosave.#emit();
    void autosave.#pump();
    return { autosave, restored: newest };
  }

  /** The editor's document changed. Each debounce window that closes queues one snapshot. */
  change(doc: LabelDocument): void {
    if (this.#disposed) return;
    this.#latest = doc;
    this.#stop(this.#debounce);
    this.#debounce = this.#after(this.#delayMs, () => this.#snapshot());
    this.#maxWait ??= this.#after(this.#maxWaitMs, () => this.#snapshot());
    this.#emit();
  }

  /**
   * Sends everything now (submit, Ctrl+S). Resolves once the outbox is empty; rejects when the
   * network fails (the queue keeps retrying), on a conflict, or when the server refuses the labels.
   */
  flush(): Promise<void> {
    if (this.#disposed) return Promise.reject(new Error('Autosave has been disposed'));
    if (this.#latest) this.#snapshot();
    if (this.#conflict) {
      return Promise.reject(
        new SaveRejected('conflict', 'Someone else saved this task', this.#conflict.headRevision),
      );
    }
    if (this.#error?.kind === 'gone') return Promise.reject(new SaveRejected('gone', this.#error.message));
    if (this.#error) {
      // Asked for explicitly: one more try of the refused snapshot (it may have been the server's fault).
      this.#error = null;
      this.#emit();
    }
    if (this.#pending.length === 0 && !this.#sending) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    this.online();
    return done;
  }

  /** The network is back: retry now rather than at the end of the backoff. */
  online(): void {
    if (this.#disposed) return;
    if (this.#retry) {
      this.#stop(this.#retry);
      this.#retry = null;
    }
    void this.#pump();
  }

  status(): AutosaveStatus {
    const state: SaveState = this.#conflict
      ? 'conflict'
      : this.#error
        ? 'error'
        : this.#offline
          ? 'offline'
          : this.#sending
            ? 'saving'
            : this.#pending.length > 0 || this.#latest
              ? 'pending'
              : 'saved';
    return {
      state,
      revision: this.#revision,
      pendingCount: this.#pending.length + (this.#latest ? 1 : 0),
      lastSavedAt: this.#lastSavedAt,
      error: this.#error?.message ?? null,
      conflict: this.#conflict,
    };
  }

  /** Gives up the local work: the queue is emptied and the head's document returned for the editor. */
  async resolveReload(): Promise<LabelDocument> {
    const head = await this.#transport.head();
    this.#reset(head, []);
    await this.#persist();
    this.#emit();
    this.#settle();
    return head.document;
  }

  /**
   * Merges the local work (newest snapshot) with the head, from the revision it was made on, and
   * saves the result on the head. Resolves with the merged document once that save was tried; if
   * it did not go through, the status says why and the queue carries on as usual.
   */
  async resolveMerge(): Promise<{ document: LabelDocument; conflicts: string[] }> {
    const head = await this.#transport.head();
    const mine = this.#latest ?? this.#pending.at(-1) ?? this.#baseDocument;
    const { document, conflicts } = mergeLabels(this.#baseDocument, mine, head.document);
    this.#reset(head, sameLabels(document, head.document) ? [] : [document]);
    void this.#persist();
    this.#emit();
    if (this.#pending.length > 0) {
      const tried = new Promise<void>((resolve) => this.#waiters.push({ resolve, reject: () => resolve() }));
      void this.#pump();
      await tried;
    }
    return { document, conflicts };
  }

  /** Stops for good. A change still in its debounce window goes to the outbox, for the next page. */
  dispose(): void {
    if (this.#disposed) return;
    if (this.#latest) this.#snapshot({ send: false });
    this.#disposed = true;
    this.#epoch++;
    for (const t of [this.#debounce, this.#maxWait, this.#retry]) this.#stop(t);
    this.#debounce = this.#maxWait = this.#retry = null;
    this.#rejectWaiters(new Error('Autosave has been disposed'));
  }

  // --- the queue ----------------------------------------------------------------------------

  /** Closes the debounce window: the newest change becomes a snapshot, written out, then sent. */
  #snapshot({ send = true } = {}): void {
    this.#stop(this.#debounce);
    this.#stop(this.#maxWait);
    this.#debounce = this.#maxWait = null;
    const doc = this.#latest;
    this.#latest = null;
    if (!doc) return;
    if (sameLabels(doc, this.#pending.at(-1) ?? this.#baseDocument)) {
      // Nothing new to say (an undo back to the saved state, or the editor showing a reloaded head).
      this.#emit();
      this.#settle();
      return;
    }
    if (this.#error?.kind === 'invalid') {
      // The refused snapshot is superseded: this one is the whole document, fix included.
      this.#error = null;
      if (!this.#sending) this.#pending = [];
    }
    this.#pending.push(doc);
    this.#compact();
    void this.#persist();
    this.#emit();
    if (send) void this.#pump();
  }

  /** Keeps at most maxPending snapshots by dropping the oldest: each is a whole document. */
  #compact(): void {
    const inFlight = this.#sending ? 1 : 0;
    const excess = this.#pending.length - Math.max(this.#maxPending, inFlight + 1);
    if (excess > 0) this.#pending.splice(inFlight, excess);
  }

  /** Writes the outbox as it is now (or clears it when empty), after any earlier write. */
  #persist(): Promise<void> {
    const outbox: Outbox | null =
      this.#pending.length > 0
        ? { baseRevision: this.#revision, baseDocument: this.#baseDocument, pending: [...this.#pending] }
        : null;
    const storage = this.#storage;
    // A failing local store must not stop the saves themselves: the server's copy is what counts.
    this.#writes = this.#writes
      .then(() => (outbox ? storage.store(outbox) : storage.clear()))
      .catch(() => {});
    return this.#writes;
  }

  /** Sends the oldest snapshot unless something is in flight or the queue is held. */
  async #pump(): Promise<void> {
    if (this.#disposed || this.#sending || this.#retry || this.#conflict || this.#error) return;
    const doc = this.#pending[0];
    if (!doc) {
      this.#settle();
      return;
    }
    const epoch = this.#epoch;
    this.#sending = true;
    this.#emit();
    try {
      await this.#writes; // the outbox holding `doc` is on disk before the server sees it
      if (epoch !== this.#epoch) return;
      const outcome = await this.#transport.save(this.#revision, doc);
      if (epoch !== this.#epoch) return;
      this.#saved(outcome, 1);
    } catch (err) {
      if (epoch !== this.#epoch) return;
      await this.#refused(err, doc, epoch);
      return;
    }
    void this.#pump();
  }

  /** The server holds the first `count` snapshots; `outcome` is its head. */
  #saved(outcome: SaveOutcome, count: number): void {
    this.#revision = outcome.revision;
    this.#baseDocument = outcome.document;
    this.#pending.splice(0, count);
    this.#sending = false;
    this.#offline = false;
    this.#retryAttempt = 0;
    this.#lastSavedAt = new Date();
    void this.#persist();
    this.#emit();
  }

  async #refused(err: unknown, doc: LabelDocument, epoch: number): Promise<void> {
    if (!(err instanceof SaveRejected)) return this.#wentOffline(err);
    if (err.kind !== 'conflict') return this.#held(err.kind, err);

    let head: SaveOutcome;
    try {
      head = await this.#transport.head();
    } catch (headErr) {
      if (epoch !== this.#epoch) return;
      if (headErr instanceof SaveRejected && headErr.kind !== 'conflict')
        return this.#held(headErr.kind, headErr);
      return this.#wentOffline(headErr);
    }
    if (epoch !== this.#epoch) return;
    if (sameLabels(head.document, doc)) {
      // Our save went through and its answer was lost on the way back.
      this.#saved(head, 1);
      void this.#pump();
      return;
    }
    if (sameLabels(head.document, this.#pending.at(-1)!)) {
      // The head already is our newest work (saved before an outbox write was lost): nothing to send.
      this.#saved(head, this.#pending.length);
      void this.#pump();
      return;
    }
    this.#sending = false;
    this.#offline = false;
    this.#retryAttempt = 0;
    this.#conflict = { headRevision: head.revision };
    this.#emit();
    this.#rejectWaiters(err);
  }

  /** The server refused the labels or the task: stop sending (the snapshot stays in the outbox). */
  #held(kind: 'invalid' | 'gone', err: SaveRejected): void {
    this.#sending = false;
    this.#offline = false;
    this.#retryAttempt = 0;
    this.#error = { kind, message: err.message };
    this.#emit();
    this.#rejectWaiters(err);
  }

  #wentOffline(err: unknown): void {
    this.#sending = false;
    this.#offline = true;
    const wait = this.#retryMs[Math.min(this.#retryAttempt, this.#retryMs.length - 1)]!;
    this.#retryAttempt++;
    this.#retry = this.#after(wait, () => {
      this.#retry = null;
      void this.#pump();
    });
    this.#emit();
    this.#rejectWaiters(err);
  }

  /** Starts over from `head` with `pending` as the only local work (reload and merge). */
  #reset(head: SaveOutcome, pending: LabelDocument[]): void {
    this.#epoch++;
    for (const t of [this.#debounce, this.#maxWait, this.#retry]) this.#stop(t);
    this.#debounce = this.#maxWait = this.#retry = null;
    this.#latest = null;
    this.#pending = pending;
    this.#sending = false;
    this.#offline = false;
    this.#retryAttempt = 0;
    this.#conflict = null;
    this.#error = null;
    this.#revision = head.revision;
    this.#baseDocument = head.document;
  }

  // --- plumbing -----------------------------------------------------------------------------

  #settle(): void {
    if (this.#pending.length > 0 || this.#sending) return;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w.resolve();
  }

  #rejectWaiters(err: unknown): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w.reject(err);
  }

  #after(ms: number, fn: () => void): Timer {
    return { handle: this.#timers.setTimeout(fn, ms) };
  }

  #stop(timer: Timer | null): void {
    if (timer) this.#timers.clearTimeout(timer.handle);
  }

  /** Tells the listener about every change of status. */
  #emit(): void {
    const next = this.status();
    const last = this.#lastStatus;
    this.#lastStatus = next;
    if (
      last &&
      last.state === next.state &&
      last.revision === next.revision &&
      last.pendingCount === next.pendingCount &&
      last.lastSavedAt === next.lastSavedAt &&
      last.error === next.error &&
      last.conflict === next.conflict
    ) {
      return;
    }
    this.#onChange?.(next);
  }
}
