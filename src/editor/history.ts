// Undo and redo as stacks of whole snapshots. Documents are immutable and share their untouched
// objects, so a snapshot costs one array, and restoring one can never be subtly incomplete the way
// replaying inverse commands can.

export const HISTORY_CAPACITY = 500;

export class History<T> {
  private readonly past: T[] = [];
  private future: T[] = [];
  private lastKey: string | null = null;

  constructor(private readonly capacity = HISTORY_CAPACITY) {}

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /**
   * Records `before`, the state a change is about to replace. A change with the same coalesce key
   * as the one just recorded folds into it (typing a word is one step), so its `before` is dropped.
   */
  record(before: T, coalesceKey?: string): void {
    this.future = [];
    if (coalesceKey !== undefined && coalesceKey === this.lastKey && this.past.length > 0) return;
    this.lastKey = coalesceKey ?? null;
    this.past.push(before);
    if (this.past.length > this.capacity) this.past.shift();
  }

  /** The state to go back to, given the current one (kept for redo), or null at the start. */
  undo(current: T): T | null {
    const previous = this.past.pop();
    if (previous === undefined) return null;
    this.future.push(current);
    this.lastKey = null;
    return previous;
  }

  redo(current: T): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(current);
    this.lastKey = null;
    return next;
  }

  /** Ends the current coalescing run: the next edit is its own step even with the same key. */
  seal(): void {
    this.lastKey = null;
  }

  clear(): void {
    this.past.length = 0;
    this.future = [];
    this.lastKey = null;
  }
}
