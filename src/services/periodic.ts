// A job the bot runs at start-up and then on an interval while it runs (anchoring the audit chain,
// retention). One run at a time; a failure is reported and the next interval tries again; stop
// waits for the run in flight. Every such job is idempotent, so nothing about it lives only here.
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly everyMs: number,
    /** `atStart` is true for the run at start-up. */
    private readonly run: (atStart: boolean) => Promise<void>,
    private readonly onError: (err: Error) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(false), this.everyMs);
    this.timer.unref();
    void this.tick(true);
  }

  tick(atStart = false): Promise<unknown> {
    this.running = this.running
      .then(() => this.run(atStart))
      .catch((err: unknown) => this.onError(err as Error));
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
