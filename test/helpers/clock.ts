import { NOW } from '../domain/flows/fixtures';

/** A clock the test moves by hand: no real waiting for deadlines. Starts at NOW (2026-04-10 12:00 JST). */
export class ManualClock {
  t = new Date(NOW);
  now = () => new Date(this.t);
  advanceMinutes(m: number) {
    this.t = new Date(this.t.getTime() + m * 60_000);
  }
  set(iso: string) {
    this.t = new Date(iso);
  }
}

/**
 * Time for the rate budget in turn tests: runs with the real clock but jumps ahead instead of
 * sleeping, so Teams' per-conversation windows (8 per 2 s …) hold in the budget's time without
 * making a flow test wait. The rate engine itself is tested with its own clocks (test/domain,
 * test/services/rate-limiter.test.ts, test/teams/sender-*.test.ts).
 */
export class SkipAheadTimer {
  private offset = 0;
  now = () => Date.now() + this.offset;
  sleep = async (ms: number) => {
    this.offset += Math.max(0, ms);
    await new Promise<void>((r) => setImmediate(r));
  };
}

/**
 * Virtual time for the rate budget: stands still until someone waits, then jumps to the end of the
 * wait. What the budget allows is then exact in this time, whatever the machine's speed.
 */
export class VirtualRateTimer {
  t = Date.parse('2026-11-26T00:00:00Z');
  now = () => this.t;
  sleep = async (ms: number) => {
    this.t += Math.max(0, ms);
    await new Promise<void>((r) => setImmediate(r));
  };
}
