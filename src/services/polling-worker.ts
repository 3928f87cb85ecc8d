import type { Logger } from '../logger';

/**
 * A background worker over durable rows (outbox, webhook deliveries): it drains what is due on a
 * poll interval and whenever kicked after a commit. One drain runs at a time; a kick during a drain
 * schedules one more. Nothing is kept in memory that a restart would lose — the rows are the state.
 */
export abstract class PollingWorker {
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<number> | undefined;
  private again = false;
  private stopped = false;

  protected constructor(private readonly worker: { logger: Logger; pollMs: number; name: string }) {}

  /** Processes every due item once; returns how many succeeded. Exposed for tests and benchmarks. */
  abstract drain(): Promise<number>;

  /** True once stop() was called: a long drain stops taking new work and finishes what it started. */
  protected get stopping(): boolean {
    return this.stopped;
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.worker.pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
  }

  /**
   * Waits for the drain in progress, then drains once more: afterwards nothing that was due is left
   * unattempted and no attempt started before is still running. For tests (explicit drains instead
   * of sleeping to prove that nothing more happens).
   */
  async settle(): Promise<void> {
    while (this.draining) await this.draining;
    await this.drain();
    while (this.draining) await this.draining;
  }

  /** Ask for a drain soon (after a commit that enqueued work). Never throws, never blocks the caller. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((err: unknown) => {
        this.worker.logger.error({ err: (err as Error).message }, `${this.worker.name} drain failed`);
        return 0;
      })
      .finally(() => {
        this.draining = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }
}
