/**
 * Wakes live subscriptions when something may have been appended. A wake-up carries no
 * data: a woken subscription reads the log, which is the only data path. Take a ticket
 * before reading and wait with it, so a wake-up that arrives during the read is not lost.
 */
export class AppendWaker {
  private generation = 0;
  private waiters = new Set<() => void>();

  ticket(): number {
    return this.generation;
  }

  wake(): void {
    this.generation++;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const resolve of waiters) resolve();
  }

  /** Resolves on the next wake-up after `ticket`, after `timeoutMs`, or on abort. */
  wait(ticket: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (ticket !== this.generation || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }
}
