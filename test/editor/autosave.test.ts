import { describe, expect, it } from 'vitest';
import type { LabelDocument, LabelObject } from '../../src/core/labels/index.ts';
import {
  Autosave,
  type AutosaveOptions,
  type AutosaveStatus,
  type AutosaveTimers,
  type Outbox,
  type OutboxStorage,
  type SaveOutcome,
  SaveRejected,
} from '../../src/editor/autosave.ts';
import { sameLabels } from '../../src/editor/merge.ts';
import { stampAuthorship } from '../../src/server/modules/labels/authorship.ts';

// The editor's save queue against a fake server that behaves like PUT /tasks/:id/labels (409 off
// the head, re-stamping authorship on what changed) and a network that can drop, or deliver a save
// and lose its answer. Timers are a fake clock; the outbox is an in-memory store.

class FakeClock implements AutosaveTimers {
  now = 0;
  #timers = new Map<number, { at: number; fn: () => void }>();
  #next = 1;

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#timers.set(id, { at: this.now + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Moves time on, running due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      await settle();
      const due = [...this.#timers]
        .filter(([, t]) => t.at <= until)
        .sort(([i, a], [j, b]) => a.at - b.at || i - j);
      const first = due[0];
      if (!first) break;
      this.#timers.delete(first[0]);
      this.now = first[1].at;
      first[1].fn();
    }
    this.now = until;
    await settle();
  }
}

/** One network round trip: a turn of the event loop. */
const roundTrip = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lets every pending promise chain (round trips included) run to its end. */
async function settle() {
  for (let i = 0; i < 50; i++) await roundTrip();
}

class NetworkDown extends Error {}

/** One task's branch on the server, behind a network we control. */
class FakeServer {
  revision = 0;
  document: LabelDocument = doc();
  /** Every revision made: its base and document. */
  revisions: { revision: number; baseRevision: number; document: LabelDocument; by: string }[] = [];
  /** Every save request that reached the server, in order. */
  requests: { baseRevision: number; document: LabelDocument }[] = [];
  online = true;
  /** Apply the next save, then fail as if the answer was lost. */
  loseNextAnswer = false;
  refuseNext: SaveRejected | null = null;
  /** What the outbox held when each save was sent. */
  outboxAtSend: (Outbox | null)[] = [];
  storage: MemoryStorage | null = null;

  transport = {
    save: async (baseRevision: number, document: LabelDocument): Promise<SaveOutcome> => {
      this.outboxAtSend.push(this.storage ? this.storage.peek() : null);
      await roundTrip();
      if (!this.online) throw new NetworkDown('Failed to fetch');
      this.requests.push({ baseRevision, document });
      if (this.refuseNext) {
        const err = this.refuseNext;
        this.refuseNext = null;
        throw err;
      }
      if (baseRevision !== this.revision) {
        throw new SaveRejected('conflict', 'The labels of this task changed', this.revision);
      }
      const outcome = this.commit(document, 'me', baseRevision);
      if (this.loseNextAnswer) {
        this.loseNextAnswer = false;
        throw new NetworkDown('connection reset');
      }
      return outcome;
    },
    head: async (): Promise<SaveOutcome> => {
      await roundTrip();
      if (!this.online) throw new NetworkDown('Failed to fetch');
      return { revision: this.revision, document: this.document };
    },
  };

  /** A save straight on the head (someone else's, when `by` is not 'me'). */
  commit(document: LabelDocument, by: string, baseRevision = this.revision): SaveOutcome {
    const at = `2024-06-01T00:00:${String(this.revision % 60).padStart(2, '0')}.000Z`;
    this.document = stampAuthorship(this.document, structuredClone(document), `srv-${by}`, at);
    this.revision++;
    this.revisions.push({ revision: this.revision, baseRevision, document: this.document, by });
    return { revision: this.revision, document: this.document };
  }
}

/** The outbox as IndexedDB would keep it: copies, surviving the Autosave that wrote them. */
class MemoryStorage implements OutboxStorage {
  #outbox: Outbox | null = null;
  writes = 0;
  async load() {
    return structuredClone(this.#outbox);
  }
  async store(outbox: Outbox) {
    this.writes++;
    this.#outbox = structuredClone(outbox);
  }
  async clear() {
    this.writes++;
    this.#outbox = null;
  }
  peek() {
    return structuredClone(this.#outbox);
  }
}

function box(id: string, x: number): LabelObject {
  return {
    id,
    featureId: 'car0',
    geometry: { type: 'bounding_box', x, y: 0, w: 10, h: 10 },
    attributes: [],
    createdBy: 'editor',
    createdAt: '2024-05-01T00:00:00.000Z',
    updatedBy: 'editor',
    updatedAt: '2024-05-01T00:00:00.000Z',
  };
}

function doc(...objects: LabelObject[]): LabelDocument {
  return { formatVersion: 1, objects, classifications: [] };
}

/** Snapshot n of an editing session: n boxes. */
const step = (n: number) => doc(...Array.from({ length: n }, (_, i) => box(`obj${i}`, i * 10)));

function setup(opts: Partial<AutosaveOptions> = {}) {
  const clock = new FakeClock();
  const server = new FakeServer();
  const storage = new MemoryStorage();
  server.storage = storage;
  const statuses: AutosaveStatus[] = [];
  const options = (extra: Partial<AutosaveOptions> = {}): AutosaveOptions => ({
    transport: server.transport,
    storage,
    baseRevision: server.revision,
    baseDocument: server.document,
    delayMs: 800,
    retryMs: [1000, 2000, 5000],
    timers: clock,
    onChange: (s) => statuses.push(s),
    ...opts,
    ...extra,
  });
  const autosave = new Autosave(options());
  const states = () => statuses.map((s) => s.state);
  return { clock, server, storage, statuses, states, options, autosave };
}

/** The documents the server kept, in revision order, compared without stamps. */
function expectRevisions(server: FakeServer, expected: LabelDocument[]) {
  expect(server.revisions.map((r) => r.baseRevision)).toEqual(expected.map((_, i) => i));
  server.revisions.forEach((r, i) => {
    expect(sameLabels(r.document, expected[i]!), `revision ${r.revision}`).toBe(true);
  });
}

describe('autosave: saving', () => {
  it('waits for a quiet moment and saves the last of a burst of changes once', async () => {
    const { clock, server, autosave, states } = setup();
    autosave.change(step(1));
    await clock.advance(500);
    autosave.change(step(2));
    await clock.advance(500);
    expect(server.requests).toHaveLength(0);
    expect(autosave.status()).toMatchObject({ state: 'pending', pendingCount: 1 });
    await clock.advance(300);
    expectRevisions(server, [step(2)]);
    expect(autosave.status()).toMatchObject({ state: 'saved', revision: 1, pendingCount: 0, error: null });
    expect(autosave.status().lastSavedAt).toBeInstanceOf(Date);
    expect(states()).toEqual(['pending', 'saving', 'saved']);
  });

  it('still takes snapshots while changes never pause', async () => {
    const { clock, server, autosave } = setup({ maxWaitMs: 3000 });
    for (let i = 1; i <= 10; i++) {
      autosave.change(step(i));
      await clock.advance(500);
    }
    expect(server.revisions.length).toBeGreaterThanOrEqual(1);
    expect(sameLabels(server.revisions[0]!.document, step(6))).toBe(true);
  });

  it('writes the outbox before each send and clears it once everything is saved', async () => {
    const { clock, server, storage, autosave } = setup();
    autosave.change(step(1));
    await clock.advance(800);
    autosave.change(step(2));
    await clock.advance(800);
    expect(server.outboxAtSend).toHaveLength(2);
    expect(server.outboxAtSend[0]).toEqual({ baseRevision: 0, baseDocument: doc(), pending: [step(1)] });
    expect(server.outboxAtSend[1]).toMatchObject({ baseRevision: 1, pending: [step(2)] });
    expect(storage.peek()).toBeNull();
  });

  it('does not save a change that leads back to what the server has', async () => {
    const { clock, server, autosave } = setup();
    autosave.change(step(1));
    await clock.advance(800);
    autosave.change(step(2));
    autosave.change(step(1));
    await clock.advance(800);
    expect(server.revisions).toHaveLength(1);
    expect(autosave.status().state).toBe('saved');
  });

  it('reports every change of status, and only changes', async () => {
    const { clock, autosave, statuses } = setup();
    autosave.change(step(1));
    autosave.change(step(2));
    await clock.advance(800);
    expect(statuses.map((s) => [s.state, s.revision, s.pendingCount])).toEqual([
      ['pending', 0, 1],
      ['saving', 0, 1],
      ['saved', 1, 0],
    ]);
  });
});

describe('autosave: offline', () => {
  it('goes offline on a network failure and retries with backoff, the last wait repeating', async () => {
    const { clock, server, autosave } = setup();
    server.online = false;
    const attempts: number[] = [];
    const save = server.transport.save;
    server.transport.save = (b, d) => {
      attempts.push(clock.now);
      return save(b, d);
    };
    autosave.change(step(1));
    await clock.advance(800);
    expect(autosave.status().state).toBe('offline');
    await clock.advance(20_000);
    expect(attempts).toEqual([800, 1800, 3800, 8800, 13800, 18800]);
    expect(autosave.status()).toMatchObject({ state: 'offline', pendingCount: 1 });
  });

  it('retries at once when told the network is back', async () => {
    const { clock, server, autosave } = setup();
    server.online = false;
    autosave.change(step(1));
    await clock.advance(800);
    server.online = true;
    autosave.online();
    await clock.advance(0);
    expectRevisions(server, [step(1)]);
    expect(autosave.status().state).toBe('saved');
  });

  it('keeps queueing snapshots offline and replays them in order, each on the previous revision', async () => {
    const { clock, server, storage, autosave, states } = setup();
    server.online = false;
    for (let i = 1; i <= 3; i++) {
      autosave.change(step(i));
      await clock.advance(800);
    }
    expect(autosave.status()).toMatchObject({ state: 'offline', pendingCount: 3 });
    expect(storage.peek()?.pending).toEqual([step(1), step(2), step(3)]);
    server.online = true;
    autosave.online();
    await clock.advance(0);
    expectRevisions(server, [step(1), step(2), step(3)]);
    expect(server.requests.map((r) => r.baseRevision)).toEqual([0, 1, 2]);
    expect(autosave.status()).toMatchObject({ state: 'saved', revision: 3, pendingCount: 0 });
    expect(states().at(-1)).toBe('saved');
    expect(storage.peek()).toBeNull();
  });

  it('merges the oldest snapshots away beyond maxPending', async () => {
    const { clock, server, storage, autosave } = setup({ maxPending: 2 });
    server.online = false;
    for (let i = 1; i <= 5; i++) {
      autosave.change(step(i));
      await clock.advance(800);
    }
    expect(autosave.status().pendingCount).toBe(2);
    expect(storage.peek()?.pending).toEqual([step(4), step(5)]);
    server.online = true;
    autosave.online();
    await clock.advance(0);
    expectRevisions(server, [step(4), step(5)]);
  });

  it('counts a save whose answer was lost as saved, without a second revision or a conflict', async () => {
    const { clock, server, autosave, states } = setup();
    server.loseNextAnswer = true;
    autosave.change(step(1));
    await clock.advance(800);
    expect(autosave.status().state).toBe('offline');
    autosave.change(step(2));
    await clock.advance(800);
    await clock.advance(1000); // the retry: 409, and the head is our snapshot
    expectRevisions(server, [step(1), step(2)]);
    expect(server.requests.map((r) => r.baseRevision)).toEqual([0, 0, 1]);
    expect(autosave.status()).toMatchObject({ state: 'saved', revision: 2 });
    expect(states()).not.toContain('conflict');
  });
});

describe('autosave: refusals', () => {
  it('stops on someone else’s save, keeps all local work and overwrites nothing', async () => {
    const { clock, server, storage, autosave } = setup();
    server.commit(doc(box('them', 99)), 'bob');
    autosave.change(step(1));
    await clock.advance(800);
    expect(autosave.status()).toMatchObject({ state: 'conflict', conflict: { headRevision: 1 } });
    autosave.change(step(2));
    await clock.advance(60_000);
    expect(server.requests).toHaveLength(1);
    expect(server.revisions.map((r) => r.by)).toEqual(['bob']);
    expect(storage.peek()).toMatchObject({ baseRevision: 0, pending: [step(1), step(2)] });
    expect(autosave.status()).toMatchObject({ state: 'conflict', pendingCount: 2 });
    await expect(autosave.flush()).rejects.toBeInstanceOf(SaveRejected);
    expect(server.requests).toHaveLength(1);
  });

  it('reload drops the local work and hands back the head', async () => {
    const { clock, server, storage, autosave } = setup();
    server.commit(doc(box('them', 99)), 'bob');
    autosave.change(step(1));
    await clock.advance(800);
    const head = await autosave.resolveReload();
    expect(head).toEqual(server.document);
    expect(autosave.status()).toMatchObject({ state: 'saved', revision: 1, pendingCount: 0, conflict: null });
    expect(storage.peek()).toBeNull();
    autosave.change(doc(box('them', 99), box('mine', 1)));
    await clock.advance(800);
    expect(server.requests.at(-1)?.baseRevision).toBe(1);
    expect(server.revisions.map((r) => r.by)).toEqual(['bob', 'me']);
  });

  it('merge saves mine and theirs together on the head', async () => {
    const { clock, server, autosave } = setup();
    const shared = box('shrd', 0);
    autosave.change(doc(shared));
    await clock.advance(800);
    server.commit(doc(server.document.objects[0]!, box('them', 99)), 'bob');
    autosave.change(
      doc({ ...shared, geometry: { type: 'bounding_box', x: 5, y: 5, w: 5, h: 5 } }, box('mine', 1)),
    );
    await clock.advance(800);
    expect(autosave.status().state).toBe('conflict');
    const { document, conflicts } = await autosave.resolveMerge();
    expect(conflicts).toEqual([]);
    expect(document.objects.map((o) => o.id)).toEqual(['shrd', 'them', 'mine']);
    expect(server.revisions.map((r) => [r.by, r.baseRevision])).toEqual([
      ['me', 0],
      ['bob', 1],
      ['me', 2],
    ]);
    expect(sameLabels(server.document, document)).toBe(true);
    expect(server.document.objects[0]!.geometry).toEqual({ type: 'bounding_box', x: 5, y: 5, w: 5, h: 5 });
    expect(autosave.status()).toMatchObject({ state: 'saved', revision: 3, conflict: null });
  });

  it('shows an invalid document as an error, does not resend it, and sends the next change', async () => {
    const { clock, server, storage, autosave } = setup();
    server.refuseNext = new SaveRejected('invalid', 'document.objects[0].geometry: outside the image');
    autosave.change(step(1));
    await clock.advance(800);
    expect(autosave.status()).toMatchObject({
      state: 'error',
      error: 'document.objects[0].geometry: outside the image',
    });
    expect(storage.peek()?.pending).toEqual([step(1)]);
    await clock.advance(60_000);
    expect(server.requests).toHaveLength(1);
    autosave.change(step(2));
    await clock.advance(800);
    expectRevisions(server, [step(2)]);
    expect(autosave.status()).toMatchObject({ state: 'saved', error: null });
  });

  it('stops for good when the task is gone', async () => {
    const { clock, server, storage, autosave } = setup();
    server.refuseNext = new SaveRejected('gone', 'You no longer hold this task');
    autosave.change(step(1));
    await clock.advance(800);
    expect(autosave.status()).toMatchObject({ state: 'error', error: 'You no longer hold this task' });
    autosave.change(step(2));
    await clock.advance(60_000);
    expect(server.requests).toHaveLength(1);
    expect(storage.peek()?.pending).toEqual([step(1), step(2)]);
  });
});

describe('autosave: flush', () => {
  it('sends a change still in its debounce window at once and resolves when all is saved', async () => {
    const { clock, server, autosave } = setup();
    autosave.change(step(1));
    const flushed = autosave.flush();
    let done = false;
    void flushed.then(() => {
      done = true;
    });
    await clock.advance(0);
    expect(done).toBe(true);
    expectRevisions(server, [step(1)]);
    expect(autosave.status().state).toBe('saved');
  });

  it('resolves at once with nothing to send', async () => {
    const { autosave } = setup();
    await expect(autosave.flush()).resolves.toBeUndefined();
  });

  it('rejects when offline, and the queue keeps retrying', async () => {
    const { clock, server, autosave } = setup();
    server.online = false;
    autosave.change(step(1));
    const flushed = autosave.flush();
    await expect(flushed).rejects.toBeInstanceOf(NetworkDown);
    server.online = true;
    await clock.advance(1000);
    expectRevisions(server, [step(1)]);
  });
});

describe('autosave: reload', () => {
  it('picks up the outbox after a reload mid-offline, shows the newest snapshot and replays in order', async () => {
    const first = setup();
    first.server.online = false;
    first.autosave.change(step(1));
    await first.clock.advance(800);
    first.autosave.change(step(2));
    await first.clock.advance(800);
    first.autosave.change(step(3)); // still in its debounce window when the page goes away
    first.autosave.dispose();
    await first.clock.advance(0);

    const { server, clock, storage } = first;
    server.online = true;
    const { autosave, restored } = await Autosave.restore(
      first.options({ baseRevision: 0, baseDocument: doc() }),
    );
    expect(restored).toEqual(step(3));
    await clock.advance(0);
    expectRevisions(server, [step(1), step(2), step(3)]);
    expect(autosave.status()).toMatchObject({ state: 'saved', revision: 3 });
    expect(storage.peek()).toBeNull();
  });

  it('survives a reload without dispose (tab killed) as well', async () => {
    const first = setup();
    first.server.online = false;
    first.autosave.change(step(1));
    await first.clock.advance(800);
    first.server.online = true;
    const { autosave, restored } = await Autosave.restore(first.options());
    expect(restored).toEqual(step(1));
    await first.clock.advance(0);
    first.autosave.dispose();
    expectRevisions(first.server, [step(1)]);
    expect(autosave.status().state).toBe('saved');
  });

  it('meets a head moved on by someone else with a conflict, overwriting nothing', async () => {
    const first = setup();
    first.server.online = false;
    first.autosave.change(step(1));
    await first.clock.advance(800);
    first.autosave.dispose();
    const { server, clock } = first;
    server.online = true;
    server.commit(doc(box('them', 99)), 'bob');
    const { autosave, restored } = await Autosave.restore(
      first.options({ baseRevision: server.revision, baseDocument: server.document }),
    );
    expect(restored).toEqual(step(1));
    await clock.advance(0);
    expect(autosave.status()).toMatchObject({ state: 'conflict', conflict: { headRevision: 1 } });
    expect(server.revisions.map((r) => r.by)).toEqual(['bob']);
    const { document } = await autosave.resolveMerge();
    expect(document.objects.map((o) => o.id)).toEqual(['them', 'obj0']);
    expect(server.revisions.map((r) => r.by)).toEqual(['bob', 'me']);
  });

  it('recognises its own save whose answer was lost before the reload', async () => {
    const first = setup();
    first.server.loseNextAnswer = true;
    first.autosave.change(step(1));
    await first.clock.advance(800);
    first.autosave.change(step(2));
    await first.clock.advance(800);
    first.autosave.dispose();
    const { server, clock, storage } = first;
    expect(storage.peek()).toMatchObject({ baseRevision: 0, pending: [step(1), step(2)] });
    const { autosave, restored } = await Autosave.restore(
      first.options({ baseRevision: server.revision, baseDocument: server.document }),
    );
    expect(restored).toEqual(step(2));
    await clock.advance(0);
    expectRevisions(server, [step(1), step(2)]);
    expect(autosave.status()).toMatchObject({ state: 'saved', revision: 2 });
  });

  it('restores nothing when the head already holds the outbox’s newest snapshot', async () => {
    const first = setup();
    first.server.online = false;
    first.autosave.change(step(1));
    await first.clock.advance(800);
    first.autosave.dispose();
    const { server, storage, clock } = first;
    server.online = true;
    server.commit(step(1), 'me'); // saved from elsewhere (another tab of the same session)
    const { autosave, restored } = await Autosave.restore(
      first.options({ baseRevision: server.revision, baseDocument: server.document }),
    );
    expect(restored).toBeNull();
    await clock.advance(60_000);
    expect(server.requests).toHaveLength(0);
    expect(storage.peek()).toBeNull();
    expect(autosave.status()).toMatchObject({ state: 'saved', revision: 1 });
  });

  it('restores nothing from an empty outbox', async () => {
    const { options } = setup();
    const { restored, autosave } = await Autosave.restore(options());
    expect(restored).toBeNull();
    expect(autosave.status()).toMatchObject({ state: 'saved', pendingCount: 0 });
  });
});
