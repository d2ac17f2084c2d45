/**
 * Review decisions go to the server one request at a time, in the order they were made, so an
 * answer never overwrites a later one; the task's own Approve/Reject waits for `idle()` first.
 * Jobs report their own failures.
 */
export class DecisionQueue {
  private tail: Promise<void> = Promise.resolve();

  run(job: () => Promise<void>): void {
    this.tail = this.tail.then(job).catch(() => undefined);
  }

  idle(): Promise<void> {
    return this.tail;
  }
}
